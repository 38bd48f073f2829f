/**
 * ticketgraph as an Apollo Federation v2 subgraph, proven with Apollo's own tools: a small
 * `teams` subgraph extends Ticket by its @key, both SDLs (read over HTTP via `_service`) are
 * composed with @apollo/composition, and queries go client -> Apollo Server + @apollo/gateway
 * -> both subgraphs, all over HTTP on 127.0.0.1.
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
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const TEAMS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Team { name: String!  tickets: [Ticket!]! }
  type Ticket @key(fields: "id") { id: ID!  team: Team! }
  type Query { teams: [Team!]! }
`;

function teamsSubgraph(ticketIds: readonly string[]) {
  const team = (name: string) => ({ name, tickets: ticketIds.filter((id) => teamOf(id) === name).map((id) => ({ id })) });
  return buildSubgraphSchema({
    typeDefs: parse(TEAMS_SDL),
    resolvers: {
      Query: { teams: () => TEAMS.map(team) },
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
let router: ApolloServer;
let routerUrl: string;
let ticketIds: string[];
/** Subgraph calls the router made, by subgraph URL. */
const calls: { url: string; query: string }[] = [];

async function sdlOf(url: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  const body = (await response.json()) as { data: { _service: { sdl: string } } };
  return body.data._service.sdl;
}

async function viaRouter<T>(query: string): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: T; errors?: unknown[] };
}

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
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
  router = new ApolloServer({ gateway });
  routerUrl = (await startStandaloneServer(router, { listen: { port: 0, host: '127.0.0.1' } })).url;
});

afterAll(async () => {
  await router?.stop();
  if (teamsServer) await close(teamsServer);
  await stack?.close();
});

describe('the subgraph itself', () => {
  it('serves its federation SDL with @link to v2 and @key(fields: "id") on Ticket, Comment and Topic', async () => {
    const sdl = await sdlOf(stack.url);
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \[[^\]]*"@key"/);
    for (const type of ['Ticket', 'Comment', 'Topic']) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Node\\s+@key\\(fields: "id"\\)`));
    }
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

describe('through @apollo/gateway', () => {
  it('adds the teams subgraph field to tickets from ticketgraph (one call to each subgraph)', async () => {
    calls.length = 0;
    const result = await viaRouter<{ source: { tickets: { edges: { node: { id: string; title: string; team: { name: string } } }[] } } }>(
      `{ source(key: "cp") { tickets(first: 6) { edges { node { id title team { name } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.source.tickets.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(ticketIds.slice(0, 6));
    expect(nodes.map((n) => n.team.name)).toEqual(nodes.map((n) => teamOf(n.id)));
    expect(nodes.every((n) => n.title.length > 0)).toBe(true);
    expect(calls.map((c) => c.url)).toEqual([stack.url, teamsUrl]);
    expect(calls[1]!.query).toContain('_entities');
  });

  it("resolves ticketgraph's fields on tickets the teams subgraph returns, in one _entities call", async () => {
    const direct = await stack.query<{ nodes: { id: string; title: string; status: string }[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Ticket { title status } } }`, { ids: ticketIds });
    const expected = new Map(direct.data!.nodes.map((n) => [n.id, n]));
    calls.length = 0;
    const result = await viaRouter<{ teams: { name: string; tickets: { id: string; title: string; status: string }[] }[] }>(`{ teams { name tickets { id title status } } }`);
    expect(result.errors).toBeUndefined();
    const tickets = result.data!.teams.flatMap((t) => t.tickets.map((ticket) => ({ team: t.name, ...ticket })));
    expect(tickets).toHaveLength(ticketIds.length);
    for (const ticket of tickets) {
      expect(ticket.team).toBe(teamOf(ticket.id));
      expect(ticket).toMatchObject(expected.get(ticket.id)!);
    }
    expect(calls.map((c) => c.url)).toEqual([teamsUrl, stack.url]);
    expect(calls[1]!.query).toContain('_entities');
  });
});
