/**
 * What the HTTP layer needs to know about the GraphQL operation it works for, without every
 * adapter passing it along: the caller's headers to forward (identity passthrough), a list
 * where each upstream call's timing lands (for the request's log line), and the operation's
 * upstream-call budget (`gateway.maxUpstreamCalls`), spent by every attempt in http.ts.
 *
 * It travels on the operation's deadline signal, which every upstream call already carries
 * (adapters pass `CallOptions.signal` down to http.ts). It used to live in AsyncLocalStorage,
 * which on Node 20 turns on promise hooks for every promise of the process, about 230 per
 * fan-out request (bench/README.md, issue 19). Background work (live pollers) passes no request
 * signal, so it runs with no scope: the service's own credentials, no caller's headers.
 */
import type { Caller } from './context.js';
import { setMaxListeners } from 'node:events';
import { GraphQLError } from 'graphql';
import type { UpstreamEvent } from './sources/http.js';

export interface RequestScope {
  requestId: string;
  /** Lower-cased incoming headers, as the client sent them. */
  incomingHeaders: Headers;
  upstream: UpstreamEvent[];
  /** The verified caller (null when the gateway runs open): identity headers are rendered from it. */
  caller?: Caller | null;
  /** Upstream attempts allowed for this request; unlimited when unset. */
  maxUpstreamCalls?: number;
  /** Upstream attempts made (or refused) so far. */
  upstreamCalls?: number;
}

/**
 * A property of the signal object, not a WeakMap entry: Node 20's scavenger keeps a WeakMap's
 * values alive whatever their key (see GatewayContext.listings).
 */
const SCOPE = Symbol('ticketgraph.requestScope');
type ScopedSignal = AbortSignal & { [SCOPE]?: RequestScope };

/** The scope of the operation whose signal this is; undefined for background work (live pollers). */
export function scopeOf(signal: AbortSignal | undefined): RequestScope | undefined {
  return signal ? (signal as ScopedSignal)[SCOPE] : undefined;
}

/** Makes `signal` carry `scope`: a signal made on an operation's behalf (a shared GET's own). */
export function bindScope(signal: AbortSignal, scope: RequestScope | undefined): void {
  if (scope) (signal as ScopedSignal)[SCOPE] = scope;
}

/**
 * Runs `fn` with a signal of its own that aborts with `parent` and carries its scope, for work
 * whose upstream calls must be told apart from the rest of the operation's (a traced page's
 * calls are children of the page's span). No listener is left on `parent` once `fn` settles.
 */
export async function withChildSignal<T>(parent: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  bindScope(controller.signal, scopeOf(parent));
  setMaxListeners(0, controller.signal);
  const abort = () => controller.abort(parent?.reason);
  if (parent?.aborted) abort();
  else parent?.addEventListener('abort', abort, { once: true });
  try {
    return await fn(controller.signal);
  } finally {
    parent?.removeEventListener('abort', abort);
  }
}

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** The error for a request that needs (or would need) more upstream calls than allowed. */
export function upstreamBudgetError(maxUpstreamCalls: number, estimate?: number): GraphQLError {
  return new GraphQLError(
    estimate === undefined
      ? `This request used its budget of ${maxUpstreamCalls} upstream calls; ask for fewer sources, smaller pages or fewer aliases.`
      : `This query would need about ${estimate} upstream calls, more than the limit of ${maxUpstreamCalls}; ask for fewer sources, smaller pages or fewer aliases.`,
    {
      extensions: {
        code: QUERY_TOO_COMPLEX,
        limit: 'maxUpstreamCalls',
        maxUpstreamCalls,
        // Refused before execution: a 400 like the other limits. At run time other fields may
        // already have data, so the status stays as execution leaves it.
        ...(estimate !== undefined ? { upstreamCalls: estimate, http: { status: 400 } } : {}),
      },
    },
  );
}

/**
 * Spends one upstream call from the request's budget, or throws the budget error: past the
 * budget, calls fail instead of going out. Outside a request (no scope), nothing is counted.
 */
export function spendUpstreamCall(scope: RequestScope | undefined): void {
  if (!scope || scope.maxUpstreamCalls === undefined) return;
  const used = scope.upstreamCalls ?? 0;
  if (used >= scope.maxUpstreamCalls) throw upstreamBudgetError(scope.maxUpstreamCalls);
  scope.upstreamCalls = used + 1;
}

export interface RequestDeadline {
  /**
   * Aborted when the client goes away or the deadline passes. Made on first read: a request
   * that never calls upstream (`{ __typename }`, a cached or configuration-only answer) pays
   * for no controller, timer or listener.
   */
  readonly signal: AbortSignal;
  /** Stops the timer and the client listener (the request is done). */
  clear(): void;
}

/**
 * The whole request's deadline, counted from the request's arrival even when the signal is
 * first asked for later. One AbortController and one referenced timer: the timer's closure keeps
 * the controller alive until it fires or is cleared. (The previous
 * `AbortSignal.any([request.signal, AbortSignal.timeout(ms)])` let GC collect the timeout
 * signal on Node 20 — only weakly held by `any` — and requests then ran 30-40 s against a
 * 15 s budget.) `clientSignal` is read only then too: Yoga's request makes its own signal on read.
 * The signal carries `scope` to the HTTP layer (`scopeOf`).
 */
export function startRequestDeadline(clientSignal: () => AbortSignal | undefined, deadlineMs: number, scope?: RequestScope): RequestDeadline {
  const startedAt = performance.now();
  let controller: AbortController | undefined;
  let client: AbortSignal | undefined;
  let timer: NodeJS.Timeout | undefined;
  let cleared = false;
  const onClientAbort = () => {
    clearTimeout(timer);
    controller?.abort(client?.reason);
  };
  return {
    get signal() {
      if (controller) return controller.signal;
      const created = (controller = new AbortController());
      bindScope(created.signal, scope);
      // Every upstream attempt of the request listens to it (fan-out × aliases): not a leak.
      setMaxListeners(0, created.signal);
      if (cleared) return created.signal;
      timer = setTimeout(() => created.abort(new DOMException('the request deadline passed', 'TimeoutError')), Math.max(0, deadlineMs - (performance.now() - startedAt)));
      client = clientSignal();
      if (client?.aborted) onClientAbort();
      else client?.addEventListener('abort', onClientAbort, { once: true });
      return created.signal;
    },
    clear: () => {
      cleared = true;
      clearTimeout(timer);
      client?.removeEventListener('abort', onClientAbort);
    },
  };
}
