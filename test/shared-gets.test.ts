/**
 * In-flight de-duplication of identical upstream GETs within one replica: concurrent requests
 * for the same ticket cost the vendor one call; a caller's own forwarded vendor token makes a
 * GET of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    kinds: ['control-panel'],
    // Slow enough that the concurrent requests below overlap on the wire.
    emulator: { latencyMs: 300 },
    configure: (config) => ({ ...config, sources: config.sources.map((s) => ({ ...s, forwardHeaders: { 'x-cp-user-token': 'x-token' } })) }),
  });
});
afterAll(() => stack.close());

async function ticketTitle(headers: Record<string, string> = {}) {
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ ticket(source: "cp", number: "103906") { title } }' }),
  });
  return (await response.json()) as { data?: { ticket: { title: string } | null }; errors?: unknown[] };
}

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
    const token = stack.config.sources[0]?.credentials.token as string;
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
