/**
 * Prometheus metrics, in a registry per gateway (never prom-client's global one, so two
 * gateways in one process, as in the tests, never share counters).
 *
 * Labels hold only bounded, non-secret values: the configured source key, the HTTP method and
 * status, the typed outcome code, the GraphQL operation name (capped in number). Never a path,
 * a ticket number, a header or a credential.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { UpstreamEvent } from '../sources/http.js';
import type { CircuitState } from '../sources/resilience.js';

export const CIRCUIT_STATES: readonly CircuitState[] = ['closed', 'open', 'half-open'];

/** Distinct operation names tracked; later newcomers are counted as `__other`. */
export const MAX_OPERATION_LABELS = 100;

export interface GraphQLRequestObservation {
  /** Null when the request never got as far as a parsed operation (rate limited, CSRF, body too large). */
  operationName: string | null;
  operationType: string | null;
  status: number;
  durationMs: number;
  errorCodes: readonly string[];
}

export interface GatewayMetrics {
  registry: Registry;
  observeUpstream(event: UpstreamEvent): void;
  observeRequest(request: GraphQLRequestObservation): void;
  /** A vendor record an adapter skipped (src/sources/skipped-records.ts). */
  observeSkippedRecord(skipped: { source: string; record: string }): void;
  /** A query document compiled by graphql-jit (src/plugins/use-compiled-queries.ts), or refused by it. */
  observeCompilation(outcome: 'compiled' | 'failed'): void;
}

export function createGatewayMetrics(options: { circuitStates: () => Record<string, CircuitState> }): GatewayMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'ticketgraph_graphql_requests_total',
    help: 'GraphQL HTTP requests, by operation name, operation type and HTTP status.',
    labelNames: ['operation', 'type', 'status'] as const,
    registers: [registry],
  });
  const requestDuration = new Histogram({
    name: 'ticketgraph_graphql_request_duration_seconds',
    help: 'GraphQL request latency, arrival to response, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'ticketgraph_graphql_errors_total',
    help: 'Errors in GraphQL responses, by operation name and extensions.code.',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  const upstreamRequests = new Counter({
    name: 'ticketgraph_upstream_requests_total',
    help: 'Upstream HTTP attempts (retries included), by source key, method, HTTP status ("none" without an answer) and outcome.',
    labelNames: ['source', 'method', 'status', 'outcome'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'ticketgraph_upstream_request_duration_seconds',
    help: 'Upstream attempt latency by source key, method and outcome.',
    labelNames: ['source', 'method', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'ticketgraph_upstream_errors_total',
    help: 'Failed upstream attempts by source key, HTTP status ("none" without an answer) and outcome code.',
    labelNames: ['source', 'status', 'outcome'] as const,
    registers: [registry],
  });
  const upstreamRetries = new Counter({
    name: 'ticketgraph_upstream_retries_total',
    help: 'Upstream attempts that were retries, by source key.',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const skippedRecords = new Counter({
    name: 'ticketgraph_upstream_skipped_records_total',
    help: 'Vendor records an adapter could not read and skipped, by source key and record kind.',
    labelNames: ['source', 'record'] as const,
    registers: [registry],
  });
  const compilations = new Counter({
    name: 'ticketgraph_compiled_queries_total',
    help: 'Query operations compiled by graphql-jit after their second execution ("failed": it could not, the interpreter runs them).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'ticketgraph_upstream_circuit_state',
    help: 'Circuit breaker state per source: 1 for the current state, 0 for the others.',
    labelNames: ['source', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [source, current] of Object.entries(options.circuitStates())) {
        for (const state of CIRCUIT_STATES) this.set({ source, state }, state === current ? 1 : 0);
      }
    },
  });

  const operations = new Set<string>();
  const operationLabel = (name: string | null, type: string | null): string => {
    if (type === null) return '__none';
    if (name === null) return '__anonymous';
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATION_LABELS) return '__other';
    operations.add(name);
    return name;
  };

  return {
    registry,
    observeCompilation(outcome) {
      compilations.inc({ outcome });
    },
    observeUpstream(event) {
      const status = event.status === null ? 'none' : String(event.status);
      upstreamRequests.inc({ source: event.source, method: event.method, status, outcome: event.outcome });
      upstreamDuration.observe({ source: event.source, method: event.method, outcome: event.outcome }, event.durationMs / 1000);
      if (event.outcome !== 'ok') upstreamErrors.inc({ source: event.source, status, outcome: event.outcome });
      if (event.attempt > 0) upstreamRetries.inc({ source: event.source });
    },
    observeRequest(request) {
      const operation = operationLabel(request.operationName, request.operationType);
      const type = request.operationType ?? 'none';
      requests.inc({ operation, type, status: String(request.status) });
      requestDuration.observe({ operation, type }, request.durationMs / 1000);
      for (const code of request.errorCodes) graphqlErrors.inc({ operation, code });
    },
    observeSkippedRecord(skipped) {
      skippedRecords.inc({ source: skipped.source, record: skipped.record });
    },
  };
}
