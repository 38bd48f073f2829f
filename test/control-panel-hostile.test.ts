/**
 * Hostile ticket numbers and comment ids for the control panel, over real HTTP: every query
 * answers BAD_USER_INPUT (reason INVALID_ID), every mutation a userErrors entry INVALID_ID, and
 * the emulator's request log shows no upstream call at all. Global IDs are built here by hand
 * (base64url of `Ticket:cp:<encodeURIComponent(number)>`), not with the schema's helpers.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let goodNumber: string;
let goodCommentId: string;

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const ticketId = (number: string) => b64url(`Ticket:cp:${encodeURIComponent(number)}`);
const commentId = (number: string, id: string) => b64url(`Comment:cp:${encodeURIComponent(number)}:${encodeURIComponent(id)}`);

const HOSTILE = [
  '103906/close?',
  '../103906',
  '..',
  '.',
  'a%2F..',
  '%2e%2e',
  '12\r\nX-Evil: 1',
  '12 ',
  '-12',
  '0',
  '012',
  '1e5',
  '9'.repeat(16),
  '1'.repeat(5000),
  '١٢٣',
];

const requests = () => stack.emulators.byKey('cp').emulator.requests;

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
  const cp = stack.emulators.byKey('cp');
  const headers = { 'x-token': cp.emulator.credentials.token as string };
  const list = (await (await fetch(`${cp.listening.baseUrl}/tickets?items_per_page=1`, { headers })).json()) as { items: { number: number }[] };
  goodNumber = String(list.items[0]!.number);
  const thread = (await (await fetch(`${cp.listening.baseUrl}/tickets/${goodNumber}/comments`, { headers })).json()) as { items: { id: number }[] };
  goodCommentId = String(thread.items[0]!.id);
});
afterAll(() => stack.close());
beforeEach(() => requests().clear());

function expectInvalidId(errors: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined, count: number) {
  expect(errors).toHaveLength(count);
  for (const error of errors ?? []) expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
}

describe('queries refuse hostile numbers before any upstream call', () => {
  it.each(HOSTILE)('ticket(number: %j)', async (number) => {
    const result = await stack.query(`query($n: String!) { ticket(source: "cp", number: $n) { id title } }`, { n: number });
    expect(result.data).toEqual({ ticket: null });
    expectInvalidId(result.errors, 1);
    expect(requests().entries).toEqual([]);
  });

  it.each(HOSTILE)('node(id: Ticket %j) and node(id: Comment on it)', async (number) => {
    const result = await stack.query(`query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { id } }`, {
      a: ticketId(number),
      b: commentId(number, goodCommentId),
      c: commentId(goodNumber, number),
    });
    expect(result.data).toEqual({ a: null, b: null, c: null });
    expectInvalidId(result.errors, 3);
    expect(requests().entries).toEqual([]);
  });

  it('nodes(ids:) answers each hostile ID in its own slot, and reads only the good one', async () => {
    const ids = [...HOSTILE.map(ticketId), ticketId(goodNumber)];
    const result = await stack.query<{ nodes: ({ number: string } | null)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Ticket { number } } }`, { ids });
    expect(result.data!.nodes.slice(0, HOSTILE.length)).toEqual(HOSTILE.map(() => null));
    expect(result.data!.nodes.at(-1)).toEqual({ number: goodNumber });
    expectInvalidId(result.errors, HOSTILE.length);
    expect(result.errors!.map((e) => e.path)).toEqual(HOSTILE.map((_, i) => ['nodes', i]));
    expect(requests().entries.map((e) => `${e.method} ${e.path}`)).toEqual([`GET /tickets/${goodNumber}`]);
  });
});

describe('mutations refuse hostile numbers before any upstream call', () => {
  const MUTATIONS: [string, (number: string) => Record<string, unknown>, string][] = [
    ['updateTicket', (n) => ({ id: ticketId(n), requesterName: 'Mallory' }), 'UpdateTicketInput'],
    ['closeTicket', (n) => ({ id: ticketId(n), comment: 'bye' }), 'CloseTicketInput'],
    ['reopenTicket', (n) => ({ id: ticketId(n), comment: 'again' }), 'ReopenTicketInput'],
    ['addComment', (n) => ({ ticketId: ticketId(n), body: 'hello' }), 'AddCommentInput'],
    ['rateTicket', (n) => ({ id: ticketId(n), score: 5 }), 'RateTicketInput'],
    ['rateComment', (n) => ({ id: commentId(n, goodCommentId), score: 1 }), 'RateCommentInput'],
    ['rateComment', (n) => ({ id: commentId(goodNumber, n), score: 1 }), 'RateCommentInput'],
  ];

  it.each(MUTATIONS.flatMap(([name, input, type]) => HOSTILE.map((n) => [name, n, input, type] as const)))(
    '%s with %j',
    async (name, number, input, type) => {
      const result = await stack.query<Record<string, { userErrors: { code: string; field: string[] }[] }>>(
        `mutation($input: ${type}!) { ${name}(input: $input) { userErrors { code field } } }`,
        { input: input(number) },
      );
      expect(result.errors).toBeUndefined();
      const userErrors = result.data![name]!.userErrors;
      expect(userErrors).toHaveLength(1);
      expect(userErrors[0]!.code).toBe('INVALID_ID');
      expect(userErrors[0]!.field.at(-1)).toBe(name === 'addComment' ? 'ticketId' : 'id');
      expect(requests().entries).toEqual([]);
    },
  );
});

describe('the adapter itself (defence in depth behind the schema)', () => {
  it.each(HOSTILE)('refuses %j with INVALID_ID and calls nothing', async (number) => {
    const adapter = stack.gateway.sources.get('cp')!;
    const attempts: (() => Promise<unknown>)[] = [
      () => adapter.getTickets([number]),
      () => adapter.listComments(number, { offset: 0, limit: 10 }),
      () => adapter.closeTicket!(number, { comment: 'x' }),
      () => adapter.addComment!(number, 'x'),
      () => adapter.rateComment!(goodNumber, number, { score: 1 }),
      () => adapter.getComment(goodNumber, number),
      () => adapter.updateTicket!(number, { extra: { requesterName: 'x' } }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ name: 'SourceInputError', code: 'INVALID_ID', field: 'id' });
    }
    expect(requests().entries).toEqual([]);
  });

  it('puts no caller value into the query string: a search is filtered by the gateway, not sent as `q`', async () => {
    const adapter = stack.gateway.sources.get('cp')!;
    for (const search of ['a\r\nX-Evil: 1', 'x'.repeat(300), 'vps & co?', 'serv']) {
      await adapter.listTickets({ filter: { search }, order: { field: 'CREATED_AT', direction: 'DESC' }, offset: 0, limit: 5 });
    }
    const sent = requests().entries.map((e) => [...e.query.keys()].sort());
    expect(sent).toEqual([0, 1, 2, 3].map(() => ['items_per_page', 'page']));
  });
});
