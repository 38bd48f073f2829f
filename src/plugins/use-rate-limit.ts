/**
 * A per-client rate limit: at most `max` requests per fixed `windowMs` window per
 * client (its subject when authenticated, else its address), answered 429 with `Retry-After`
 * past it. Counted in this process, or across replicas with `gateway.redis` (`limiter`,
 * src/shared-state/rate-limiter.ts). Checked in onRequest, before the body is read or anything
 * parsed.
 */
import type { Plugin } from 'graphql-yoga';
import { createMemoryRateLimiter, type RateLimiter, type RateLimitVerdict } from '../shared-state/rate-limiter.js';

export const RATE_LIMITED = 'RATE_LIMITED';

export interface RateLimitOptions {
  /** Requests allowed per client per window. @default 600 */
  max?: number;
  /** Window length in ms. @default 60000 */
  windowMs?: number;
  /**
   * Proxies in front of the gateway (a hop count, Express's convention): the client is the
   * address the `trustProxy`-th proxy from us saw, i.e. X-Forwarded-For's entry that many from
   * the right (`1`: its last entry, written by the nearest proxy). Entries further left were
   * written by the client and are never used. `0`: the socket address.
   * @default 0
   */
  trustProxy?: number;
  /** Clients remembered at once; past it expired windows go first, then the oldest. @default 100000 */
  maxClients?: number;
  /**
   * The client's key when it has one better than its address: the authenticated subject, so
   * callers behind one proxy or NAT don't share a budget and one caller can't spread over
   * many addresses. Undefined falls back to the address.
   */
  clientKey?: (request: Request) => Promise<string | undefined>;
  /** The clock (tests). @default Date.now */
  now?: () => number;
  /**
   * Counts somewhere else, e.g. in Redis so the limit is global across replicas
   * (src/shared-state/rate-limiter.ts). @default in-memory fixed windows in this process
   */
  limiter?: RateLimiter;
}

/**
 * The caller's address: with `trustProxy` hops, the X-Forwarded-For entry the outermost
 * trusted proxy saw (counted from the right: each proxy appends the address it saw; with
 * fewer entries than hops, the leftmost one), else the socket's remote address (Node's `req`,
 * which Yoga passes as the server context), else `unknown` (e.g. `yoga.fetch` in tests).
 */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    const seen = hops[Math.max(0, hops.length - trustProxy)];
    if (seen) return seen;
  }
  if (typeof serverContext === 'object' && serverContext !== null && 'req' in serverContext) {
    const req = serverContext.req;
    if (typeof req === 'object' && req !== null && 'socket' in req) {
      const socket = req.socket;
      if (typeof socket === 'object' && socket !== null && 'remoteAddress' in socket && typeof socket.remoteAddress === 'string') {
        return socket.remoteAddress;
      }
    }
  }
  return 'unknown';
}

export function useRateLimit(options: RateLimitOptions = {}): Plugin {
  const limiter =
    options.limiter ??
    createMemoryRateLimiter({
      max: options.max ?? 600,
      windowMs: options.windowMs ?? 60_000,
      maxClients: options.maxClients ?? 100_000,
      ...(options.now ? { now: options.now } : {}),
    });

  const refuse = (endResponse: (response: Response) => void, fetchAPI: { Response: typeof Response }, retryAfter: number) =>
    endResponse(
      new fetchAPI.Response(
        JSON.stringify({
          errors: [{ message: `Too many requests; retry in ${retryAfter}s`, extensions: { code: RATE_LIMITED, retryAfter } }],
        }),
        { status: 429, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfter) } },
      ),
    );

  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const apply = (verdict: RateLimitVerdict) => {
        if (!verdict.allowed) refuse(endResponse, fetchAPI, verdict.retryAfterSeconds);
      };
      // In-memory verdicts, and most shared ones (tokens this replica holds), need no promise.
      const decide = (client: string): Promise<void> | void => {
        const verdict = limiter.consume(client);
        return verdict instanceof Promise ? verdict.then(apply) : apply(verdict);
      };
      const address = () => `ip:${clientAddress(request, serverContext, options.trustProxy ?? 0)}`;
      if (options.clientKey) return options.clientKey(request).then((known) => decide(known ?? address()));
      return decide(address());
    },
  };
}
