/**
 * Repeated queries run compiled (graphql-jit, src/plugins/use-compiled-queries.ts) from their
 * second execution on. What a client gets must not change: each document is sent three times
 * (interpreted, then compiled) and every answer must equal the first, byte for byte, across
 * fragments, aliases, variables, directives, abstract types, a failing source and a document
 * with two operations. The metric tells the compiled path really ran.
 */
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resilienceSettings } from '../src/settings.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { testMode: true },
    // A failing source fails the same way each time: no retries, and no breaker opening between sends.
    configure: (config) => ({ ...config, sources: config.sources.map((s) => ({ ...s, resilience: resilienceSettings.parse({ retries: 0, breakerFailures: 1_000 }) })) }),
  });
});

afterAll(async () => {
  await stack?.close();
});

async function post(body: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function compiledCount(outcome: 'compiled' | 'failed'): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.url))).text();
  const line = text.split('\n').find((l) => l.startsWith(`ticketgraph_compiled_queries_total{outcome="${outcome}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Sends `body` three times; every answer must be the first one. */
async function sameEveryTime(body: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const first = await post(body);
  for (let i = 0; i < 2; i++) expect(await post(body)).toEqual(first);
  return first;
}

const PAGE = `
  query Page($first: Int!, $withPriority: Boolean!, $skipSource: Boolean = false) {
    page: tickets(first: $first, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage }
      edges { node { ...Row source @skip(if: $skipSource) { key kind } } }
    }
    again: tickets(first: 2) { edges { node { id title } } }
  }
  fragment Row on Ticket { id number title status createdAt updatedAt priority @include(if: $withPriority) }
`;

describe('compiled queries', () => {
  it('answers a repeated page exactly as the first (interpreted) time, and compiles it once', async () => {
    const before = await compiledCount('compiled');
    const { status, text } = await sameEveryTime({ query: PAGE, variables: { first: 30, withPriority: true } });
    expect(status).toBe(200);
    const body = JSON.parse(text) as { data: { page: { edges: { node: Record<string, unknown> }[] } } };
    expect(body.data.page.edges).toHaveLength(30);
    // The directives were honoured: priority asked for, source not skipped.
    expect(body.data.page.edges.every(({ node }) => 'priority' in node && 'source' in node)).toBe(true);
    expect(await compiledCount('compiled')).toBe(before + 1);
    // Other variables, same compiled document: directives and arguments still follow them.
    const other = JSON.parse((await post({ query: PAGE, variables: { first: 3, withPriority: false, skipSource: true } })).text) as typeof body;
    expect(other.data.page.edges).toHaveLength(3);
    expect(other.data.page.edges.every(({ node }) => !('priority' in node) && !('source' in node))).toBe(true);
    expect(await compiledCount('compiled')).toBe(before + 1);
  });

  it('resolves abstract types (node, nodes) the same way', async () => {
    const ids = JSON.parse((await post({ query: '{ tickets(first: 5) { edges { node { id } } } }' })).text) as { data: { tickets: { edges: { node: { id: string } }[] } } };
    const list = ids.data.tickets.edges.map((e) => e.node.id);
    const { text } = await sameEveryTime({
      query: `query Nodes($ids: [ID!]!, $one: ID!) {
        nodes(ids: $ids) { __typename id ... on Ticket { number title comments(first: 2) { edges { node { id body } } } } }
        node(id: $one) { __typename ... on Ticket { title } }
      }`,
      variables: { ids: list, one: list[0] },
    });
    const body = JSON.parse(text) as { data: { nodes: { __typename: string }[]; node: { __typename: string } } };
    expect(body.data.nodes.map((n) => n.__typename)).toEqual(list.map(() => 'Ticket'));
    expect(body.data.node.__typename).toBe('Ticket');
  });

  it('reports a failing source and a bad ID the same way', async () => {
    const [first] = stack.config.sources;
    if (!first) throw new Error('no source');
    await stack.fault(first.key, { status: 500, times: 1_000 });
    try {
      const { text } = await sameEveryTime({ query: `{ tickets(first: 5) { totalCount sourceErrors { source code } edges { node { id } } } node(id: "bm90LWFuLWlk") { id } }` });
      const body = JSON.parse(text) as { data: { tickets: { sourceErrors: { source: string }[] } }; errors?: { extensions?: { code?: string } }[] };
      expect(body.data.tickets.sourceErrors.map((e) => e.source)).toContain(first.key);
      expect(body.errors?.[0]?.extensions?.code).toBeTruthy();
    } finally {
      await stack.fault(first.key, null);
    }
  });

  it('rejects bad variables the same way', async () => {
    const { status, text } = await sameEveryTime({ query: PAGE, variables: { first: 'ten', withPriority: true } });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ message: expect.stringContaining('"$first" got invalid value "ten"') as unknown }] });
    expect(JSON.parse(text)).not.toHaveProperty('data');
  });

  it('runs the operation asked for in a document holding two', async () => {
    const document = `query Titles { tickets(first: 3) { edges { node { title } } } } query Numbers { tickets(first: 3) { edges { node { number } } } }`;
    const titles = await sameEveryTime({ query: document, operationName: 'Titles' });
    const numbers = await sameEveryTime({ query: document, operationName: 'Numbers' });
    expect(titles.text).toContain('"title"');
    expect(titles.text).not.toContain('"number"');
    expect(numbers.text).toContain('"number"');
    expect(numbers.text).not.toContain('"title"');
  });

  it('answers introspection (GraphiQL, codegen) the same way', async () => {
    const { status, text } = await sameEveryTime({ query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }) });
    expect(status).toBe(200);
    const schema = buildClientSchema((JSON.parse(text) as { data: IntrospectionQuery }).data);
    expect(schema.getType('Ticket')).toBeDefined();
  });

  it('compiles neither a document seen once nor a mutation', async () => {
    const before = await compiledCount('compiled');
    await post({ query: `{ once: sources { key } }` });
    const mutation = `mutation { addComment(input: { ticketId: "bm90LWFuLWlk", body: "x" }) { userErrors { code } } }`;
    for (let i = 0; i < 3; i++) expect((await post({ query: mutation })).status).toBe(200);
    expect(await compiledCount('compiled')).toBe(before);
  });
});
