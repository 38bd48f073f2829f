/**
 * Live ticket updates over real HTTP: SSE (GraphQL over SSE, distinct connections) and
 * WebSocket (graphql-ws) on /graphql. Tickets are created directly at the control-panel
 * emulator, as another user of the vendor would, and must reach subscribers within one poll
 * interval plus a second; the poller's upstream calls do not grow with subscribers.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { listen, type Listening } from '../src/listen.js';
import { attachWebSockets, type WebSocketEndpoint } from '../src/websocket.js';
import { createAtControlPanel, sse as sseAt, TICKET_EVENTS, until, type EventPayload } from './support/live.js';

const POLL_MS = 1_000;
let emulators: EmbeddedEmulators;
let gateway: Gateway;
let listening: Listening;
let websockets: WebSocketEndpoint;
let url: string;

beforeAll(async () => {
  emulators = await startEmbeddedEmulators({ kinds: ['control-panel', 'huawei-coc'], emulator: { limits: { ticketsPerMinute: 1_000 } } });
  const config: GatewayConfig = { ...structuredClone(emulators.config) };
  config.sources = config.sources.map((s) => ({ ...s, pollIntervalMs: POLL_MS }));
  gateway = createGateway({ config });
  listening = await listen(gateway.yoga);
  websockets = attachWebSockets(listening.server, gateway);
  url = `${listening.origin}/graphql`;
});
afterAll(async () => {
  await websockets.close();
  await listening.close();
  await gateway.close();
  await emulators.close();
});

async function createAtVendor(summary: string): Promise<string> {
  const cp = emulators.config.sources.find((s) => s.key === 'cp');
  if (!cp) throw new Error('no cp');
  return createAtControlPanel(cp.baseUrl, String(cp.credentials.token), summary);
}

const sse = (query: string, variables: Record<string, unknown> = {}) => sseAt(url, query, variables);

const EVENTS = TICKET_EVENTS;

describe('ticketEvents', () => {
  it('delivers a ticket created at the vendor to an SSE subscriber within one poll interval plus a second', async () => {
    const subscription = sse(EVENTS, { filter: { sources: ['cp'] } });
    try {
      // Let the first poll take its baseline.
      await until(() => (gateway.live.polling().includes('cp') ? true : undefined), 3_000);
      await new Promise((r) => setTimeout(r, 200));
      const number = await createAtVendor('Printer on fire (live)');
      const started = Date.now();
      const event = await until(() => subscription.events.find((e) => e.data?.ticketEvents.ticket.number === number), POLL_MS + 1_000 + 500);
      expect(Date.now() - started).toBeLessThanOrEqual(POLL_MS + 1_000 + 500);
      expect(event.data?.ticketEvents).toMatchObject({ type: 'CREATED', source: { key: 'cp' }, ticket: { title: 'Printer on fire (live)', status: 'OPEN' } });
    } finally {
      await subscription.close();
    }
  });

  it('filters events: a subscriber to closed tickets does not see a new open one', async () => {
    const closedOnly = sse(EVENTS, { filter: { sources: ['cp'], status: ['CLOSED'] } });
    const all = sse(EVENTS, { filter: { sources: ['cp'] } });
    try {
      await new Promise((r) => setTimeout(r, POLL_MS + 300));
      const number = await createAtVendor('Only for the open-minded');
      await until(() => all.events.find((e) => e.data?.ticketEvents.ticket.number === number), POLL_MS * 2 + 1_000);
      expect(closedOnly.events.filter((e) => e.data?.ticketEvents.ticket.number === number)).toEqual([]);
    } finally {
      await Promise.all([closedOnly.close(), all.close()]);
    }
  });

  it('works over graphql-ws on the same path, and replays what a reconnecting client missed', async () => {
    const client: Client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const received: EventPayload[] = [];
    let dispose: () => void = () => {};
    try {
      await new Promise<void>((resolve, reject) => {
        dispose = client.subscribe<EventPayload['data']>(
          { query: EVENTS, variables: { filter: { sources: ['cp'] } } },
          { next: (value) => void received.push(value as EventPayload), error: reject, complete: resolve },
        );
        setTimeout(resolve, POLL_MS + 300);
      });
      const first = await createAtVendor('Seen over a WebSocket');
      const event = await until(() => received.find((e) => e.data?.ticketEvents.ticket.number === first), POLL_MS * 2 + 1_000);
      const cursor = event.data?.ticketEvents.cursor;
      expect(cursor).toBeTruthy();
      dispose();

      // Missed while disconnected: another subscriber keeps the poller running.
      const keeper = sse(EVENTS, { filter: { sources: ['cp'] } });
      const missed = await createAtVendor('Filed while you were away');
      await until(() => keeper.events.find((e) => e.data?.ticketEvents.ticket.number === missed), POLL_MS * 2 + 1_000);
      const resumed = sse(EVENTS, { filter: { sources: ['cp'] }, after: cursor });
      const replayed = await until(() => resumed.events.find((e) => e.data?.ticketEvents.ticket.number === missed), 2_000);
      expect(replayed.data?.ticketEvents.type).toBe('CREATED');
      expect(resumed.events.some((e) => e.data?.ticketEvents.ticket.number === first)).toBe(false);
      await Promise.all([keeper.close(), resumed.close()]);
    } finally {
      dispose();
      await client.dispose();
    }
  });

  it('costs one poller per source however many subscribe', async () => {
    const cp = emulators.byKey('cp').emulator.requests;
    const subscribers = Array.from({ length: 200 }, () => sse(EVENTS, { filter: { sources: ['cp'] } }));
    try {
      await new Promise((r) => setTimeout(r, 500));
      const before = cp.count('GET', '/tickets');
      await new Promise((r) => setTimeout(r, POLL_MS * 3));
      const polls = cp.count('GET', '/tickets') - before;
      // Three intervals: three polls (four at most with timing), not 200 × 3.
      expect(polls).toBeGreaterThanOrEqual(2);
      expect(polls).toBeLessThanOrEqual(4);
    } finally {
      await Promise.all(subscribers.map((s) => s.close()));
    }
    // Nobody listens: polling stops.
    await until(() => (gateway.live.polling().includes('cp') ? undefined : true), 2_000);
    const idle = cp.count('GET', '/tickets');
    await new Promise((r) => setTimeout(r, POLL_MS * 2));
    expect(cp.count('GET', '/tickets')).toBe(idle);
  });
});

describe("the gateway's own writes", () => {
  it('reach subscribers at once, without waiting for a poll', async () => {
    const subscription = sse(EVENTS, { filter: { sources: ['cp'] } });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { createTicket(input: { source: "cp", title: "Filed through the gateway", description: "d" }) { ticket { number } } }` }),
      });
      const created = ((await response.json()) as { data: { createTicket: { ticket: { number: string } } } }).data.createTicket.ticket.number;
      const started = Date.now();
      const event = await until(() => subscription.events.find((e) => e.data?.ticketEvents.ticket.number === created), 500);
      expect(Date.now() - started).toBeLessThan(500);
      expect(event.data?.ticketEvents.type).toBe('CREATED');
      // The next poll does not report it a second time.
      await new Promise((r) => setTimeout(r, POLL_MS * 2));
      expect(subscription.events.filter((e) => e.data?.ticketEvents.ticket.number === created)).toHaveLength(1);
    } finally {
      await subscription.close();
    }
  });
});
