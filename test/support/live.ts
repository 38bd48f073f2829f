/** Subscribing over GraphQL over SSE in tests, and waiting for what arrives. */
import { expect } from 'vitest';

export interface EventPayload {
  data?: {
    ticketEvents: { type: string; cursor: string; changedFields: string[]; ticket: { number: string; title: string; status: string }; source: { key: string } };
  };
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export const TICKET_EVENTS = `subscription($filter: TicketFilter, $after: String) {
  ticketEvents(filter: $filter, after: $after) { type cursor changedFields source { key } ticket { number title status } } }`;

/** Subscribes over SSE; events (and an error payload, if any) are collected until `close`. */
export function sse(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: EventPayload[] = [];
  const done = (async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (!response.headers.get('content-type')?.includes('text/event-stream')) {
      events.push((await response.json()) as EventPayload);
      return;
    }
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += decoder.decode(value, { stream: true });
      let split: number;
      while ((split = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('');
        if (block.startsWith('event: next') && data) events.push(JSON.parse(data) as EventPayload);
      }
    }
  })().then(
    () => undefined,
    // Kept for close(): a stream cut by a server that died is the test's business, not an
    // unhandled rejection in the middle of the run.
    (error: unknown) => (error instanceof Error && error.name === 'AbortError' ? undefined : error),
  );
  return {
    events,
    close: async () => {
      controller.abort();
      const failure = await done;
      if (failure !== undefined) throw failure;
    },
  };
}

export { until } from './until.js';

/** A ticket filed straight at the control-panel emulator (`baseUrl`, `token`), bypassing the gateway. */
export async function createAtControlPanel(baseUrl: string, token: string, summary: string): Promise<string> {
  const response = await fetch(`${baseUrl}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-token': token },
    body: JSON.stringify({ summary, comment_body: 'Filed at the vendor' }),
  });
  expect(response.status).toBe(200);
  return String(((await response.json()) as { number: number }).number);
}
