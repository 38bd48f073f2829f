/**
 * Live updates with authentication on: every event is filtered by the subscriber's access
 * (a source it cannot read never sends it anything), a WebSocket without a valid token is
 * refused at connection_init, and a cursor older than the replay window is EVENTS_EXPIRED.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAuthSettings, startDemoIdp, type DemoIdp } from '../src/auth/demo-idp.js';
import { gatewaySettings, type GatewayConfig } from '../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { listen, type Listening } from '../src/listen.js';
import { attachWebSockets, type WebSocketEndpoint } from '../src/websocket.js';
import { createAtControlPanel, sse, TICKET_EVENTS, until } from './support/live.js';

const POLL_MS = 1_000;
let idp: DemoIdp;
let emulators: EmbeddedEmulators;
let gateway: Gateway;
let listening: Listening;
let websockets: WebSocketEndpoint;
let url: string;
let support: string;
let cocReader: string;

beforeAll(async () => {
  idp = await startDemoIdp();
  emulators = await startEmbeddedEmulators({ kinds: ['control-panel', 'huawei-coc'], emulator: { limits: { ticketsPerMinute: 1_000 } } });
  const auth = demoAuthSettings(idp);
  const config: GatewayConfig = {
    sources: emulators.config.sources.map((s) => ({ ...s, pollIntervalMs: POLL_MS })),
    gateway: gatewaySettings.parse({
      live: { replayEvents: 2, replayWindowMs: 60_000 },
      auth: { ...auth, access: [auth.access[0], { claim: 'scope', includes: 'coc:read', sources: ['coc'], write: false }] },
    }),
  };
  gateway = createGateway({ config });
  listening = await listen(gateway.yoga);
  websockets = attachWebSockets(listening.server, gateway);
  url = `${listening.origin}/graphql`;
  support = await idp.mint('agent', { groups: ['support'] });
  cocReader = await idp.mint('reader', { scope: 'coc:read' });
});
afterAll(async () => {
  await websockets.close();
  await listening.close();
  await gateway.close();
  await emulators.close();
  await idp.close();
});

const createAtCp = (summary: string) => {
  const cp = emulators.config.sources.find((s) => s.key === 'cp');
  if (!cp) throw new Error('no cp');
  return createAtControlPanel(cp.baseUrl, String(cp.credentials.token), summary);
};

describe('ticketEvents with authentication', () => {
  it('sends an event only to subscribers who may read its source', async () => {
    const agent = sse(url, TICKET_EVENTS, {}, { authorization: `Bearer ${support}` });
    const reader = sse(url, TICKET_EVENTS, {}, { authorization: `Bearer ${cocReader}` });
    try {
      await new Promise((r) => setTimeout(r, POLL_MS + 300));
      const number = await createAtCp('Only for the support team');
      await until(() => agent.events.find((e) => e.data?.ticketEvents.ticket.number === number), POLL_MS * 2 + 1_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(reader.events.filter((e) => e.data?.ticketEvents.source.key === 'cp')).toEqual([]);
      expect(reader.events.filter((e) => e.errors)).toEqual([]);
    } finally {
      await Promise.all([agent.close(), reader.close()]);
    }
  });

  it('refuses a subscription without a token over SSE and over WebSocket', async () => {
    const anonymous = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: TICKET_EVENTS }),
    });
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();

    const closed = await new Promise<number>((resolve) => {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: 'Bearer not-a-token' },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe({ query: TICKET_EVENTS }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect([4401, 4403]).toContain(closed);

    const received: unknown[] = [];
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${support}` } });
    const dispose = client.subscribe({ query: TICKET_EVENTS, variables: { filter: { sources: ['cp'] } } }, { next: (v) => void received.push(v), error: () => undefined, complete: () => undefined });
    try {
      await new Promise((r) => setTimeout(r, POLL_MS + 300));
      const number = await createAtCp('Seen by an authenticated socket');
      await until(() => received.find((v) => JSON.stringify(v).includes(number)), POLL_MS * 2 + 1_000);
    } finally {
      dispose();
      await client.dispose();
    }
  });

  it('answers EVENTS_EXPIRED for a cursor older than the replay window', async () => {
    const agent = sse(url, TICKET_EVENTS, { filter: { sources: ['cp'] } }, { authorization: `Bearer ${support}` });
    try {
      await new Promise((r) => setTimeout(r, POLL_MS + 300));
      const first = await createAtCp('Expiring 1');
      const event = await until(() => agent.events.find((e) => e.data?.ticketEvents.ticket.number === first), POLL_MS * 2 + 1_000);
      // Three more events push the first out of a replay window of two.
      for (const title of ['Expiring 2', 'Expiring 3', 'Expiring 4']) await createAtCp(title);
      await until(() => (agent.events.length >= 4 ? true : undefined), POLL_MS * 2 + 1_000);
      const resumed = sse(url, TICKET_EVENTS, { filter: { sources: ['cp'] }, after: event.data?.ticketEvents.cursor }, { authorization: `Bearer ${support}` });
      const expired = await until(() => resumed.events.find((e) => e.errors), 2_000);
      expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'EVENTS_EXPIRED', source: 'cp' });
      await resumed.close();
    } finally {
      await agent.close();
    }
  });
});
