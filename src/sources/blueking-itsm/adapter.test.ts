import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, UpstreamError } from '../../errors.js';
import type { Ticket } from '../../model.js';
import { DEFAULT_ORDER } from '../adapter.js';
import type { BluekingItsmAdapter } from './adapter.js';
import { startBlueking, type RunningBlueking } from './testing.js';
import { wallClockInstants } from './timezone.js';

const GET_TICKETS = '/api/c/compapi/v2/itsm/get_tickets/';

let bk: RunningBlueking;
let adapter: BluekingItsmAdapter;
let all: Ticket[];
beforeAll(async () => {
  bk = await startBlueking();
  adapter = bk.adapter();
  all = (await adapter.listTickets({ filter: {}, order: DEFAULT_ORDER, offset: 0, limit: 10_000 })).tickets;
});
afterAll(() => bk.close());

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('auth failures arrive as HTTP 200 with result: false', () => {
  it('surfaces a wrong secret as UPSTREAM_UNAUTHORIZED without echoing credentials', async () => {
    const wrong = bk.adapter({ credentials: { appSecret: 'not-the-secret' } });
    const error = await rejection(wrong.listTickets({ filter: {}, order: DEFAULT_ORDER, offset: 0, limit: 5 }));
    expect(error.upstreamCode).toBe(ErrorCode.UPSTREAM_UNAUTHORIZED);
    expect(error.vendorCode).toBe('1306000');
    expect(error.status).toBe(200);
    expect(error.extensions.source).toBe('bk');
    expect(error.message).not.toMatch(/not-the-secret|ticketgraph/);
  });

  it('surfaces an unknown user as UPSTREAM_UNAUTHORIZED', async () => {
    const error = await rejection(bk.adapter({ credentials: { username: 'mallory' } }).getTickets(['REQ20251120000001']));
    expect(error.upstreamCode).toBe(ErrorCode.UPSTREAM_UNAUTHORIZED);
  });
});

describe('listTickets', () => {
  it('reads the whole stream newest first, with distinct creation times', () => {
    expect(all).toHaveLength(320);
    for (let i = 1; i < all.length; i++) expect((all[i] as Ticket).createdAt < (all[i - 1] as Ticket).createdAt).toBe(true);
  });

  it('serves any offset window as exactly that slice of the stream', async () => {
    for (const [offset, limit] of [[0, 5], [7, 5], [13, 20], [315, 10]] as const) {
      const page = await adapter.listTickets({ filter: {}, order: DEFAULT_ORDER, offset, limit });
      expect(page.tickets.map((t) => t.number)).toEqual(all.slice(offset, offset + limit).map((t) => t.number));
      expect(page.totalCount).toBe(320);
      expect(page.hasMore).toBe(offset + limit < 320);
    }
  });

  it('answers a window past the end as empty (the server says "Invalid page.")', async () => {
    bk.emulator.requests.clear();
    const page = await adapter.listTickets({ filter: {}, order: DEFAULT_ORDER, offset: 400, limit: 5 });
    expect(page).toEqual({ tickets: [], totalCount: 320, hasMore: false });
    expect(bk.emulator.requests.count('POST', GET_TICKETS)).toBe(2);
  });

  it('refuses an order the vendor cannot give', async () => {
    await expect(adapter.listTickets({ filter: {}, order: { field: 'UPDATED_AT', direction: 'DESC' }, offset: 0, limit: 5 })).rejects.toThrow(/newest first/);
  });

  it('pushes creator down, matching it case-insensitively', async () => {
    const page = await adapter.listTickets({ filter: { creator: 'ZhangSan' }, order: DEFAULT_ORDER, offset: 0, limit: 500 });
    const expected = all.filter((t) => t.creator?.id === 'zhangsan').map((t) => t.number);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.tickets.map((t) => t.number)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  it('pushes created bounds down exactly at sub-second bounds: the native total is the true count', async () => {
    const newer = all[30] as Ticket;
    const older = all[60] as Ticket;
    // Bounds 400 ms inside the two tickets: neither matches, and the native filter drops both.
    const filter = { createdAfter: new Date(older.createdAt.getTime() + 400), createdBefore: new Date(newer.createdAt.getTime() - 400) };
    const page = await adapter.listTickets({ filter, order: DEFAULT_ORDER, offset: 0, limit: 100 });
    expect(page.tickets.map((t) => t.number)).toEqual(all.slice(31, 60).map((t) => t.number));
    expect(page.totalCount).toBe(29);
    // And bounds exactly on the two tickets keep both (inclusive).
    const onBoth = { createdAfter: older.createdAt, createdBefore: newer.createdAt };
    const inclusive = await adapter.listTickets({ filter: onBoth, order: DEFAULT_ORDER, offset: 0, limit: 100 });
    expect(inclusive.tickets.map((t) => t.number)).toEqual(all.slice(30, 61).map((t) => t.number));
    expect(inclusive.totalCount).toBe(31);
    const body = bk.emulator.requests.entries.at(-1)?.body as Record<string, unknown>;
    expect(body.create_at__gte).toBe(older.raw.create_at);
    expect(body.create_at__lte).toBe(`${String(newer.raw.create_at)}.999999`);
  });
});

describe('time zones', () => {
  it('reads the same instants from a server in Europe/Berlin (DST) as from one in Asia/Shanghai', async () => {
    const berlin = await startBlueking({ timeZone: 'Europe/Berlin' });
    try {
      const there = berlin.adapter();
      const tickets = (await there.listTickets({ filter: {}, order: DEFAULT_ORDER, offset: 0, limit: 10_000 })).tickets;
      // One seeded ticket was created at 02:57:23 CET on 2025-10-26, in the repeated hour: its
      // naive wall clock also names 02:57:23 CEST, and is read as that first instant (fold=0).
      const ambiguous = tickets.filter((t) => (wallClockInstants(String(t.raw.create_at), 'Europe/Berlin') ?? []).length > 1);
      expect(ambiguous.map((t) => t.raw.create_at)).toEqual(['2025-10-26 02:57:23']);
      tickets.forEach((t, i) => {
        const truth = (all[i] as Ticket).createdAt.getTime();
        expect(t.createdAt.getTime()).toBe(ambiguous.includes(t) ? truth - 3_600_000 : truth);
      });
      // The data spans both 2025 transitions, so both offsets are in play.
      const summer = tickets.find((t) => t.createdAt.getUTCMonth() === 6) as Ticket;
      const winter = tickets.find((t) => t.createdAt.getUTCMonth() === 0 || t.createdAt.getUTCMonth() === 10) as Ticket;
      expect(Number(String(summer.raw.create_at).slice(11, 13))).toBe((summer.createdAt.getUTCHours() + 2) % 24);
      expect(Number(String(winter.raw.create_at).slice(11, 13))).toBe((winter.createdAt.getUTCHours() + 1) % 24);

      // A filter across the March transition selects the same tickets in both zones.
      const filter = { createdAfter: new Date('2025-03-20T00:00:00.250Z'), createdBefore: new Date('2025-04-10T00:00:00Z') };
      const inBerlin = await there.listTickets({ filter, order: DEFAULT_ORDER, offset: 0, limit: 500 });
      const inShanghai = await adapter.listTickets({ filter, order: DEFAULT_ORDER, offset: 0, limit: 500 });
      const exact = all.filter((t) => t.createdAt >= filter.createdAfter && t.createdAt <= filter.createdBefore).map((t) => t.createdAt.toISOString());
      expect(exact.length).toBeGreaterThan(0);
      expect(inBerlin.tickets.map((t) => t.createdAt.toISOString())).toEqual(exact);
      expect(inShanghai.tickets.map((t) => t.createdAt.toISOString())).toEqual(exact);
      const body = berlin.emulator.requests.entries.at(-1)?.body as Record<string, unknown>;
      expect(body).toMatchObject({ create_at__gte: '2025-03-20 01:00:01', create_at__lte: '2025-04-10 02:00:00.999999' });
    } finally {
      await berlin.close();
    }
  });
});

describe('getTickets', () => {
  it('fetches a batch of numbers in exactly one get_tickets call, in the order asked', async () => {
    const wanted = [all[200], all[3], all[77], all[150], all[3]].map((t) => (t as Ticket).number);
    const numbers = [...wanted.slice(0, 2), 'REQ19990101000001', ...wanted.slice(2)];
    bk.emulator.requests.clear();
    const found = await adapter.getTickets(numbers);
    expect(bk.emulator.requests.count('POST', GET_TICKETS)).toBe(1);
    expect(bk.emulator.requests.entries).toHaveLength(1);
    expect(found.map((t) => t?.number ?? null)).toEqual([...wanted.slice(0, 2), null, ...wanted.slice(2)]);
  });

  it('costs one call for a full batch of 100', async () => {
    bk.emulator.requests.clear();
    const found = await adapter.getTickets(all.slice(0, 100).map((t) => t.number));
    expect(found.every((t) => t !== null)).toBe(true);
    expect(bk.emulator.requests.count('POST', GET_TICKETS)).toBe(1);
  });
});

describe('comments (the operation log) and topics (services)', () => {
  it('pages the operation log as comments and finds one by its position', async () => {
    const ticket = all.find((t) => t.nativeStatus === 'FINISHED') as Ticket;
    const first = await adapter.listComments(ticket.number, { offset: 0, limit: 2 });
    expect(first.totalCount).toBeGreaterThanOrEqual(3);
    expect(first.comments.map((c) => c.id)).toEqual(['1', '2']);
    expect(first.comments[0]).toMatchObject({ body: 'Process started', ticketNumber: ticket.number, createdAt: ticket.createdAt });
    expect(first.hasMore).toBe(true);
    const rest = await adapter.listComments(ticket.number, { offset: 2, limit: 100 });
    expect(rest.hasMore).toBe(false);
    expect(await adapter.getComment(ticket.number, '2')).toEqual(first.comments[1]);
    expect(await adapter.getComment(ticket.number, '999')).toBeNull();
    expect(await adapter.listComments('NO2000010100000000', { offset: 0, limit: 5 })).toEqual({ comments: [], totalCount: 0, hasMore: false });
    // Not an sn at all: refused before it can reach get_ticket_logs' query string.
    await expect(adapter.listComments('NO0000', { offset: 0, limit: 5 })).rejects.toMatchObject({ code: 'INVALID_ID' });
  });

  it('lists services as topics, matching the tickets topicKey', async () => {
    const topics = await adapter.listTopics();
    expect(topics.length).toBeGreaterThan(3);
    const keys = new Set(topics.map((t) => t.key));
    expect(all.every((t) => t.topicKey !== null && keys.has(t.topicKey))).toBe(true);
  });
});
