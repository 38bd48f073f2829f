/**
 * What the request log line needs, gathered over one HTTP request by hooks that never see each
 * other's arguments (the masked-error handler gets no context at all): an AsyncLocalStorage
 * record opened around the whole request by `useRequestLog`'s instrumentation.
 *
 * The same record carries the operation's RequestScope (src/request-scope.ts) for the HTTP
 * layer: one AsyncLocalStorage `run()` per request instead of two (each one showed in the
 * bench's profiles).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RequestScope } from '../request-scope.js';
import type { UpstreamEvent } from '../sources/http.js';

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
  /** The executing operation's scope (set by useRequestScope when execution starts). */
  scope: RequestScope | null;
  /**
   * Set on a record that only carries a scope: an operation run outside an HTTP request (a
   * WebSocket message). Not a request record.
   */
  scopeOnly?: true;
}

const storage = new AsyncLocalStorage<RequestRecord>();

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
    scope: null,
  };
}

export function runWithRequestRecord<T>(record: RequestRecord, fn: () => T): T {
  return storage.run(record, fn);
}

export function currentRequestRecord(): RequestRecord | undefined {
  const record = storage.getStore();
  return record?.scopeOnly ? undefined : record;
}

/** The scope of the operation running now, if any. */
export function currentScope(): RequestScope | undefined {
  return storage.getStore()?.scope ?? undefined;
}

/**
 * Makes `scope` the current operation's scope for `fn`. The first operation of an HTTP request
 * takes its request's record (no new storage scope); any other runs under a record of its own.
 */
export function runWithScope<T>(scope: RequestScope, fn: () => T): T {
  const record = storage.getStore();
  if (record && !record.scopeOnly) {
    if (record.scope === null || record.scope === scope) {
      record.scope = scope;
      return fn();
    }
    // Another operation of a batched request: the same request record (id, logger), its own scope.
    const batched = Object.create(record) as RequestRecord;
    batched.scope = scope;
    return storage.run(batched, fn);
  }
  const own: RequestRecord = { requestId: scope.requestId, startedAt: 0, operationName: null, operationType: null, errorCodes: [], upstream: scope.upstream, logger: null, scope, scopeOnly: true };
  return storage.run(own, fn);
}

/** The id the log line and masked errors use for this request. */
export function requestIdFor(request: Request): string {
  return currentRequestRecord()?.requestId ?? newRequestRecord(request.headers, 0).requestId;
}

/**
 * Logs an error the response only names vaguely (e.g. a source that "failed unexpectedly"),
 * under the current request's id; a no-op outside a request.
 */
export function logUnexpected(error: unknown, fields: Record<string, unknown>, message: string): void {
  const record = currentRequestRecord();
  record?.logger?.error({ requestId: record.requestId, ...fields, err: error instanceof Error ? error : new Error(String(error)) }, message);
}
