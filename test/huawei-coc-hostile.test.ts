/**
 * Hostile identifiers for the huawei-coc source, over real HTTP: every value that is not a COC
 * incident number (`IM` + 24 digits) or history position is refused with INVALID_ID before any
 * call reaches the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/emulator/kit.js';
import { startStack, type Stack } from './support/stack.js';

const SOURCE = 'coc';
const gid = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const ticketId = (number: string) => gid(`Ticket:${SOURCE}:${encodeURIComponent(number)}`);
const commentId = (number: string, comment: string) => gid(`Comment:${SOURCE}:${encodeURIComponent(number)}:${encodeURIComponent(comment)}`);

// A real-looking number (seed 002) to build hostile variants from.
const REAL = 'IM202504101040380143525888';
const HOSTILE = [
  `${REAL}/histories?`,
  `../${REAL}`,
  '..',
  '.',
  'a%2F..',
  `${REAL}\r\nX-Evil: 1`,
  `IM${'1'.repeat(300)}`,
  `${REAL}x`,
  'IM20250410104038014352588', // one digit short
  '103906/close?',
];

let stack: Stack;
let emulator: Emulator;

beforeAll(async () => {
  stack = await startStack({ kinds: ['huawei-coc'] });
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
      { input: { id: ticketId(number), action: 'acceptedIncident1' } },
    );
    expect(result.data!.transitionTicket.userErrors).toEqual([{ code: 'INVALID_ID' }]);
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
  it('a real number is looked up upstream', async () => {
    emulator.requests.clear();
    const result = await stack.query(`{ ticket(source: "${SOURCE}", number: "${REAL}") { number } }`);
    expect(result.errors).toBeUndefined();
    expect(emulator.requests.entries.length).toBeGreaterThan(0);
  });
});
