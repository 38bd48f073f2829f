/**
 * examples/client.ts (quoted in the README) run against a live stack: typed documents from
 * client/generated over plain fetch, with persisted queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, example, GraphQLRequestError } from '../examples/client.js';
import { RecentTicketsDocument, SourcesDocument } from '../client/generated/graphql.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
});
afterAll(() => stack.close());

describe('the README client example', () => {
  it('pages open tickets and loads the newest with its comments', async () => {
    const { tickets, details } = await example(stack.url, { pages: 3, status: ['OPEN', 'IN_PROGRESS'] });
    expect(tickets).toHaveLength(15);
    expect(new Set(tickets.map((t) => `${t.source}:${t.number}`)).size).toBe(15);
    expect(tickets.every((t) => t.status === 'OPEN' || t.status === 'IN_PROGRESS')).toBe(true);

    const direct = await stack.query<{ tickets: { edges: { node: { number: string; title: string } }[] } }>(
      `{ tickets(first: 15, filter: { status: [OPEN, IN_PROGRESS] }) { edges { node { number title } } } }`,
    );
    expect(tickets.map((t) => t.title)).toEqual(direct.data!.tickets.edges.map((e) => e.node.title));
    expect(details).toMatchObject({ number: tickets[0]!.number, title: tickets[0]!.title });
    expect(details!.comments.totalCount).toBe(details!.comments.edges.length);
  });

  it('sends the hash alone once the gateway knows the document', async () => {
    const client = createClient(stack.url);
    const bodies: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => (bodies.push(String(init?.body)), realFetch(input, init));
    try {
      await client.request(SourcesDocument, {});
      await client.request(SourcesDocument, {});
    } finally {
      globalThis.fetch = realFetch;
    }
    // First use: hash (unknown) then hash + text; second use: the hash alone.
    expect(bodies.map((b) => 'query' in (JSON.parse(b) as object))).toEqual([false, true, false]);
  });

  it('throws the gateway errors when there is no data', async () => {
    const client = createClient(stack.url);
    // source(key:) is nullable (an unknown key nulls that field alone); a contradictory filter on the non-null tickets field nulls the whole answer.
    const error = await client.request(RecentTicketsDocument, { first: 1, filter: { createdAfter: '2030-01-01T00:00:00Z', createdBefore: '2020-01-01T00:00:00Z' } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
