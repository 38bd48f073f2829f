/**
 * The ticketing-module source end to end: GraphQL over HTTP -> gateway -> adapter -> emulator
 * over HTTP. Extra sources on the same emulator carry broken credentials to show each
 * documented vendor error as a GraphQL error naming its source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesFilter } from '../src/federation/filter.js';
import { encodeGlobalId } from '../src/schema/global-id.js';
import type { Ticket } from '../src/model.js';
import type { TicketFilter } from '../src/sources/adapter.js';
import { LIST_PATH } from '../src/sources/ticketing-module/client.js';
import {
  ISSUER_BASE,
  signJwt,
  type TicketingModuleEmulator,
  type TicketingModuleEmulatorOptions,
  type TicketRecord,
} from '../src/sources/ticketing-module/emulator/index.js';
import { startStack, type Stack } from './support/stack.js';

const SECRET = 'graphql-test-secret';
let stack: Stack;
let emulator: TicketingModuleEmulator;

function token(claims: { tenantId: string; realm: string; roles: string[]; expiresIn: number }): string {
  return signJwt(
    {
      iss: ISSUER_BASE + claims.realm,
      sub: 'f3d0c1a2-0000-4000-8000-000000000001',
      exp: Math.floor(Date.now() / 1000) + claims.expiresIn,
      tenant_id: claims.tenantId,
      realm_access: { roles: claims.roles },
    },
    SECRET,
  );
}

beforeAll(async () => {
  const options: TicketingModuleEmulatorOptions = { secret: SECRET };
  stack = await startStack({
    kinds: ['ticketing-module'],
    emulator: options,
    configure: (config) => {
      const tm = config.sources.find((s) => s.key === 'tm')!;
      const { tenantId, realm } = tm.credentials as { tenantId: string; realm: string };
      const variant = (key: string, credentials: Record<string, string>) => ({ ...tm, key, credentials: { ...tm.credentials, ...credentials } });
      config.sources.push(
        variant('tm-expired', { token: token({ tenantId, realm, roles: ['ticket_admin'], expiresIn: -60 }) }),
        variant('tm-norole', { token: token({ tenantId, realm, roles: ['offline_access'], expiresIn: 600 }) }),
        variant('tm-notenant', { tenantId: '0f0f0f0f-1111-4222-8333-444444444444' }),
      );
      return config;
    },
  });
  emulator = stack.emulators.byKey('tm').emulator as TicketingModuleEmulator;
});
afterAll(() => stack.close());

// What the emulator's records should map to, written from the README tables and seed 003 (not
// the adapter's tables): the emulator's native values and their unified meaning.
const EXPECTED_STATUS: Record<string, Ticket['status']> = {
  open: 'OPEN', in_progress: 'IN_PROGRESS', pending: 'ON_HOLD', on_hold: 'ON_HOLD', resolved: 'RESOLVED', closed: 'CLOSED', cancelled: 'CANCELLED',
};
const EXPECTED_PRIORITY: Record<string, Ticket['priority']> = { critical: 'URGENT', high: 'HIGH', medium: 'NORMAL', low: 'LOW' };
function expectedTicket(record: TicketRecord): Ticket {
  return {
    sourceKey: 'tm',
    number: record.ticketNumber,
    title: record.subject,
    description: record.description,
    status: EXPECTED_STATUS[record.status]!,
    nativeStatus: record.status,
    priority: EXPECTED_PRIORITY[record.priority]!,
    nativePriority: record.priority,
    creator: { ...record.requester },
    assignee: record.assignee ? { ...record.assignee } : null,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    closedAt: null,
    url: null,
    tags: [record.category, record.subcategory],
    topicKey: null,
    vote: null,
    raw: { ...record },
  };
}

const expectedFor = (filter: TicketFilter) =>
  emulator.store.demo.tickets
    .map(expectedTicket)
    .filter((t) => matchesFilter(t, filter))
    .reverse()
    .map((t) => t.number);

type TicketsResult = { source: { tickets: { totalCount: number | null; edges: { node: { number: string; status: string } }[] } } };

describe('Source.tickets', () => {
  it('lists the demo tenant newest first with an exact total and honest capabilities', async () => {
    const result = await stack.query<TicketsResult & { source: { capabilities: Record<string, unknown> } }>(
      `{ source(key: "tm") { capabilities { filters batchLookup maxBatchSize writes comments topics }
           tickets(first: 5) { totalCount edges { node { number status } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.tickets.totalCount).toBe(emulator.store.demo.tickets.length);
    expect(result.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expectedFor({}).slice(0, 5));
    expect(result.data!.source.capabilities).toMatchObject({ batchLookup: true, maxBatchSize: 100, writes: [], comments: false, topics: false });
  });

  it('filters and searches with the same answer as the residual rule, in one upstream call per page', async () => {
    emulator.requests.clear();
    const result = await stack.query<TicketsResult>(
      `{ source(key: "tm") { tickets(first: 100, filter: { status: [OPEN, IN_PROGRESS, ON_HOLD], search: "vpn" }) {
           totalCount edges { node { number status } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const expected = expectedFor({ status: ['OPEN', 'IN_PROGRESS', 'ON_HOLD'], search: 'vpn' });
    expect(expected.length).toBeGreaterThan(0);
    expect(result.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expected);
    expect(emulator.requests.count('POST', LIST_PATH)).toBe(1);
    expect(emulator.requests.entries[0]!.body).toMatchObject({ search: 'vpn', sort: 'createdAt', searchOrder: 'DESC' });
  });
});

describe('ticket, node and nodes', () => {
  it('reads one ticket by number and by global id', async () => {
    const number = emulator.store.demo.tickets[17]!.ticketNumber;
    const result = await stack.query<{ ticket: { id: string; number: string; title: string }; missing: null }>(
      `query($n: String!) { ticket(source: "tm", number: $n) { id number title } missing: ticket(source: "tm", number: "TKT-1999-000001") { id } }`,
      { n: number },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.ticket).toEqual({ id: encodeGlobalId('Ticket', `tm:${number}`), number, title: emulator.store.demo.tickets[17]!.subject });
    expect(result.data!.missing).toBeNull();
    const node = await stack.query<{ node: { number: string } }>(`query($id: ID!) { node(id: $id) { ... on Ticket { number } } }`, {
      id: result.data!.ticket.id,
    });
    expect(node.data!.node.number).toBe(number);
  });

  it('resolves many ticket ids with one IN call', async () => {
    const wanted = emulator.store.demo.tickets.slice(40, 52).map((t) => t.ticketNumber);
    emulator.requests.clear();
    const result = await stack.query<{ nodes: ({ number: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Ticket { number } } }`,
      { ids: wanted.map((n) => encodeGlobalId('Ticket', `tm:${n}`)) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.number)).toEqual(wanted);
    expect(emulator.requests.count('POST', LIST_PATH)).toBe(1);
  });
});

describe('vendor errors as GraphQL errors naming the source', () => {
  it.each([
    ['tm-expired', 'UPSTREAM_UNAUTHORIZED', /HTTP 401.*expired/],
    ['tm-norole', 'UPSTREAM_UNAUTHORIZED', /HTTP 403: Insufficient permissions/],
    ['tm-notenant', 'UPSTREAM_REJECTED', /HTTP 404: Resource not found: Tenant/],
  ])('%s -> %s', async (key, code, message) => {
    const result = await stack.query<{ ticket: null }>(`query($s: String!) { ticket(source: $s, number: "TKT-2025-001001") { id } }`, { s: key });
    expect(result.data?.ticket).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code, source: key });
    expect(result.errors![0]!.message).toMatch(message);
    expect(result.errors![0]!.message).toContain(`[${key}]`);
    expect(JSON.stringify(result)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('a filter the deployment cannot evaluate -> 422 INVALID_FILTER, listed in sourceErrors', async () => {
    emulator.filterableColumns.delete('priority');
    try {
      const result = await stack.query<{ source: { tickets: { sourceErrors: { source: string; code: string }[] } } }>(
        `{ source(key: "tm") { tickets(first: 5, filter: { priority: [HIGH] }) { totalCount sourceErrors { source code message } } } }`,
      );
      expect(result.data!.source.tickets.sourceErrors).toEqual([
        expect.objectContaining({ source: 'tm', code: 'UPSTREAM_REJECTED', message: expect.stringContaining("column 'priority' is not supported") }),
      ]);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', source: 'tm' });
    } finally {
      emulator.filterableColumns.add('priority');
    }
  });

  it('the 422 carries the vendor code on a direct lookup', async () => {
    emulator.filterableColumns.delete('ticketNumber');
    try {
      const result = await stack.query(`{ ticket(source: "tm", number: "TKT-2025-001001") { id } }`);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', source: 'tm', upstreamStatus: 422, vendorCode: 'INVALID_FILTER' });
    } finally {
      emulator.filterableColumns.add('ticketNumber');
    }
  });
});
