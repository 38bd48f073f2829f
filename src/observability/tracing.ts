/**
 * OpenTelemetry tracing (issue #19), exported over OTLP/HTTP JSON. Off unless an endpoint is
 * configured; then each GraphQL request is one trace (or continues the caller's W3C
 * `traceparent`):
 *
 *   graphql.request (SERVER)            operation name and type; the document only with captureDocument
 *   ├─ graphql.parse / graphql.validate
 *   └─ graphql.execute
 *      └─ ticketgraph.tickets.page       one merged `tickets` page (merged-connection.ts)
 *         └─ GET / POST … (CLIENT)       one per upstream attempt (http.ts), `traceparent` sent on
 *
 * An operation over WebSocket (graphql-ws, websocket.ts) has no HTTP request of its own: it is
 * one `graphql.operation` (SERVER) span with the same children, parented by the `traceparent` of
 * the upgrade request or of `connectionParams` (webSocketOperation below).
 *
 * Never recorded: variables, headers, bodies, query strings, error messages (they can quote a
 * vendor's answer), credentials. Modelled on Hive Gateway's OpenTelemetry plugin
 * (graphql-hive/gateway packages/plugins/opentelemetry/src/plugin.ts, spans.ts).
 *
 * Export never holds a request: spans go to a batch processor with a bounded queue (the
 * standard OTEL_BSP_* variables), through a circuit breaker (tracing-exporter.ts); close()
 * flushes, bounded by SHUTDOWN_TIMEOUT_MS.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { getOperationAST, print, type DocumentNode, type ExecutionArgs, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestPath } from '../plugins/request-path.js';
import type { GatewaySettings } from '../settings.js';
import { CircuitBreakerExporter, type CircuitBreakerOptions } from './tracing-exporter.js';
import { bindTrace, errorType, propagator, traceOf, TRACER_KEY } from './tracing-context.js';

export type TracingEnv = Record<string, string | undefined>;
type TracingSettings = NonNullable<GatewaySettings['tracing']>;

/** close() waits this long for the last spans to reach the collector, then gives up on them. */
export const SHUTDOWN_TIMEOUT_MS = 3_000;
/** Each export request's timeout: a hung collector is given up on quickly. */
const EXPORT_TIMEOUT_MS = 5_000;

export interface TracingConfig {
  /** The full OTLP/HTTP traces URL. */
  url: string;
  serviceName: string;
  sampler: Sampler;
  headers: Record<string, string>;
  captureDocument: boolean;
}

export class TracingConfigError extends Error {
  override name = 'TracingConfigError';
}

/**
 * `gateway.tracing` with the standard OTEL_* variables over it; null when tracing is off (no
 * endpoint anywhere, or OTEL_SDK_DISABLED=true).
 */
export function resolveTracing(settings: GatewaySettings['tracing'], env: TracingEnv = process.env): TracingConfig | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const url = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ?? tracesUrl(nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT)) ?? settings?.endpoint;
  if (!url) return null;
  if (!/^https?:\/\//i.test(url)) throw new TracingConfigError(`tracing endpoint must be an http(s) URL: ${JSON.stringify(url.slice(0, 100))}`);
  return {
    url,
    serviceName: nonEmpty(env.OTEL_SERVICE_NAME) ?? settings?.serviceName ?? 'ticketgraph',
    sampler: samplerFrom(env, settings?.sampleRatio ?? 1),
    headers: { ...settings?.headers },
    captureDocument: settings?.captureDocument ?? false,
  };
}

/** OTEL_EXPORTER_OTLP_ENDPOINT is a base URL: the signal's path is appended (OTLP exporter spec). */
function tracesUrl(base: string | undefined): string | undefined {
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** OTEL_TRACES_SAMPLER / _ARG as the SDK environment spec names them; else the configured ratio, parent-based. */
export function samplerFrom(env: TracingEnv, sampleRatio: number): Sampler {
  const name = nonEmpty(env.OTEL_TRACES_SAMPLER)?.toLowerCase();
  const arg = nonEmpty(env.OTEL_TRACES_SAMPLER_ARG);
  const ratio = () => {
    if (arg === undefined) return sampleRatio;
    const value = Number(arg);
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new TracingConfigError(`OTEL_TRACES_SAMPLER_ARG must be a number in 0..1, got ${JSON.stringify(arg.slice(0, 50))}`);
    return value;
  };
  switch (name) {
    case undefined:
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio) });
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio());
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio()) });
    default:
      throw new TracingConfigError(`OTEL_TRACES_SAMPLER ${JSON.stringify(name.slice(0, 50))} is not supported (always_on, always_off, traceidratio, parentbased_*)`);
  }
}

export interface Tracing {
  tracer: Tracer;
  /** First in the plugin list: its request span is the parent of every other. */
  plugin: Plugin;
  /** Flushes what is queued (bounded by SHUTDOWN_TIMEOUT_MS) and stops exporting. */
  shutdown(): Promise<void>;
  /**
   * Traces one operation received over WebSocket (websocket.ts): `prepare` (parse, validate,
   * context) runs in a new `graphql.operation` span, whose trace context it is handed to put on
   * the operation's GraphQL context (`bindTrace`), and the execute/subscribe of the arguments it
   * returns run in that span too and end it.
   */
  webSocketOperation<A extends WebSocketOperationArgs>(
    carrier: WebSocketCarrier,
    prepare: (traceContext: Context) => Promise<A | readonly GraphQLError[]>,
  ): Promise<A | readonly GraphQLError[]>;
}

/** What graphql-ws' onSubscribe hands on: the arguments plus the enveloped execute and subscribe. */
export type WebSocketOperationArgs = ExecutionArgs & {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

/** Where a WebSocket operation's parent trace can come from. */
export interface WebSocketCarrier {
  /** The upgrade request's headers. */
  headers: Headers;
  /** connection_init's payload: browsers cannot set headers on a WebSocket, so `traceparent` (and `tracestate`) may come here. */
  connectionParams: Readonly<Record<string, unknown>> | undefined;
}

let providersCreated = 0;
/** How many tracer providers this process made (tests: "tracing off creates none"). */
export function tracerProvidersCreated(): number {
  return providersCreated;
}

export interface TracingOptions {
  /** Replaces the OTLP exporter (tests). */
  exporter?: SpanExporter;
  breaker?: CircuitBreakerOptions;
  graphqlEndpoint?: string;
}

/** The tracing of one gateway, or null when it is off (then nothing of the SDK is created). */
export function createTracing(settings: GatewaySettings['tracing'], env: TracingEnv = process.env, options: TracingOptions = {}): Tracing | null {
  const config = resolveTracing(settings, env);
  if (!config) return null;
  const exporter =
    options.exporter ??
    new OTLPTraceExporter({ url: config.url, headers: config.headers, timeoutMillis: EXPORT_TIMEOUT_MS, concurrencyLimit: 2 });
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': config.serviceName }),
    sampler: config.sampler,
    spanProcessors: [new BatchSpanProcessor(new CircuitBreakerExporter(exporter, options.breaker), { exportTimeoutMillis: EXPORT_TIMEOUT_MS })],
  });
  providersCreated++;
  const tracer = provider.getTracer('ticketgraph');
  return {
    tracer,
    plugin: useTracing(tracer, config.captureDocument, options.graphqlEndpoint ?? '/graphql'),
    webSocketOperation: (carrier, prepare) => traceWebSocketOperation(tracer, config.captureDocument, carrier, prepare),
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        provider.shutdown().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

const headersGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};

const paramsGetter: TextMapGetter<Readonly<Record<string, unknown>>> = {
  get: (params, key) => {
    const value = params[key];
    return typeof value === 'string' ? value : undefined;
  },
  keys: (params) => Object.keys(params),
};

/** The upgrade request's `traceparent`, else connection_init's (W3C; malformed ones are ignored). */
function webSocketParent({ headers, connectionParams }: WebSocketCarrier): Context {
  if (headers.has('traceparent') || !connectionParams) return propagator.extract(ROOT_CONTEXT, headers, headersGetter);
  return propagator.extract(ROOT_CONTEXT, connectionParams, paramsGetter);
}

/** The operation's type and name (and document with captureDocument): the attributes the HTTP request span gets. */
function describeOperation(span: Span, document: DocumentNode, operationName: string | null | undefined, captureDocument: boolean): boolean {
  const operation = getOperationAST(document, operationName);
  span.setAttribute('graphql.operation.type', operation?.operation ?? 'unknown');
  if (operation?.name?.value) span.setAttribute('graphql.operation.name', operation.name.value);
  if (captureDocument) span.setAttribute('graphql.document', print(document));
  return operation !== null && operation !== undefined;
}

/** Errors of a single result; a stream's (subscription, incremental delivery) are not counted. */
function countErrors(span: Span, result: unknown): void {
  if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result) return;
  const errors = (result as { errors?: unknown }).errors;
  span.setAttribute('graphql.error.count', Array.isArray(errors) ? errors.length : 0);
}

/**
 * One WebSocket operation as a span, as Hive Gateway's OpenTelemetry plugin does for graphql-ws.
 * Its trace context is on the operation's GraphQL context, so the phase spans (instrumentation in
 * useTracing: envelop instruments getEnveloped's parse/validate/execute/subscribe too) and, under
 * execute, the page and upstream attempt spans nest under it.
 *
 * A subscription's span ends when subscribe has returned the stream, not when the stream ends:
 * a span open for the hours a subscription lives would hold memory all that time and reach the
 * collector (and any tail sampler) only at the end. Events delivered later have no spans; the
 * live pollers producing them run outside any trace (live/hub.ts, `untraced`).
 */
async function traceWebSocketOperation<A extends WebSocketOperationArgs>(
  tracer: Tracer,
  captureDocument: boolean,
  carrier: WebSocketCarrier,
  prepare: (traceContext: Context) => Promise<A | readonly GraphQLError[]>,
): Promise<A | readonly GraphQLError[]> {
  const parent = webSocketParent(carrier);
  const span = tracer.startSpan('graphql.operation', { kind: SpanKind.SERVER }, parent);
  const active = trace.setSpan(parent, span).setValue(TRACER_KEY, tracer);
  const prepared = await endAfter(span, () => prepare(active), true);
  if (isErrorList(prepared)) {
    // Refused before execution (validation): graphql-ws sends these errors.
    span.setAttribute('graphql.error.count', prepared.length);
    span.end();
    return prepared;
  }
  if (!describeOperation(span, prepared.document, prepared.operationName, captureDocument)) {
    // No such operation in the document: graphql-ws answers that itself and calls neither execute nor subscribe.
    span.end();
    return prepared;
  }
  const finish =
    (run: (args: ExecutionArgs) => unknown) =>
    (args: ExecutionArgs): unknown =>
      endAfter(span, () => {
        const result = run(args);
        if (!(result instanceof Promise)) {
          countErrors(span, result);
          return result;
        }
        return result.then((value: unknown) => {
          countErrors(span, value);
          return value;
        });
      });
  return { ...prepared, execute: finish(prepared.execute), subscribe: finish(prepared.subscribe) };
}

function isErrorList(value: WebSocketOperationArgs | readonly GraphQLError[]): value is readonly GraphQLError[] {
  return Array.isArray(value);
}

/** The GraphQL context's trace (its operation's current span), else its HTTP request's; cached on the context. */
function operationTrace(graphqlContext: object): Context | undefined {
  const own = traceOf(graphqlContext);
  if (own) return own;
  const fromRequest = traceOf((graphqlContext as { request?: Request }).request);
  bindTrace(graphqlContext, fromRequest);
  return fromRequest;
}

function nameRequestSpan(args: ExecutionArgs, captureDocument: boolean): void {
  const span = requestSpanOf((args.contextValue as { request?: Request }).request);
  if (span) describeOperation(span, args.document, args.operationName, captureDocument);
}

/** The request span of an HTTP request, if traced. */
function requestSpanOf(request: Request | undefined): Span | undefined {
  const traceContext = traceOf(request);
  return traceContext ? trace.getSpan(traceContext) : undefined;
}

function useTracing(tracer: Tracer, captureDocument: boolean, graphqlEndpoint: string): Plugin {
  /**
   * Runs one phase in a child span of the operation's current one (the request's, or over
   * WebSocket the operation's: see traceWebSocketOperation). Untraced when neither is traced.
   * `nest`: the phase's span becomes the operation's current one (execute and subscribe, under
   * which the resolvers' pages and upstream calls run), on its GraphQL context and on its
   * deadline signal, which every upstream call of the operation carries.
   */
  const phase = <T>(graphqlContext: object, name: string, wrapped: () => T, nest = false): T => {
    const parent = operationTrace(graphqlContext);
    if (!parent) return wrapped();
    const span = tracer.startSpan(name, {}, parent);
    if (nest) {
      const inner = trace.setSpan(parent, span);
      bindTrace(graphqlContext, inner);
      const deadline = (graphqlContext as { deadline?: { signal: AbortSignal } }).deadline;
      if (deadline) bindTrace(deadline.signal, inner);
    }
    return endAfter(span, wrapped);
  };

  return {
    instrumentation: {
      request({ request }, wrapped) {
        // requestPath: a `new URL` per request showed in the bench's profiles (request-path.ts).
        if (requestPath(request) !== graphqlEndpoint) return wrapped();
        // The caller's traceparent (W3C; malformed ones are ignored by the propagator).
        const parent: Context = propagator.extract(ROOT_CONTEXT, request.headers, headersGetter);
        const span = tracer.startSpan(
          'graphql.request',
          { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': graphqlEndpoint } },
          parent,
        );
        bindTrace(request, trace.setSpan(parent, span).setValue(TRACER_KEY, tracer));
        return endAfter(span, wrapped);
      },
      parse: ({ context }, wrapped) => phase(context, 'graphql.parse', wrapped),
      validate: ({ context }, wrapped) => phase(context, 'graphql.validate', wrapped),
      execute: ({ context }, wrapped) => phase(context, 'graphql.execute', wrapped, true),
      subscribe: ({ context }, wrapped) => phase(context, 'graphql.subscribe', wrapped, true),
    },
    // A query or mutation, or a subscription over SSE: the operation names the HTTP request's span.
    onExecute({ args }) {
      nameRequestSpan(args, captureDocument);
    },
    onSubscribe({ args }) {
      nameRequestSpan(args, captureDocument);
    },
    onResultProcess({ request, result }) {
      // The errors as sent (after every plugin added its own): counted, never their messages.
      const span = requestSpanOf(request);
      if (!span || Symbol.asyncIterator in result) return;
      const results = Array.isArray(result) ? result : [result];
      span.setAttribute('graphql.error.count', results.reduce((n, r) => n + (r.errors?.length ?? 0), 0));
    },
    onResponse({ request, response }) {
      const span = requestSpanOf(request);
      if (!span) return;
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    },
  };
}

/**
 * Ends the span when `run` (sync or async) is done; a throw marks it with the error's type.
 * `onlyOnFailure`: a success leaves the span open (its work goes on elsewhere).
 */
function endAfter<T>(span: Span, run: () => T, onlyOnFailure = false): T {
  const fail = (error: unknown) => {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', errorType(error));
  };
  let result: T;
  try {
    result = run();
  } catch (error) {
    fail(error);
    span.end();
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value: unknown) => {
        if (!onlyOnFailure) span.end();
        return value;
      },
      (error: unknown) => {
        fail(error);
        span.end();
        throw error;
      },
    ) as T;
  }
  if (!onlyOnFailure) span.end();
  return result;
}
