/**
 * Upstream faults, injected into one emulator at a time: the other sources' tickets still
 * arrive, within the deadline, with an error naming the failed source.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultGatewaySettings, resilienceSettings, type GatewayConfig } from '../src/config.js';
import type { FaultPlan } from '../src/emulator/kit.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { listen } from '../src/listen.js';
import { attachWebSockets } from '../src/websocket.js';
import { startStack, type Stack } from './support/stack.js';

const QUERY = `{ tickets(first: 20) { edges { node { source { key } number } } sourceErrors { source code } } }`;

interface Result {
  tickets: { edges: { node: { source: { key: string } } }[]; sourceErrors: { source: string; code: string }[] };
}

function tuned(config: GatewayConfig, resilience: Partial<ReturnType<typeof resilienceSettings.parse>>, extra: Partial<GatewayConfig['sources'][number]> = {}): GatewayConfig {
  return {
    ...config,
    sources: config.sources.map((s) => ({ ...s, timeoutMs: 800, ...extra, resilience: resilienceSettings.parse({ retryBaseDelayMs: 20, retryMaxDelayMs: 50, maxRetryAfterMs: 100, breakerFailures: 1000, ...resilience }) })),
  };
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ emulator: { testMode: true }, configure: (c) => tuned(c, {}) });
});
afterAll(() => stack.close());
afterEach(async () => {
  for (const e of stack.emulators.emulators) await stack.fault(e.key, null);
});

async function timedQuery(s: Stack, query = QUERY) {
  const started = Date.now();
  const result = await s.query<Result>(query);
  return { result, ms: Date.now() - started };
}

describe('one source failing, the others answering', () => {
  it.each([
    ['cp', { status: 500 }, 'UPSTREAM_ERROR'],
    ['bk', { status: 429, retryAfterSeconds: 1 }, 'UPSTREAM_RATE_LIMITED'],
    ['akana', { reset: true }, 'UPSTREAM_UNAVAILABLE'],
    ['coc', { malformed: 'html' }, 'UPSTREAM_BAD_RESPONSE'],
    ['tm', { malformed: 'truncated-json' }, 'UPSTREAM_BAD_RESPONSE'],
    ['cp', { malformed: 'wrong-shape' }, 'UPSTREAM_BAD_RESPONSE'],
    ['bk', { malformed: 'wrong-shape' }, 'UPSTREAM_BAD_RESPONSE'],
    ['tm', { delayMs: 3_000 }, 'UPSTREAM_TIMEOUT'],
  ] as [string, FaultPlan, string][])('%s with %j -> %s for that source only', async (key, plan, code) => {
    await stack.fault(key, plan);
    const { result, ms } = await timedQuery(stack);
    expect(result.data!.tickets.sourceErrors).toEqual([{ source: key, code }]);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code, source: key }) })]);
    const keys = new Set(result.data!.tickets.edges.map((e) => e.node.source.key));
    expect(keys.has(key)).toBe(false);
    expect(keys.size).toBeGreaterThanOrEqual(3);
    expect(ms).toBeLessThan(2_500);
  });

  it('retries a read that failed once, and the answer is complete', async () => {
    await stack.fault('cp', { status: 503, times: 1 });
    const cp = stack.emulators.byKey('cp').emulator;
    cp.requests.clear();
    const { result } = await timedQuery(stack);
    expect(result.errors).toBeUndefined();
    expect(result.data!.tickets.sourceErrors).toEqual([]);
    expect(cp.requests.count('GET', '/tickets')).toBe(2);
  });

  it('never retries a write', async () => {
    await stack.fault('cp', { status: 503, times: 1 });
    const cp = stack.emulators.byKey('cp').emulator;
    cp.requests.clear();
    const result = await stack.query<{ createTicket: { ticket: unknown; userErrors: { code: string; source: string }[] } }>(
      `mutation { createTicket(input: { source: "cp", title: "retry probe", description: "x" }) { ticket { id } userErrors { code source } } }`,
    );
    // Mutations report upstream faults in userErrors (README, Errors): a 503 wrote nothing.
    expect(result.data!.createTicket).toEqual({ ticket: null, userErrors: [{ code: 'VENDOR_UNAVAILABLE', source: 'cp' }] });
    expect(cp.requests.count('POST', '/tickets')).toBe(1);
  });
});

describe('deadline and circuit breaker', () => {
  it('a slow source never holds the response past the request deadline', async () => {
    const slow = await startStack({
      emulator: { testMode: true },
      configure: (c) => ({ ...tuned(c, { retries: 0 }, { timeoutMs: 10_000 }), gateway: { ...defaultGatewaySettings(), requestDeadlineMs: 700 } }),
    });
    try {
      await slow.fault('akana', { delayMs: 5_000 });
      const { result, ms } = await timedQuery(slow);
      expect(ms).toBeLessThan(1_700);
      expect(result.data!.tickets.sourceErrors).toEqual([{ source: 'akana', code: 'UPSTREAM_TIMEOUT' }]);
      expect(result.data!.tickets.edges.length).toBe(20);
    } finally {
      await slow.close();
    }
  });

  it('over WebSocket, a second operation on the connection does not take the first one’s deadline away', async () => {
    const slow = await startStack({
      emulator: { testMode: true },
      configure: (c) => ({ ...tuned(c, { retries: 0 }, { timeoutMs: 10_000 }), gateway: { ...defaultGatewaySettings(), requestDeadlineMs: 700 } }),
    });
    const http = await listen(slow.gateway.yoga);
    const websockets = attachWebSockets(http.server, slow.gateway);
    const ws = createClient({ url: `${http.origin.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      await slow.fault('akana', { delayMs: 5_000 });
      const started = performance.now();
      const first = ws.iterate({ query: '{ tickets(first: 20) { sourceErrors { source code } } }' }).next();
      // The second operation's context is made while the first waits for akana.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await ws.iterate({ query: '{ __typename }' }).next()).value).toEqual({ data: { __typename: 'Query' } });
      const result = (await first).value as { data: { tickets: { sourceErrors: { source: string; code: string }[] } } };
      expect(performance.now() - started).toBeLessThan(1_700);
      expect(result.data.tickets.sourceErrors).toEqual([{ source: 'akana', code: 'UPSTREAM_TIMEOUT' }]);
    } finally {
      await ws.dispose();
      await websockets.close();
      await http.close();
      await slow.close();
    }
  });

  it('opens after repeated failures, answers fast without calling, and closes after a good probe', async () => {
    const fragile = await startStack({
      kinds: ['control-panel', 'ticketing-module'],
      emulator: { testMode: true },
      configure: (c) => tuned(c, { retries: 0, breakerFailures: 2, breakerCooldownMs: 400 }),
    });
    try {
      await fragile.fault('cp', { status: 500 });
      await timedQuery(fragile);
      await timedQuery(fragile);
      const cp = fragile.emulators.byKey('cp').emulator;
      cp.requests.clear();
      const open = await timedQuery(fragile);
      expect(open.result.data!.tickets.sourceErrors).toEqual([{ source: 'cp', code: 'UPSTREAM_CIRCUIT_OPEN' }]);
      expect(cp.requests.entries).toHaveLength(0);
      expect(fragile.gateway.sources.circuitStates().cp).toBe('open');

      await fragile.fault('cp', null);
      await new Promise((r) => setTimeout(r, 450));
      expect(fragile.gateway.sources.circuitStates().cp).toBe('half-open');
      const recovered = await timedQuery(fragile);
      expect(recovered.result.data!.tickets.sourceErrors).toEqual([]);
      expect(fragile.gateway.sources.circuitStates().cp).toBe('closed');
    } finally {
      await fragile.close();
    }
  });
});

describe('caller identity passthrough', () => {
  it("forwards an allow-listed caller header as the source's credential header", async () => {
    const passthrough = await startStack({
      kinds: ['control-panel'],
      configure: (c) => ({ ...c, sources: c.sources.map((s) => ({ ...s, credentials: { token: 'gateway-default-token-wrong' }, forwardHeaders: { 'x-cp-user-token': 'X-Token' } })) }),
    });
    try {
      const denied = await passthrough.query(`{ source(key: "cp") { tickets(first: 1) { edges { node { number } } } } }`);
      expect(denied.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', source: 'cp' });
      const userToken = passthrough.emulators.byKey('cp').emulator.credentials.token as string;
      const response = await fetch(passthrough.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cp-user-token': userToken },
        body: JSON.stringify({ query: `{ source(key: "cp") { tickets(first: 1) { edges { node { number } } } } }` }),
      });
      const allowed = (await response.json()) as { errors?: unknown; data: { source: { tickets: { edges: unknown[] } } } };
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data.source.tickets.edges).toHaveLength(1);
    } finally {
      await passthrough.close();
    }
  });
});
