/**
 * Observability over real HTTP against all five emulators: one JSON log line per GraphQL
 * request with per-source upstream timings; /health, /ready (circuit states), /metrics
 * (Prometheus text, bounded labels); and no credential anywhere: every response body and every
 * captured log line is searched for the demo secrets, on the happy path and with wrong
 * credentials configured (the upstream error paths).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resilienceSettings, type GatewayConfig } from '../src/config.js';
import { credentialSecrets } from '../src/observability/logger.js';
import { availableSourceKinds } from '../src/sources/registry.js';
import { startProductionStack, type ProductionStack } from './support/production-stack.js';

// Every registered kind, under its default key: a sixth kind is covered without editing this file.
const KEYS = availableSourceKinds().map((kind) => kind.defaultKey);

/** The secrets the issue names, read from the emulators, plus anything credential-like the config holds. */
function demoSecrets(stack: ProductionStack): string[] {
  const c = (key: string) => stack.emulators.byKey(key).emulator.credentials;
  // Each kind's declared secret fields, read from its emulator's demo credentials.
  const named = availableSourceKinds().flatMap((kind) => kind.secretCredentials.map((field) => c(kind.defaultKey)[field]));
  expect(named.length).toBeGreaterThanOrEqual(KEYS.length);
  expect(named.every((s) => typeof s === 'string' && s.length >= 8)).toBe(true);
  return [...new Set([...(named as string[]), ...credentialSecrets(stack.config)])];
}

function expectNoSecrets(stack: ProductionStack, secrets: readonly string[]): void {
  const logs = stack.logs.text();
  const responses = stack.responses.join('\n');
  expect(logs.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(logs.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the logs`).toBe(false);
    expect(responses.includes(secret), `a secret (${secret.slice(0, 4)}…) is in a response`).toBe(false);
  }
}

interface TicketsData {
  tickets: { edges: { node: { number: string; source: { key: string } } }[]; sourceErrors: { source: string; code: string; message: string }[] };
}

const TICKETS = `query Recent { tickets(first: 25) { edges { node { number title source { key } } } sourceErrors { source code message } } }`;

describe('logs, secrets and metrics with every source', () => {
  let good: ProductionStack;
  let wrong: ProductionStack;
  const numbers: string[] = [];

  beforeAll(async () => {
    [good, wrong] = await Promise.all([
      startProductionStack(),
      startProductionStack({
        // Every secret credential replaced: each vendor's auth failure path runs.
        configure: (config: GatewayConfig) => ({
          ...config,
          sources: config.sources.map((s) => ({
            ...s,
            credentials: Object.fromEntries(Object.entries(s.credentials).map(([k, v]) => [k, /token|secret/i.test(k) ? `wrong-${k}-${v.slice(0, 3)}-0123456789abcdef` : v])),
          })),
        }),
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([good?.close(), wrong?.close()]);
  });

  it('logs one JSON line per GraphQL request with request id, operation, status, errors and per-source timings', async () => {
    const response = await good.post({ query: TICKETS }, { 'x-request-id': 'obs-1' });
    expect(response.json.errors).toBeUndefined();
    const data = response.json.data as unknown as TicketsData;
    expect(new Set(data.tickets.edges.map((e) => e.node.source.key))).toEqual(new Set(KEYS));
    numbers.push(...data.tickets.edges.map((e) => e.node.number));

    const lines = good.logs.lines().filter((l) => l.requestId === 'obs-1');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({ level: 'info', msg: 'graphql request', operationName: 'Recent', operationType: 'query', status: 200, errors: 0 });
    expect(typeof line.durationMs).toBe('number');
    const upstream = line.upstream as Record<string, { calls: number; totalMs: number; slowestMs: number }>;
    expect(Object.keys(upstream).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(upstream[key]!.calls).toBeGreaterThanOrEqual(1);
      expect(upstream[key]!.totalMs).toBeGreaterThan(0);
    }

    const refused = await good.post({ query: '{ nope }' }, { 'x-request-id': 'obs-2' });
    expect(refused.status).toBe(400);
    expect(good.logs.lines().find((l) => l.requestId === 'obs-2')).toMatchObject({ status: 400, errors: 1, errorCodes: ['GRAPHQL_VALIDATION_FAILED'], upstreamCalls: 0 });
  });

  it('never puts a credential in a response or a log line (happy path, lookups, writes)', async () => {
    for (const key of KEYS) {
      const number = (await good.post({ query: `{ source(key: "${key}") { tickets(first: 3) { edges { node { number } } } } }` })).json.data as {
        source: { tickets: { edges: { node: { number: string } }[] } };
      };
      const first = number.source.tickets.edges[0]!.node.number;
      const one = await good.post({ query: `query One($n: String!) { ticket(source: "${key}", number: $n) { id number title comments(first: 3) { edges { node { body } } } } }`, variables: { n: first } });
      expect(one.json.errors).toBeUndefined();
    }
    await good.post({ query: `mutation { createTicket(input: { source: "cp", title: "Printer on fire", description: "Again." }) { ticket { number } userErrors { code } } }` });
    expectNoSecrets(good, demoSecrets(good));
  });

  it('nor on the upstream error paths (every source configured with a wrong credential)', async () => {
    const response = await wrong.post({ query: TICKETS });
    const data = response.json.data as unknown as TicketsData;
    expect(data.tickets.edges).toEqual([]);
    expect(data.tickets.sourceErrors.map((e) => e.source).sort()).toEqual([...KEYS].sort());
    expect(response.json.errors?.length).toBeGreaterThanOrEqual(KEYS.length);
    for (const key of KEYS) {
      await wrong.post({ query: `{ ticket(source: "${key}", number: "1") { title } }` });
    }
    await wrong.post({ query: `mutation { createTicket(input: { source: "cp", title: "Printer on fire", description: "Again." }) { ticket { number } userErrors { code message } } }` });
    await wrong.fetch('/metrics');
    await wrong.fetch('/ready');

    const line = wrong.logs.lines().find((l) => l.msg === 'graphql request' && l.operationName === 'Recent');
    const upstream = line?.upstream as Record<string, { calls: number }>;
    for (const key of KEYS) expect(upstream[key]!.calls).toBeGreaterThanOrEqual(1);
    expect(line).toMatchObject({ status: 200, errorCodes: expect.arrayContaining(['UPSTREAM_UNAUTHORIZED']) });
    // The wrong values are secrets too: credentialSecrets() picks them up from the config.
    expectNoSecrets(wrong, [...demoSecrets(good), ...demoSecrets(wrong)]);
  });

  it('serves /metrics in Prometheus text with bounded, secret-free labels', async () => {
    const metrics = await good.fetch('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = metrics.text;
    expect(text).toMatch(/^ticketgraph_graphql_requests_total\{operation="Recent",type="query",status="200"\} [1-9]/m);
    expect(text).toMatch(/^ticketgraph_graphql_request_duration_seconds_count\{operation="Recent",type="query"\} [1-9]/m);
    expect(text).toMatch(/^ticketgraph_graphql_errors_total\{operation="__anonymous",code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    for (const key of KEYS) {
      expect(text).toMatch(new RegExp(`^ticketgraph_upstream_requests_total\\{source="${key}",method="(GET|POST)",status="200",outcome="ok"\\} [1-9]`, 'm'));
      expect(text).toMatch(new RegExp(`^ticketgraph_upstream_request_duration_seconds_count\\{source="${key}",method="(GET|POST)",outcome="ok"\\} [1-9]`, 'm'));
      expect(text).toMatch(new RegExp(`^ticketgraph_upstream_circuit_state\\{source="${key}",state="closed"\\} 1$`, 'm'));
    }
    const failing = (await wrong.fetch('/metrics')).text;
    expect(failing).toMatch(/^ticketgraph_upstream_errors_total\{source="cp",status="401",outcome="UPSTREAM_UNAUTHORIZED"\} [1-9]/m);

    const allowed: Record<string, RegExp> = {
      source: new RegExp(`^(${KEYS.join('|')})$`),
      method: /^(GET|POST|PUT|PATCH|DELETE)$/,
      status: /^(\d{3}|none)$/,
      outcome: /^(ok|UPSTREAM_[A-Z_]+)$/,
      operation: /^(Recent|One|__anonymous|__none)$/,
      type: /^(query|mutation|subscription|none)$/,
      code: /^[A-Z_]+$/,
      state: /^(closed|open|half-open)$/,
      le: /^(\d+(\.\d+)?|\+Inf)$/,
    };
    for (const body of [text, failing]) {
      for (const [, name, value] of body.matchAll(/(\w+)="([^"]*)"/g)) {
        expect(allowed[name!], `unexpected label ${name}`).toBeDefined();
        expect(value, `label ${name}`).toMatch(allowed[name!]!);
      }
      for (const number of numbers.filter((n) => n.length >= 4)) expect(body).not.toContain(number);
    }
  });

  it('answers /health and /ready', async () => {
    const health = await good.fetch('/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
    const ready = await good.fetch('/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready', sources: Object.fromEntries(KEYS.map((k) => [k, 'closed'])) });
    expect((await good.fetch('/ready', { method: 'POST' })).status).toBe(405);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('/ready and the breaker gauge follow the circuits', () => {
  let stack: ProductionStack;
  beforeAll(async () => {
    const port = await closedPort();
    stack = await startProductionStack({
      kinds: ['control-panel', 'huawei-coc'],
      configure: (config) => ({
        ...config,
        sources: config.sources.map((s) =>
          s.key === 'cp' ? { ...s, baseUrl: `http://127.0.0.1:${port}`, resilience: resilienceSettings.parse({ breakerFailures: 1, retries: 0, breakerCooldownMs: 60_000 }) } : s,
        ),
      }),
    });
  });
  afterAll(() => stack?.close());

  it('stays 200 naming the open circuit (one vendor down must not take every replica out), liveness 200', async () => {
    expect((await stack.fetch('/ready')).status).toBe(200);
    const response = await stack.post({ query: TICKETS });
    expect(response.json.errors?.some((e) => e.extensions?.source === 'cp')).toBe(true);

    const ready = await stack.fetch('/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready', sources: { cp: 'open', coc: 'closed' }, open: ['cp'] });
    expect((await stack.fetch('/health')).status).toBe(200);

    const metrics = (await stack.fetch('/metrics')).text;
    expect(metrics).toMatch(/^ticketgraph_upstream_circuit_state\{source="cp",state="open"\} 1$/m);
    expect(metrics).toMatch(/^ticketgraph_upstream_circuit_state\{source="cp",state="closed"\} 0$/m);
    expect(metrics).toMatch(/^ticketgraph_upstream_circuit_state\{source="coc",state="closed"\} 1$/m);
    expect(metrics).toMatch(/^ticketgraph_upstream_errors_total\{source="cp",status="none",outcome="UPSTREAM_UNAVAILABLE"\} 1$/m);
  });
});
