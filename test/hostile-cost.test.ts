/**
 * Issue #12, the cost limit and the upstream-call budget, through GraphQL over real HTTP
 * against the five emulators. A query is costed as it will run (variable defaults, `sources`
 * returning every source, `tickets` fanning out to every source in scope) and refused before
 * any upstream call; at run time the HTTP layer stops at `gateway.maxUpstreamCalls`, retries
 * included.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resilienceSettings } from '../src/settings.js';
import { FAULTS_PATH, type FaultPlan } from '../src/emulator/kit.js';
import { startProductionStack, type GraphQLBody, type ProductionStack } from './support/production-stack.js';

const SOURCES = 5;
const MAX_UPSTREAM_CALLS = 40;

let stack: ProductionStack;
beforeAll(async () => {
  stack = await startProductionStack({
    emulator: { testMode: true },
    settings: { maxCost: 1_000, maxUpstreamCalls: MAX_UPSTREAM_CALLS },
    configure: (config) => ({
      ...config,
      sources: config.sources.map((s) => ({ ...s, resilience: resilienceSettings.parse({ retries: 2, retryBaseDelayMs: 1, retryMaxDelayMs: 2, breakerFailures: 1_000 }) })),
    }),
  });
});
afterAll(() => stack?.close());

const upstreamRequests = () => stack.emulators.emulators.reduce((sum, e) => sum + e.emulator.requests.entries.length, 0);
beforeEach(() => {
  for (const e of stack.emulators.emulators) e.emulator.requests.clear();
});

function refusedFor(body: GraphQLBody, limit: string): Record<string, unknown> {
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
  return body.errors![0]!.extensions!;
}

describe('cost sees what execution sees', () => {
  it("a variable's default value is the page size, not the gateway's default", async () => {
    // 4 aliases × (tickets 1 + 100 × (edges 1 + node 1 + number 1)) = 1 204 > 1 000.
    const aliases = [1, 2, 3, 4].map((i) => `t${i}: tickets(first: $n) { edges { node { number } } }`).join(' ');
    const refused = await stack.post({ query: `query($n: Int = 100) { ${aliases} }` });
    expect(refused.status).toBe(400);
    expect(refusedFor(refused.json, 'maxCost').cost).toBe(4 * (1 + 100 * 3));
    expect(upstreamRequests()).toBe(0);

    // Given explicitly, the small value wins (4 × (1 + 2 × 3) = 28) and the query runs.
    const small = await stack.post({ query: `query($n: Int = 100) { ${aliases} }`, variables: { n: 2 } });
    expect(small.json.errors).toBeUndefined();
  });

  it('`sources` costs every configured source', async () => {
    const selection = 'tickets(first: 50) { edges { node { number title } } }';
    // 1 + 5 sources × (tickets 1 + 50 × (edges 1 + node 1 + number 1 + title 1)) = 1 006 > 1 000.
    const refused = await stack.post({ query: `{ sources { ${selection} } }` });
    expect(refusedFor(refused.json, 'maxCost').cost).toBe(1 + SOURCES * (1 + 50 * 4));
    expect(upstreamRequests()).toBe(0);
    // The same selection on one source costs 1 + 201.
    const one = await stack.post({ query: `{ source(key: "cp") { ${selection} } }` });
    expect(one.json.errors).toBeUndefined();
  });
});

describe('the upstream-call budget', () => {
  it('refuses a fan-out over maxUpstreamCalls before any upstream call', async () => {
    // 9 aliased tickets × 5 sources = 45 > 40.
    const query = `{ ${Array.from({ length: 9 }, (_, i) => `t${i}: tickets(first: 1) { totalCount }`).join(' ')} }`;
    const refused = await stack.post({ query });
    expect(refused.status).toBe(400);
    const extensions = refusedFor(refused.json, 'maxUpstreamCalls');
    expect(extensions).toMatchObject({ maxUpstreamCalls: MAX_UPSTREAM_CALLS, upstreamCalls: 9 * SOURCES });
    expect(upstreamRequests()).toBe(0);

    // 8 of them (40 calls) run, and stay within the budget.
    const fits = await stack.post({ query: `{ ${Array.from({ length: 8 }, (_, i) => `t${i}: tickets(first: 1) { totalCount }`).join(' ')} }` });
    expect(fits.json.errors).toBeUndefined();
    expect(upstreamRequests()).toBeLessThanOrEqual(MAX_UPSTREAM_CALLS);
  });

  it('counts only the sources in filter.sources', async () => {
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `t${i}: tickets(first: 1, filter: { sources: ["cp", "bk"] }) { totalCount }`).join(' ')} }`;
    // 20 × 2 = 40: allowed.
    const fits = await stack.post({ query });
    expect(fits.json.errors).toBeUndefined();
    expect(upstreamRequests()).toBeLessThanOrEqual(MAX_UPSTREAM_CALLS);
  });

  describe('at run time', () => {
    afterEach(async () => {
      for (const e of stack.emulators.emulators) await fault(e.key, null);
    });

    it('stops calls past the budget (retries included) with QUERY_TOO_COMPLEX, and they never go out', async () => {
      // Estimated at 8 × 5 = 40 calls: allowed. cp answers 503 to everything, so each of its
      // reads takes up to 3 attempts: about 8 × (4 + 3) = 56 (the retry budget allows ~11 of the
      // 16 retries) would go out without the run-time check. Distinct page sizes: no two
      // aliases share a read.
      await fault('cp', { status: 503 });
      const query = `{ ${Array.from({ length: 8 }, (_, i) => `t${i}: tickets(first: ${i + 1}, filter: { sources: ["cp", "bk", "akana", "tm", "coc"] }) { totalCount }`).join(' ')} }`;
      const response = await stack.post({ query });
      expect(upstreamRequests()).toBeLessThanOrEqual(MAX_UPSTREAM_CALLS);
      const budget = response.json.errors?.filter((e) => e.extensions?.limit === 'maxUpstreamCalls') ?? [];
      expect(budget.length).toBeGreaterThanOrEqual(1);
      expect(budget[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxUpstreamCalls: MAX_UPSTREAM_CALLS });
    });
  });
});

async function fault(key: string, plan: FaultPlan | null): Promise<void> {
  const { origin } = stack.emulators.byKey(key).listening;
  const response = await fetch(origin + FAULTS_PATH, {
    method: plan ? 'PUT' : 'DELETE',
    ...(plan ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) } : {}),
  });
  if (!response.ok) throw new Error(`fault injection failed: ${response.status}`);
}
