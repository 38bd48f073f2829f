/**
 * Query limits over real HTTP: every query over a limit is refused with a coded error before any
 * upstream call (the emulator's request log stays empty); introspection and GraphiQL can be
 * switched off by config.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProductionStack, type GraphQLBody, type ProductionStack } from './support/production-stack.js';

let stack: ProductionStack;
let closed: ProductionStack;

beforeAll(async () => {
  [stack, closed] = await Promise.all([
    startProductionStack({ kinds: ['control-panel'] }),
    startProductionStack({ kinds: ['control-panel'], settings: { introspection: false, graphiql: false } }),
  ]);
});
afterAll(async () => {
  await Promise.all([stack?.close(), closed?.close()]);
});

const cpRequests = (s: ProductionStack) => s.emulators.byKey('cp').emulator.requests;
beforeEach(() => {
  cpRequests(stack).clear();
  cpRequests(closed).clear();
});

function refusedFor(body: GraphQLBody, limit: string): void {
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
}

/** `tickets → edges → node → source → tickets …`, four levels a turn. */
function nested(turns: number): string {
  let inner = 'number';
  for (let i = 0; i < turns; i++) inner = `tickets(first: 1) { edges { node { ${i === 0 ? inner : `source { ${inner} }`} } } }`;
  return `{ source(key: "cp") { ${inner} } }`;
}

describe('limits refuse a query before any upstream call', () => {
  it('depth', async () => {
    const deep = await stack.post({ query: nested(4) }); // 17 levels > 12
    expect(deep.status).toBe(400);
    refusedFor(deep.json, 'maxDepth');
    expect(deep.json.errors?.[0]?.message).toMatch(/depth limit of 12/);
    expect(cpRequests(stack).entries).toEqual([]);

    const fine = await stack.post({ query: nested(2) });
    expect(fine.json.errors).toBeUndefined();
    expect(cpRequests(stack).entries.length).toBeGreaterThan(0);
  });

  it('aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: sources { key }`).join(' ');
    const refused = await stack.post({ query: `{ ${aliases} }` });
    refusedFor(refused.json, 'maxAliases');
    const allowed = await stack.post({ query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: sources { key }`).join(' ')} }` });
    expect(allowed.json.errors).toBeUndefined();
  });

  it('directives', async () => {
    const refused = await stack.post({ query: `{ sources { ${Array.from({ length: 21 }, () => 'key @include(if: true)').join(' ')} } }` });
    refusedFor(refused.json, 'maxDirectives');
  });

  it('tokens', async () => {
    // `key` repeated: 2 000 tokens plus the braces.
    const refused = await stack.post({ query: `{ sources { ${'key '.repeat(2_000)}} }` });
    refusedFor(refused.json, 'maxTokens');
    expect(cpRequests(stack).entries).toEqual([]);
  });

  it('cost: a connection multiplies its selection by first/last, from literals and variables', async () => {
    // 1 + 100 · (edges 1 + node 1 + comments (1 + 100 · 4)) = 40 301 > 20 000
    const big = `query Big($n: Int) { tickets(first: $n) { edges { node { comments(first: 100) { edges { node { id body } } } } } } }`;
    const refused = await stack.post({ query: big, variables: { n: 100 } });
    refusedFor(refused.json, 'maxCost');
    expect(refused.json.errors?.[0]?.extensions).toMatchObject({ cost: 40_301, maxCost: 20_000 });
    expect(cpRequests(stack).entries).toEqual([]);

    // The same document with a small page is allowed: the check is not cached per document.
    const small = await stack.post({ query: big, variables: { n: 2 } });
    expect(small.json.errors).toBeUndefined();
    expect(cpRequests(stack).entries.length).toBeGreaterThan(0);

    // comments without first/last counts as the default page (20):
    // 1 + 100 · (edges 1 + node 1 + comments (1 + 20 · (edges 1 + node 1 + 9))) = 22 301
    const defaults = `{ tickets(first: 100) { edges { node { comments { edges { node { id body createdAt author { name email } vote { score comment } } } } } } } }`;
    const literal = await stack.post({ query: defaults });
    refusedFor(literal.json, 'maxCost');
    expect(literal.json.errors?.[0]?.extensions?.cost).toBe(22_301);
    expect(cpRequests(stack).entries.length).toBeGreaterThan(0); // from the allowed query above only
    cpRequests(stack).clear();
    await stack.post({ query: defaults });
    expect(cpRequests(stack).entries).toEqual([]);
  });
});

describe('introspection and GraphiQL by config', () => {
  it('answers introspection by default and refuses it when turned off', async () => {
    const query = `{ __schema { queryType { name } } }`;
    const on = await stack.post({ query });
    expect(on.json.data).toEqual({ __schema: { queryType: { name: 'Query' } } });

    const off = await closed.post({ query });
    expect(off.status).toBe(400);
    expect(off.json.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    const type = await closed.post({ query: `{ __type(name: "Ticket") { fields { name } } }` });
    expect(type.json.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');

    // __typename is not introspection, and ordinary queries still work.
    const plain = await closed.post({ query: `{ __typename sources { key } }` });
    expect(plain.json).toEqual({ data: { __typename: 'Query', sources: [{ key: 'cp' }] } });
  });

  it('hides field suggestions when introspection is off', async () => {
    const on = await stack.post({ query: `{ sourcez { key } }` });
    expect(on.json.errors?.[0]?.message).toMatch(/Did you mean/);
    const off = await closed.post({ query: `{ sourcez { key } }` });
    expect(off.json.errors?.[0]?.message).not.toMatch(/Did you mean|sources/);
  });

  it('serves GraphiQL by default and not when turned off', async () => {
    const page = await stack.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toMatch(/graphiql/i);

    const none = await closed.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(none.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(none.text).not.toMatch(/graphiql/i);
  });
});
