/**
 * The blueking-itsm source end to end: GraphQL over HTTP -> gateway -> adapter -> ESB
 * emulator over HTTP. Expected values come from the emulator's own ESB API, read natively.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-id.js';
import { startStack, type Stack } from './support/stack.js';

const ESB = '/api/c/compapi/v2/itsm';
const GET_TICKETS = `${ESB}/get_tickets/`;

interface NativeItem {
  sn: string;
  title: string;
  creator: string;
  create_at: string;
  current_status: string;
}
interface Envelope<T> {
  result: boolean;
  code: number;
  message: string;
  data: T;
}
interface NativePage {
  count: number;
  total_page: number;
  items: NativeItem[];
}
type Connection = {
  source: {
    tickets: {
      totalCount: number | null;
      edges: { node: { number: string; title: string; status: string; nativeStatus: string; createdAt: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

let stack: Stack;
let base: string;
let auth: Record<string, string>;
let all: NativeItem[];

async function esb<T>(method: 'GET' | 'POST', api: string, params: Record<string, unknown> = {}): Promise<Envelope<T>> {
  const url = `${base}${ESB}/${api}/`;
  const response =
    method === 'GET'
      ? await fetch(`${url}?${new URLSearchParams({ ...auth, ...(params as Record<string, string>) })}`)
      : await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...auth, ...params }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Envelope<T>;
}

beforeAll(async () => {
  stack = await startStack({ kinds: ['blueking-itsm'] });
  const bk = stack.emulators.byKey('bk');
  base = bk.listening.baseUrl;
  const c = bk.emulator.credentials;
  auth = { bk_app_code: c.appCode as string, bk_app_secret: c.appSecret as string, bk_username: c.username as string };
  all = (await esb<NativePage>('POST', 'get_tickets', { page_size: 10000 })).data.items;
});
afterAll(() => stack.close());

describe('Source.tickets', () => {
  it('pages newest first with an exact totalCount', async () => {
    const first = await stack.query<Connection>(
      `{ source(key: "bk") { tickets(first: 5) { totalCount edges { node { number title status nativeStatus } } pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(first.errors).toBeUndefined();
    const tickets = first.data!.source.tickets;
    expect(tickets.totalCount).toBe(all.length);
    expect(tickets.edges.map((e) => e.node.number)).toEqual(all.slice(0, 5).map((t) => t.sn));
    expect(tickets.edges.map((e) => e.node.title)).toEqual(all.slice(0, 5).map((t) => t.title));

    const second = await stack.query<Connection>(
      `query($after: String) { source(key: "bk") { tickets(first: 12, after: $after) { edges { node { number } } } } }`,
      { after: tickets.pageInfo.endCursor },
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(all.slice(5, 17).map((t) => t.sn));
  });

  it('answers a page past the end as empty, though the server says "Invalid page."', async () => {
    const pastEnd = await esb('POST', 'get_tickets', { page: 1000 });
    expect(pastEnd).toMatchObject({ result: false, message: 'Invalid page.', data: null });

    let endCursor: string | null = null;
    let pages = 0;
    for (let more = true; more; pages++) {
      const page: { data?: Connection | null; errors?: unknown } = await stack.query<Connection>(
        `query($after: String) { source(key: "bk") { tickets(first: 100, after: $after) { pageInfo { hasNextPage endCursor } } } }`,
        { after: endCursor },
      );
      expect(page.errors).toBeUndefined();
      more = page.data!.source.tickets.pageInfo.hasNextPage;
      endCursor = page.data!.source.tickets.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(all.length / 100));
    const bk = stack.emulators.byKey('bk');
    bk.emulator.requests.clear();
    const after = await stack.query<Connection>(
      `query($after: String) { source(key: "bk") { tickets(first: 5, after: $after) { totalCount edges { node { number } } pageInfo { hasNextPage } } } }`,
      { after: endCursor },
    );
    expect(after.errors).toBeUndefined();
    expect(after.data!.source.tickets.edges).toEqual([]);
    expect(after.data!.source.tickets.pageInfo.hasNextPage).toBe(false);
    expect(after.data!.source.tickets.totalCount).toBe(all.length);
    // Keyset cursors (issue 14) re-read the last ticket before the hint (offset 319) to check
    // the position, so the past-the-end page is asked for directly here.
    const past = await stack.gateway.sources.require('bk').listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: all.length, limit: 5 });
    expect(past).toEqual({ tickets: [], totalCount: all.length, hasMore: false });
  });

  it('is served by a server that takes page_size as a string, as the seed sends it', async () => {
    const page = await esb<NativePage>('POST', 'get_tickets', { page: 2, page_size: '10' });
    expect(page.result).toBe(true);
    expect(page.data.items.map((t) => t.sn)).toEqual(all.slice(10, 20).map((t) => t.sn));
  });

  it('filters by creation time in the server zone (Asia/Shanghai) and by creator', async () => {
    const newer = all[40] as NativeItem;
    const older = all[70] as NativeItem;
    // The native wall clocks are UTC+8: "2025-…-… 10:00:00" is 02:00:00Z.
    const toUtc = (wall: string) => new Date(`${wall.replace(' ', 'T')}+08:00`).toISOString();
    const result = await stack.query<Connection>(
      `query($a: DateTime, $b: DateTime) { source(key: "bk") { tickets(first: 100, filter: { createdAfter: $a, createdBefore: $b }) { totalCount edges { node { number createdAt } } } } }`,
      { a: toUtc(older.create_at), b: toUtc(newer.create_at) },
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data!.source.tickets.edges;
    expect(edges.map((e) => e.node.number)).toEqual(all.slice(40, 71).map((t) => t.sn));
    expect(edges[0]!.node.createdAt).toBe(toUtc(newer.create_at));
    const body = stack.emulators.byKey('bk').emulator.requests.entries.at(-1)!.body as Record<string, unknown>;
    expect(body).toMatchObject({ create_at__gte: older.create_at, create_at__lte: `${newer.create_at}.999999` });
    expect(result.data!.source.tickets.totalCount).toBe(31);

    const mine = await stack.query<Connection>(`{ source(key: "bk") { tickets(first: 100, filter: { creator: "LiSi" }) { edges { node { number } } } } }`);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(all.filter((t) => t.creator === 'lisi').slice(0, 100).map((t) => t.sn));
  });
});

describe('ticket, node, nodes', () => {
  it('reads one ticket with its operation log as comments', async () => {
    const target = all.find((t) => t.current_status === 'FINISHED')!;
    const logs = await esb<{ logs: { message: string; operator: string }[] }>('GET', 'get_ticket_logs', { sn: target.sn });
    const result = await stack.query<{ ticket: { id: string; number: string; status: string; comments: { totalCount: number; edges: { node: { body: string; author: { id: string } | null } }[] } } }>(
      `query($n: String!) { ticket(source: "bk", number: $n) { id number status comments(first: 100) { totalCount edges { node { body author { id } } } } } }`,
      { n: target.sn },
    );
    expect(result.errors).toBeUndefined();
    const ticket = result.data!.ticket;
    expect(ticket).toMatchObject({ number: target.sn, status: 'CLOSED', id: encodeGlobalId('Ticket', `bk:${target.sn}`) });
    expect(ticket.comments.totalCount).toBe(logs.data.logs.length);
    expect(ticket.comments.edges.map((e) => e.node.body)).toEqual(logs.data.logs.map((l) => l.message));
    expect(ticket.comments.edges[0]!.node.author).toEqual({ id: logs.data.logs[0]!.operator });
  });

  it('resolves a batch of numbers with exactly one get_tickets call', async () => {
    const numbers = all.slice(100, 125).map((t) => t.sn);
    const ids = [...numbers, 'REQ19990101000001'].map((n) => encodeGlobalId('Ticket', `bk:${n}`));
    const bk = stack.emulators.byKey('bk');
    bk.emulator.requests.clear();
    const result = await stack.query<{ nodes: ({ number: string } | null)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Ticket { number } } }`, { ids });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.number ?? null)).toEqual([...numbers, null]);
    expect(bk.emulator.requests.count('POST', GET_TICKETS)).toBe(1);
    expect(bk.emulator.requests.entries).toHaveLength(1);
  });

  it('lists services as topics', async () => {
    const services = await esb<{ id: number; name: string }[]>('GET', 'get_services');
    const result = await stack.query<{ source: { topics: { key: string; name: string }[] } }>(`{ source(key: "bk") { topics { key name } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.topics).toEqual(services.data.map((s) => ({ key: String(s.id), name: s.name })));
  });
});

describe('auth failures (HTTP 200, result: false)', () => {
  it('reports a wrong app secret as UPSTREAM_UNAUTHORIZED for the bk source, without the secret', async () => {
    const broken = await startStack({
      kinds: ['blueking-itsm'],
      configure: (config) => ({ sources: config.sources.map((s) => ({ ...s, credentials: { ...s.credentials, appSecret: 'wrong-secret-123' } })) }),
    });
    try {
      const native = await fetch(`${broken.emulators.byKey('bk').listening.baseUrl}${GET_TICKETS}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...auth, bk_app_secret: 'wrong-secret-123' }),
      });
      expect(native.status).toBe(200);
      expect(await native.json()).toMatchObject({ result: false, code: 1306000, data: null });

      const result = await broken.query(`{ source(key: "bk") { tickets(first: 5) { edges { node { number } } } } }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAUTHORIZED', source: 'bk' });
      expect(JSON.stringify(result)).not.toContain('wrong-secret-123');
    } finally {
      await broken.close();
    }
  });
});
