/**
 * What a verified caller sees and may do, over real HTTP: per-source read/write rules, two
 * tenants on the same kind with different credentials that never see each other's tickets by
 * any path, claim-templated identity reaching vendors, the rate limit keyed by subject, and
 * no secret in any answer.
 */
import type { IncomingHttpHeaders, RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../src/listen.js';
import { CLOCK_START, startAuthStack, type AuthStack, type GraphQLBody } from './support/auth-stack.js';

const SUPPORT = { groups: ['support'] };
const VIEWER = { scope: 'openid tickets:read profile' };

let stack: AuthStack;
let recorder: Listening;
let recorderTarget: RequestListener | undefined;
const cpHeaders: IncomingHttpHeaders[] = [];
const bodies: GraphQLBody[] = [];

const minted: string[] = [];
async function token(subject: string, claims: Record<string, unknown>) {
  const value = await stack.idp.mint(subject, claims, { now: CLOCK_START });
  minted.push(value);
  return value;
}
async function gql(tokenValue: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await stack.post({ query, variables }, tokenValue, headers);
  bodies.push(response.body);
  return response;
}

beforeAll(async () => {
  // A tiny recording server in front of the control-panel emulator: sees every header the gateway sends.
  recorder = await listen((req, res) => {
    cpHeaders.push(req.headers);
    if (!recorderTarget) {
      res.writeHead(503).end();
      return;
    }
    recorderTarget(req, res);
  });
  stack = await startAuthStack({
    kinds: ['control-panel', 'huawei-coc', 'blueking-itsm'],
    demoTenants: true,
    // The isolation sweep lists 100 tickets with their comments: more upstream calls than the default budget.
    gateway: { maxUpstreamCalls: 1_000 },
    auth: (idp) => ({
      jwksUrl: idp.jwksUrl,
      issuer: idp.issuer,
      audience: 'ticketgraph',
      tenantClaim: 'tenant',
      clockSkewSeconds: 30,
      jwksCooldownMs: 30_000,
      algorithms: ['ES256'],
      access: [
        { claim: 'groups', includes: 'support', sources: '*', write: true },
        { claim: 'scope', includes: 'tickets:read', sources: ['cp', 'bk'], write: false },
      ],
    }),
    configure: (config) => ({
      ...config,
      sources: config.sources.map((s) => {
        if (s.key === 'cp') return { ...s, baseUrl: recorder.origin, identityHeaders: { 'x-ticketgraph-user': '{claims.preferred_username}' },
            // Even a passthrough of the same name cannot let a caller choose their identity.
            forwardHeaders: { 'x-ticketgraph-user': 'x-ticketgraph-user', 'x-cp-user-token': 'x-token' },
          };
        if (s.key === 'bk') return { ...s, settings: { ...s.settings, usernameTemplate: '{claims.bk_user}' } };
        return s;
      }),
    }),
  });
  recorderTarget = stack.emulators.byKey('cp').emulator.handler;
});
afterAll(async () => {
  await stack.close();
  await recorder.close();
});

const SOURCES = '{ sources { key } }';
const keysOf = (body: GraphQLBody) => ((body.data?.sources as { key: string }[]) ?? []).map((s) => s.key).sort();

describe('rules per source', () => {
  it('each caller sees exactly the sources their rules and tenant allow', async () => {
    const north = await gql(await token('alice', { ...SUPPORT, tenant: 'northwind' }), SOURCES);
    const contoso = await gql(await token('bob', { ...SUPPORT, tenant: 'contoso' }), SOURCES);
    const viewer = await gql(await token('victor', VIEWER), SOURCES);
    expect(keysOf(north.body)).toEqual(['bk', 'coc', 'cp']);
    expect(keysOf(contoso.body)).toEqual(['bk', 'coc-contoso', 'cp']);
    // No tenant: untenanted sources only, and of those only the rule's.
    expect(keysOf(viewer.body)).toEqual(['bk', 'cp']);
  });

  it('a read-only caller gets a FORBIDDEN userError on write, and nothing reaches the vendor', async () => {
    const viewer = await token('victor', VIEWER);
    const posts = () => stack.emulators.byKey('cp').emulator.requests.entries.filter((r) => r.method !== 'GET').length;
    const before = posts();
    const mutation = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { field code } } }`;
    const refused = await gql(viewer, mutation, { input: { source: 'cp', title: 'Viewer write', description: 'Should not land.' } });
    expect(refused.body.errors).toBeUndefined();
    expect(refused.body.data?.createTicket).toEqual({ ticket: null, userErrors: [{ field: ['input', 'source'], code: 'FORBIDDEN' }] });
    expect(posts()).toBe(before);

    const agent = await gql(await token('alice', { ...SUPPORT, tenant: 'northwind', preferred_username: 'alice' }), mutation, {
      input: { source: 'cp', title: 'Agent write', description: 'Lands.' },
    });
    expect((agent.body.data?.createTicket as { userErrors: unknown[] }).userErrors).toEqual([]);
    expect(posts()).toBe(before + 1);
  });
});

describe('two tenants on the same kind, each with its own credentials', () => {
  interface Edge {
    cursor: string;
    node: { id: string; number: string; source: { key: string }; comments: { edges: { node: { id: string } }[] } };
  }
  const LIST = `query($first: Int!, $after: String, $sources: [String!]) {
    tickets(first: $first, after: $after, filter: { sources: $sources }) {
      edges { cursor node { id number source { key } comments(first: 1) { edges { node { id } } } } }
      pageInfo { endCursor }
    }
  }`;

  it('never see each other’s tickets through lists, node, nodes, ticket, comments or cursors', async () => {
    const coc = stack.emulators.byKey('coc');
    const contosoCoc = stack.emulators.byKey('coc-contoso');
    const cocConfig = stack.gateway.sources.get('coc');
    expect(cocConfig).toBeDefined();
    expect(coc.emulator.credentials).not.toEqual(contosoCoc.emulator.credentials);

    const north = await token('alice', { ...SUPPORT, tenant: 'northwind', preferred_username: 'alice', bk_user: 'lisi' });
    const contoso = await token('bob', { ...SUPPORT, tenant: 'contoso', preferred_username: 'bob', bk_user: 'wangwu' });

    // Contoso's own view of its COC: tickets with comments, and a cursor.
    const own = await gql(contoso, LIST, { first: 20, sources: ['coc-contoso'] });
    expect(own.body.errors).toBeUndefined();
    const ownEdges = (own.body.data?.tickets as { edges: Edge[] }).edges;
    expect(ownEdges.length).toBeGreaterThan(2);
    const commentIds = ownEdges.flatMap((e) => e.node.comments.edges.map((c) => c.node.id));
    expect(commentIds.length).toBeGreaterThan(0);
    const ticketIds = ownEdges.map((e) => e.node.id);
    const contosoCursor = ownEdges[1]!.cursor;
    const allContoso = await gql(contoso, LIST, { first: 2 });
    const contosoListCursor = (allContoso.body.data?.tickets as { pageInfo: { endCursor: string } }).pageInfo.endCursor;

    const contosoCalls = contosoCoc.emulator.requests.entries.length;

    // Lists: every ticket Northwind sees comes from a source it may see.
    const list = await gql(north, LIST, { first: 100 });
    const listed = (list.body.data?.tickets as { edges: Edge[] }).edges.map((e) => e.node.source.key);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed)).toEqual(new Set(['cp', 'coc', 'bk']));

    // node / nodes: null, as for an ID that does not exist.
    const node = await gql(north, `query($id: ID!) { node(id: $id) { id } }`, { id: ticketIds[0] });
    expect(node.body).toEqual({ data: { node: null } });
    const nodes = await gql(north, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...ticketIds.slice(0, 3), commentIds[0]] });
    expect(nodes.body).toEqual({ data: { nodes: [null, null, null, null] } });
    const comment = await gql(north, `query($id: ID!) { node(id: $id) { id } }`, { id: commentIds[0] });
    expect(comment.body).toEqual({ data: { node: null } });

    // ticket(source:) and filter.sources: exactly the error of a source that is not configured.
    const byNumber = await gql(north, `{ ticket(source: "coc-contoso", number: "${ownEdges[0]!.node.number}") { id } }`);
    const unknown = await gql(north, `{ ticket(source: "zz-none", number: "${ownEdges[0]!.node.number}") { id } }`);
    expect(byNumber.body.errors?.[0]?.extensions).toEqual(unknown.body.errors?.[0]?.extensions);
    expect(byNumber.body.errors?.[0]?.message.replace('coc-contoso', 'zz-none')).toBe(unknown.body.errors?.[0]?.message);
    expect(JSON.stringify(byNumber.body)).not.toMatch(/configured sources:[^"]*coc-contoso/);
    const filtered = await gql(north, LIST, { first: 5, sources: ['coc-contoso'] });
    expect(filtered.body.data ?? null).toBeNull();
    expect(filtered.body.errors?.[0]?.extensions?.reason).toBe(unknown.body.errors?.[0]?.extensions?.reason);

    // Cursors minted for Contoso: INVALID_CURSOR for Northwind on the same query; with
    // Contoso's source named, that source is unknown before the cursor is even read.
    const replay = await gql(north, LIST, { first: 5, after: contosoListCursor });
    expect(replay.body.errors?.[0]?.extensions?.reason).toBe('INVALID_CURSOR');
    expect(replay.body.data ?? null).toBeNull();
    const replayNamed = await gql(north, LIST, { first: 5, after: contosoCursor, sources: ['coc-contoso'] });
    expect(replayNamed.body.errors?.[0]?.extensions?.reason).toBe('UNKNOWN_SOURCE');

    // Nothing Northwind asked reached Contoso's account.
    expect(contosoCalls).toBeGreaterThan(0);
    expect(contosoCoc.emulator.requests.entries.length).toBe(contosoCalls);

    // The cursor still works for its own caller, and for nobody else (not even the same tenant).
    const otherOwnCursor = await gql(contoso, LIST, { first: 5, after: contosoListCursor });
    expect(otherOwnCursor.body.errors).toBeUndefined();
    const sameTenantOtherUser = await gql(await token('carol', { ...SUPPORT, tenant: 'contoso' }), LIST, { first: 5, after: contosoListCursor });
    expect(sameTenantOtherUser.body.errors?.[0]?.extensions?.reason).toBe('INVALID_CURSOR');
  });
});

describe('caller identity to vendors', () => {
  it('renders the identity header from verified claims and drops a caller-sent one', async () => {
    const alice = await token('alice', { ...SUPPORT, tenant: 'northwind', preferred_username: 'alice' });
    cpHeaders.length = 0;
    const response = await gql(alice, `{ source(key: "cp") { tickets(first: 1) { edges { node { id } } } } }`, undefined, { 'x-ticketgraph-user': 'mallory' });
    expect(response.body.errors).toBeUndefined();
    expect(cpHeaders.length).toBeGreaterThan(0);
    for (const headers of cpHeaders) expect(headers['x-ticketgraph-user']).toBe('alice');
  });

  it('still passes a caller’s own vendor token through forwardHeaders beside it', async () => {
    const alice = await token('alice', { ...SUPPORT, tenant: 'northwind', preferred_username: 'alice' });
    cpHeaders.length = 0;
    await gql(alice, `{ source(key: "cp") { tickets(first: 1) { edges { node { id } } } } }`, undefined, { 'x-cp-user-token': 'alice-own-cp-token' });
    expect(cpHeaders.length).toBeGreaterThan(0);
    for (const headers of cpHeaders) expect(headers).toMatchObject({ 'x-token': 'alice-own-cp-token', 'x-ticketgraph-user': 'alice' });
  });

  it('refuses a claim with CR/LF, a non-visible character, or none at all: never sent', async () => {
    for (const username of ['eve\r\nx-admin: yes', 'eve\u0000', 'zoë', undefined]) {
      const claims = { ...SUPPORT, tenant: 'northwind', ...(username === undefined ? {} : { preferred_username: username }) };
      cpHeaders.length = 0;
      const response = await gql(await token('eve', claims), `{ ticket(source: "cp", number: "1") { id } }`);
      expect(response.body.data?.ticket ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.body)).not.toContain('x-admin');
      expect(cpHeaders).toHaveLength(0);
    }
  });

  it('BlueKing acts as the caller: bk_username from the usernameTemplate', async () => {
    const bk = stack.emulators.byKey('bk').emulator.requests;
    bk.clear();
    const lisi = await token('alice', { ...SUPPORT, tenant: 'northwind', bk_user: 'lisi' });
    const response = await gql(lisi, `{ source(key: "bk") { tickets(first: 1) { edges { node { id } } } } }`);
    expect(response.body.errors).toBeUndefined();
    expect(bk.entries.length).toBeGreaterThan(0);
    for (const entry of bk.entries) {
      const username = entry.query.get('bk_username') ?? (entry.body as { bk_username?: string } | undefined)?.bk_username;
      expect(username).toBe('lisi');
    }
  });
});

describe('secrets', () => {
  it('no credential, claim-smuggled header or token reaches any answer', () => {
    const text = JSON.stringify(bodies);
    expect(bodies.length).toBeGreaterThan(10);
    for (const emulator of stack.emulators.emulators) {
      for (const value of Object.values(emulator.emulator.credentials)) if (value.length >= 8) expect(text.includes(value), 'a credential').toBe(false);
    }
    expect(minted.length).toBeGreaterThan(5);
    for (const value of minted) expect(text.includes(value.split('.')[2] as string), 'a token').toBe(false);
    expect(text.includes('x-admin')).toBe(false);
  });
});

describe('rate limit', () => {
  it('is per subject when authenticated (not per address), per address otherwise', async () => {
    const limited = await startAuthStack({
      kinds: ['control-panel'],
      gateway: { rateLimit: { windowMs: 60_000, max: 3 } },
      auth: (idp) => ({
        jwksUrl: idp.jwksUrl,
        issuer: idp.issuer,
        audience: 'ticketgraph',
        clockSkewSeconds: 30,
        jwksCooldownMs: 30_000,
        algorithms: ['ES256'],
        access: [{ claim: 'groups', includes: 'support', sources: '*', write: true }],
      }),
    });
    try {
      const mint = (sub: string) => limited.idp.mint(sub, SUPPORT, { now: CLOCK_START });
      const [first, second] = [await mint('first'), await mint('second')];
      const statuses = async (tokenValue: string | null, n: number) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push((await limited.post({ query: SOURCES }, tokenValue)).status);
        return out;
      };
      expect(await statuses(first, 4)).toEqual([200, 200, 200, 429]);
      // Same address, another subject: its own budget.
      expect(await statuses(second, 3)).toEqual([200, 200, 200]);
      // No token: keyed by address, which neither caller above used up.
      expect(await statuses(null, 4)).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
