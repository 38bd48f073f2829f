/**
 * Hostile identifiers against the ticketing module, through GraphQL over real HTTP: a number
 * that is not of the vendor's shape ("TKT-2025-001234", seed 003) is refused by the gateway
 * and never reaches the emulator, whether it comes as `ticket(number:)`, inside a global ID for
 * `node`/`nodes`, or in a mutation's input. The vendor has no write API, so every mutation
 * answers a userError without any upstream call either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketingModuleEmulator } from '../src/sources/ticketing-module/emulator/index.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let emulator: TicketingModuleEmulator;

beforeAll(async () => {
  stack = await startStack({ kinds: ['ticketing-module'] });
  emulator = stack.emulators.byKey('tm').emulator as TicketingModuleEmulator;
});
afterAll(() => stack.close());

// Built here, not with the gateway's helpers: base64url of "Ticket:<source>:<number>".
const ticketId = (number: string) => Buffer.from(`Ticket:tm:${encodeURIComponent(number)}`, 'utf8').toString('base64url');
const commentId = (number: string, comment: string) =>
  Buffer.from(`Comment:tm:${encodeURIComponent(number)}:${encodeURIComponent(comment)}`, 'utf8').toString('base64url');

const HOSTILE = [
  'TKT-2025-001001/close?',
  '../TKT-2025-001001',
  '..',
  '.',
  'a%2F..',
  'TKT-2025-001001\r\nX-Evil: 1',
  'TKT-2025-001001"]}',
  'tkt-2025-001001',
  ' TKT-2025-001001',
  'TKT-2025-0010011',
  `TKT-2025-${'0'.repeat(300)}`,
  'x'.repeat(5000),
];

type Errors = { errors?: { extensions?: Record<string, unknown> }[] };

function expectInvalidId(result: Errors, label: string): void {
  expect(result.errors?.length, label).toBeGreaterThan(0);
  for (const error of result.errors ?? []) expect(error.extensions, label).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
}

describe('hostile ticket numbers never reach the ticketing module', () => {
  it('a real number still answers (the check is not a blanket refusal)', async () => {
    emulator.requests.clear();
    const number = emulator.store.demo.tickets[3]!.ticketNumber;
    const result = await stack.query<{ ticket: { number: string } | null }>(`query ($n: String!) { ticket(source: "tm", number: $n) { number } }`, { n: number });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ticket).toEqual({ number });
    expect(emulator.requests.entries).toHaveLength(1);
  });

  it.each(HOSTILE.map((n) => [JSON.stringify(n).slice(0, 40), n]))('ticket(number: %s)', async (_label, number) => {
    emulator.requests.clear();
    const result = await stack.query(`query ($n: String!) { ticket(source: "tm", number: $n) { number } }`, { n: number });
    expectInvalidId(result, number);
    expect(emulator.requests.entries).toEqual([]);
  });

  it.each(HOSTILE.map((n) => [JSON.stringify(n).slice(0, 40), n]))('node(id:) and nodes(ids:) for %s', async (_label, number) => {
    emulator.requests.clear();
    const node = await stack.query(`query ($id: ID!) { node(id: $id) { id } }`, { id: ticketId(number) });
    expectInvalidId(node, number);
    const good = emulator.store.demo.tickets[5]!.ticketNumber;
    const nodes = await stack.query<{ nodes: ({ id: string } | null)[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [ticketId(number), ticketId(good)],
    });
    // The hostile ID fails alone, in its own slot; the good one is still read (one call, its number only).
    expect(nodes.data!.nodes[0]).toBeNull();
    expect(nodes.data!.nodes[1]).toEqual({ id: ticketId(good) });
    expectInvalidId(nodes, number);
    expect(emulator.requests.entries).toHaveLength(1);
    const body = emulator.requests.entries[0]!.body as { filter: { operand: { column: string; operand: unknown }[] } };
    expect(body.filter.operand).toEqual([expect.objectContaining({ column: 'ticketNumber', operand: [good] })]);
  });

  it('comment IDs: the source has no comments, so none is valid and none is looked up', async () => {
    emulator.requests.clear();
    const result = await stack.query(`query ($id: ID!) { node(id: $id) { id } }`, { id: commentId('TKT-2025-001001', '1') });
    expectInvalidId(result, 'comment');
    expect(emulator.requests.entries).toEqual([]);
  });

  const MUTATIONS: [string, string, (id: string) => Record<string, unknown>][] = [
    ['updateTicket', 'id', (id) => ({ id, title: 'x' })],
    ['closeTicket', 'id', (id) => ({ id })],
    ['reopenTicket', 'id', (id) => ({ id, comment: 'again' })],
    ['addComment', 'ticketId', (id) => ({ ticketId: id, body: 'hello' })],
    ['rateTicket', 'id', (id) => ({ id, score: 5 })],
    ['rateComment', 'id', (id) => ({ id: id.length > 0 ? commentId('TKT-2025-001001/close?', '1') : id, score: 1 })],
    ['transitionTicket', 'id', (id) => ({ id, action: 'resolve' })],
  ];

  it.each(MUTATIONS)('%s refuses (no write API; hostile %s or not) and calls nothing upstream', async (name, field, input) => {
    emulator.requests.clear();
    for (const number of [HOSTILE[0]!, HOSTILE[5]!, HOSTILE[HOSTILE.length - 1]!, 'TKT-2025-001001']) {
      const result = await stack.query<Record<string, { userErrors: { field: string[]; code: string }[] } | null>>(
        `mutation ($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { userErrors { field message code } } }`,
        { input: input(ticketId(number)) },
      );
      // Seed 003 documents no write endpoint: the gateway refuses every mutation on this source,
      // as a userError on the id (INVALID_ID) or as UNSUPPORTED_OPERATION naming the source.
      const codes = [
        ...(result.data?.[name]?.userErrors ?? []).map((e) => e.code),
        ...(result.errors ?? []).map((e) => e.extensions?.code),
      ];
      expect(codes.length, `${name} ${number}`).toBeGreaterThan(0);
      for (const code of codes) expect(['INVALID_ID', 'UNSUPPORTED_OPERATION'], `${name} ${number}`).toContain(code);
      for (const error of result.errors ?? []) expect(error.extensions).toMatchObject({ source: 'tm' });
    }
    expect(emulator.requests.entries).toEqual([]);
  });
});
