import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startControlPanel,
  type RunningControlPanel,
  type WireComment,
  type WireTicket,
  type WireTicketList,
  type WireVote,
} from './testing.js';

let cp: RunningControlPanel;
const FILE = '3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60';

beforeAll(async () => {
  cp = await startControlPanel({ limits: { ticketsPerMinute: 1000, commentsPerMinute: 1000 } });
});
afterAll(() => cp.close());

async function createTicket(extra: Record<string, unknown> = {}): Promise<WireTicket> {
  const res = await cp.call<WireTicket>('POST', '/tickets', { body: { summary: 'Backup job fails', comment_body: 'rsync exits with 23', ...extra } });
  expect(res.status).toBe(200);
  return res.json;
}

const ticketOf = async (n: number) => (await cp.call<WireTicket>('GET', `/tickets/${n}`)).json;
const threadOf = async (n: number) => (await cp.call<{ items: WireComment[] }>('GET', `/tickets/${n}/comments`)).json.items;

describe('create and read back', () => {
  it('creates a new ticket whose first comment is the description, listed first', async () => {
    const before = (await cp.call<WireTicketList>('GET', '/tickets')).json;
    const ticket = await createTicket({
      files: [FILE],
      client_aliased_name: 'Ops',
      client_emails: ['ops@example.com'],
      topic_key: 'hosting',
      ignored_field: 1,
    });
    expect(ticket).toMatchObject({
      summary: 'Backup job fails',
      status: { en: 'New', ru: 'Новый' },
      status_key: 'new',
      is_closed: false,
      is_resolved: false,
      is_client_author: true,
      client_aliased_name: 'Ops',
      client_emails: ['ops@example.com'],
      closed_at: null,
      vote: null,
      type: null,
      splitted_from_ticket_number: null,
    });
    expect(ticket.number).toBeGreaterThan(before.items[0]!.number);
    expect(Date.parse(ticket.created_at)).toBeGreaterThan(Date.parse(before.items[0]!.created_at));
    expect(ticket).not.toHaveProperty('ignored_field');
    expect(ticket).not.toHaveProperty('topic_key');

    const thread = await threadOf(ticket.number);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ body: 'rsync exits with 23', files: [FILE], is_client_author: true, sent_at: ticket.created_at });
    expect(await ticketOf(ticket.number)).toEqual(ticket);

    const after = (await cp.call<WireTicketList>('GET', '/tickets?q=RSYNC%20exits')).json;
    expect(after.items.map((t) => t.number)).toEqual([ticket.number]);
    expect((await cp.call<WireTicketList>('GET', '/tickets')).json.item_count).toBe(before.item_count + 1);
  });

  it('gives tickets created in a burst distinct created_at', async () => {
    const tickets = [await createTicket(), await createTicket(), await createTicket()];
    expect(new Set(tickets.map((t) => t.created_at)).size).toBe(3);
  });

  it('modifies the client fields and clears the alias with null', async () => {
    const ticket = await createTicket({ client_aliased_name: 'Ops' });
    const patched = await cp.call<WireTicket>('PATCH', `/tickets/${ticket.number}`, { body: { client_emails: ['a@example.com', 'b@example.com'] } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ client_aliased_name: 'Ops', client_emails: ['a@example.com', 'b@example.com'] });
    expect(Date.parse(patched.json.updated_at)).toBeGreaterThan(Date.parse(ticket.updated_at));
    const cleared = await cp.call<WireTicket>('PATCH', `/tickets/${ticket.number}`, { body: { client_aliased_name: null, client_emails: [] } });
    expect(cleared.json).toMatchObject({ client_aliased_name: null, client_emails: [] });
    expect(await ticketOf(ticket.number)).toEqual(cleared.json);
  });
});

describe('close and reopen', () => {
  it('closes with a score that becomes the vote, refuses a second close, reopens with a message', async () => {
    const ticket = await createTicket();
    const closed = await cp.call<WireTicket>('POST', `/tickets/${ticket.number}/close`, { body: { score: 9, comment: 'quick fix' } });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ is_closed: true, status_key: 'closed', vote: { score: 9, comment: 'quick fix' } });
    expect(closed.json.closed_at).toBe(closed.json.updated_at);
    expect(closed.json.vote?.created_at).toBe(closed.json.closed_at);

    const again = await cp.call('POST', `/tickets/${ticket.number}/close`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ticket_closed');

    const comment = await cp.call('POST', `/tickets/${ticket.number}/comments`, { body: { body: 'one more thing' } });
    expect(comment.status).toBe(409);
    expect(comment.json.error.code).toBe('ticket_closed');

    const closedList = (await cp.call<WireTicketList>('GET', '/tickets?only_closed=true')).json;
    expect(closedList.items[0]!.number).toBe(ticket.number);

    const reopened = await cp.call<WireTicket>('POST', `/tickets/${ticket.number}/reopen`, { body: { body: 'It broke again', files: [FILE] } });
    expect(reopened.status).toBe(200);
    expect(reopened.json).toMatchObject({ is_closed: false, is_resolved: false, closed_at: null, status_key: 'in_progress' });
    const thread = await threadOf(ticket.number);
    expect(thread.map((c) => c.body)).toEqual(['rsync exits with 23', 'It broke again']);
    expect(thread[1]!.files).toEqual([FILE]);

    const reopenOpen = await cp.call('POST', `/tickets/${ticket.number}/reopen`, { body: { body: 'again?' } });
    expect(reopenOpen.status).toBe(409);
    expect(reopenOpen.json.error.code).toBe('ticket_open');
  });

  it('closes without a body and keeps the vote empty', async () => {
    const ticket = await createTicket();
    const closed = await cp.call<WireTicket>('POST', `/tickets/${ticket.number}/close`);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ is_closed: true, vote: null, is_resolved: false });
  });
});

describe('comments and votes', () => {
  it('adds a client comment, readable by id and in the thread', async () => {
    const ticket = await createTicket();
    const res = await cp.call<WireComment>('POST', `/tickets/${ticket.number}/comments`, { body: { body: 'Logs attached', files: [FILE] } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ body: 'Logs attached', files: [FILE], is_client_author: true, vote: null, splitted_at: null, splitted_to_ticket_number: null });
    expect((await cp.call<WireComment>('GET', `/comments/${res.json.id}`)).json).toEqual(res.json);
    const thread = await threadOf(ticket.number);
    expect(thread.at(-1)).toEqual(res.json);
    expect(thread[0]!.id).toBeLessThan(res.json.id);
    expect((await ticketOf(ticket.number)).updated_at).toBe(res.json.sent_at);
  });

  it('sets and overwrites the ticket vote', async () => {
    const ticket = await createTicket();
    const first = await cp.call<WireVote>('POST', `/tickets/${ticket.number}/vote`, { body: { score: 3 } });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ comment: null, created_at: expect.stringMatching(/Z$/), score: 3 });
    const second = await cp.call<WireVote>('POST', `/tickets/${ticket.number}/vote`, { body: { score: 10, comment: 'better now' } });
    expect((await ticketOf(ticket.number)).vote).toEqual(second.json);
    expect(second.json).toMatchObject({ score: 10, comment: 'better now' });
  });

  it('votes on a staff comment with -1 and reads it back', async () => {
    const list = (await cp.call<WireTicketList>('GET', '/tickets?items_per_page=50&only_opened=true')).json.items;
    const threads = await Promise.all(list.map((t) => threadOf(t.number)));
    const staff = threads.flat().find((c) => !c.is_client_author && c.vote === null)!;
    const vote = await cp.call<WireVote>('POST', `/comments/${staff.id}/vote`, { body: { score: -1, comment: 'did not help' } });
    expect(vote.status).toBe(200);
    expect(vote.json).toMatchObject({ score: -1, comment: 'did not help' });
    expect((await cp.call<WireComment>('GET', `/comments/${staff.id}`)).json.vote).toEqual(vote.json);
  });
});

describe('rate limit on creates', () => {
  it('defaults to the documented 2 tickets and 60 comments per minute, each counted on its own', async () => {
    const limited = await startControlPanel();
    try {
      const body = { summary: 's', comment_body: 'b' };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.call('POST', '/tickets', { body })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const ticket = (await limited.call<WireTicketList>('GET', '/tickets')).json.items[0]!;
      const comments = [];
      for (let i = 0; i < 61; i++) comments.push((await limited.call('POST', `/tickets/${ticket.number}/comments`, { body: { body: `c${i}` } })).status);
      expect(comments.slice(0, 60).every((s) => s === 200)).toBe(true);
      expect(comments[60]).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('answers 429 with Retry-After once the per-token bucket is empty', async () => {
    const limited = await startControlPanel({ limits: { ticketsPerMinute: 1, commentsPerMinute: 1 } });
    try {
      const body = { summary: 's', comment_body: 'b' };
      expect((await limited.call('POST', '/tickets', { body })).status).toBe(200);
      const ticket = (await limited.call<WireTicketList>('GET', '/tickets')).json.items[0]!;
      expect((await limited.call('POST', `/tickets/${ticket.number}/comments`, { body: { body: 'x' } })).status).toBe(200);

      for (const [path, payload] of [['/tickets', body], [`/tickets/${ticket.number}/comments`, { body: 'y' }]] as const) {
        const res = await limited.call('POST', path, { body: payload });
        expect(res.status).toBe(429);
        expect(res.json.error.code).toBe('rate_limited');
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(Number.isInteger(retryAfter)).toBe(true);
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
      }
      // Reads and other writes are not limited.
      expect((await limited.call('GET', '/tickets')).status).toBe(200);
      expect((await limited.call('POST', `/tickets/${ticket.number}/vote`, { body: { score: 5 } })).status).toBe(200);
      expect(limited.emulator.requests.count('POST', '/tickets')).toBe(2);
    } finally {
      await limited.close();
    }
  });
});
