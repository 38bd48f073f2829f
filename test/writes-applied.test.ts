/**
 * Applied writes end to end over HTTP (issue #13): the vendor takes a create, then the gateway's
 * re-read of the new ticket fails (emulator fault injection). The payload must say the write
 * happened (`ticketId`, `applied`, one `APPLIED_BUT_UNCONFIRMED` userError), and the vendor must
 * hold exactly one new ticket: counted through each emulator's own list (never the adapter).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resilienceSettings } from '../src/settings.js';
import type { SourceKindName } from '../src/sources/adapter.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    kinds: ['control-panel', 'blueking-itsm', 'akana', 'huawei-coc'],
    emulator: { testMode: true },
    // No retries: the one injected fault must reach the adapter (and a back-off would sleep).
    configure: (config) => ({ ...config, sources: config.sources.map((s) => ({ ...s, resilience: resilienceSettings.parse({ retries: 0 }) })) }),
  });
});
afterAll(() => stack.close());

const CREATE = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ticket { number }
    ticketId
    applied { ticketId ticketNumber steps }
    userErrors { field code source }
  }
}`;

interface CreatePayload {
  createTicket: {
    ticket: { number: string } | null;
    ticketId: string | null;
    applied: { ticketId: string; ticketNumber: string; steps: string[] } | null;
    userErrors: { field: string[]; code: string; source: string | null }[];
  };
}

function keyOf(kind: SourceKindName): string {
  const source = stack.config.sources.find((s) => s.kind === kind);
  if (!source) throw new Error(`no ${kind} source in the stack`);
  return source.key;
}

function emulatorOf(kind: SourceKindName) {
  return stack.emulators.byKey(keyOf(kind));
}

/** Every ticket number the vendor holds, read through the emulator's own list API (HTTP where it has one). */
const vendorNumbers: Record<'control-panel' | 'blueking-itsm' | 'akana' | 'huawei-coc', () => Promise<string[]>> = {
  async 'control-panel'() {
    const { listening, emulator } = emulatorOf('control-panel');
    const numbers: string[] = [];
    for (let page = 1; ; page++) {
      const response = await fetch(`${listening.baseUrl}/tickets?items_per_page=1000&page=${page}`, { headers: { 'x-token': String(emulator.credentials.token) } });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: { number: number }[]; page_count: number };
      numbers.push(...body.items.map((t) => String(t.number)));
      if (page >= body.page_count) return numbers;
    }
  },
  async 'blueking-itsm'() {
    const { listening, emulator } = emulatorOf('blueking-itsm');
    const c = emulator.credentials;
    const response = await fetch(`${listening.baseUrl}/api/c/compapi/v2/itsm/get_tickets/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bk_app_code: c.appCode, bk_app_secret: c.appSecret, bk_username: c.username, page: 1, page_size: 10000 }),
    });
    const body = (await response.json()) as { result: boolean; data: { count: number; items: { sn: string }[] } };
    expect(body.result).toBe(true);
    expect(body.data.items).toHaveLength(body.data.count);
    return body.data.items.map((t) => t.sn);
  },
  async akana() {
    // Akana's list needs a browser-style session; its store is the emulator's own list.
    const store = (emulatorOf('akana').emulator as unknown as { store: { list(q: object): { id: string }[] } }).store;
    return store.list({}).map((t) => t.id);
  },
  async 'huawei-coc'() {
    const { listening, emulator } = emulatorOf('huawei-coc');
    const response = await fetch(`${listening.baseUrl}/v2/incidents/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': String(emulator.credentials.authToken) },
      body: JSON.stringify({ contain_all: true, contain_total: true, page: 1, per_page: 1 }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { tickets: { ticket_id: string }[]; total: number } };
    expect(body.data.tickets).toHaveLength(body.data.total);
    return body.data.tickets.map((t) => t.ticket_id);
  },
};

/** The path of the re-read after a create, per vendor (see test/*-writes.test.ts). */
const REREAD: { kind: keyof typeof vendorNumbers; pathIncludes: string }[] = [
  { kind: 'control-panel', pathIncludes: '/tickets/' },
  { kind: 'blueking-itsm', pathIncludes: '/get_tickets/' },
  { kind: 'akana', pathIncludes: '/api/tickets/ticket' },
  { kind: 'huawei-coc', pathIncludes: '/v2/incidents/list' },
];

describe.each(REREAD)('createTicket on $kind whose re-read fails', ({ kind, pathIncludes }) => {
  it('answers ticketId, applied and APPLIED_BUT_UNCONFIRMED; the vendor holds exactly one new ticket', async () => {
    const source = keyOf(kind);
    const before = new Set(await vendorNumbers[kind]());
    const title = `Applied but unconfirmed on ${kind}`;

    await stack.fault(source, { status: 500, pathIncludes, times: 1 });
    const result = await stack.query<CreatePayload>(CREATE, { input: { source, title, description: 'The write lands; its re-read fails once.' } });
    await stack.fault(source, null);

    expect(result.errors).toBeUndefined();
    const payload = result.data!.createTicket;
    const created = (await vendorNumbers[kind]()).filter((n) => !before.has(n));
    expect(created).toHaveLength(1);
    expect(payload.ticket).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({ code: 'APPLIED_BUT_UNCONFIRMED', source });
    expect(payload.applied).toMatchObject({ ticketNumber: created[0], steps: ['create'] });
    expect(payload.ticketId).toEqual(expect.any(String));
    expect(payload.applied!.ticketId).toBe(payload.ticketId);

    // The id answered names that very ticket: it reads back once the vendor answers again.
    const node = await stack.query<{ node: { number: string; title: string } | null }>(`query($id: ID!) { node(id: $id) { ... on Ticket { number title } } }`, { id: payload.ticketId });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toEqual({ number: created[0], title });
  });
});
