/**
 * What the request log line needs, gathered over one HTTP request by hooks that never see each
 * other's arguments: a record attached to Yoga's request object by `useRequestLog`'s
 * instrumentation, which wraps the whole request, and found again from the request (or the
 * GraphQL context's `request`) by every later hook.
 *
 * It used to live in AsyncLocalStorage, whose promise hooks touch every promise of the process
 * on Node 20; see request-scope.ts for what that cost.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { UpstreamEvent } from '../sources/http.js';
import { logTraceFields, traceOf } from './tracing-context.js';

export interface RequestRecord {
  requestId: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  operationName: string | null;
  operationType: string | null;
  /** Error codes in the response (`extensions.code`, or `UNKNOWN`), one per error. */
  errorCodes: string[];
  /** The request scope's upstream events, once the GraphQL context exists. */
  upstream: UpstreamEvent[] | null;
  /** The gateway's logger, for code that has no other way to reach it (see logUnexpected). */
  logger: Logger | null;
}

/** A property of the request object, not a WeakMap entry (see GatewayContext.listings). */
const RECORD = Symbol('ticketgraph.requestRecord');
type RecordedRequest = Request & { [RECORD]?: RequestRecord };

/** A client's own request id is kept when it is a plain token; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestRecord(headers: Headers, startedAt: number, logger: Logger | null = null): RequestRecord {
  const given = headers.get('x-request-id');
  return {
    requestId: given !== null && REQUEST_ID.test(given) ? given : randomUUID(),
    startedAt,
    operationName: null,
    operationType: null,
    errorCodes: [],
    upstream: null,
    logger,
  };
}

export function attachRequestRecord(request: Request, record: RequestRecord): void {
  (request as RecordedRequest)[RECORD] = record;
}

/** The record of this HTTP request; undefined for an operation with no HTTP request of its own (WebSocket). */
export function requestRecordOf(request: Request | undefined): RequestRecord | undefined {
  return request ? (request as RecordedRequest)[RECORD] : undefined;
}

/** The id the log line and masked errors use for this request. */
export function requestIdFor(request: Request): string {
  return requestRecordOf(request)?.requestId ?? newRequestRecord(request.headers, 0).requestId;
}

/**
 * Logs an error the response only names vaguely (e.g. a source that "failed unexpectedly"),
 * under the request's id; a no-op without a request record.
 */
export function logUnexpected(request: Request | undefined, error: unknown, fields: Record<string, unknown>, message: string): void {
  const record = requestRecordOf(request);
  record?.logger?.error(
    { requestId: record.requestId, ...logTraceFields(traceOf(request)), ...fields, err: error instanceof Error ? error : new Error(String(error)) },
    message,
  );
}
