/**
 * BlueKing writes: a ticket filed without a topic (the default service, in the embedded set-up
 * and in the manifest `npm run emulators` writes), and a create whose re-read fails, which must
 * report the ticket as created (`applied`) so nobody files it twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toConfigDocument } from '../src/embedded.js';
import { FAULTS_PATH, type FaultPlan } from '../src/emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from '../src/emulator/listen.js';
import { resilienceSettings } from '../src/settings.js';
import type { SourceAdapter } from '../src/sources/adapter.js';
import { createBluekingItsmEmulator } from '../src/sources/blueking-itsm/emulator/index.js';
import { bluekingItsm } from '../src/sources/blueking-itsm/index.js';
import { UpstreamError } from '../src/sources/errors.js';
import { createSourceHttp } from '../src/sources/http.js';
import { startStack, type Stack } from './support/stack.js';

const ESB = '/api/c/compapi/v2/itsm';

describe('createTicket without a topic', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ kinds: ['blueking-itsm'] });
  });
  afterAll(() => stack.close());

  it('files under the default service in the embedded set-up', async () => {
    const result = await stack.query<{ createTicket: { ticket: { number: string; topic: { key: string } | null } | null; userErrors: unknown[] } }>(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { number topic { key } } userErrors { code message } } }`,
      { input: { source: 'bk', title: 'Minimal create', description: 'No topic given.' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTicket.userErrors).toEqual([]);
    const number = result.data!.createTicket.ticket!.number;
    // What the emulator itself recorded: one create_ticket call, with the configured service.
    const calls = stack.emulators.byKey('bk').emulator.requests.entries.filter((e) => e.path === `${ESB}/create_ticket/`);
    expect(calls).toHaveLength(1);
    const sent = calls[0]!.body as { service_id: number };
    expect(sent.service_id).toBe(stack.emulators.byKey('bk').emulator.settings?.defaultServiceId);
    expect(result.data!.createTicket.ticket!.topic?.key).toBe(String(sent.service_id));
    expect(number).toMatch(/^[A-Z]+\d+$/);
  });

  it('refuses a requester by its GraphQL field name, without calling create_ticket', async () => {
    const emulator = stack.emulators.byKey('bk').emulator;
    emulator.requests.clear();
    const result = await stack.query<{ createTicket: { ticket: null; userErrors: { field: string[]; code: string; source: string }[] } }>(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { number } userErrors { field code source } } }`,
      { input: { source: 'bk', title: 'With requester', description: 'x', requesterName: 'Alice' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTicket.userErrors).toEqual([{ field: ['input', 'requesterName'], code: 'UNSUPPORTED_OPERATION', source: 'bk' }]);
    expect(emulator.requests.count('POST', `${ESB}/create_ticket/`)).toBe(0);
  });

  it('the manifest `npm run emulators` writes carries defaultServiceId, and the kind accepts it', () => {
    const document = toConfigDocument(stack.emulators.config);
    const bk = document.sources.find((s) => s.kind === 'blueking-itsm') as Record<string, unknown>;
    expect(typeof bk.defaultServiceId).toBe('number');
    expect(bluekingItsm.settings.parse({ timeZone: bk.timeZone, defaultServiceId: bk.defaultServiceId }).defaultServiceId).toBe(bk.defaultServiceId);
  });
});

describe('create, then the re-read fails', () => {
  const emulator = createBluekingItsmEmulator({ testMode: true });
  let listening: ListeningEmulator;
  let adapter: SourceAdapter;

  async function fault(plan: FaultPlan | null): Promise<void> {
    const response = await fetch(listening.origin + FAULTS_PATH, {
      method: plan ? 'PUT' : 'DELETE',
      ...(plan ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) } : {}),
    });
    expect(response.ok).toBe(true);
  }
  async function nativeBySn(sn: string): Promise<{ sn: string; title: string }[]> {
    const response = await fetch(`${listening.baseUrl}${ESB}/get_tickets/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...authOf(), sns: [sn] }),
    });
    return ((await response.json()) as { data: { items: { sn: string; title: string }[] } }).data.items;
  }
  const authOf = () => ({ bk_app_code: emulator.credentials.appCode, bk_app_secret: emulator.credentials.appSecret, bk_username: emulator.credentials.username });

  beforeAll(async () => {
    listening = await listenEmulator(emulator);
    // No retries: their back-off would sleep, and the failure must reach the adapter.
    const http = createSourceHttp({ source: 'bk', baseUrl: listening.baseUrl, timeoutMs: 5000, resilience: resilienceSettings.parse({ retries: 0 }) });
    adapter = bluekingItsm.createAdapter(
      {
        key: 'bk',
        kind: 'blueking-itsm',
        name: 'BlueKing',
        baseUrl: listening.baseUrl,
        timeoutMs: 5000,
        credentials: { appCode: emulator.credentials.appCode!, appSecret: emulator.credentials.appSecret!, username: emulator.credentials.username! },
        settings: bluekingItsm.settings.parse(emulator.settings),
      },
      http,
    );
  });
  afterAll(async () => {
    await adapter.close();
    await listening.close();
  });

  it('throws UpstreamError with applied = the created ticket, which exists exactly once', async () => {
    emulator.requests.clear();
    await fault({ status: 500, pathIncludes: '/get_tickets/', times: 1 });
    const error = await adapter.createTicket!({ title: 'Half-applied create', description: 'The re-read fails.' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    const applied = (error as UpstreamError).applied;
    expect(applied?.steps).toEqual(['create']);
    expect(emulator.requests.count('POST', `${ESB}/create_ticket/`)).toBe(1);
    const native = await nativeBySn(applied!.ticketNumber);
    expect(native.map((t) => t.title)).toEqual(['Half-applied create']);
  });

  it('a transition whose re-read fails reports the action as applied', async () => {
    const created = await adapter.createTicket!({ title: 'Transition probe', description: 'x' });
    await fault({ status: 500, pathIncludes: '/get_tickets/', times: 1 });
    const error = await adapter.transitionTicket!(created.number, 'SUSPEND').then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as UpstreamError).applied).toEqual({ ticketNumber: created.number, steps: ['SUSPEND'] });
    const [after] = await adapter.getTickets([created.number]);
    expect(after?.nativeStatus).toBe('SUSPENDED');
  });

  it('a create the vendor refused is a plain failure, with nothing applied', async () => {
    await fault({ status: 500, pathIncludes: '/create_ticket/', times: 1 });
    const error = await adapter.createTicket!({ title: 'Refused create', description: 'x' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).applied).toBeUndefined();
  });
});
