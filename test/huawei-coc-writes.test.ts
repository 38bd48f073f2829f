/**
 * COC writes that fail half-way: CreateCocIncident applied, then the re-read failed. The
 * adapter must say the incident exists (`applied`), so nobody retries into a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS_PATH, type FaultPlan } from '../src/emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from '../src/emulator/listen.js';
import type { SourceAdapter } from '../src/sources/adapter.js';
import { UpstreamError } from '../src/sources/errors.js';
import { createSourceHttp, type SourceHttp } from '../src/sources/http.js';
import { createHuaweiCocEmulator, type HuaweiCocEmulator } from '../src/sources/huawei-coc/emulator/index.js';
import { huaweiCoc } from '../src/sources/huawei-coc/index.js';
import { resilienceSettings } from '../src/settings.js';

let emulator: HuaweiCocEmulator;
let listening: ListeningEmulator;
let adapter: SourceAdapter;
/** Arms a fault right after a request whose path includes this (the emulator then fails the next call). */
let faultAfter: { path: string; plan: FaultPlan } | null = null;

async function fault(plan: FaultPlan | null): Promise<void> {
  const response = await fetch(listening.origin + FAULTS_PATH, {
    method: plan ? 'PUT' : 'DELETE',
    ...(plan ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) } : {}),
  });
  expect(response.ok).toBe(true);
}

beforeAll(async () => {
  emulator = createHuaweiCocEmulator({ testMode: true });
  listening = await listenEmulator(emulator);
  // No retries: a retry's back-off would sleep, and the failure must reach the adapter.
  const real = createSourceHttp({ source: 'coc', baseUrl: listening.baseUrl, timeoutMs: 5000, resilience: resilienceSettings.parse({ retries: 0 }) });
  // The real HTTP client; it only arms an emulator fault between two steps of a write.
  const http: SourceHttp = {
    source: real.source,
    circuitState: () => real.circuitState(),
    close: () => real.close(),
    async request(request) {
      const response = await real.request(request);
      const armed = faultAfter;
      if (armed && request.path.includes(armed.path)) {
        faultAfter = null;
        await fault(armed.plan);
      }
      return response;
    },
  };
  adapter = huaweiCoc.createAdapter(
    { key: 'coc', kind: 'huawei-coc', name: 'COC', baseUrl: listening.baseUrl, credentials: { authToken: emulator.credentials.authToken as string }, timeoutMs: 5000, settings: huaweiCoc.settings.parse(emulator.settings) },
    http,
  );
});
afterAll(async () => {
  await adapter.close();
  await listening.close();
});

describe('huawei-coc create, then the re-read fails', () => {
  it('throws UpstreamError with applied = the created incident, which exists exactly once', async () => {
    const before = emulator.store.incidents.length;
    emulator.requests.clear();
    await fault({ status: 500, pathIncludes: '/v2/incidents/list', times: 1 });
    const error = await adapter.createTicket!({ title: 'Half-applied create', description: 'The re-read fails.' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    const applied = (error as UpstreamError).applied;
    expect(applied?.steps).toEqual(['create']);
    // The emulator's own record of what was created, not the adapter's.
    expect(emulator.store.incidents).toHaveLength(before + 1);
    const created = emulator.store.incidents.at(-1)!;
    expect(created.title).toBe('Half-applied create');
    expect(applied?.ticketNumber).toBe(created.ticketId);
    expect(emulator.requests.count('POST', '/v1/external/incident/create')).toBe(1);
    // The incident is readable once the fault clears: the mutation must not have claimed otherwise.
    const [after] = await adapter.getTickets([created.ticketId]);
    expect(after?.title).toBe('Half-applied create');
  });

  it('refuses a requester (and an unknown extra) by the field name, without calling create', async () => {
    emulator.requests.clear();
    await expect(adapter.createTicket!({ title: 'x', description: 'y', extra: { requesterName: 'Alice' } })).rejects.toMatchObject({
      code: 'UNSUPPORTED_OPERATION',
      field: 'requesterName',
    });
    await expect(adapter.createTicket!({ title: 'x', description: 'y', extra: { assignee: 'not-an-iam-id' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'assignee',
    });
    expect(emulator.requests.count('POST', '/v1/external/incident/create')).toBe(0);
  });

  it('a transition whose re-read fails reports the operation as applied', async () => {
    const created = await adapter.createTicket!({ title: 'Transition probe', description: 'x' });
    faultAfter = { path: '/v1/external/incident/handle', plan: { status: 500, pathIncludes: '/v2/incidents/list', times: 1 } };
    const error = await adapter.transitionTicket!(created.number, 'acceptedIncident1').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).applied).toEqual({ ticketNumber: created.number, steps: ['acceptedIncident1'] });
    expect(emulator.store.find(created.number)?.status).toBe('INCIDENT_STATUS_ACKNOWLEDGED');
  });

  it('a create the vendor refused is a plain failure, with nothing applied', async () => {
    const before = emulator.store.incidents.length;
    await fault({ status: 500, pathIncludes: '/v1/external/incident/create', times: 1 });
    const error = await adapter.createTicket!({ title: 'Refused create', description: 'x' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).applied).toBeUndefined();
    expect(emulator.store.incidents).toHaveLength(before);
  });
});
