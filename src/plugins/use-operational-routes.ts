/**
 * `GET /health` (liveness), `GET /ready` (this process: 200 while it takes requests, 503 once
 * it drains; each source's circuit state in the body) and `GET /metrics`
 * (Prometheus text), served by the Yoga instance itself so `createServer(gateway.yoga)` has them.
 * Registered before the rate limit: probes and scrapes are never throttled.
 */
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { CircuitState } from '../sources/resilience.js';
import { requestPath } from './request-path.js';

export interface OperationalRoutesOptions {
  /**
   * Each source's circuit state, shown in /ready's body. An open circuit does not make the
   * process unready: every replica shares the vendor, so failing readiness would take the
   * healthy sources down with it (and the sources' states are in the metrics too).
   */
  circuitStates: () => Record<string, CircuitState>;
  /** Merged into the `/ready` body (e.g. whether shared state is available). */
  details?: () => Record<string, unknown>;
  /** True once the process drains (SIGTERM): /ready answers 503 so load balancers stop sending. @default never */
  draining?: () => boolean;
  /** Served at `metricsPath`; no metrics route without it. */
  metrics?: Registry;
  /** @default '/health' */
  healthPath?: string;
  /** @default '/ready' */
  readyPath?: string;
  /** @default '/metrics' */
  metricsPath?: string;
}

/** A new object each time: whatwg-node's Headers keep the init object and write content-length into it. */
const jsonHeaders = () => ({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });

const pathOf = requestPath;

export function useOperationalRoutes(options: OperationalRoutesOptions): Plugin {
  const healthPath = options.healthPath ?? '/health';
  const readyPath = options.readyPath ?? '/ready';
  const metricsPath = options.metricsPath ?? '/metrics';
  const health = (fetchAPI: { Response: typeof Response }) =>
    new fetchAPI.Response(JSON.stringify({ status: 'ok' }), { status: 200, headers: jsonHeaders() });

  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const path = pathOf(request);
      if (path !== healthPath && path !== readyPath && path !== metricsPath) return;
      if (path === metricsPath && !options.metrics) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (path === healthPath) {
        endResponse(health(fetchAPI));
        return;
      }
      if (path === readyPath) {
        const sources = options.circuitStates();
        const open = Object.entries(sources).filter(([, state]) => state === 'open').map(([key]) => key);
        const draining = options.draining?.() ?? false;
        const body = { status: draining ? 'draining' : 'ready', sources, ...(open.length > 0 ? { open } : {}), ...options.details?.() };
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status: draining ? 503 : 200, headers: jsonHeaders() }));
        return;
      }
      const registry = options.metrics as Registry;
      return registry.metrics().then((text) => {
        endResponse(new fetchAPI.Response(text, { status: 200, headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } }));
      });
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      // Yoga answers its built-in health check (an empty 200) before any user plugin sees the
      // request; give it the same JSON body as ours.
      if (response.status === 200 && request.method === 'GET' && pathOf(request) === healthPath && response.headers.get('content-type') === null) {
        setResponse(health(fetchAPI));
      }
    },
  };
}
