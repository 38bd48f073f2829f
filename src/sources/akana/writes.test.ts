// Writes that fail half-way, against the emulator over real HTTP with injected faults: a write
// the platform applied is reported as applied (UpstreamError.applied), never as a plain failure,
// and is never sent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS_PATH, type FaultPlan } from '../../emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from '../../emulator/listen.js';
import type { SourceAdapter } from '../adapter.js';
import { UpstreamError } from '../errors.js';
import { createSourceHttp, type SourceHttp } from '../http.js';
import { createAkanaEmulator, type AkanaEmulator } from './emulator/index.js';
import { akana } from './index.js';

let emulator: AkanaEmulator;
let listening: ListeningEmulator;
/** Set by a test: armed on the emulator right after the next write call answers. */
let afterWrite: FaultPlan | null = null;
let adapter: SourceAdapter;

async function fault(plan: FaultPlan | null): Promise<void> {
  const response = await fetch(listening.origin + FAULTS_PATH, {
    method: plan ? 'PUT' : 'DELETE',
    ...(plan ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) } : {}),
  });
  expect(response.ok).toBe(true);
}

beforeAll(async () => {
  emulator = createAkanaEmulator({ testMode: true });
  listening = await listenEmulator(emulator);
  const inner = createSourceHttp({ source: 'akana', baseUrl: listening.baseUrl, timeoutMs: 5000 });
  // Faults are path-based; the write and its re-read can share a path (…/comments), so the
  // fault for the re-read is armed on the emulator only once the write has answered.
  const http: SourceHttp = {
    ...inner,
    source: inner.source,
    async request(request) {
      const response = await inner.request(request);
      if (request.method !== 'GET' && afterWrite) {
        await fault(afterWrite);
        afterWrite = null;
      }
      return response;
    },
  };
  adapter = akana.createAdapter(
    {
      key: 'akana',
      kind: 'akana',
      name: 'Akana',
      baseUrl: listening.baseUrl,
      credentials: akana.credentials.parse(emulator.credentials),
      timeoutMs: 5000,
      settings: akana.settings.parse(emulator.settings),
    },
    http,
  );
});
afterAll(async () => {
  await adapter.close();
  await listening.close();
});

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('create, then the re-read fails', () => {
  it('reports the created ticket as applied, and it exists exactly once', async () => {
    const before = emulator.store.list({}).length;
    await fault({ status: 500, pathIncludes: '/api/tickets/ticket', times: 1 });
    const error = await failure(adapter.createTicket!({ title: 'Half-way create', description: 'd' }));
    const created = emulator.store.list({}).filter((t) => t.title === 'Half-way create');
    expect(created).toHaveLength(1);
    expect(emulator.store.list({})).toHaveLength(before + 1);
    expect(error.applied).toEqual({ ticketNumber: created[0]!.id, steps: ['create'] });
    expect(error.upstreamCode).toBe('UPSTREAM_ERROR');
    expect(emulator.requests.count('POST', '/api/tickets')).toBe(1);
    // Reading it now works: nothing was lost.
    expect((await adapter.getTickets([created[0]!.id]))[0]?.title).toBe('Half-way create');
  });

  it('a create the platform refuses is a plain failure (nothing applied)', async () => {
    await fault({ status: 500, pathIncludes: '/api/tickets', times: 1 });
    const error = await failure(adapter.createTicket!({ title: 'Refused create', description: 'd' }));
    expect(error.applied).toBeUndefined();
    expect(emulator.store.list({}).some((t) => t.title === 'Refused create')).toBe(false);
  });
});

describe('comment, then the re-read fails', () => {
  it('reports the comment as applied, with its id', async () => {
    const ticket = emulator.store.list({})[3]!;
    const comments = ticket.comments.length;
    afterWrite = { status: 500, pathIncludes: `/api/tickets/${ticket.id}/comments`, times: 1 };
    const error = await failure(adapter.addComment!(ticket.id, 'Half-way comment'));
    expect(ticket.comments).toHaveLength(comments + 1);
    expect(error.applied).toEqual({ ticketNumber: ticket.id, commentId: ticket.comments.at(-1)!.id, steps: ['comment'] });
  });
});

describe('workflow action, then the re-read fails', () => {
  it('reports the close as applied; the close comment was sent once, with the action', async () => {
    const ticket = emulator.store.list({ State: 'OPEN' })[0]!;
    const comments = ticket.comments.length;
    emulator.requests.clear();
    afterWrite = { status: 500, pathIncludes: `/api/tickets/${ticket.id}`, times: 1 };
    const error = await failure(adapter.closeTicket!(ticket.id, { comment: 'Closing half-way' }));
    expect(ticket.state).toBe('CLOSED');
    expect(ticket.comments).toHaveLength(comments + 1);
    expect(error.applied).toEqual({ ticketNumber: ticket.id, steps: ['ticket.action.close'] });
    const posts = emulator.requests.entries.filter((e) => e.method === 'POST');
    expect(posts.map((e) => [e.path, e.body])).toEqual([[`/api/tickets/${ticket.id}/actions`, { ActionName: 'ticket.action.close', Comments: 'Closing half-way' }]]);
  });

  it('an action that fails is not reported as applied, and nothing changed', async () => {
    const ticket = emulator.store.list({ State: 'OPEN' })[0]!;
    await fault({ status: 500, pathIncludes: `/api/tickets/${ticket.id}/actions`, times: 1 });
    const error = await failure(adapter.transitionTicket!(ticket.id, 'resolve'));
    expect(error.applied).toBeUndefined();
    expect(ticket.state).toBe('OPEN');
  });
});
