/**
 * In-flight de-duplication of identical upstream reads within one replica: while a read is on
 * its way to a vendor, the same read (same method, path, query, headers, body and caller
 * identity) from any other request waits for that answer instead of sending another. A
 * dashboard that many people open at once costs the vendor one call, not one per person.
 *
 * A read is a GET, or a POST the adapter marks `read` (BlueKing's ESB, COC's and the ticketing
 * module's list endpoints are POSTs). Only reads that the vendor answers the same for everyone
 * who sends the same request are shared: the key holds every header and body field the adapter
 * sets (credentials and BlueKing's acting user included), the caller's forwarded headers and,
 * when identity headers are templated from claims, the caller. Each waiter keeps its own
 * deadline; the shared call is cancelled only when every waiter gave up. The parsed answer is
 * shared too: adapters read it, never change it.
 */
import { bindTrace, traceOf } from '../observability/tracing-context.js';
import { bindScope, scopeOf } from '../request-scope.js';
import { UpstreamError } from './errors.js';
import type { HttpRequest, HttpResponse, SourceHttp } from './http.js';

export interface SharedReadsOptions {
  /** Incoming header names forwarded to this vendor (`forwardHeaders` keys). */
  forwardHeaders?: readonly string[];
  /** Whether identity headers are rendered from the caller's claims (then the caller is part of the key). */
  perCaller?: boolean;
}

interface InFlight {
  response: Promise<HttpResponse>;
  controller: AbortController;
  waiters: number;
  /** Once the answer is in: the waiters not yet handed it (handOutInTurns). */
  turns?: (() => void)[];
}

export function sharingReads(http: SourceHttp, options: SharedReadsOptions = {}): SourceHttp {
  const inFlight = new Map<string, InFlight>();
  const keyOf = (req: HttpRequest): string => {
    const scope = scopeOf(req.signal);
    const forwarded = (options.forwardHeaders ?? []).map((name) => scope?.incomingHeaders.get(name) ?? '');
    const caller = options.perCaller ? (scope?.caller?.subject ?? '') : '';
    // The map lives in this process only: the request's own description is the key (no hashing per read).
    return JSON.stringify([req.method, req.path, req.query ?? null, req.headers ?? null, req.json ?? null, forwarded, caller]);
  };
  return {
    ...http,
    source: http.source,
    circuitState: () => http.circuitState(),
    close: () => http.close(),
    request(req) {
      if (!isRead(req)) return http.request(req);
      const key = keyOf(req);
      let shared = inFlight.get(key);
      if (!shared) {
        const controller = new AbortController();
        // The first waiter's scope (who may forward which headers): everyone sharing the call has the same ones (the key).
        // Its attempts are children of the first waiter's span too.
        bindScope(controller.signal, scopeOf(req.signal));
        bindTrace(controller.signal, traceOf(req.signal));
        const response = http.request({ ...req, signal: controller.signal });
        const entry: InFlight = { response, controller, waiters: 0 };
        shared = entry;
        inFlight.set(key, entry);
        void response.then(
          () => inFlight.delete(key),
          () => inFlight.delete(key),
        );
      }
      return wait(shared, req.signal, http.source);
    },
  };
}

function isRead(req: HttpRequest): boolean {
  return req.method === 'GET' ? req.idempotent !== false : req.method === 'POST' && req.read === true;
}

/** The shared answer for one waiter, which may give up on its own deadline. */
function wait(shared: InFlight, signal: AbortSignal | undefined, source: string): Promise<HttpResponse> {
  // What the HTTP layer itself answers when a caller's deadline passes first.
  const timedOut = () => new UpstreamError({ source, code: 'UPSTREAM_TIMEOUT', message: 'did not answer before the request deadline' });
  shared.waiters++;
  const leave = () => {
    shared.waiters--;
    if (shared.waiters === 0) shared.controller.abort(signal?.reason);
  };
  if (!signal) return shared.response.finally(() => void shared.waiters--);
  if (signal.aborted) {
    leave();
    return Promise.reject(timedOut());
  }
  return new Promise<HttpResponse>((resolve, reject) => {
    const onAbort = () => {
      leave();
      reject(timedOut());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.response.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        shared.waiters--;
        handOutInTurns(shared, () => resolve(response));
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        shared.waiters--;
        reject(error);
      },
    );
  });
}

/**
 * Hands a shared answer to its waiters one per turn of the event loop, the first at once. Each
 * waiter then maps, merges and writes its page: all in one turn, the process would take no
 * new request until the last of them was done, so the requests that follow would start their
 * reads together and wait together again, each behind all the others' work (a convoy: ten
 * identical fan-out requests in flight at 30 ms took 49 ms at p50, 41 ms with turns, 46 ms
 * for ten that shared nothing; bench/README.md). A lone waiter is handed it at once, as before.
 * A queued waiter's deadline no longer applies: its answer is in, a few turns away.
 */
function handOutInTurns(shared: InFlight, handOut: () => void): void {
  const turns = shared.turns;
  if (!turns) {
    shared.turns = [];
    handOut();
    return;
  }
  // A waiter already queued means a turn is already scheduled: it hands this one out in its time.
  if (turns.push(handOut) > 1) return;
  const next = () => {
    turns.shift()?.();
    if (turns.length > 0) setImmediate(next);
  };
  setImmediate(next);
}
