/**
 * ticketgraph as an Apollo Federation v2 subgraph (`gateway.subgraph.enabled`), beside a
 * Relay-style neighbour that has its own Node, node(id:) and PageInfo: both SDLs (read over HTTP
 * via `_service`) are composed with @apollo/composition, and queries go client -> Apollo Gateway
 * or Hive Gateway -> both subgraphs, all over HTTP on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Fetcher } from '@apollo/utils.fetcher';
import { parse } from 'graphql';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGatewaySettings } from '../src/config.js';
import { decodeGlobalId, encodeGlobalId } from '../src/schema/global-id.js';
import { startStack, type Stack } from './support/stack.js';

// @apollo/gateway otherwise starts a metrics exporter to Apollo that first probes cloud
// metadata addresses: tests reach nothing but 127.0.0.1.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const TEAMS = ['Network', 'Identity', 'Billing'] as const;

/** The teams subgraph's rule, repeated here to state the expected answer. */
function teamOf(ticketId: string): string {
  const number = Number(decodeGlobalId(ticketId).id.split(':')[1]);
  return TEAMS[number % TEAMS.length] as string;
}

/**
 * A typical Relay-style neighbour: its own Node interface, node(id:), PageInfo and connection,
 * and a Ticket reference. It owns `node(id:)` in the supergraph (ticketgraph runs with
 * `gateway.subgraph.exposeNodeFields: false`): for a Ticket ID it returns the reference, and
 * the router asks ticketgraph for the rest.
 */
const TEAMS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable"])
  interface Node { id: ID! }
  type PageInfo @shareable { hasNextPage: Boolean!  hasPreviousPage: Boolean!  startCursor: String  endCursor: String }
  type Team implements Node @key(fields: "id") { id: ID!  name: String!  tickets(first: Int): TeamTicketConnection! }
  type TeamTicketConnection { edges: [TeamTicketEdge!]!  pageInfo: PageInfo! }
  type TeamTicketEdge { cursor: String!  node: Ticket! }
  type Ticket implements Node @key(fields: "id") { id: ID!  team: Team! }
  type Query { teams: [Team!]!  node(id: ID!): Node }
`;

function teamsSubgraph(ticketIds: readonly string[]) {
  const team = (name: string) => ({ id: `team:${name}`, name });
  const ticketsOf = (name: string, first: number) => {
    const all = ticketIds.filter((id) => teamOf(id) === name);
    const page = all.slice(0, first);
    return {
      edges: page.map((id, i) => ({ cursor: String(i + 1), node: { id } })),
      pageInfo: { hasNextPage: all.length > page.length, hasPreviousPage: false, startCursor: page.length ? '1' : null, endCursor: page.length ? String(page.length) : null },
    };
  };
  return buildSubgraphSchema({
    typeDefs: parse(TEAMS_SDL),
    resolvers: {
      Query: {
        teams: () => TEAMS.map(team),
        // A ticketgraph ID is a reference here; the router resolves its fields from ticketgraph.
        node: (_: unknown, { id }: { id: string }) => (decodeGlobalId(id).typename === 'Ticket' ? { __typename: 'Ticket', id } : null),
      },
      Node: { __resolveType: (value: { __typename?: string; name?: string }) => value.__typename ?? (value.name ? 'Team' : 'Ticket') },
      Team: { tickets: (t: { name: string }, { first }: { first?: number }) => ticketsOf(t.name, first ?? 20) },
      Ticket: {
        __resolveReference: (ref: { id: string }) => ref,
        team: (ref: { id: string }) => team(teamOf(ref.id)),
      },
    },
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

let stack: Stack;
let teamsServer: Server;
let teamsUrl: string;
let apollo: ApolloServer;
let hiveServer: Server;
const routers: Record<'apollo' | 'hive', string> = { apollo: '', hive: '' };
let ticketIds: string[];
/** Subgraph calls the Apollo router made, by subgraph URL. */
const calls: { url: string; query: string }[] = [];

async function sdlOf(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  const body = (await response.json()) as { data: { _service: { sdl: string } } };
  return body.data._service.sdl;
}

async function via<T>(router: keyof typeof routers, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(routers[router], {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

beforeAll(async () => {
  stack = await startStack({
    kinds: ['control-panel'],
    configure: (config) => ({ ...config, gateway: { ...defaultGatewaySettings(), subgraph: { enabled: true, exposeNodeFields: false } } }),
  });
  const first = await stack.query<{ source: { tickets: { edges: { node: { id: string } }[] } } }>(`{ source(key: "cp") { tickets(first: 9) { edges { node { id } } } } }`);
  ticketIds = first.data!.source.tickets.edges.map((e) => e.node.id);

  teamsServer = createServer(createYoga({ schema: teamsSubgraph(ticketIds), graphqlEndpoint: '/graphql', logging: false }));
  teamsUrl = await listen(teamsServer);

  const composed = composeServices([
    { name: 'tickets', url: stack.url, typeDefs: parse(await sdlOf(stack.url)) },
    { name: 'teams', url: teamsUrl, typeDefs: parse(await sdlOf(teamsUrl)) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const counting: Fetcher = async (url, init) => {
    calls.push({ url, query: String(JSON.parse(String(init?.body ?? '{}')).query) });
    return fetch(url, init as RequestInit);
  };
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url, fetcher: counting }),
  });
  apollo = new ApolloServer({ gateway });
  routers.apollo = (await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } })).url;

  // @graphql-mesh/transport-http is not installed; its whole job for HTTP subgraphs is this executor.
  const http = { getSubgraphExecutor: ({ transportEntry }: { transportEntry: { location?: string } }) => buildHTTPExecutor({ endpoint: transportEntry.location! }) };
  hiveServer = createServer(createGatewayRuntime({ supergraph: composed.supergraphSdl, logging: false, maskedErrors: false, transports: { http } }));
  routers.hive = await listen(hiveServer);
});

afterAll(async () => {
  await apollo?.stop();
  if (hiveServer) await close(hiveServer);
  if (teamsServer) await close(teamsServer);
  await stack?.close();
});

describe('the subgraph itself', () => {
  it('serves its federation SDL with @link to v2, @key(fields: "id") on Ticket, Comment and Topic, and a shareable PageInfo', async () => {
    const sdl = await sdlOf(stack.url);
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \[[^\]]*"@key"/);
    for (const type of ['Ticket', 'Comment', 'Topic']) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Node\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    // exposeNodeFields: false leaves node/nodes to the neighbour.
    expect(sdl).not.toMatch(/^\s+nodes?\(/m);
  });

  it('resolves _entities by global id, null for unknown or foreign ids', async () => {
    const result = await stack.query<{ _entities: ({ number: string; title: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { number title } } }`,
      {
        r: [
          { __typename: 'Ticket', id: ticketIds[0] },
          { __typename: 'Ticket', id: encodeGlobalId('Ticket', 'cp:424242424') },
          { __typename: 'Ticket', id: encodeGlobalId('Topic', 'cp:x') },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]!.number).toBe(decodeGlobalId(ticketIds[0]!).id.split(':')[1]);
    expect(result.data!._entities.slice(1)).toEqual([null, null]);
  });
});

describe('the public gateway (gateway.subgraph off, the default)', () => {
  it('has no _service, _entities or federation types, in GraphiQL or anywhere', async () => {
    const open = await startStack({ kinds: ['control-panel'] });
    try {
      const result = await open.query<{ __schema: { queryType: { fields: { name: string }[] }; types: { name: string }[] } }>(
        `{ __schema { queryType { fields { name } } types { name } } }`,
      );
      const fields = result.data!.__schema.queryType.fields.map((f) => f.name);
      expect(fields).toEqual(expect.arrayContaining(['tickets', 'node', 'nodes']));
      expect(fields.filter((f) => f.startsWith('_'))).toEqual([]);
      expect(result.data!.__schema.types.map((t) => t.name).filter((n) => n.startsWith('_') && !n.startsWith('__'))).toEqual([]);
      const service = await open.query(`{ _service { sdl } }`);
      expect(service.errors?.[0]?.message).toMatch(/_service/);
    } finally {
      await open.close();
    }
  });
});

describe('composed with a Relay-style neighbour (own Node, node(id:), PageInfo, Ticket reference)', () => {
  it.each(['apollo', 'hive'] as const)('%s gateway: the neighbour\'s connection of tickets gets ticketgraph\'s fields', async (router) => {
    const direct = await stack.query<{ source: { tickets: { edges: { node: { id: string; title: string; status: string } }[] } } }>(
      `{ source(key: "cp") { tickets(first: 9) { edges { node { id title status } } } } }`,
    );
    const expected = new Map(direct.data!.source.tickets.edges.map((e) => [e.node.id, e.node]));
    calls.length = 0;
    const result = await via<{ teams: { name: string; tickets: { pageInfo: { hasNextPage: boolean }; edges: { node: { id: string; title: string; status: string } }[] } }[] }>(
      router,
      `{ teams { name tickets(first: 10) { pageInfo { hasNextPage } edges { node { id title status } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const tickets = result.data!.teams.flatMap((t) => t.tickets.edges.map((e) => ({ team: t.name, ...e.node })));
    expect(tickets).toHaveLength(ticketIds.length);
    for (const ticket of tickets) {
      expect(ticket.team).toBe(teamOf(ticket.id));
      expect(ticket).toMatchObject(expected.get(ticket.id)!);
    }
    if (router === 'apollo') {
      expect(calls.map((c) => c.url)).toEqual([teamsUrl, stack.url]);
      expect(calls[1]!.query).toContain('_entities');
    }
  });

  it.each(['apollo', 'hive'] as const)("%s gateway: ticketgraph's tickets (with their PageInfo) get the neighbour's team", async (router) => {
    const result = await via<{ source: { tickets: { pageInfo: { hasNextPage: boolean }; edges: { node: { id: string; title: string; team: { name: string } } }[] } } }>(
      router,
      `{ source(key: "cp") { tickets(first: 6) { pageInfo { hasNextPage } edges { node { id title team { name } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.source.tickets.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(ticketIds.slice(0, 6));
    expect(nodes.map((n) => n.team.name)).toEqual(nodes.map((n) => teamOf(n.id)));
    expect(nodes.every((n) => n.title.length > 0)).toBe(true);
    expect(result.data!.source.tickets.pageInfo.hasNextPage).toBe(true);
  });

  it.each(['apollo', 'hive'] as const)('%s gateway: node(id:) is the neighbour\'s, and a Ticket ID still resolves its fields from ticketgraph', async (router) => {
    const id = ticketIds[2]!;
    const direct = await stack.query<{ node: { title: string } }>(`query($id: ID!) { node(id: $id) { ... on Ticket { title } } }`, { id });
    // ticketgraph (as a subgraph) has no node field of its own here.
    expect(direct.errors?.[0]?.message).toMatch(/node/);
    const result = await via<{ node: { id: string; title: string; team: { name: string } } }>(router, `query($id: ID!) { node(id: $id) { id ... on Ticket { title team { name } } } }`, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.node.id).toBe(id);
    expect(result.data!.node.team.name).toBe(teamOf(id));
    expect(result.data!.node.title.length).toBeGreaterThan(0);
  });
});
