/**
 * The small part of tracing the hot path touches (http.ts, merged-connection.ts, the logger).
 * With tracing off nothing here does any work: `tracingStarted` stays false, so no context is
 * read, no span object is made and nothing is injected into outgoing headers.
 *
 * The tracer travels in the OpenTelemetry context, set by the request (or WebSocket operation) span
 * (tracing.ts), so a gateway without tracing in a process where another one has it still
 * starts no span: its requests carry no tracer.
 */
import { context, createContextKey, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export const TRACER_KEY = createContextKey('ticketgraph.tracer');
export const propagator = new W3CTraceContextPropagator();

let tracingStarted = false;

/** Called once a tracer provider exists in this process (tracing.ts). */
export function markTracingStarted(): void {
  tracingStarted = true;
}

/** The tracer of the GraphQL request being served, if it is traced. */
export function activeTracer(): Tracer | undefined {
  if (!tracingStarted) return undefined;
  return context.active().getValue(TRACER_KEY) as Tracer | undefined;
}

/**
 * Runs background work started while serving an operation (a live source poller, whose timers
 * would otherwise carry that operation's context for as long as they run) outside any trace:
 * no tracer, so its upstream calls make no spans and its log lines no trace ids.
 */
export function untraced<T>(fn: () => T): T {
  if (!tracingStarted) return fn();
  return context.with(ROOT_CONTEXT, fn);
}

/**
 * Runs `fn` inside a child span of the current one (when traced); `after` adds attributes
 * from the result. A failure marks the span with the error's type only: an error message can
 * quote a vendor's answer.
 */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>, after?: (result: T) => Attributes): Promise<T> {
  const tracer = activeTracer();
  // Untraced: the call as it was, not even an extra promise.
  if (!tracer) return fn();
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await fn();
      if (after) span.setAttributes(after(result));
      return result;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', errorType(error));
      throw error;
    } finally {
      span.end();
    }
  });
}

export interface UpstreamAttemptSpan {
  /** The attempt's headers plus `traceparent` (and `tracestate`), a new object. */
  headers(headers: Record<string, string>): Record<string, string>;
  end(result: { status: number | null; outcome: string }): void;
}

/**
 * One upstream attempt as an HTTP client span (OpenTelemetry HTTP client conventions). Only
 * the method, the vendor's host and port and the path without its query string are recorded:
 * never a header, a body or a query (vendors carry credentials in all three).
 */
export function startUpstreamAttempt(details: { source: string; method: string; url: URL; path: string; attempt: number }): UpstreamAttemptSpan | undefined {
  const tracer = activeTracer();
  if (!tracer) return undefined;
  const { url } = details;
  const span: Span = tracer.startSpan(details.method, {
    kind: SpanKind.CLIENT,
    attributes: {
      'http.request.method': details.method,
      'server.address': url.hostname,
      'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      'url.path': details.path.split('?')[0] ?? '',
      'ticketgraph.source': details.source,
      'ticketgraph.retry': details.attempt,
    },
  });
  return {
    headers(headers) {
      const out = { ...headers };
      propagator.inject(trace.setSpan(context.active(), span), out, {
        set: (carrier, key, value) => {
          carrier[key] = value;
        },
      });
      return out;
    },
    end({ status, outcome }) {
      if (status !== null) span.setAttribute('http.response.status_code', status);
      span.setAttribute('ticketgraph.outcome', outcome);
      if (outcome !== 'ok') {
        span.setAttribute('error.type', outcome);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}

/**
 * `traceId`/`spanId` of the active span for a log line (pino mixin); nothing when untraced.
 * A new object each time: pino merges the line's own fields into what a mixin returns.
 */
export function logTraceFields(): { traceId?: string; spanId?: string } {
  if (!tracingStarted) return {};
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** An error's class or code, never its message. */
export function errorType(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { upstreamCode?: unknown; code?: unknown }).upstreamCode ?? (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code)) return code;
    if (error instanceof Error && /^[A-Za-z]{1,64}$/.test(error.name)) return error.name;
  }
  return 'Error';
}
