/**
 * One JSON log line per GraphQL request (request id, operation, HTTP status, duration, error
 * count and codes, per-source upstream timings) and the request metrics, both taken when the
 * response is ready; the line is written just after it is sent. The request id is echoed in
 * the `x-request-id` response header.
 *
 * The per-request record is attached to the request by `instrumentation.request`, which wraps
 * the whole request, and every hook below finds it from its request or context.
 */
import { performance } from 'node:perf_hooks';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { attachRequestRecord, newRequestRecord, requestRecordOf, type RequestRecord } from '../observability/request-context.js';
import { claimMaskedErrors } from '../observability/mask-error.js';
import { logLater } from '../observability/logger.js';
import { logTraceFields, traceOf } from '../observability/tracing-context.js';
import type { UpstreamEvent } from '../sources/http.js';
import { requestPath } from './request-path.js';
import { clientAddress } from './use-rate-limit.js';

export interface RequestLogOptions {
  logger: Logger;
  /** Request count and latency by operation; none recorded without it. */
  metrics?: GatewayMetrics;
  /** Requests to other paths (health, metrics, GraphiQL assets) are logged at `debug`. @default '/graphql' */
  graphqlEndpoint?: string;
  /** Proxy hops to trust for the client address (see useRateLimit's clientAddress). @default 0 */
  trustProxy?: number;
}

export interface SourceTimings {
  calls: number;
  retries: number;
  failures: number;
  totalMs: number;
  slowestMs: number;
  outcomes: Record<string, number>;
}

/** Upstream attempts summed per source: what the log line carries. */
export function summarizeUpstream(events: readonly UpstreamEvent[]): Record<string, SourceTimings> {
  const out: Record<string, SourceTimings> = {};
  for (const event of events) {
    const t = (out[event.source] ??= { calls: 0, retries: 0, failures: 0, totalMs: 0, slowestMs: 0, outcomes: {} });
    t.calls++;
    if (event.attempt > 0) t.retries++;
    if (event.outcome !== 'ok') t.failures++;
    t.totalMs = round(t.totalMs + event.durationMs);
    t.slowestMs = round(Math.max(t.slowestMs, event.durationMs));
    t.outcomes[event.outcome] = (t.outcomes[event.outcome] ?? 0) + 1;
  }
  return out;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

function errorCodesOf(result: unknown): string[] {
  const results = Array.isArray(result) ? result : [result];
  const codes: string[] = [];
  for (const one of results) {
    if (typeof one !== 'object' || one === null || !('errors' in one) || !Array.isArray(one.errors)) continue;
    for (const error of one.errors as unknown[]) {
      const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
      codes.push(typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN');
    }
  }
  return codes;
}

function noteOperation(record: RequestRecord | undefined, document: Parameters<typeof getOperationAST>[0], operationName: string | null | undefined) {
  if (!record) return;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return;
  record.operationType = operation.operation;
  record.operationName = operation.name?.value ?? null;
}

export function useRequestLog(options: RequestLogOptions): Plugin<GatewayContext> {
  const endpoint = options.graphqlEndpoint ?? '/graphql';
  const logger = options.logger;
  return {
    instrumentation: {
      request({ request }, wrapped) {
        attachRequestRecord(request, newRequestRecord(request.headers, performance.now(), logger));
        return wrapped();
      },
    },
    onParse({ context }) {
      return ({ result }) => {
        if (result && typeof result === 'object' && 'kind' in result) {
          const params = (context as { params?: { operationName?: string | null } }).params;
          noteOperation(requestRecordOf(context.request), result, params?.operationName);
        }
      };
    },
    onContextBuilding() {
      return ({ context }) => {
        const record = requestRecordOf(context.request);
        if (record && context.scope) record.upstream = context.scope.upstream;
      };
    },
    onExecute({ args }) {
      noteOperation(requestRecordOf(args.contextValue.request), args.document, args.operationName);
    },
    onResultProcess({ request, result }) {
      const record = requestRecordOf(request);
      if (!record) return;
      // Errors masked before any operation ran (execution's own carry their id already).
      claimMaskedErrors(result, record.requestId, traceOf(request));
      record.errorCodes = errorCodesOf(result);
    },
    onResponse({ request, response, serverContext }) {
      const record = requestRecordOf(request);
      if (!record) return;
      try {
        response.headers.set('x-request-id', record.requestId);
      } catch {
        // An immutable response (e.g. Response.error()): the id is still in the log.
      }
      const durationMs = round(performance.now() - record.startedAt);
      const path = requestPath(request);
      const isGraphQL = path === endpoint && !(response.headers.get('content-type') ?? '').startsWith('text/html');
      if (!isGraphQL) {
        logger.debug({ requestId: record.requestId, method: request.method, path, status: response.status, durationMs }, 'http request');
        return;
      }
      options.metrics?.observeRequest({
        operationName: record.operationName,
        operationType: record.operationType,
        status: response.status,
        durationMs,
        errorCodes: record.errorCodes,
      });
      const upstream = record.upstream ?? [];
      const line = {
        requestId: record.requestId,
        ...logTraceFields(traceOf(request)),
        method: request.method,
        operationName: record.operationName,
        operationType: record.operationType,
        status: response.status,
        durationMs,
        errors: record.errorCodes.length,
        ...(record.errorCodes.length > 0 ? { errorCodes: [...new Set(record.errorCodes)] } : {}),
        upstreamCalls: upstream.length,
        upstream: summarizeUpstream(upstream),
        client: clientAddress(request, serverContext, options.trustProxy ?? 0),
      };
      const level = response.status >= 500 ? 'error' : response.status >= 400 && response.status !== 404 ? 'warn' : 'info';
      // Written once the response is on its way: serializing and redacting the line took about
      // 80 µs of each request's latency. The line is complete already (durations and trace ids).
      logLater(() => logger[level](line, 'graphql request'));
    },
  };
}
