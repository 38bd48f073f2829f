import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlPanel, type RunningControlPanel, type WireComment, type WireTicket, type WireTicketList } from './testing.js';
import { createControlPanelEmulator } from './index.js';

let cp: RunningControlPanel;
let all: WireTicket[];

beforeAll(async () => {
  cp = await startControlPanel();
  all = (await cp.call<WireTicketList>('GET', '/tickets?items_per_page=1000')).json.items;
});
afterAll(() => cp.close());

describe('auth', () => {
  it.each([
    ['missing', null],
    ['empty', ''],
    ['wrong', 'cp-demo-token-wrong'],
  ])('refuses a %s X-Token with 401 and the error envelope', async (_name, token) => {
    for (const path of ['/tickets', '/topics', '/tickets/1', '/nowhere']) {
      const res = await cp.call('GET', path, { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
      expect(res.json.error.details).toEqual([]);
    }
  });

  it('exposes the demo token as credentials', () => {
    expect(Object.keys(cp.emulator.credentials)).toEqual(['token']);
    expect(cp.emulator.basePath).toBe('');
  });
});

describe('seeded data', () => {
  it('holds ~300 tickets, newest first, numbers growing with created_at, distinct created_at', () => {
    expect(all.length).toBe(300);
    for (let i = 1; i < all.length; i++) {
      const newer = all[i - 1]!;
      const older = all[i]!;
      expect(Date.parse(newer.created_at)).toBeGreaterThan(Date.parse(older.created_at));
      expect(newer.number).toBeGreaterThan(older.number);
    }
    expect(all.at(-1)!.number).toBeGreaterThanOrEqual(100_000);
  });

  it('has every status, about a third closed, votes and staff-opened tickets', () => {
    const keys = new Set(all.map((t) => t.status_key));
    expect([...keys].sort()).toEqual(['closed', 'in_progress', 'new', 'resolved', 'waiting_for_client']);
    const closed = all.filter((t) => t.is_closed);
    expect(closed.length / all.length).toBeGreaterThan(0.25);
    expect(closed.length / all.length).toBeLessThan(0.45);
    expect(closed.every((t) => t.status_key === 'closed' && t.closed_at !== null)).toBe(true);
    // The public page's sample: a localized name object beside the key.
    expect(all.find((t) => t.status_key === 'in_progress')!.status).toEqual({ en: 'Open', ru: 'Открыт' });
    expect(all.every((t) => typeof t.status.en === 'string' && typeof t.status.ru === 'string')).toBe(true);
    expect(all.filter((t) => !t.is_closed).every((t) => t.closed_at === null)).toBe(true);
    expect(all.some((t) => t.vote !== null && t.vote.score >= 1 && t.vote.score <= 10)).toBe(true);
    expect(all.some((t) => !t.is_client_author)).toBe(true);
    expect(all.some((t) => t.splitted_from_ticket_number !== null)).toBe(true);
  });

  it('returns the ticket record with exactly the seed fields plus status_key (public page), no topic_key', () => {
    expect(Object.keys(all[0]!).sort()).toEqual(
      [
        'client_aliased_name', 'client_emails', 'closed_at', 'created_at', 'is_client_author', 'is_client_read',
        'is_closed', 'is_resolved', 'number', 'splitted_from_ticket_number', 'status', 'status_key', 'summary',
        'type', 'updated_at', 'vote',
      ].sort(),
    );
    expect(all[0]!.type).toBeNull();
    expect(all[0]!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('gives some tickets 30+ comments, oldest first, opening with the description; ids global', async () => {
    const threads = await Promise.all(
      all.map(async (t) => (await cp.call<{ items: WireComment[] }>('GET', `/tickets/${t.number}/comments`)).json.items),
    );
    threads.forEach((items, n) => {
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items[0]!.sent_at).toBe(all[n]!.created_at);
      for (let i = 1; i < items.length; i++) {
        expect(Date.parse(items[i]!.sent_at)).toBeGreaterThan(Date.parse(items[i - 1]!.sent_at));
      }
    });
    expect(threads.filter((items) => items.length >= 30).length).toBeGreaterThan(0);
    const comments = threads.flat();
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
    expect(comments.some((c) => !c.is_client_author && c.vote !== null && Math.abs(c.vote.score) === 1)).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const same = await startControlPanel();
    const other = await startControlPanel({ seed: 7 });
    try {
      const first = await cp.call<WireTicketList>('GET', '/tickets');
      expect((await same.call<WireTicketList>('GET', '/tickets')).json).toEqual(first.json);
      expect((await other.call<WireTicketList>('GET', '/tickets')).json).not.toEqual(first.json);
    } finally {
      await same.close();
      await other.close();
    }
  });
});

describe('GET /tickets', () => {
  it('pages with the documented envelope and defaults', async () => {
    const res = await cp.call<WireTicketList>('GET', '/tickets');
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['item_count', 'items', 'items_per_page', 'page', 'page_count']);
    expect(res.json).toMatchObject({ item_count: 300, items_per_page: 10, page: 1, page_count: 30 });
    expect(res.json.items.map((t) => t.number)).toEqual(all.slice(0, 10).map((t) => t.number));
  });

  it('computes page_count with ceil and serves the last partial page', async () => {
    const res = await cp.call<WireTicketList>('GET', '/tickets?items_per_page=7&page=43');
    expect(res.json).toMatchObject({ item_count: 300, items_per_page: 7, page: 43, page_count: 43 });
    expect(res.json.items.map((t) => t.number)).toEqual(all.slice(294).map((t) => t.number));
  });

  it('answers an empty page past the end', async () => {
    const res = await cp.call<WireTicketList>('GET', '/tickets?items_per_page=100&page=4');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ item_count: 300, page: 4, page_count: 3, items: [] });
  });

  it('filters only_opened and only_closed on is_closed, accepting 1/0', async () => {
    const opened = (await cp.call<WireTicketList>('GET', '/tickets?only_opened=true&items_per_page=1000')).json;
    const closed = (await cp.call<WireTicketList>('GET', '/tickets?only_closed=1&items_per_page=1000')).json;
    expect(opened.items.every((t) => !t.is_closed)).toBe(true);
    expect(closed.items.every((t) => t.is_closed)).toBe(true);
    expect(opened.item_count + closed.item_count).toBe(300);
    expect(opened.item_count).toBe(all.filter((t) => !t.is_closed).length);
    const neither = (await cp.call<WireTicketList>('GET', '/tickets?only_opened=false&only_closed=0')).json;
    expect(neither.item_count).toBe(300);
  });

  it('searches q case-insensitively in summary, client name and comment bodies', async () => {
    const bySummary = (await cp.call<WireTicketList>('GET', '/tickets?q=DISK%20FULL&items_per_page=1000')).json;
    expect(bySummary.item_count).toBeGreaterThan(0);
    expect(bySummary.items.every((t) => /disk full/i.test(t.summary))).toBe(true);

    // "MySQL" only appears in the first message of "Disk full on …" tickets, never in a summary.
    const byBody = (await cp.call<WireTicketList>('GET', '/tickets?q=mysql&items_per_page=1000')).json;
    expect(byBody.items.map((t) => t.number)).toEqual(bySummary.items.map((t) => t.number));

    const byName = (await cp.call<WireTicketList>('GET', '/tickets?q=JOHN%20doe&items_per_page=1000')).json;
    expect(byName.items.map((t) => t.number)).toEqual(
      all.filter((t) => t.client_aliased_name === 'John Doe (CTO)').map((t) => t.number),
    );

    const combined = (await cp.call<WireTicketList>('GET', '/tickets?q=disk%20full&only_closed=true&items_per_page=1000')).json;
    expect(combined.items.map((t) => t.number)).toEqual(bySummary.items.filter((t) => t.is_closed).map((t) => t.number));
  });

  it('answers page_count 0 when nothing matches', async () => {
    const res = await cp.call<WireTicketList>('GET', '/tickets?q=zzz-no-such-text');
    expect(res.json).toEqual({ item_count: 0, items: [], items_per_page: 10, page: 1, page_count: 0 });
  });
});

describe('lookups', () => {
  it('finds a ticket, its comments and a comment by id', async () => {
    const ticket = all[5]!;
    expect((await cp.call<WireTicket>('GET', `/tickets/${ticket.number}`)).json).toEqual(ticket);
    const comments = (await cp.call<{ items: WireComment[] }>('GET', `/tickets/${ticket.number}/comments`)).json.items;
    const first = comments[0]!;
    expect(Object.keys(first)).toEqual([
      'files', 'body', 'id', 'is_client_author', 'is_client_read', 'sent_at', 'splitted_at', 'splitted_to_ticket_number', 'vote',
    ]);
    expect((await cp.call<WireComment>('GET', `/comments/${first.id}`)).json).toEqual(first);
  });

  it.each([
    ['GET', '/tickets/1'],
    ['GET', '/tickets/abc'],
    ['GET', '/tickets/99999999999999999999'],
    ['GET', '/tickets/1/comments'],
    ['PATCH', '/tickets/1'],
    ['POST', '/tickets/1/close'],
    ['POST', '/tickets/1/reopen'],
    ['POST', '/tickets/1/vote'],
    ['POST', '/tickets/1/comments'],
    ['GET', '/comments/1'],
    ['GET', '/comments/x'],
    ['POST', '/comments/1/vote'],
    ['GET', '/no/such/path'],
  ])('%s %s -> 404 not_found', async (method, path) => {
    const res = await cp.call(method, path, method === 'GET' ? {} : { body: { body: 'x', score: 1 } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const res = await cp.call('DELETE', `/tickets/${all[0]!.number}`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PATCH');
    expect(res.json.error.code).toBe('method_not_allowed');
  });

  it('lists the topics', async () => {
    const res = await cp.call<{ items: { key: string; name: string }[] }>('GET', '/topics');
    expect(res.json.items.map((t) => t.key)).toEqual(['billing', 'network', 'accounts', 'hosting', 'dns', 'email', 'security', 'other']);
  });

  it('records requests for counting', () => {
    expect(cp.emulator.requests.count('GET', '/topics')).toBeGreaterThan(0);
  });
});

describe('EmulatorOptions.tickets', () => {
  it('seeds N tickets deterministically, 5,000 in under a second, and keeps taking writes while paged', async () => {
    // CPU time, not wall time: the machine running the suite may be shared.
    const started = process.cpuUsage();
    const emulator = createControlPanelEmulator({ tickets: 5000 });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1000);
    expect(emulator.requests.entries).toHaveLength(0);

    const big = await startControlPanel({ tickets: 5000, limits: { ticketsPerMinute: 100 } });
    const again = await startControlPanel({ tickets: 5000 });
    const small = await startControlPanel({ tickets: 7 });
    try {
      const first = await big.call<WireTicketList>('GET', '/tickets?items_per_page=1000');
      expect(first.json.item_count).toBe(5000);
      expect(first.json.page_count).toBe(5);
      expect((await again.call<WireTicketList>('GET', '/tickets?items_per_page=1000')).json).toEqual(first.json);
      expect((await small.call<WireTicketList>('GET', '/tickets')).json.item_count).toBe(7);
      // The default stays 300.
      expect(all).toHaveLength(300);

      // A create between pages lands at the head; later pages are shifted by one, not broken.
      const created = await big.call<WireTicket>('POST', '/tickets', { body: { summary: 'while paging', comment_body: 'x' } });
      expect(created.status).toBe(200);
      const second = await big.call<WireTicketList>('GET', '/tickets?items_per_page=1000&page=2');
      expect(second.json.item_count).toBe(5001);
      expect(second.json.items[0]!.number).toBe(first.json.items.at(-1)!.number);
    } finally {
      await big.close();
      await again.close();
      await small.close();
    }
  });
});
