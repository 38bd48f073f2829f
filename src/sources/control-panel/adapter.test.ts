/**
 * The adapter on hand-written vendor bodies: lenient records (one odd record never fails a
 * page), the status reading for every shape the docs show, and the tables the graph shows.
 * Expected values come from the README's reading of the docs, written out here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { onSkippedRecord, type SkippedRecord } from '../skipped-records.js';
import { fakeVendor } from './testing.js';

const NEWEST = { field: 'CREATED_AT', direction: 'DESC' } as const;

function ticket(number: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number,
    summary: `Ticket ${number}`,
    created_at: '2025-11-01T10:00:00Z',
    updated_at: '2025-11-02T10:00:00Z',
    closed_at: null,
    is_closed: false,
    is_resolved: false,
    status: { en: 'New', ru: 'Новый' },
    status_key: 'new',
    client_aliased_name: null,
    client_emails: ['a@example.com'],
    vote: null,
    ...fields,
  };
}

const page = (items: unknown[]) => ({ item_count: items.length, items, items_per_page: 10, page: 1, page_count: 1 });

let unsubscribe: (() => void) | undefined;
afterEach(() => unsubscribe?.());

describe('one odd record never fails a page', () => {
  it('skips a record without a readable number or date, reports it, and answers the rest', async () => {
    const skipped: SkippedRecord[] = [];
    unsubscribe = onSkippedRecord((s) => skipped.push(s));
    const { adapter } = fakeVendor({
      'GET /tickets': page([ticket(100003), { ...ticket(100002), number: 'abc' }, ticket(100001, { created_at: 'yesterday' }), ticket(100000)]),
    });
    const result = await adapter.listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 10 });
    expect(result.tickets.map((t) => t.number)).toEqual(['100003', '100000']);
    expect(result.totalCount).toBe(4);
    expect(skipped).toEqual([
      { source: 'cp', record: 'ticket', reason: 'unreadable number' },
      { source: 'cp', record: 'ticket', reason: 'unreadable created_at' },
    ]);
  });

  it('maps an unknown status leniently (fallback OPEN, nativeStatus kept) and odd optional fields as absent', async () => {
    const { adapter } = fakeVendor({
      'GET /tickets': page([
        ticket(100010, { status_key: 'escalated_to_l3', status: { en: 'Escalated' } }),
        ticket(100011, { status_key: 'escalated_to_l3', is_resolved: true }),
        ticket(100012, { status: 'Open', status_key: 42, vote: { score: 'ten' }, client_emails: 'a@example.com', updated_at: 12 }),
      ]),
    });
    const [a, b, c] = (await adapter.listTickets({ filter: {}, order: NEWEST, offset: 0, limit: 10 })).tickets;
    expect([a!.status, a!.nativeStatus]).toEqual(['OPEN', 'escalated_to_l3']);
    expect([b!.status, b!.nativeStatus]).toEqual(['RESOLVED', 'escalated_to_l3']);
    expect([c!.status, c!.nativeStatus, c!.vote, c!.creator]).toEqual(['OPEN', 'unknown', null, null]);
    expect(c!.updatedAt).toEqual(new Date('2025-11-01T10:00:00Z'));
  });

  it('skips an unreadable comment in a thread', async () => {
    const good = { id: 7, body: 'hi', sent_at: '2025-11-01T10:00:00Z', is_client_author: false };
    const { adapter } = fakeVendor({ 'GET /tickets/100000/comments': { items: [good, { id: 8, sent_at: '2025-11-01T10:00:00Z' }] } });
    const result = await adapter.listComments('100000', { offset: 0, limit: 10 });
    expect(result.comments.map((c) => [c.id, c.author?.name])).toEqual([['7', 'Support']]);
  });
});

describe('status', () => {
  it.each([
    // [what, fields, unified, nativeStatus]
    ['status_key new', { status_key: 'new' }, 'OPEN', 'new'],
    ['status_key in_progress', { status_key: 'in_progress', status: { en: 'Open', ru: 'Открыт' } }, 'IN_PROGRESS', 'in_progress'],
    ['status_key waiting_for_client', { status_key: 'waiting_for_client' }, 'ON_HOLD', 'waiting_for_client'],
    ['status_key resolved', { status_key: 'resolved', is_resolved: true }, 'RESOLVED', 'resolved'],
    ['status_key closed', { status_key: 'closed', is_closed: true, is_resolved: true }, 'CLOSED', 'closed'],
    ['is_closed wins over the key', { status_key: 'in_progress', is_closed: true }, 'CLOSED', 'in_progress'],
    ['no key: English name "Open"', { status_key: undefined, status: { en: 'Open', ru: 'Открыт' } }, 'IN_PROGRESS', 'Open'],
    ['no key: English name "Waiting for your reply"', { status_key: undefined, status: { en: 'Waiting for your reply' } }, 'ON_HOLD', 'Waiting for your reply'],
    ['no key: unknown name, resolved', { status_key: undefined, status: { en: 'Solved' }, is_resolved: true }, 'RESOLVED', 'Solved'],
    ['no key: Russian name only', { status_key: undefined, status: { ru: 'Новый' } }, 'OPEN', 'Новый'],
    ['no key, no name, closed', { status_key: undefined, status: {}, is_closed: true }, 'CLOSED', 'closed'],
  ])('%s', async (_what, fields, unified, nativeStatus) => {
    const { adapter } = fakeVendor({ 'GET /tickets/100000': ticket(100000, fields) });
    const [t] = await adapter.getTickets(['100000']);
    expect([t!.status, t!.nativeStatus]).toEqual([unified, nativeStatus]);
  });
});

describe('describeMappings', () => {
  it('shows the status table, no priorities, and the unknown-status fallback', () => {
    const { adapter } = fakeVendor({});
    const mappings = adapter.describeMappings!();
    const byKey = Object.fromEntries(mappings.status.filter((r) => !r.native.includes(' ')).map((r) => [r.native, r.unified]));
    expect(byKey).toEqual({ new: 'OPEN', in_progress: 'IN_PROGRESS', waiting_for_client: 'ON_HOLD', resolved: 'RESOLVED', closed: 'CLOSED' });
    expect(mappings.status.find((r) => r.native === 'status.en "open"')?.unified).toBe('IN_PROGRESS');
    expect(mappings.priority).toEqual([]);
    expect(mappings.unknownStatus).toBe('OPEN');
  });
});

describe('input checks name GraphQL fields', () => {
  it.each([
    [{ requesterName: '' }, 'requesterName'],
    [{ requesterEmails: ['not an email'] }, 'requesterEmails'],
  ])('updateTicket %j -> INVALID_INPUT on %s, no call', async (extra, field) => {
    const { adapter, requests } = fakeVendor({});
    await expect(adapter.updateTicket!('100000', { extra })).rejects.toMatchObject({ name: 'SourceInputError', code: 'INVALID_INPUT', field });
    expect(requests).toEqual([]);
  });

  it('createTicket with a topic that cannot be a key -> INVALID_INPUT on topic', async () => {
    const { adapter, requests } = fakeVendor({});
    await expect(adapter.createTicket!({ title: 't', description: 'd', topicKey: 'dns\r\n' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'topic' });
    expect(requests).toEqual([]);
  });

  it('updateTicket of the title -> UNSUPPORTED_OPERATION on title', async () => {
    const { adapter } = fakeVendor({});
    await expect(adapter.updateTicket!('100000', { title: 'x' })).rejects.toMatchObject({ name: 'SourceInputError', code: 'UNSUPPORTED_OPERATION', field: 'title' });
  });
});
