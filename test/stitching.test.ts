/**
 * Schema stitching with GraphQL Tools: ticketgraph as a remote subschema over HTTP, merged with
 * a local "watchlist" schema on Ticket by global id. The remote side of the merge is the batched
 * `nodes(ids:)` root field, so N tickets cost one HTTP request to the gateway, not N.
 */
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { stitchSchemas } from '@graphql-tools/stitch';
import { schemaFromExecutor } from '@graphql-tools/wrap';
import { graphql, type GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-id.js';
import { MAX_NODES } from '../src/schema/node.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let stitched: GraphQLSchema;
let ticketIds: string[];
/** Requests sent to the gateway over HTTP, in order. */
const upstream: { query: string; variables?: Record<string, unknown> }[] = [];

interface Watch {
  ticketId: string;
  note: string;
}
const watches: Watch[] = [];

/** The local schema: it knows ticket ids only, and adds `watchers` to Ticket. */
function watchlistSchema(): GraphQLSchema {
  return createSchema({
    typeDefs: /* GraphQL */ `
      "The ticket is nullable: a watched ticket deleted upstream nulls only its own watch's ticket."
      type Watch { note: String! ticket: Ticket }
      type Ticket { id: ID! watchers: [String!]! }
      type Query {
        watches: [Watch!]!
        "Merge root for Ticket on this side (local, so no N+1 concern)."
        _ticketsByIds(ids: [ID!]!): [Ticket]!
      }
    `,
    resolvers: {
      Query: {
        watches: () => watches.map((w) => ({ note: w.note, ticket: { id: w.ticketId } })),
        _ticketsByIds: (_root: unknown, args: { ids: string[] }) => args.ids.map((id) => ({ id })),
      },
      Ticket: {
        watchers: (ticket: { id: string }) => watches.filter((w) => w.ticketId === ticket.id).map((w) => w.note.split(':')[0]),
      },
    },
  });
}

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
  const executor = buildHTTPExecutor({
    endpoint: stack.url,
    fetch: (input, init) => {
      upstream.push(JSON.parse(String(init?.body ?? '{}')) as { query: string; variables?: Record<string, unknown> });
      return fetch(input, init);
    },
  });
  const remoteSchema = await schemaFromExecutor(executor);

  const first = await stack.query<{ source: { tickets: { edges: { node: { id: string } }[] } } }>(`{ source(key: "cp") { tickets(first: 12) { edges { node { id } } } } }`);
  ticketIds = first.data!.source.tickets.edges.map((e) => e.node.id);
  ticketIds.forEach((ticketId, i) => watches.push({ ticketId, note: `${['ana', 'bo', 'cy'][i % 3]}: follow up #${i}` }));

  stitched = stitchSchemas({
    subschemas: [
      {
        schema: remoteSchema,
        executor,
        merge: {
          Ticket: {
            selectionSet: '{ id }',
            fieldName: 'nodes',
            key: ({ id }: { id: string }) => id,
            argsFromKeys: (ids: readonly string[]) => ({ ids }),
            dataLoaderOptions: { maxBatchSize: MAX_NODES },
          },
        },
      },
      {
        schema: watchlistSchema(),
        merge: {
          Ticket: {
            selectionSet: '{ id }',
            fieldName: '_ticketsByIds',
            key: ({ id }: { id: string }) => id,
            argsFromKeys: (ids: readonly string[]) => ({ ids }),
          },
        },
      },
    ],
  });
});
afterAll(() => stack?.close());

async function run<T>(source: string): Promise<{ data?: T; errors?: readonly unknown[] }> {
  upstream.length = 0;
  return (await graphql({ schema: stitched, source })) as { data?: T; errors?: readonly unknown[] };
}

describe('stitched with a local schema', () => {
  it('resolves remote ticket fields for local watches in one batched nodes() request', async () => {
    const direct = await stack.query<{ nodes: { id: string; title: string; status: string }[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Ticket { title status } } }`, { ids: ticketIds });
    const result = await run<{ watches: { note: string; ticket: { id: string; title: string; status: string; watchers: string[] } }[] }>(
      `{ watches { note ticket { id title status watchers } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.watches).toHaveLength(ticketIds.length);
    result.data!.watches.forEach((w, i) => {
      expect(w.ticket).toEqual({ ...direct.data!.nodes[i], watchers: [w.note.split(':')[0]] });
    });
    // N tickets, one request to the gateway, and it is the nodes() merge root.
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.query).toMatch(/\{nodes\(ids:\$\w+\)/);
    expect(Object.values(upstream[0]!.variables ?? {})).toEqual([ticketIds]);
  });

  it('adds the local field to remote tickets without another request to the gateway', async () => {
    const result = await run<{ source: { tickets: { edges: { node: { id: string; number: string; watchers: string[] } }[] } } }>(
      `{ source(key: "cp") { tickets(first: 5) { edges { node { id number watchers } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.source.tickets.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(ticketIds.slice(0, 5));
    expect(nodes.every((n) => n.watchers.length === 1)).toBe(true);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.query).not.toMatch(/nodes\(ids:/);
  });

  it('a watched ticket that no longer exists nulls only its own field', async () => {
    const gone = encodeGlobalId('Ticket', 'cp:99999999');
    watches.push({ ticketId: gone, note: 'dee: deleted upstream' });
    try {
      const result = await run<{ watches: { note: string; ticket: { id: string; title: string } | null }[] }>(`{ watches { note ticket { id title } } }`);
      expect(result.data!.watches).toHaveLength(ticketIds.length + 1);
      expect(result.data!.watches.at(-1)).toEqual({ note: 'dee: deleted upstream', ticket: null });
      expect(result.data!.watches.slice(0, -1).every((w) => w.ticket !== null && w.ticket.title.length > 0)).toBe(true);
      expect(result.errors ?? []).toHaveLength(1);
      expect(upstream).toHaveLength(1);
    } finally {
      watches.pop();
    }
  });
});
