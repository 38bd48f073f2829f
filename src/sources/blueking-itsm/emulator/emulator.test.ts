import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLUEKING_DEMO_BK_TOKEN } from './index.js';
import { startEsb as startBlueking, type RunningEsb as RunningBlueking } from './testing.js';

interface Item {
  id: number;
  sn: string;
  creator: string;
  create_at: string;
  current_status: string;
  [key: string]: unknown;
}
interface Page {
  page: number;
  total_page: number;
  count: number;
  next: string | null;
  previous: string | null;
  items: Item[];
}

let bk: RunningBlueking;
let all: Item[];
beforeAll(async () => {
  bk = await startBlueking();
  all = (await bk.esb<Page>('POST', 'get_tickets', { page_size: 10000 })).body.data.items;
});
afterAll(() => bk.close());

describe('ESB authentication (HTTP 200, result: false)', () => {
  it.each([
    ['no app code', { bk_app_secret: 'x', bk_username: 'admin' }, /APP Code \[bk_app_code\] cannot be empty/],
    ['a wrong secret', { bk_app_code: 'ticketgraph', bk_app_secret: 'wrong', bk_username: 'admin' }, /APP Secret verification failed/],
    ['no user', { bk_app_code: 'ticketgraph', bk_app_secret: '' }, /APP Secret \[bk_app_secret\] cannot be empty/],
    ['an unknown user', { bk_app_code: 'ticketgraph', bk_username: 'mallory' }, /user \[bk_username=mallory\] does not exist/],
    ['an invalid bk_token', { bk_app_code: 'ticketgraph', bk_token: 'expired' }, /bk_token is invalid/],
  ])('refuses %s', async (_, auth, message) => {
    const withSecret = 'bk_app_secret' in auth ? auth : { ...auth, bk_app_secret: bk.auth.bk_app_secret as string };
    const answer = await bk.esb('POST', 'get_tickets', {}, { auth: withSecret });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ result: false, code: 1306000, data: null });
    expect(answer.body.message).toMatch(message);
  });

  it('accepts a bk_token in the query of a GET, acting as its owner', async () => {
    const fresh = await startBlueking();
    try {
      const { bk_app_code, bk_app_secret } = fresh.auth as { bk_app_code: string; bk_app_secret: string };
      const created = await fresh.esb<{ sn: string }>('POST', 'create_ticket', { service_id: 12, creator: 'zhangsan', fields: [{ key: 'title', value: 'VPN access request' }] });
      const operations = async (auth: Record<string, string>) =>
        (await fresh.esb<{ operations: { key: string }[] }>('GET', 'get_ticket_status', { sn: created.body.data.sn }, { auth })).body.data.operations.map((o) => o.key);
      // Only the creator may withdraw: the token's owner (zhangsan) sees it, admin does not.
      expect(await operations({ bk_app_code, bk_app_secret, bk_token: BLUEKING_DEMO_BK_TOKEN })).toEqual(['SUSPEND', 'WITHDRAW', 'TERMINATE']);
      expect(await operations({ bk_app_code, bk_app_secret, bk_username: 'admin' })).toEqual(['SUSPEND', 'TERMINATE']);
    } finally {
      await fresh.close();
    }
  });
});

describe('get_tickets paging', () => {
  it('lists newest first (-id) with distinct, descending create_at', () => {
    expect(all).toHaveLength(320);
    for (let i = 1; i < all.length; i++) {
      expect((all[i] as Item).id).toBeLessThan((all[i - 1] as Item).id);
      expect((all[i] as Item).create_at < (all[i - 1] as Item).create_at).toBe(true);
    }
    expect(new Set(all.map((t) => t.current_status))).toEqual(new Set(['NEW', 'RUNNING', 'SUSPENDED', 'RESOLVED', 'CONFIRMED', 'FINISHED', 'TERMINATED', 'REVOKED']));
  });

  it('defaults to 10 a page and carries only the seed fields (no current_steps)', async () => {
    const { data } = (await bk.esb<Page>('POST', 'get_tickets')).body;
    expect(data).toMatchObject({ page: 1, total_page: 32, count: 320, previous: null });
    expect(data.next).toMatch(/\/api\/c\/compapi\/v2\/itsm\/get_tickets\/\?page=2$/);
    expect(data.items).toHaveLength(10);
    expect(Object.keys(data.items[0] as Item).sort()).toEqual(
      ['bk_biz_id', 'catalog_id', 'comment_id', 'create_at', 'creator', 'end_at', 'flow_id', 'id', 'is_biz_need', 'is_commented', 'service_id', 'service_type', 'sn', 'ticket_url', 'title', 'update_at', 'updated_by', 'current_status'].sort(),
    );
  });

  it('accepts page_size as a string, as the seed example sends it', async () => {
    const { data } = (await bk.esb<Page>('POST', 'get_tickets', { page: '2', page_size: '7' })).body;
    expect(data.items.map((t) => t.sn)).toEqual(all.slice(7, 14).map((t) => t.sn));
    expect(data.total_page).toBe(46);
  });

  it('answers "Invalid page." past the end, below 1, or for a non-number', async () => {
    for (const page of [33, 0, 'abc']) {
      const { body } = await bk.esb('POST', 'get_tickets', { page });
      expect(body).toEqual({ result: false, code: 3900404, message: 'Invalid page.', data: null });
    }
    expect((await bk.esb<Page>('POST', 'get_tickets', { page: 32 })).body.data.items).toHaveLength(10);
    expect((await bk.esb<Page>('POST', 'get_tickets', { page: 'last' })).body.data.page).toBe(32);
  });

  it('gives an empty first page, but no second, when nothing matches', async () => {
    const empty = await bk.esb<Page>('POST', 'get_tickets', { creator: 'nobody' });
    expect(empty.body.data).toMatchObject({ page: 1, total_page: 1, count: 0, items: [] });
    expect((await bk.esb('POST', 'get_tickets', { creator: 'nobody', page: 2 })).body.message).toBe('Invalid page.');
  });

  it('turns pagination off for a page_size DRF cannot read (0, -1, "ten")', async () => {
    for (const page_size of [0, -1, 'ten']) {
      const { data } = (await bk.esb<Item[]>('POST', 'get_tickets', { page_size })).body;
      expect(Array.isArray(data) && data.length).toBe(320);
    }
  });
});

describe('get_tickets filters', () => {
  it('filters by a list of numbers', async () => {
    const sns = [all[3], all[100], all[250]].map((t) => (t as Item).sn);
    const { data } = (await bk.esb<Page>('POST', 'get_tickets', { sns: [...sns, 'REQ20000101000001'] })).body;
    expect(data.items.map((t) => t.sn)).toEqual(sns);
  });

  it('filters by creator, ignoring case like MySQL does', async () => {
    const { data } = (await bk.esb<Page>('POST', 'get_tickets', { creator: 'ZhangSan', page_size: 1000 })).body;
    expect(data.count).toBe(all.filter((t) => t.creator === 'zhangsan').length);
    expect(data.items.every((t) => t.creator === 'zhangsan')).toBe(true);
  });

  it('reads create_at__gte as "at or after" and __lte as "at or before", inclusive', async () => {
    const newer = all[20] as Item;
    const older = all[40] as Item;
    const { data } = (await bk.esb<Page>('POST', 'get_tickets', { create_at__gte: older.create_at, create_at__lte: newer.create_at, page_size: 100 })).body;
    expect(data.items.map((t) => t.sn)).toEqual(all.slice(20, 41).map((t) => t.sn));
  });

  it('refuses a malformed date with a validation error', async () => {
    const { body } = await bk.esb('POST', 'get_tickets', { create_at__gte: '16/09/2019' });
    expect(body).toMatchObject({ result: false, code: 3900005 });
  });

  it("filters a user's to-do list: RUNNING tickets where they process the current step", async () => {
    const { data } = (await bk.esb<Page>('POST', 'get_tickets', { username: 'wangwu', page_size: 1000 })).body;
    expect(data.count).toBeGreaterThan(0);
    for (const item of data.items) {
      expect(item.current_status).toBe('RUNNING');
      const info = await bk.esb<{ current_steps: { processors: string }[] }>('GET', 'get_ticket_info', { sn: item.sn });
      expect(info.body.data.current_steps.some((s) => s.processors.split(',').includes('wangwu'))).toBe(true);
    }
  });
});

describe('ESB routing', () => {
  it('answers unknown components, wrong methods and bad JSON in the envelope', async () => {
    expect((await bk.esb('POST', 'get_everything')).body).toMatchObject({ result: false, code: 1306404 });
    expect((await bk.esb('GET', 'get_tickets')).body).toMatchObject({ result: false, code: 1306209 });
    expect((await bk.esb('POST', 'get_tickets', {}, { rawBody: '{"page": ' })).body).toMatchObject({ result: false, code: 1306406 });
  });

  it('answers an unknown number with bk-itsm TicketNotFoundError', async () => {
    expect((await bk.esb('GET', 'get_ticket_logs', { sn: 'NO0000' })).body).toMatchObject({ result: false, code: 3900022 });
  });

  it('gives details (current_steps, fields with description and priority) in get_ticket_info', async () => {
    const running = all.find((t) => t.current_status === 'RUNNING') as Item;
    const { data } = (await bk.esb<{ current_steps: unknown[]; fields: { key: string }[] }>('GET', 'get_ticket_info', { sn: running.sn })).body;
    expect(data.current_steps.length).toBeGreaterThan(0);
    expect(data.fields.map((f) => f.key)).toEqual(['title', 'description', 'priority']);
  });
});

describe('get_tickets filters the real component applies', () => {
  const sns = (page: Page) => page.items.map((t) => t.sn);

  it('service_id__in keeps only those services', async () => {
    const { body } = await bk.esb<Page>('POST', 'get_tickets', { service_id__in: [11, 14], page_size: 10000 });
    expect(body.result).toBe(true);
    const expected = all.filter((t) => t.service_id === 11 || t.service_id === 14);
    expect(expected.length).toBeGreaterThan(0);
    expect(sns(body.data)).toEqual(expected.map((t) => t.sn));
    expect(body.data.count).toBe(expected.length);
  });

  it('bk_biz_id__in keeps only those businesses', async () => {
    const { body } = await bk.esb<Page>('POST', 'get_tickets', { bk_biz_id__in: [-1], page_size: 10000 });
    const expected = all.filter((t) => t.bk_biz_id === -1);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(sns(body.data)).toEqual(expected.map((t) => t.sn));
  });

  it('end_at__gte / end_at__lte keep ended tickets in the window (inclusive), never open ones', async () => {
    const ended = all.filter((t) => typeof t.end_at === 'string').map((t) => t.end_at as string).sort();
    const from = ended[Math.floor(ended.length / 4)]!;
    const to = ended[Math.floor((ended.length * 3) / 4)]!;
    const { body } = await bk.esb<Page>('POST', 'get_tickets', { end_at__gte: from, end_at__lte: to, page_size: 10000 });
    // Same zone, fixed-width wall clocks: string order is time order (Asia/Shanghai has no DST).
    const expected = all.filter((t) => typeof t.end_at === 'string' && (t.end_at as string) >= from && (t.end_at as string) <= to);
    expect(sns(body.data)).toEqual(expected.map((t) => t.sn));
    const unreadable = await bk.esb('POST', 'get_tickets', { end_at__gte: 'yesterday' });
    expect(unreadable.body).toMatchObject({ result: false });
  });

  it('refuses an __in list that is not integers', async () => {
    expect((await bk.esb('POST', 'get_tickets', { service_id__in: ['eleven'] })).body).toMatchObject({ result: false });
  });

  it('keeps page_size in the next and previous links, and following next gives the next window', async () => {
    const { data } = (await bk.esb<Page>('POST', 'get_tickets', { page: 2, page_size: 7 })).body;
    expect(data.next).toMatch(/\/get_tickets\/\?page=3&page_size=7$/);
    expect(data.previous).toMatch(/\/get_tickets\/\?page_size=7$/);
    const next = new URL(data.next!);
    const response = await fetch(`${bk.listening.origin}${next.pathname}${next.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bk.auth),
    });
    const following = ((await response.json()) as { data: Page }).data;
    expect(sns(following)).toEqual(all.slice(14, 21).map((t) => t.sn));
  });
});

describe('EmulatorOptions.tickets and settings', () => {
  it('seeds 5,000 tickets in under a second, deterministically for a seed', async () => {
    const { createBluekingItsmEmulator } = await import('./index.js');
    const timed = () => {
      const started = performance.now();
      const emulator = createBluekingItsmEmulator({ tickets: 5000 });
      return { emulator, ms: performance.now() - started };
    };
    const first = timed();
    const second = timed();
    // The faster of two runs: the first also pays for compiling the seeding code on a shared machine.
    expect(Math.min(first.ms, second.ms)).toBeLessThan(1000);
    const big = await startBlueking({ tickets: 5000 });
    try {
      const { data } = (await big.esb<Page>('POST', 'get_tickets', { page_size: 10000 })).body;
      expect(data.count).toBe(5000);
      expect(new Set(data.items.map((t) => t.sn)).size).toBe(5000);
      const again = await startBlueking({ tickets: 5000 });
      try {
        const other = (await again.esb<Page>('POST', 'get_tickets', { page_size: 10000 })).body.data;
        expect(other.items.map((t) => t.sn)).toEqual(data.items.map((t) => t.sn));
      } finally {
        await again.close();
      }
    } finally {
      await big.close();
    }
  });

  it('names a default service that exists, so a ticket can be filed without a topic', async () => {
    const id = bk.emulator.settings?.defaultServiceId;
    const services = (await bk.esb<{ id: number }[]>('GET', 'get_services')).body.data;
    expect(services.map((s) => s.id)).toContain(id);
  });
});
