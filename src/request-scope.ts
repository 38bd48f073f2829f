/**
 * What the HTTP layer needs to know about the GraphQL request it works for, without every
 * adapter passing it along: the caller's headers to forward (identity passthrough) and a list
 * where each upstream call's timing lands (for the request's log line).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from './context.js';
import type { UpstreamEvent } from './sources/http.js';

export interface RequestScope {
  requestId: string;
  /** Lower-cased incoming headers, as the client sent them. */
  incomingHeaders: Headers;
  upstream: UpstreamEvent[];
  /** The verified caller (null when the gateway runs open): identity headers are rendered from it. */
  caller?: Caller | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
