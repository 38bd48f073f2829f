/**
 * In-flight de-duplication of identical upstream reads within one replica: concurrent requests
 * for the same ticket or the same list page cost the vendor one call, GET or POST-read alike; a
 * caller's own forwarded vendor token makes a call of its own; writes are never shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEmulators } from '../src/embedded.js';
import { createGateway } from '../src/gateway.js';
import { listen } from '../src/listen.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    kinds: ['control-panel', 'blueking-itsm', 'huawei-coc', 'ticketing-module'],
    // Slow enough that the concurrent requests below overlap on the wire.
    emulator: { latencyMs: 300 },
    configure: (config) => ({
      ...config,
      sources: config.sources.map((s) => (s.key === 'cp' ? { ...s, forwardHeaders: { 'x-cp-user-token': 'x-token' } } : s)),
    }),
  });
});
afterAll(() => stack.close());

async function post<T>(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: T | null; errors?: unknown[] };
}

const ticketTitle = (headers: Record<string, string> = {}) =>
  post<{ ticket: { title: string } | null }>('{ ticket(source: "cp", number: "103906") { title } }', headers);

describe('identical GETs in flight', () => {
  it('are sent once for concurrent requests', async () => {
    const log = stack.emulators.byKey('cp').emulator.requests;
    log.clear();
    const answers = await Promise.all(Array.from({ length: 6 }, () => ticketTitle()));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.data?.ticket?.title).toBeTruthy();
    expect(log.count('GET', '/tickets/103906')).toBe(1);
  });

  it('are not shared across callers forwarding their own vendor token', async () => {
    const log = stack.emulators.byKey('cp').emulator.requests;
    log.clear();
    const token = stack.config.sources.find((s) => s.key === 'cp')?.credentials.token as string;
    await Promise.all([ticketTitle(), ticketTitle({ 'x-cp-user-token': token })]);
    expect(log.count('GET', '/tickets/103906')).toBe(2);
  });

  it('are sent again once the first answer is in', async () => {
    const log = stack.emulators.byKey('cp').emulator.requests;
    log.clear();
    await ticketTitle();
    await ticketTitle();
    expect(log.count('GET', '/tickets/103906')).toBe(2);
  });
});

// BlueKing's ESB, COC and the ticketing module list with a POST.
const POST_LISTS = [
  { key: 'bk', path: /\/get_tickets\/$/ },
  { key: 'coc', path: '/v2/incidents/list' },
  { key: 'tm', path: '/api/v2/ticketing/ticket/list' },
] as const;

type Page = { source: { tickets: { edges: { node: { number: string; title: string } }[] } } | null };
const page = (key: string, first: number) => post<Page>(`{ source(key: "${key}") { tickets(first: ${first}) { edges { node { number title } } } } }`);

describe('identical list POSTs in flight', () => {
  it.each(POST_LISTS)('are sent once for concurrent requests ($key)', async ({ key, path }) => {
    const log = stack.emulators.byKey(key).emulator.requests;
    log.clear();
    const answers = await Promise.all(Array.from({ length: 5 }, () => page(key, 7)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.errors).toBeUndefined();
    expect(answers[0]?.data?.source?.tickets.edges).toHaveLength(7);
    expect(log.count('POST', path)).toBe(1);
  });

  it.each(POST_LISTS)('with different bodies are each sent ($key)', async ({ key, path }) => {
    const log = stack.emulators.byKey(key).emulator.requests;
    log.clear();
    const [three, four] = await Promise.all([page(key, 3), page(key, 4)]);
    expect(three.data?.source?.tickets.edges).toHaveLength(3);
    expect(four.data?.source?.tickets.edges).toHaveLength(4);
    expect(log.count('POST', path)).toBe(2);
  });
});

describe('writes in flight', () => {
  it('are never shared, even when identical', async () => {
    const log = stack.emulators.byKey('coc').emulator.requests;
    log.clear();
    const create = () =>
      post<{ createTicket: { ticket: { number: string } | null; userErrors: unknown[] } }>(
        `mutation { createTicket(input: { source: "coc", title: "Same words twice", description: "Sent by two tabs at once." }) { ticket { number } userErrors { code } } }`,
      );
    const [one, two] = await Promise.all([create(), create()]);
    expect(one.data?.createTicket.userErrors).toEqual([]);
    expect(two.data?.createTicket.userErrors).toEqual([]);
    expect(one.data?.createTicket.ticket?.number).not.toBe(two.data?.createTicket.ticket?.number);
    expect(log.count('POST', '/v1/external/incident/create')).toBe(2);
  });
});

describe('with shareInFlightReads false', () => {
  it('every request sends its own reads', async () => {
    const emulators = await startEmbeddedEmulators({ kinds: ['control-panel', 'huawei-coc'], emulator: { latencyMs: 300 } });
    const gateway = createGateway({ config: emulators.config, shareInFlightReads: false });
    const listening = await listen(gateway.yoga);
    try {
      const url = `${listening.origin}/graphql`;
      const ask = (query: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.json());
      await Promise.all([
        ...Array.from({ length: 3 }, () => ask('{ ticket(source: "cp", number: "103906") { title } }')),
        ...Array.from({ length: 3 }, () => ask('{ source(key: "coc") { tickets(first: 7) { edges { node { number } } } } }')),
      ]);
      expect(emulators.byKey('cp').emulator.requests.count('GET', '/tickets/103906')).toBe(3);
      expect(emulators.byKey('coc').emulator.requests.count('POST', '/v2/incidents/list')).toBe(3);
    } finally {
      await listening.close();
      await gateway.close();
      await emulators.close();
    }
  });
});
