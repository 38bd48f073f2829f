/**
 * akana writes through GraphQL over real HTTP: the minimal createTicket (no topic) files under
 * the emulator's `defaultApiId`, on the embedded set-up and in the manifest `npm run emulators`
 * writes; a create whose re-read fails never creates twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toConfigDocument } from '../src/embedded.js';
import { startStack, type Stack } from './support/stack.js';

interface Stored {
  id: string;
  title: string;
  api: { versionId: string } | null;
}
let stack: Stack;
let store: { list(q: object): Stored[] };

beforeAll(async () => {
  stack = await startStack({ kinds: ['akana'], emulator: { testMode: true } });
  store = (stack.emulators.byKey('akana').emulator as unknown as { store: typeof store }).store;
});
afterAll(() => stack.close());

const CREATE = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { number title status nativeStatus topic { key } } userErrors { field code message } } }`;

describe('createTicket on akana', () => {
  it('needs no topic: files under the default API version the emulator announces', async () => {
    const defaultApiId = stack.emulators.byKey('akana').emulator.settings?.defaultApiId;
    expect(defaultApiId).toMatch(/\.acmepaymentscorp$/);
    const result = await stack.query<{ createTicket: { ticket: { number: string; title: string; nativeStatus: string } | null; userErrors: unknown[] } }>(CREATE, {
      input: { source: 'akana', title: 'Minimal create', description: 'No topic given.' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTicket.userErrors).toEqual([]);
    const ticket = result.data!.createTicket.ticket!;
    expect(ticket).toMatchObject({ title: 'Minimal create', nativeStatus: 'OPEN' });
    const stored = store.list({}).filter((t) => t.title === 'Minimal create');
    expect(stored.map((t) => [t.id, t.api?.versionId])).toEqual([[ticket.number, defaultApiId]]);
  });

  it('the manifest written by `npm run emulators` carries defaultApiId for akana', () => {
    const document = toConfigDocument(stack.emulators.config);
    const entry = document.sources.find((s) => s.kind === 'akana');
    expect(entry?.defaultApiId).toBe(stack.emulators.byKey('akana').emulator.settings?.defaultApiId);
  });

  it('a create whose read-back fails is not repeated and the ticket is not lost', async () => {
    const emulator = stack.emulators.byKey('akana').emulator;
    emulator.requests.clear();
    await stack.fault('akana', { status: 500, pathIncludes: '/api/tickets/ticket', times: 1 });
    const result = await stack.query<{ createTicket: { ticket: unknown } | null }>(CREATE, {
      input: { source: 'akana', title: 'Created, read-back failed', description: 'd' },
    });
    expect(result.data?.createTicket?.ticket ?? null).toBeNull();
    expect(emulator.requests.count('POST', '/api/tickets')).toBe(1);
    expect(store.list({}).filter((t) => t.title === 'Created, read-back failed')).toHaveLength(1);
  });

  it('refuses a topic that is no API version ID, naming the GraphQL field', async () => {
    const result = await stack.query<{ createTicket: { userErrors: { field: string[]; code: string; message: string }[] } }>(CREATE, {
      input: { source: 'akana', title: 't', description: 'd', topic: '../apis?x=1' },
    });
    const errors = result.data?.createTicket.userErrors ?? [];
    const graphqlErrors = result.errors ?? [];
    const text = JSON.stringify([errors, graphqlErrors]);
    expect(text).toContain('topic');
    expect(text).not.toMatch(/topicKey|extra\./);
  });
});
