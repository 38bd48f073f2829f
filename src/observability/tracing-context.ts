/**
 * The small part of tracing the hot path touches (http.ts, merged-connection.ts, the request
 * log). No OpenTelemetry context manager: on Node 20 one is AsyncLocalStorage, whose promise
 * hooks cost every promise of the process (about 230 per fan-out request), the largest part of
 * what tracing cost (bench/README.md, issue 19). The trace context is carried explicitly
 * instead, as a property of the objects the work already passes along: the HTTP request
 * (its `graphql.request` span), the GraphQL context (the operation's current span), and each
 * upstream call's signal (the span its attempts are children of).
 *
 * Untraced, nothing here does any work: nothing carries a trace, so no span object is made and
 * nothing is injected into outgoing headers. The tracer travels in the context too (TRACER_KEY),
 * so a gateway without tracing in a process where another one has it starts no span.
 */
import { createContextKey, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export const TRACER_KEY = createContextKey('ticketgraph.tracer');
export const propagator = new W3CTraceContextPropagator();

/** A property of the carrier, not a WeakMap entry (see GatewayContext.listings). */
const TRACE = Symbol('ticketgraph.trace');
type TraceCarrier = { [TRACE]?: Context };

/** The trace context `carrier` carries (a request, a GraphQL context, an upstream call's signal); undefined when untraced. */
export function traceOf(carrier: object | null | undefined): Context | undefined {
  return carrier ? (carrier as TraceCarrier)[TRACE] : undefined;
}

/** Makes `carrier` carry `traceContext` (nothing when undefined); returns the carrier. */
export function bindTrace<T extends object>(carrier: T, traceContext: Context | undefined): T {
  if (traceContext) (carrier as TraceCarrier)[TRACE] = traceContext;
  return carrier;
}

function tracerOf(traceContext: Context | undefined): Tracer | undefined {
  return traceContext?.getValue(TRACER_KEY) as Tracer | undefined;
}

/**
 * Runs `fn` inside a child span of `parent` (when traced), handing it the span's context to
 * pass on; `after` adds attributes from the result. A failure marks the span with the error's
 * type only: an error message can quote a vendor's answer.
 */
export function inSpan<T>(
  parent: Context | undefined,
  name: string,
  attributes: Attributes,
  fn: (traceContext: Context | undefined) => Promise<T>,
  after?: (result: T) => Attributes,
): Promise<T> {
  const tracer = tracerOf(parent);
  // Untraced: the call as it was, not even an extra promise.
  if (!tracer || !parent) return fn(undefined);
  const span = tracer.startSpan(name, { attributes }, parent);
  return (async () => {
    try {
      const result = await fn(trace.setSpan(parent, span));
      if (after) span.setAttributes(after(result));
      return result;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', errorType(error));
      throw error;
    } finally {
      span.end();
    }
  })();
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
export function startUpstreamAttempt(details: {
  /** The trace context of the call (its signal's), undefined when untraced. */
  parent: Context | undefined;
  source: string;
  method: string;
  url: URL;
  path: string;
  attempt: number;
}): UpstreamAttemptSpan | undefined {
  const { parent, url } = details;
  const tracer = tracerOf(parent);
  if (!tracer || !parent) return undefined;
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
  }, parent);
  return {
    headers(headers) {
      const out = { ...headers };
      propagator.inject(trace.setSpan(parent, span), out, {
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

export interface TraceLogFields {
  traceId?: string;
  spanId?: string;
}

/** Spread into every request's log line: one shared empty object, not a new one per untraced request. */
const NO_TRACE_FIELDS: TraceLogFields = Object.freeze({});

/** `traceId`/`spanId` of a trace context's span, for a log line; nothing when untraced. */
export function logTraceFields(traceContext: Context | undefined): TraceLogFields {
  const span = traceContext ? trace.getSpan(traceContext) : undefined;
  if (!span) return NO_TRACE_FIELDS;
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
