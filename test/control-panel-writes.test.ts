/**
 * Control-panel writes that fail halfway never lie: with emulator fault injection, a step that
 * fails after an earlier one was applied throws UpstreamError with `applied`, the vendor holds
 * exactly what was applied (read back natively), and no write call is repeated.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SourceAdapter } from '../src/sources/adapter.js';
import { UpstreamError } from '../src/sources/errors.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let adapter: SourceAdapter;
let base: string;
let headers: Record<string, string>;

async function native<T>(path: string): Promise<T> {
  const response = await fetch(base + path, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const requests = () => stack.emulators.byKey('cp').emulator.requests;

async function rejection(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'], emulator: { testMode: true, limits: { ticketsPerMinute: 100, commentsPerMinute: 100 } } });
  adapter = stack.gateway.sources.get('cp')!;
  const cp = stack.emulators.byKey('cp');
  base = cp.listening.baseUrl;
  headers = { 'x-token': cp.emulator.credentials.token as string };
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.fault('cp', null);
  requests().clear();
});

async function freshTicket(title: string): Promise<string> {
  const ticket = await adapter.createTicket!({ title, description: 'first message' });
  requests().clear();
  return ticket.number;
}

describe('createTicket', () => {
  it('re-reads the record; a failed re-read reports the created ticket, and the create is not repeated', async () => {
    await stack.fault('cp', { malformed: 'wrong-shape', pathIncludes: '/tickets/', times: 1 });
    const error = await rejection(adapter.createTicket!({ title: 'Half-created probe 7f3a', description: 'x' }));
    expect(error.upstreamCode).toBe('UPSTREAM_BAD_RESPONSE');
    const found = await native<{ items: { number: number }[] }>(`/tickets?q=${encodeURIComponent('Half-created probe 7f3a')}`);
    expect(found.items).toHaveLength(1);
    expect(error.applied).toEqual({ ticketNumber: String(found.items[0]!.number), steps: ['create'] });
    expect(requests().count('POST', '/tickets')).toBe(1);
  });

  it('answers the re-read ticket, not the create answer', async () => {
    const ticket = await adapter.createTicket!({ title: 'Re-read probe', description: 'x' });
    expect(requests().entries.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /tickets', `GET /tickets/${ticket.number}`]);
    expect(ticket).toMatchObject({ title: 'Re-read probe', status: 'OPEN', nativeStatus: 'new' });
  });
});

describe('closeTicket with a closing comment and no score', () => {
  it('a failed close after the comment reports the comment as applied; the ticket stays open with one comment', async () => {
    const number = await freshTicket('Close probe');
    await stack.fault('cp', { status: 500, pathIncludes: '/close', times: 1 });
    const error = await rejection(adapter.closeTicket!(number, { comment: 'Closing: fixed on our side' }));
    const thread = await native<{ items: { id: number; body: string }[] }>(`/tickets/${number}/comments`);
    const posted = thread.items.filter((c) => c.body === 'Closing: fixed on our side');
    expect(posted).toHaveLength(1);
    expect(error.applied).toEqual({ ticketNumber: number, commentId: String(posted[0]!.id), steps: ['comment'] });
    expect(error.status).toBe(500);
    expect(await native(`/tickets/${number}`)).toMatchObject({ is_closed: false });
    expect(requests().count('POST', `/tickets/${number}/close`)).toBe(1);
    expect(requests().count('POST', `/tickets/${number}/comments`)).toBe(1);
  });

  it('without faults: one comment, then closed', async () => {
    const number = await freshTicket('Close probe ok');
    const ticket = await adapter.closeTicket!(number, { comment: 'Thanks, done' });
    expect(ticket.status).toBe('CLOSED');
    const thread = await native<{ items: { body: string }[] }>(`/tickets/${number}/comments`);
    expect(thread.items.map((c) => c.body)).toEqual(['first message', 'Thanks, done']);
    expect(requests().entries.filter((e) => e.method === 'POST').map((e) => e.path)).toEqual([`/tickets/${number}/comments`, `/tickets/${number}/close`]);
  });

  it('with a score, the comment goes in the one close call (the documented evaluation body)', async () => {
    const number = await freshTicket('Close probe scored');
    await adapter.closeTicket!(number, { comment: 'Great', score: 10 });
    expect(requests().entries.filter((e) => e.method === 'POST').map((e) => [e.path, e.body])).toEqual([[`/tickets/${number}/close`, { comment: 'Great', score: 10 }]]);
    expect(await native(`/tickets/${number}`)).toMatchObject({ is_closed: true, vote: { score: 10, comment: 'Great' } });
  });
});

describe('single-call writes with an unreadable answer', () => {
  it('close: the ticket is re-read when the answer cannot be read', async () => {
    const number = await freshTicket('Unreadable close');
    await stack.fault('cp', { malformed: 'wrong-shape', pathIncludes: '/close', times: 1 });
    // The fault answers in the vendor's place (the close itself never ran): the answer is what
    // the re-read shows, not a guess from the request.
    const ticket = await adapter.closeTicket!(number, {});
    const now = await native<{ is_closed: boolean }>(`/tickets/${number}`);
    expect(ticket.status === 'CLOSED').toBe(now.is_closed);
    expect(requests().count('GET', `/tickets/${number}`)).toBe(2);
  });

  it('close: answer and re-read both unreadable -> applied close, no second close', async () => {
    const number = await freshTicket('Unreadable close twice');
    await stack.fault('cp', { malformed: 'wrong-shape', pathIncludes: `/tickets/${number}`, times: 2 });
    const error = await rejection(adapter.closeTicket!(number, {}));
    expect(error.upstreamCode).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.applied).toEqual({ ticketNumber: number, steps: ['close'] });
    expect(requests().count('POST', `/tickets/${number}/close`)).toBe(1);
  });

  it('addComment and rateTicket: an unreadable answer is reported as applied', async () => {
    const number = await freshTicket('Unreadable comment');
    await stack.fault('cp', { malformed: 'wrong-shape', pathIncludes: '/comments', times: 1 });
    expect((await rejection(adapter.addComment!(number, 'hello'))).applied).toEqual({ ticketNumber: number, steps: ['comment'] });
    await stack.fault('cp', { malformed: 'wrong-shape', pathIncludes: '/vote', times: 1 });
    expect((await rejection(adapter.rateTicket!(number, { score: 4 }))).applied).toEqual({ ticketNumber: number, steps: ['vote'] });
  });
});
