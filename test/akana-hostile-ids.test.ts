/**
 * Hostile identifiers for the akana source, over GraphQL and real HTTP: every value that is not
 * an Akana TicketID (`ticket{n}.{fedmemberid}`) or CommentID is refused as INVALID_ID before any
 * upstream call, for reads and writes alike. Global IDs are built here by hand, as an attacker
 * would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let valid: string;

const HOSTILE = [
  '103906/close?',
  '../103906',
  '..',
  '.',
  'a%2F..',
  '12\r\nX-Evil: 1',
  'ticket103906.acmepaymentscorp/../ticket1.acmepaymentscorp',
  'ticket103906.acmepaymentscorp?State=CLOSED',
  'ticket103906.othercorp',
  'ticket103906.acmepaymentscorp\n',
  `ticket${'9'.repeat(19)}.acmepaymentscorp`,
  `ticket1.${'a'.repeat(300)}`,
  'x'.repeat(5000),
];

const ticketId = (number: string) => Buffer.from(`Ticket:akana:${encodeURIComponent(number)}`, 'utf8').toString('base64url');
const commentId = (number: string, comment: string) =>
  Buffer.from(`Comment:akana:${encodeURIComponent(number)}:${encodeURIComponent(comment)}`, 'utf8').toString('base64url');

function upstreamCalls(): number {
  return stack.emulators.byKey('akana').emulator.requests.entries.length;
}

beforeAll(async () => {
  stack = await startStack({ kinds: ['akana'] });
  const store = (stack.emulators.byKey('akana').emulator as unknown as { store: { list(q: object): { id: string }[] } }).store;
  valid = store.list({})[0]!.id;
});
afterAll(() => stack.close());

function expectInvalidId(errors: { extensions?: Record<string, unknown> }[] | undefined): void {
  expect(errors?.length).toBeGreaterThan(0);
  for (const error of errors ?? []) expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
}

describe.each(HOSTILE)('hostile number %j', (number) => {
  it('ticket(source:, number:) answers INVALID_ID without calling upstream', async () => {
    stack.emulators.byKey('akana').emulator.requests.clear();
    const result = await stack.query(`query($n: String!) { ticket(source: "akana", number: $n) { id } }`, { n: number });
    expectInvalidId(result.errors);
    expect(upstreamCalls()).toBe(0);
  });

  it('node(id:) and nodes(ids:) answer INVALID_ID without calling upstream', async () => {
    stack.emulators.byKey('akana').emulator.requests.clear();
    const node = await stack.query(`query($id: ID!) { node(id: $id) { id } }`, { id: ticketId(number) });
    expectInvalidId(node.errors);
    const nodes = await stack.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [ticketId(number), commentId(number, 'comment10401.acmepaymentscorp'), commentId(valid, number)],
    });
    expectInvalidId(nodes.errors);
    expect(nodes.errors).toHaveLength(3);
    expect(upstreamCalls()).toBe(0);
  });

  it('every akana mutation answers a userErrors INVALID_ID without calling upstream', async () => {
    stack.emulators.byKey('akana').emulator.requests.clear();
    const id = ticketId(number);
    const mutations: [string, string, Record<string, unknown>][] = [
      ['addComment', 'AddCommentInput', { ticketId: id, body: 'hello' }],
      ['closeTicket', 'CloseTicketInput', { id, comment: 'done' }],
      ['reopenTicket', 'ReopenTicketInput', { id, comment: 'again' }],
      ['transitionTicket', 'TransitionTicketInput', { id, action: 'resolve' }],
    ];
    for (const [field, type, input] of mutations) {
      const result = await stack.query<Record<string, { userErrors: { code: string }[] }>>(
        `mutation($input: ${type}!) { ${field}(input: $input) { userErrors { code field } } }`,
        { input },
      );
      expect(result.errors, field).toBeUndefined();
      expect(result.data![field]!.userErrors, field).toMatchObject([{ code: 'INVALID_ID' }]);
    }
    expect(upstreamCalls()).toBe(0);
  });
});

describe('the shapes themselves', () => {
  it('a well-formed but unknown TicketID does reach the platform (and answers null)', async () => {
    stack.emulators.byKey('akana').emulator.requests.clear();
    const result = await stack.query(`{ ticket(source: "akana", number: "ticket1.acmepaymentscorp") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ ticket: null });
    expect(upstreamCalls()).toBe(1);
  });

  it('a seeded ticket reads through node(id:) built the same way', async () => {
    const result = await stack.query<{ node: { number: string } }>(`query($id: ID!) { node(id: $id) { ... on Ticket { number } } }`, { id: ticketId(valid) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.node.number).toBe(valid);
  });
});
