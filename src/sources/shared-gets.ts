/**
 * In-flight de-duplication of identical upstream GETs within one replica: while a GET is on
 * its way to a vendor, the same GET (same path, query, headers and caller identity) from any
 * other request waits for that answer instead of sending another. A dashboard that many
 * people open at once costs the vendor one call, not one per person.
 *
 * Only reads that the vendor answers the same for everyone who sends the same request are
 * shared: the key holds every header the adapter sets (credentials included), the caller's
 * forwarded headers and, when identity headers are templated from claims, the caller. Each
 * waiter keeps its own deadline; the shared call is cancelled only when every waiter gave up.
 */
import { bindScope, scopeOf } from '../request-scope.js';
import { UpstreamError } from './errors.js';
import type { HttpRequest, HttpResponse, SourceHttp } from './http.js';

export interface SharedGetsOptions {
  /** Incoming header names forwarded to this vendor (`forwardHeaders` keys). */
  forwardHeaders?: readonly string[];
  /** Whether identity headers are rendered from the caller's claims (then the caller is part of the key). */
  perCaller?: boolean;
}

interface InFlight {
  response: Promise<HttpResponse>;
  controller: AbortController;
  waiters: number;
}

export function sharingGets(http: SourceHttp, options: SharedGetsOptions = {}): SourceHttp {
  const inFlight = new Map<string, InFlight>();
  const keyOf = (req: HttpRequest): string => {
    const scope = scopeOf(req.signal);
    const forwarded = (options.forwardHeaders ?? []).map((name) => scope?.incomingHeaders.get(name) ?? '');
    const caller = options.perCaller ? (scope?.caller?.subject ?? '') : '';
    // The map lives in this process only: the request's own description is the key (no hashing per GET).
    return JSON.stringify([req.path, req.query ?? null, req.headers ?? null, forwarded, caller]);
  };
  return {
    ...http,
    source: http.source,
    circuitState: () => http.circuitState(),
    close: () => http.close(),
    request(req) {
      if (req.method !== 'GET' || req.idempotent === false) return http.request(req);
      const key = keyOf(req);
      let shared = inFlight.get(key);
      if (!shared) {
        const controller = new AbortController();
        // The first waiter's scope (who may forward which headers): everyone sharing the call has the same ones (the key).
        bindScope(controller.signal, scopeOf(req.signal));
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
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        shared.waiters--;
        reject(error);
      },
    );
  });
}
