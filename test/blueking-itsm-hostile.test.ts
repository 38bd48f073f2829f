/**
 * Hostile identifiers for the blueking-itsm source, over real HTTP: every value that is not a
 * BlueKing sn (upper-case prefix + 14-16 digits) or log position is refused with INVALID_ID before any
 * call reaches the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/emulator/kit.js';
import { startStack, type Stack } from './support/stack.js';

const SOURCE = 'bk';
const gid = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const ticketId = (number: string) => gid(`Ticket:${SOURCE}:${encodeURIComponent(number)}`);
const commentId = (number: string, comment: string) => gid(`Comment:${SOURCE}:${encodeURIComponent(number)}:${encodeURIComponent(comment)}`);

// The seed's own number (seed 000) to build hostile variants from.
const REAL = 'NO2019091610001755';
const HOSTILE = [
  `${REAL}/histories?`,
  `../${REAL}`,
  '..',
  '.',
  'a%2F..',
  `${REAL}\r\nX-Evil: 1`,
  `NO${'1'.repeat(300)}`,
  `${REAL}x`,
  'NO2019091', // too few digits
  `${REAL}&bk_username=root`,
  'no2019091610001755', // lower-case prefix
  '103906/close?',
];

let stack: Stack;
let emulator: Emulator;

beforeAll(async () => {
  stack = await startStack({ kinds: ['blueking-itsm'] });
  emulator = stack.emulators.byKey(SOURCE).emulator;
});
afterAll(() => stack.close());

type Errors = { extensions?: Record<string, unknown> }[] | undefined;
const reasons = (errors: Errors) => (errors ?? []).map((e) => [e.extensions?.code, e.extensions?.reason]);

describe.each(HOSTILE)('hostile number %j', (number) => {
  it('ticket(source:, number:) is INVALID_ID with no upstream call', async () => {
    emulator.requests.clear();
    const result = await stack.query(`query($n: String!) { ticket(source: "${SOURCE}", number: $n) { id } }`, { n: number });
    expect(reasons(result.errors as Errors)).toEqual([['BAD_USER_INPUT', 'INVALID_ID']]);
    expect(emulator.requests.entries).toEqual([]);
  });

  it('node(id:) and nodes(ids:) are INVALID_ID with no upstream call', async () => {
    emulator.requests.clear();
    const node = await stack.query(`query($id: ID!) { node(id: $id) { id } }`, { id: ticketId(number) });
    expect(reasons(node.errors as Errors)).toEqual([['BAD_USER_INPUT', 'INVALID_ID']]);
    const nodes = await stack.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [ticketId(number), commentId(number, '1')] });
    expect(reasons(nodes.errors as Errors)).toEqual([
      ['BAD_USER_INPUT', 'INVALID_ID'],
      ['BAD_USER_INPUT', 'INVALID_ID'],
    ]);
    expect(emulator.requests.entries).toEqual([]);
  });

  it('transitionTicket answers a userErrors INVALID_ID with no upstream call', async () => {
    emulator.requests.clear();
    const result = await stack.query<{ transitionTicket: { userErrors: { code: string }[] } }>(
      `mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { ticket { id } userErrors { code } } }`,
      { input: { id: ticketId(number), action: 'SUSPEND' } },
    );
    expect(result.data!.transitionTicket.userErrors).toEqual([{ code: 'INVALID_ID' }]);
    expect(emulator.requests.entries).toEqual([]);
  });

  it('rateTicket answers a userErrors INVALID_ID with no upstream call', async () => {
    emulator.requests.clear();
    const result = await stack.query<{ rateTicket: { userErrors: { code: string }[] } }>(
      `mutation($input: RateTicketInput!) { rateTicket(input: $input) { vote { score } userErrors { code } } }`,
      { input: { id: ticketId(number), score: 5 } },
    );
    expect(result.data!.rateTicket.userErrors).toEqual([{ code: 'INVALID_ID' }]);
    expect(emulator.requests.entries).toEqual([]);
  });
});

describe('hostile comment ids', () => {
  it.each(['../1', '0', '1/..', '1\r\nX-Evil: 1', '9'.repeat(300), '..'])('%j is INVALID_ID with no upstream call', async (comment) => {
    emulator.requests.clear();
    const result = await stack.query(`query($id: ID!) { node(id: $id) { id } }`, { id: commentId(REAL, comment) });
    expect(reasons(result.errors as Errors)).toEqual([['BAD_USER_INPUT', 'INVALID_ID']]);
    expect(emulator.requests.entries).toEqual([]);
  });
});

describe('well-shaped identifiers still work', () => {
  it('a real-shaped number is looked up upstream', async () => {
    emulator.requests.clear();
    const result = await stack.query(`{ ticket(source: "${SOURCE}", number: "${REAL}") { number } }`);
    expect(result.errors).toBeUndefined();
    // Both seed shapes are accepted (NO + 16 digits, REQ + 14 digits).
    const req = await stack.query(`{ ticket(source: "${SOURCE}", number: "REQ20211025000001") { number } }`);
    expect(req.errors).toBeUndefined();
    expect(emulator.requests.entries.length).toBeGreaterThan(0);
  });
});
