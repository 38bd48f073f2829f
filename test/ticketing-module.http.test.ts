/**
 * The ticketing-module adapter against its emulator over real HTTP: auth (JWT, roles, tenant,
 * realm), the documented errors, pushdown exactness and batched lookups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../src/errors.js';
import { listenEmulator, type ListeningEmulator } from '../src/emulator/listen.js';
import { matchesFilter } from '../src/federation/filter.js';
import type { Ticket } from '../src/model.js';
import type { SourceAdapter, TicketFilter, TicketOrder } from '../src/sources/adapter.js';
import { createSourceHttp } from '../src/sources/http.js';
import type { TicketingModuleSettings } from '../src/sources/ticketing-module/adapter.js';
import { LIST_PATH, TicketingModuleClient, type TicketingModuleCredentials } from '../src/sources/ticketing-module/client.js';
import { createTicketingModuleEmulator, signJwt, type TenantData, type TicketingModuleEmulator, type TicketRecord } from '../src/sources/ticketing-module/emulator/index.js';
import { ticketingModule } from '../src/sources/ticketing-module/index.js';

let emulator: TicketingModuleEmulator;
let listening: ListeningEmulator;
let demo: TenantData;
let other: TenantData;
const adapters: SourceAdapter[] = [];

function adapterWith(credentials: Partial<TicketingModuleCredentials> = {}, settings: TicketingModuleSettings = {}): SourceAdapter {
  const config = {
    key: 'tm',
    kind: 'ticketing-module' as const,
    name: 'Ticketing module',
    baseUrl: listening.baseUrl,
    credentials: { ...(emulator.credentials as unknown as TicketingModuleCredentials), ...credentials },
    timeoutMs: 5000,
    settings,
  };
  const adapter = ticketingModule.createAdapter(config, createSourceHttp({ source: 'tm', baseUrl: listening.baseUrl, timeoutMs: 5000 }));
  adapters.push(adapter);
  return adapter;
}

async function raw(body: unknown, options: { headers?: Record<string, string | undefined>; query?: string } = {}) {
  const headers: Record<string, string> = {};
  const all = {
    'content-type': 'application/json',
    accept: 'application/json',
    authorization: `Bearer ${emulator.credentials.token}`,
    'x-tenantid': demo.tenantId,
    realmname: demo.realm,
    ...options.headers,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) headers[name] = value;
  const response = await fetch(`${listening.baseUrl}${LIST_PATH}${options.query ?? '?type=template&module=ticketing'}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { success: boolean; error?: { code: string; message: string; details: string }; data?: { tickets: { ticketNumber: string }[]; pagination: { total: number } } } };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  const upstream = error as UpstreamError;
  expect(upstream.message).not.toContain(emulator.credentials.token);
  expect(JSON.stringify(upstream.extensions)).not.toContain(emulator.credentials.token);
  return upstream;
}

/** Every ticket the adapter lists for this filter and order, page by page. */
async function listAll(adapter: SourceAdapter, filter: TicketFilter = {}, order: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' }) {
  const tickets: Ticket[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await adapter.listTickets({ filter, order, offset, limit: 100 });
    tickets.push(...page.tickets);
    if (!page.hasMore) return { tickets, totalCount: page.totalCount };
  }
}

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
const mapped = (tenant: TenantData) => tenant.tickets.map(expectedTicket);
const numbers = (tickets: readonly { number: string }[]) => tickets.map((t) => t.number);

beforeAll(async () => {
  emulator = createTicketingModuleEmulator();
  listening = await listenEmulator(emulator);
  demo = emulator.store.demo;
  other = emulator.store.tenants[1] as TenantData;
});
afterAll(async () => {
  await Promise.all(adapters.map((a) => a.close()));
  await listening.close();
});

describe('listing', () => {
  it('pages the demo tenant newest first with an exact total', async () => {
    const adapter = adapterWith();
    const expected = mapped(demo).reverse();
    const first = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 30 });
    expect(first.totalCount).toBe(demo.tickets.length);
    expect(first.hasMore).toBe(true);
    expect(first.tickets).toEqual(expected.slice(0, 30));
    const last = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 300, limit: 100 });
    expect(numbers(last.tickets)).toEqual(numbers(expected.slice(300)));
    expect(last.hasMore).toBe(false);
  });

  it('returns every supported order natively, ties broken by number', async () => {
    const adapter = adapterWith();
    for (const order of adapter.capabilities.sorts) {
      const { tickets } = await listAll(adapter, {}, order);
      const key = (t: Ticket) => (order.field === 'CREATED_AT' ? t.createdAt : t.updatedAt).getTime();
      const sorted = [...tickets].sort((a, b) => (key(a) - key(b) || (a.number < b.number ? -1 : 1)) * (order.direction === 'ASC' ? 1 : -1));
      expect(numbers(tickets)).toEqual(numbers(sorted));
      expect(tickets).toHaveLength(demo.tickets.length);
    }
  });

  it('pushes each declared filter down exactly; search and people only as supersets', async () => {
    const adapter = adapterWith();
    const all = mapped(demo);
    const someone = demo.tickets.find((t) => t.assignee !== null)!;
    const filters: TicketFilter[] = [
      { status: ['OPEN'] },
      { status: ['IN_PROGRESS', 'ON_HOLD'], priority: ['URGENT', 'HIGH'] },
      { priority: ['LOW'], createdAfter: new Date(demo.tickets[100]!.createdAt), createdBefore: new Date(demo.tickets[200]!.createdAt) },
      { updatedAfter: new Date(demo.tickets[250]!.updatedAt) },
    ];
    // Not pushed (the seed shows no dotted column nor nested group): the adapter answers a
    // superset holding every match, and no person column reaches the vendor.
    const peopleFilters: TicketFilter[] = [
      { creator: `  ${someone.requester.email.toUpperCase()} ` },
      { creator: someone.requester.name.toLowerCase(), status: ['CLOSED', 'CANCELLED', 'OPEN'] },
      { assignee: someone.assignee!.id },
      { assignee: someone.assignee!.name.toUpperCase() },
    ];
    emulator.requests.clear();
    for (const filter of peopleFilters) {
      const expected = numbers(all.filter((t) => matchesFilter(t, filter)));
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const listed = new Set(numbers((await listAll(adapter, filter)).tickets));
      expect(expected.filter((n) => !listed.has(n)), JSON.stringify(filter)).toEqual([]);
    }
    expect(JSON.stringify(emulator.requests.entries.map((e) => e.body))).not.toMatch(/requester\.|assignee\.|"OR"/);
    for (const filter of filters) {
      const expected = all.filter((t) => matchesFilter(t, filter)).reverse();
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const { tickets, totalCount } = await listAll(adapter, filter);
      expect(numbers(tickets), JSON.stringify(filter)).toEqual(numbers(expected));
      expect(totalCount).toBe(expected.length);
    }
    const { tickets } = await listAll(adapter, { search: 'Vpn' });
    const expected = numbers(all.filter((t) => matchesFilter(t, { search: 'Vpn' })));
    expect(expected.length).toBeGreaterThan(0);
    expect(numbers(tickets)).toEqual(expect.arrayContaining(expected));
    // The vendor's search also covers category/subcategory: "VPN" tickets whose text never says so.
    expect(tickets.every((t) => /vpn/i.test(`${t.title} ${t.description} ${t.tags.join(' ')}`))).toBe(true);
  });

  it('answers an empty status list without calling the vendor', async () => {
    const adapter = adapterWith();
    emulator.requests.clear();
    const page = await adapter.listTickets({ filter: { status: [] }, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 10 });
    expect(page).toEqual({ tickets: [], totalCount: 0, hasMore: false });
    expect(emulator.requests.count('POST', LIST_PATH)).toBe(0);
  });
});

describe('getTickets', () => {
  it('fetches N numbers with one IN call, in the order asked, null for unknown', async () => {
    const adapter = adapterWith();
    const wanted = [demo.tickets[42]!, demo.tickets[7]!, demo.tickets[300]!].map((t) => t.ticketNumber);
    emulator.requests.clear();
    const found = await adapter.getTickets([wanted[0]!, 'TKT-1999-999999', wanted[1]!, wanted[2]!, wanted[0]!]);
    expect(found.map((t) => t?.number ?? null)).toEqual([wanted[0], null, wanted[1], wanted[2], wanted[0]]);
    expect(emulator.requests.count('POST', LIST_PATH)).toBe(1);
    expect(emulator.requests.entries[0]!.body).toMatchObject({
      filter: { op: 'AND', operand: [{ op: 'IN', column: 'ticketNumber', operand: [wanted[0], 'TKT-1999-999999', wanted[1], wanted[2]] }] },
    });
  });
});

describe('auth and documented errors', () => {
  it('401 without a token, with the seed envelope', async () => {
    const { status, body } = await raw({ top: 5, offset: 0 }, { headers: { authorization: undefined } });
    expect(status).toBe(401);
    expect(body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED', message: 'Authentication failed', details: 'Bearer token is missing' } });
  });

  it('401 for an expired token and for a bad signature, as UPSTREAM_UNAUTHORIZED', async () => {
    const expired = emulator.mintToken({ sub: demo.admin.id, roles: ['ticket_admin'], expiresInSeconds: -60 });
    const error = await failure(adapterWith({ token: expired }).getTickets(['TKT-2025-001001']));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', source: 'tm', upstreamStatus: 401, vendorCode: 'UNAUTHORIZED' });
    expect(error.message).toContain('expired');
    expect(error.message).not.toContain(expired);

    const [, payload] = emulator.credentials.token!.split('.');
    const forged = signJwt(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as never, 'not-the-secret');
    const bad = await failure(adapterWith({ token: forged }).getTickets(['TKT-2025-001001']));
    expect(bad.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', upstreamStatus: 401 });
    expect(bad.message).toContain('signature');
  });

  it('403 for a token without a ticket role', async () => {
    const token = emulator.mintToken({ sub: demo.requesters[0]!.id, roles: ['uma_authorization'] });
    const error = await failure(adapterWith({ token }).listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 5 }));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', upstreamStatus: 403, vendorCode: 'FORBIDDEN' });
  });

  it('404 for an unknown tenant or realm', async () => {
    const tenant = await failure(adapterWith({ tenantId: '00000000-1111-4222-8333-444444444444' }).getTickets(['TKT-2025-000001']));
    expect(tenant.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamStatus: 404, vendorCode: 'TENANT_NOT_FOUND' });
    const realm = await failure(adapterWith({ realm: 'master' }).getTickets(['TKT-2025-000001']));
    expect(realm.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamStatus: 404, vendorCode: 'REALM_NOT_FOUND' });
  });

  it('422 INVALID_FILTER for a bad operator, with the seed details text', async () => {
    const bad = { top: 5, offset: 0, filter: { op: 'AND', operand: [{ id: 'x', op: 'INVALID_OP', column: 'createdAt', operand: '2025-07-01T00:00:00.000Z' }] } };
    const { status, body } = await raw(bad);
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: 'INVALID_FILTER',
      message: 'Invalid filter configuration',
      details: "The operator 'INVALID_OP' is not supported. Supported operators: EQ, NE, GT, GE, LT, LE, LIKE, IN",
    });
    const client = new TicketingModuleClient(
      createSourceHttp({ source: 'tm', baseUrl: listening.baseUrl, timeoutMs: 5000 }),
      emulator.credentials as unknown as TicketingModuleCredentials,
      { listType: 'template', supportRequest: false },
    );
    const error = await failure(client.listTickets(bad));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamStatus: 422, vendorCode: 'INVALID_FILTER' });
    expect(error.message).toContain("The operator 'INVALID_OP' is not supported");
  });

  it('422 INVALID_FILTER for a date that is not ISO 8601 (seed note 3)', async () => {
    const { status, body } = await raw({ top: 5, offset: 0, filter: { op: 'AND', operand: [{ id: 'd', op: 'GE', column: 'createdAt', operand: '07/08/2025' }] } });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: 'INVALID_FILTER', details: expect.stringContaining('ISO 8601') });
  });

  it.each([
    ['missing top', { offset: 0 }, ''],
    ['negative offset', { top: 5, offset: -1 }, ''],
    ['missing offset', { top: 5 }, ''],
    ['top over 100', { top: 101, offset: 0 }, ''],
    ['fractional top', { top: 2.5, offset: 0 }, ''],
    ['missing type', { top: 5, offset: 0 }, '?module=ticketing'],
    ['invalid type', { top: 5, offset: 0 }, '?type=all&module=ticketing'],
    ['missing module', { top: 5, offset: 0 }, '?type=template'],
  ])('400 for %s', async (_name, body, query) => {
    const { status, body: answer } = await raw(body, query ? { query } : {});
    expect(status).toBe(400);
    expect(answer).toMatchObject({ success: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('400 for a missing or malformed x-tenantid', async () => {
    expect((await raw({ top: 5, offset: 0 }, { headers: { 'x-tenantid': undefined } })).status).toBe(400);
    expect((await raw({ top: 5, offset: 0 }, { headers: { 'x-tenantid': 'northwind' } })).status).toBe(400);
  });
});

describe('visibility by role', () => {
  it('ticket_user sees only the tickets they requested', async () => {
    const me = demo.requesters[3]!;
    const token = emulator.mintToken({ sub: me.id, name: me.name, email: me.email, roles: ['ticket_user'] });
    const { tickets, totalCount } = await listAll(adapterWith({ token }));
    const own = demo.tickets.filter((t) => t.requester.id === me.id);
    expect(own.length).toBeGreaterThan(0);
    expect(totalCount).toBe(own.length);
    expect(tickets.every((t) => t.creator?.id === me.id)).toBe(true);
  });

  it('ticket_agent sees assigned and team tickets', async () => {
    const agent = demo.agents.find((a) => a.team === 'network')!;
    const token = emulator.mintToken({ sub: agent.id, roles: ['ticket_agent'], groups: ['/identity'] });
    const { tickets } = await listAll(adapterWith({ token }));
    const expected = demo.tickets.filter((t) => t.assignee?.id === agent.id || t.team === 'identity');
    expect(new Set(numbers(tickets))).toEqual(new Set(expected.map((t) => t.ticketNumber)));
    expect(tickets.some((t) => t.assignee?.id === agent.id)).toBe(true);
    expect(tickets.length).toBeLessThan(demo.tickets.length);
  });

  it('type=user narrows even an admin to own tickets', async () => {
    const me = demo.requesters[0]!;
    const token = emulator.mintToken({ sub: me.id, roles: ['ticket_admin'] });
    const { totalCount } = await listAll(adapterWith({ token }, { listType: 'user' }));
    expect(totalCount).toBe(demo.tickets.filter((t) => t.requester.id === me.id).length);
  });
});

describe('tenant isolation', () => {
  it('each tenant sees only its own data, even where ticket numbers coincide', async () => {
    const token = emulator.mintToken({ tenantId: other.tenantId, sub: other.admin.id, roles: ['ticket_admin'] });
    const adapter = adapterWith({ tenantId: other.tenantId, realm: other.realm, token });
    const { tickets, totalCount } = await listAll(adapter);
    expect(totalCount).toBe(other.tickets.length);
    expect(new Set(tickets.map((t) => (t.raw as { id: string }).id))).toEqual(new Set(other.tickets.map((t) => t.id)));
    const number = other.tickets[0]!.ticketNumber;
    const [theirs] = await adapter.getTickets([number]);
    const [ours] = await adapterWith().getTickets([number]);
    expect(theirs?.raw).toEqual(other.tickets[0]);
    expect(ours?.raw).toEqual(demo.tickets.find((t) => t.ticketNumber === number));
    expect(theirs?.raw).not.toEqual(ours?.raw);
  });

  it('a token from one tenant is refused with the other tenant headers (401)', async () => {
    const error = await failure(adapterWith({ tenantId: other.tenantId, realm: other.realm }).getTickets(['TKT-2025-001001']));
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', upstreamStatus: 401 });
    // Right realm and signature, but the token names the demo tenant.
    const wrongTenantClaim = signJwt(
      {
        iss: `https://sso.ticketing.example/realms/${other.realm}`,
        sub: other.admin.id,
        exp: Math.floor(Date.now() / 1000) + 600,
        tenant_id: demo.tenantId,
        realm_access: { roles: ['ticket_admin'] },
      },
      emulator.secret,
    );
    const mixed = await failure(adapterWith({ tenantId: other.tenantId, realm: other.realm, token: wrongTenantClaim }).getTickets(['TKT-2025-000001']));
    expect(mixed.extensions).toMatchObject({ upstreamStatus: 401 });
    expect(mixed.message).toContain('not issued for this tenant');
  });
});
