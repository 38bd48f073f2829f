// The adapter against its emulator over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../errors.js';
import { SourceInputError } from '../errors.js';
import { listenEmulator, type ListeningEmulator } from '../../emulator/listen.js';
import type { EmulatorOptions } from '../../emulator/kit.js';
import type { SourceAdapter, TicketOrder } from '../adapter.js';
import { createSourceHttp } from '../http.js';
import { LOOKUP_CONCURRENCY } from './adapter.js';
import { createAkanaClient } from './client.js';
import { identifierShapes } from './map.js';
import { createAkanaEmulator, type AkanaEmulator } from './emulator/index.js';
import { akana } from './index.js';

const NEWEST: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' };
const RECENTLY_UPDATED: TicketOrder = { field: 'UPDATED_AT', direction: 'DESC' };

interface Setup {
  emulator: AkanaEmulator;
  listening: ListeningEmulator;
  adapter(overrides?: { credentials?: Record<string, string>; settings?: Record<string, unknown> }): SourceAdapter;
  close(): Promise<void>;
}

async function setUp(options: EmulatorOptions = {}): Promise<Setup> {
  const emulator = createAkanaEmulator(options);
  const listening = await listenEmulator(emulator);
  const adapters: SourceAdapter[] = [];
  return {
    emulator,
    listening,
    adapter(overrides = {}) {
      const http = createSourceHttp({ source: 'akana', baseUrl: listening.baseUrl, timeoutMs: 5000 });
      const adapter = akana.createAdapter(
        {
          key: 'akana',
          kind: 'akana',
          name: 'Akana',
          baseUrl: listening.baseUrl,
          credentials: akana.credentials.parse({ ...emulator.credentials, ...overrides.credentials }),
          timeoutMs: 5000,
          settings: akana.settings.parse({ ...emulator.settings, ...overrides.settings }),
        },
        http,
      );
      adapters.push(adapter);
      return adapter;
    },
    close: async () => {
      await Promise.all(adapters.map((a) => a.close()));
      await listening.close();
    },
  };
}

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('reading tickets', () => {
  let s: Setup;
  let adapter: SourceAdapter;
  let total: number;
  beforeAll(async () => {
    s = await setUp();
    adapter = s.adapter();
    total = s.emulator.store.list({}).length;
  });
  afterAll(() => s.close());

  it('lists newest first, asking one more than the window, with no total', async () => {
    s.emulator.requests.clear();
    const page = await adapter.listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 10 });
    expect(page.tickets.map((t) => t.number)).toEqual(s.emulator.store.list({}).slice(0, 10).map((t) => t.id));
    expect(page).toMatchObject({ totalCount: null, hasMore: true });
    const [call] = s.emulator.requests.entries;
    expect(Object.fromEntries(call?.query ?? [])).toEqual({ IncludeComments: 'false', start: '0', count: '11' });
  });

  it('detects the end of the stream itself', async () => {
    const tail = await adapter.listTickets({ filter: {}, order: NEWEST, offset: total - 5, limit: 10 });
    expect(tail).toMatchObject({ hasMore: false });
    expect(tail.tickets).toHaveLength(5);
    const exact = await adapter.listTickets({ filter: {}, order: NEWEST, offset: total - 10, limit: 10 });
    expect(exact.tickets).toHaveLength(10);
    expect(exact.hasMore).toBe(false);
    expect((await adapter.listTickets({ filter: {}, order: NEWEST, offset: total - 11, limit: 10 })).hasMore).toBe(true);
    expect(await adapter.listTickets({ filter: {}, order: NEWEST, offset: total + 3, limit: 10 })).toEqual({ tickets: [], totalCount: null, hasMore: false });
  });

  it('walks the whole stream once, each ticket exactly once', async () => {
    const seen: string[] = [];
    for (let offset = 0, more = true; more; offset += 99) {
      const page = await adapter.listTickets({ filter: {}, order: NEWEST, offset, limit: 99 });
      seen.push(...page.tickets.map((t) => t.number));
      more = page.hasMore;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('says "maybe more" at the documented 100, where it cannot ask for one extra', async () => {
    const page = await adapter.listTickets({ filter: {}, order: NEWEST, offset: total - 100, limit: 100 });
    expect(page.tickets).toHaveLength(100);
    expect(page.hasMore).toBe(true);
    expect((await adapter.listTickets({ filter: {}, order: NEWEST, offset: total, limit: 100 })).hasMore).toBe(false);
  });

  it('sorts by last update with SortBy=com.soa.sort.order.updated', async () => {
    s.emulator.requests.clear();
    const page = await adapter.listTickets({ filter: {}, order: RECENTLY_UPDATED, offset: 0, limit: 50 });
    expect(s.emulator.requests.entries[0]?.query.get('SortBy')).toBe('com.soa.sort.order.updated');
    const updated = page.tickets.map((t) => t.updatedAt.getTime());
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const created = page.tickets.map((t) => t.createdAt.getTime());
    expect(created).not.toEqual([...created].sort((a, b) => b - a));
  });

  it('refuses an order the platform cannot give', async () => {
    const error = await adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'ASC' }, offset: 0, limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceInputError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_OPERATION', field: 'orderBy' });
  });

  it('pushes State and Label down', async () => {
    s.emulator.requests.clear();
    const page = await adapter.listTickets({ filter: { status: ['CLOSED'], priority: ['HIGH'] }, order: NEWEST, offset: 0, limit: 30 });
    expect(s.emulator.requests.entries[0]?.query.get('State')).toBe('CLOSED');
    expect(s.emulator.requests.entries[0]?.query.get('Label')).toBe('com.soa.ticket.label.priority.high');
    expect(page.tickets.length).toBeGreaterThan(0);
    expect(page.tickets.every((t) => t.status === 'CLOSED' && t.priority === 'HIGH')).toBe(true);
  });

  it('answers an URGENT or IN_PROGRESS filter without calling', async () => {
    s.emulator.requests.clear();
    expect(await adapter.listTickets({ filter: { priority: ['URGENT'] }, order: NEWEST, offset: 0, limit: 5 })).toEqual({ tickets: [], totalCount: 0, hasMore: false });
    expect(await adapter.listTickets({ filter: { status: ['IN_PROGRESS'] }, order: NEWEST, offset: 0, limit: 5 })).toMatchObject({ tickets: [] });
    expect(s.emulator.requests.entries).toHaveLength(0);
  });

  it('looks tickets up in the order asked, null for an unknown one', async () => {
    const [a, b] = s.emulator.store.list({});
    const found = await adapter.getTickets([b?.id ?? '', 'ticket1.acmepaymentscorp', a?.id ?? '']);
    expect(found.map((t) => t?.number ?? null)).toEqual([b?.id, null, a?.id]);
  });

  it('reads a ticket\'s comments in full and pages them itself', async () => {
    const busy = s.emulator.store.list({}).find((t) => t.comments.length > 20);
    if (!busy) throw new Error('no busy ticket');
    s.emulator.requests.clear();
    const page = await adapter.listComments(busy.id, { offset: 5, limit: 10 });
    expect(page.comments.map((c) => c.id)).toEqual(busy.comments.slice(5, 15).map((c) => c.id));
    expect(page).toMatchObject({ totalCount: busy.comments.length, hasMore: true });
    expect(s.emulator.requests.count('GET', `/api/tickets/${busy.id}/comments`)).toBe(1);
    const last = busy.comments.at(-1);
    expect((await adapter.getComment(busy.id, last?.id ?? ''))?.body).toBe(last?.content);
    expect(await adapter.getComment(busy.id, 'comment1.acmepaymentscorp')).toBeNull();
    expect(await adapter.listComments('ticket1.acmepaymentscorp', { offset: 0, limit: 5 })).toEqual({ comments: [], totalCount: 0, hasMore: false });
  });

  it('works with the v72 media type too', async () => {
    const v72 = s.adapter({ settings: { mediaVersion: 'v72' } });
    expect((await v72.listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 1 })).tickets).toHaveLength(1);
  });
});

describe('parallel lookups', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp({ latencyMs: 30 });
  });
  afterAll(() => s.close());

  it('costs one GET per ticket, never more than the cap at once', async () => {
    const ids = s.emulator.store.list({}).slice(0, 20).map((t) => t.id);
    const adapter = s.adapter();
    s.emulator.requests.clear();
    s.emulator.concurrency.reset();
    const found = await adapter.getTickets(ids);
    expect(found.map((t) => t?.number)).toEqual(ids);
    expect(s.emulator.requests.count('GET', /^\/api\/tickets\/[^/]+$/)).toBe(20);
    expect(s.emulator.requests.entries).toHaveLength(20);
    expect(s.emulator.concurrency.max).toBeLessThanOrEqual(LOOKUP_CONCURRENCY);
    expect(s.emulator.concurrency.max).toBeGreaterThan(1);
  });
});

describe('failures', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(() => s.close());

  it('reports a refused session as UPSTREAM_UNAUTHORIZED, without the token in the message', async () => {
    const refused: Record<string, string>[] = [{ authToken: 'TokenID=expired' }, { fedMemberId: 'othercorp' }];
    for (const credentials of refused) {
      const error = await upstreamError(s.adapter({ credentials }).listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 5 }));
      expect(error.upstreamCode).toBe('UPSTREAM_UNAUTHORIZED');
      expect(error.status).toBe(401);
      expect(error.message).not.toContain(s.emulator.credentials.authToken);
    }
  });

  it('reads with a wrong CSRF token but cannot write with it', async () => {
    const adapter = s.adapter({ credentials: { csrfToken: 'stale' } });
    expect((await adapter.listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 1 })).tickets).toHaveLength(1);
    const error = await upstreamError(adapter.createTicket!({ title: 'x', description: 'y' }));
    expect(error).toMatchObject({ upstreamCode: 'UPSTREAM_UNAUTHORIZED', status: 403 });
  });

  it('turns the documented 500 into UPSTREAM_ERROR with the platform message', async () => {
    const http = createSourceHttp({ source: 'akana', baseUrl: s.listening.baseUrl, timeoutMs: 5000 });
    const client = createAkanaClient(http, akana.credentials.parse(s.emulator.credentials), 'v81', identifierShapes('acmepaymentscorp'));
    const error = await upstreamError(client.listTickets({ IncludeComments: false, start: -1, count: 5 }));
    expect(error).toMatchObject({ upstreamCode: 'UPSTREAM_ERROR', status: 500, vendorCode: '500' });
    expect(error.message).toContain('An error occurred processing the call');
    await http.close();
  });
});

describe('writes', () => {
  let s: Setup;
  let adapter: SourceAdapter;
  beforeAll(async () => {
    s = await setUp();
    adapter = s.adapter();
  });
  afterAll(() => s.close());

  it('creates a ticket that later reads see first', async () => {
    const created = await adapter.createTicket!({ title: 'Rate limit exceeded on Payments API', description: 'HTTP 429 at 10 rps', priority: 'LOW', extra: { Tag: ['rate-limit'] } });
    expect(created).toMatchObject({ status: 'OPEN', nativeStatus: 'OPEN', priority: 'LOW', tags: ['rate-limit'], topicKey: s.emulator.settings?.defaultApiId });
    const [first] = (await adapter.listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 1 })).tickets;
    expect(first?.number).toBe(created.number);
    expect((await adapter.getTickets([created.number]))[0]?.title).toBe('Rate limit exceeded on Payments API');
  });

  it('rejects what Akana cannot store before calling', async () => {
    s.emulator.requests.clear();
    const refusals: [Promise<unknown>, { code: string; field?: string }][] = [
      [adapter.createTicket!({ title: 't', description: 'd', priority: 'URGENT' }), { code: 'INVALID_INPUT', field: 'priority' }],
      [adapter.createTicket!({ title: 't', description: 'd', extra: { Owner: 'me' } }), { code: 'INVALID_INPUT' }],
      [adapter.createTicket!({ title: 't', description: 'd', extra: { requesterName: 'Ann' } }), { code: 'UNSUPPORTED_OPERATION', field: 'requesterName' }],
      [adapter.createTicket!({ title: 't', description: 'd', topicKey: '../x?y' }), { code: 'INVALID_INPUT', field: 'topic' }],
      [adapter.closeTicket!('ticket1.acmepaymentscorp', { score: 5 }), { code: 'UNSUPPORTED_OPERATION', field: 'score' }],
      [adapter.transitionTicket!('ticket1.acmepaymentscorp', 'delete'), { code: 'INVALID_ACTION', field: 'action' }],
    ];
    for (const [promise, expected] of refusals) {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceInputError);
      expect(error).toMatchObject(expected);
      // GraphQL input names only, never internal ones.
      expect((error as Error).message).not.toMatch(/topicKey|extra\.|APIID|AppID/);
    }
    expect(s.emulator.requests.entries).toHaveLength(0);
  });

  it('adds a comment visible in the thread and moves the ticket up by update', async () => {
    const oldest = s.emulator.store.list({}).at(-1);
    if (!oldest) throw new Error('no data');
    const comment = await adapter.addComment!(oldest.id, 'Any update?');
    const page = await adapter.listComments(oldest.id, { offset: 0, limit: 100 });
    expect(page.comments.at(-1)).toMatchObject({ id: comment.id, body: 'Any update?' });
    const [top] = (await adapter.listTickets({ filter: {}, order: RECENTLY_UPDATED, offset: 0, limit: 1 })).tickets;
    expect(top?.number).toBe(oldest.id);
  });

  it('resolves, closes and reopens through workflow actions', async () => {
    const ticket = await adapter.createTicket!({ title: 'OAuth token expired for app Checkout Web', description: 'd' });
    expect(adapter.availableActions!(ticket).map((a) => a.key)).toEqual(['resolve', 'close']);
    const resolved = await adapter.transitionTicket!(ticket.number, 'resolve');
    expect(resolved).toMatchObject({ status: 'RESOLVED', nativeStatus: 'RESOLVED' });
    expect(adapter.availableActions!(resolved).map((a) => a.key)).toEqual(['close', 'reopen']);
    const closed = await adapter.closeTicket!(ticket.number, { comment: 'Confirmed fixed' });
    expect(closed.status).toBe('CLOSED');
    const reopened = await adapter.reopenTicket!(ticket.number, { comment: 'Broken again' });
    expect(reopened).toMatchObject({ status: 'OPEN', nativeStatus: 'REOPEN' });
    const thread = await adapter.listComments(ticket.number, { offset: 0, limit: 10 });
    expect(thread.comments.map((c) => c.body)).toEqual(['Confirmed fixed', 'Broken again']);
    const [again] = await adapter.getTickets([ticket.number]);
    expect(again?.nativeStatus).toBe('REOPEN');
  });

  it('reports an action invalid in the current state as rejected', async () => {
    const ticket = await adapter.createTicket!({ title: 't', description: 'd' });
    const error = await upstreamError(adapter.transitionTicket!(ticket.number, 'reopen'));
    expect(error).toMatchObject({ upstreamCode: 'UPSTREAM_REJECTED', status: 400 });
    await expect(adapter.transitionTicket!(ticket.number, 'delete')).rejects.toMatchObject({ code: 'INVALID_ACTION', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
