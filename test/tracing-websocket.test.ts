/**
 * Tracing (issue #19) of operations sent over WebSocket (graphql-ws): five emulators, a demo
 * identity provider (auth on, the token in connection_init), the gateway with WebSockets on
 * 127.0.0.1, and a real OTLP/HTTP receiver. The expected span tree is written out here from the
 * brief, not taken from the tracing code.
 */
import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoAuthSettings, startDemoIdp } from '../src/auth/demo-idp.js';
import type { GatewayConfig } from '../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { listen } from '../src/listen.js';
import { tracerProvidersCreated } from '../src/observability/tracing.js';
import { gatewaySettings } from '../src/settings.js';
import { attachWebSockets } from '../src/websocket.js';
import { startReceiver, type ExportedSpan, type Receiver } from './support/otlp-receiver.js';
import { createAtControlPanel, TICKET_EVENTS, until, type EventPayload } from './support/live.js';

const TICKETS = /* GraphQL */ `
  query WsTickets($first: Int!) {
    tickets(first: $first) {
      edges { node { number } }
      sourceErrors { source }
    }
  }
`;
const POLL_MS = 300;

interface Running {
  emulators: EmbeddedEmulators;
  gateway: Gateway;
  config: GatewayConfig;
  wsUrl: string;
  token: string;
  receiver: Receiver;
  close(): Promise<void>;
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
  vi.unstubAllEnvs();
});

async function start(tracing: Record<string, unknown> | undefined): Promise<Running> {
  const receiver = await startReceiver();
  const idp = await startDemoIdp();
  const emulators = await startEmbeddedEmulators({ emulator: { limits: { ticketsPerMinute: 1_000 } } });
  const config: GatewayConfig = {
    sources: emulators.config.sources.map((s) => ({ ...s, pollIntervalMs: POLL_MS })),
    gateway: gatewaySettings.parse({ auth: demoAuthSettings(idp), ...(tracing ? { tracing: { endpoint: receiver.url, ...tracing } } : {}) }),
  };
  const gateway = createGateway({ config, env: {} });
  const http = await listen(gateway.yoga);
  const websockets = attachWebSockets(http.server, gateway);
  const token = await idp.mint('agent', { groups: ['support'] });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await websockets.close();
    await http.close();
    await gateway.close(); // flushes the spans
    await emulators.close();
    await idp.close();
    await receiver.close();
  };
  cleanup.push(close);
  return { emulators, gateway, config, wsUrl: `${http.origin.replace(/^http/, 'ws')}/graphql`, token, receiver, close };
}

/** A graphql-ws client; `headers` go on the upgrade request (Node clients can set them, browsers cannot). */
function client(running: Running, connectionParams: Record<string, unknown>, headers: Record<string, string> = {}): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const created = createClient({ url: running.wsUrl, webSocketImpl: WithHeaders, retryAttempts: 0, lazy: true, connectionParams });
  cleanup.push(() => created.dispose() as Promise<void>);
  return created;
}

async function queryOver(ws: Client): Promise<{ data?: { tickets: { edges: unknown[]; sourceErrors: unknown[] } }; errors?: unknown[] }> {
  const result = await ws.iterate({ query: TICKETS, variables: { first: 7 }, operationName: 'WsTickets' }).next();
  return result.value as { data?: { tickets: { edges: unknown[]; sourceErrors: unknown[] } }; errors?: unknown[] };
}

const traceparent = () => {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, header: `00-${traceId}-${spanId}-01` };
};

const childrenOf = (spans: ExportedSpan[], parent: ExportedSpan | undefined) => spans.filter((s) => s.parentSpanId === parent?.spanId);

describe('tracing of WebSocket operations', () => {
  it('a query over graphql-ws is one operation span under the caller trace (upgrade header or connectionParams), with parse/validate/execute and the upstream attempts under execute, and no secret', async () => {
    const running = await start({});
    const fromHeader = traceparent();
    const fromParams = traceparent();
    const byHeader = client(running, { authorization: `Bearer ${running.token}` }, { traceparent: fromHeader.header });
    const byParams = client(running, { authorization: `Bearer ${running.token}`, traceparent: fromParams.header });

    const first = await queryOver(byHeader);
    expect(first.errors).toBeUndefined();
    expect(first.data?.tickets.edges).toHaveLength(7);
    expect(first.data?.tickets.sourceErrors).toEqual([]);
    const upstream = running.emulators.emulators.map((e) => ({ key: e.key, entries: [...e.emulator.requests.entries] }));
    const second = await queryOver(byParams);
    expect(second.data?.tickets.edges).toHaveLength(7);
    await running.close();

    const spans = running.receiver.spans();
    const sourceKeys = running.config.sources.map((s) => s.key);
    expect(sourceKeys).toHaveLength(5);
    for (const caller of [fromHeader, fromParams]) {
      const trace = spans.filter((s) => s.traceId === caller.traceId);
      const operations = trace.filter((s) => s.name === 'graphql.operation');
      expect(operations).toHaveLength(1);
      const [operation] = operations;
      expect(operation?.parentSpanId).toBe(caller.spanId);
      expect(operation?.kind).toBe(2); // SERVER in OTLP's enum
      expect(operation?.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'WsTickets', 'graphql.error.count': 0 });
      expect(operation?.attributes['graphql.document']).toBeUndefined();
      expect(childrenOf(trace, operation).map((s) => s.name).sort()).toEqual(['graphql.execute', 'graphql.parse', 'graphql.validate']);

      const execute = trace.find((s) => s.name === 'graphql.execute');
      const pages = childrenOf(trace, execute);
      expect(pages.map((s) => s.name)).toEqual(['ticketgraph.tickets.page']);
      const attempts = childrenOf(trace, pages[0]);
      expect(attempts.length).toBeGreaterThanOrEqual(5);
      expect(new Set(attempts.map((s) => s.attributes['ticketgraph.source']))).toEqual(new Set(sourceKeys));
      for (const attempt of attempts) {
        expect(attempt.kind).toBe(3); // CLIENT
        expect(attempt.attributes).toMatchObject({ 'http.response.status_code': 200, 'ticketgraph.outcome': 'ok' });
      }
      // Nothing else in this trace: pollers and other operations are not part of it.
      expect(trace).toHaveLength(1 + 3 + 1 + attempts.length);
    }

    // The vendors were told the first operation's attempt spans.
    const headerAttempts = new Set(spans.filter((s) => s.traceId === fromHeader.traceId && s.attributes['ticketgraph.source'] !== undefined).map((s) => s.spanId));
    for (const { key, entries } of upstream) {
      const traced = entries.filter((e) => e.traceparent?.split('-')[1] === fromHeader.traceId);
      expect(traced.length, key).toBeGreaterThan(0);
      for (const entry of traced) expect(headerAttempts.has(entry.traceparent?.split('-')[2] ?? ''), key).toBe(true);
    }

    // No credential, token, document or variable in what was exported.
    const exported = running.receiver.bodies.join('\n');
    const secrets = [
      running.token,
      ...running.config.sources.flatMap((s) => Object.values(s.credentials)).filter((v): v is string => typeof v === 'string' && v.length >= 6 && v !== 'ticketgraph'),
    ];
    expect(secrets.length).toBeGreaterThan(1);
    for (const secret of secrets) expect(exported.includes(secret), 'a secret was exported').toBe(false);
    // A JWT's signature alone, in case it were split or re-encoded.
    expect(exported).not.toContain(running.token.split('.')[2]);
    expect(exported.toLowerCase()).not.toContain('bearer');
    expect(exported).not.toContain('tickets(first');
    expect(exported).not.toContain('$first');
  });

  it('a subscription over graphql-ws: its span covers the subscribe and is exported while the stream stays open; polls and events are not traced', async () => {
    // Export within 50 ms of a span ending, so it can be seen while the subscription is open.
    vi.stubEnv('OTEL_BSP_SCHEDULE_DELAY', '50');
    const running = await start({ captureDocument: true });
    const caller = traceparent();
    const ws = client(running, { authorization: `Bearer ${running.token}`, traceparent: caller.header });
    const received: EventPayload[] = [];
    let completed = false;
    const dispose = ws.subscribe<EventPayload['data']>(
      { query: TICKET_EVENTS, variables: { filter: { sources: ['cp'] } } },
      { next: (value) => void received.push(value as EventPayload), error: () => void (completed = true), complete: () => void (completed = true) },
    );
    cleanup.push(async () => dispose());

    const operation = await until(() => running.receiver.spans().find((s) => s.traceId === caller.traceId && s.name === 'graphql.operation'), 5_000);
    expect(completed).toBe(false);
    expect(operation.parentSpanId).toBe(caller.spanId);
    expect(operation.attributes['graphql.operation.type']).toBe('subscription');
    expect(String(operation.attributes['graphql.document'])).toContain('ticketEvents(filter: $filter');

    // The stream is still open: a ticket filed at the vendor arrives through it.
    const cp = running.config.sources.find((s) => s.key === 'cp');
    if (!cp) throw new Error('no cp');
    const cpRequests = running.emulators.byKey('cp').emulator.requests;
    await until(() => cpRequests.entries.length > 0, 3_000);
    await new Promise((r) => setTimeout(r, POLL_MS));
    const number = await createAtControlPanel(cp.baseUrl, String(cp.credentials.token), 'Seen by a traced subscriber');
    await until(() => received.find((e) => e.data?.ticketEvents.ticket.number === number), POLL_MS * 3 + 2_000);
    expect(completed).toBe(false);
    dispose();
    await running.close();

    const spans = running.receiver.spans();
    const trace = spans.filter((s) => s.traceId === caller.traceId);
    expect(trace.filter((s) => s.name === 'graphql.operation')).toHaveLength(1);
    expect(childrenOf(trace, operation).map((s) => s.name).sort()).toEqual(['graphql.parse', 'graphql.subscribe', 'graphql.validate']);
    expect(trace).toHaveLength(4);
    // The poller's calls (made while and after the operation ran) carry no trace and make no span.
    expect(cpRequests.entries.filter((e) => e.method === 'GET').length).toBeGreaterThan(1);
    for (const entry of cpRequests.entries) expect(entry.traceparent).toBeUndefined();
    expect(spans.filter((s) => s.attributes['ticketgraph.source'] !== undefined)).toEqual([]);
    const exported = running.receiver.bodies.join('\n');
    expect(exported).not.toContain(running.token);
    expect(exported).not.toContain('Seen by a traced subscriber');
  });

  it('an operation refused before execution (invalid document, unknown operation name) still gets its span, ended, with no execute span', async () => {
    const running = await start({});
    const invalid = traceparent();
    const unknown = traceparent();
    const outcome = async (ws: Client, request: { query: string; operationName?: string }) => {
      try {
        return await ws.iterate(request).next();
      } catch (error) {
        return error;
      }
    };
    const refused = await outcome(client(running, { authorization: `Bearer ${running.token}`, traceparent: invalid.header }), { query: '{ noSuchField }' });
    expect(JSON.stringify(refused)).toContain('noSuchField');
    const unnamed = await outcome(client(running, { authorization: `Bearer ${running.token}`, traceparent: unknown.header }), { query: 'query A { __typename }', operationName: 'B' });
    // Answered with the error (Yoga's parse hook refuses an operation name not in the document), the socket left open.
    expect(JSON.stringify(unnamed)).toContain('"code":"OPERATION_RESOLUTION_FAILURE"');
    expect(JSON.stringify(unnamed)).not.toContain('"http"');
    const broken = await outcome(client(running, { authorization: `Bearer ${running.token}` }), { query: '{ tickets(' });
    expect(JSON.stringify(broken)).toContain('Syntax Error');
    await running.close();

    const spans = running.receiver.spans();
    const operationOf = (caller: { traceId: string }) => spans.filter((s) => s.traceId === caller.traceId && s.name === 'graphql.operation');
    expect(operationOf(invalid)).toHaveLength(1);
    expect(operationOf(invalid)[0]?.attributes['graphql.error.count']).toBe(1);
    expect(operationOf(unknown)).toHaveLength(1);
    expect(operationOf(unknown)[0]?.attributes['graphql.error.count']).toBe(1);
    expect(spans.filter((s) => s.traceId === unknown.traceId && s.name === 'graphql.execute')).toEqual([]);
  });

  it('with tracing off, WebSocket operations export nothing and send no traceparent upstream', async () => {
    const providers = tracerProvidersCreated();
    const running = await start(undefined);
    const caller = traceparent();
    const ws = client(running, { authorization: `Bearer ${running.token}`, traceparent: caller.header }, { traceparent: caller.header });
    expect((await queryOver(ws)).data?.tickets.edges).toHaveLength(7);
    expect(running.gateway.tracing).toBeNull();
    for (const e of running.emulators.emulators) {
      expect(e.emulator.requests.entries.length).toBeGreaterThan(0);
      for (const entry of e.emulator.requests.entries) expect(entry.traceparent).toBeUndefined();
    }
    await running.close();
    expect(running.receiver.bodies).toEqual([]);
    expect(tracerProvidersCreated()).toBe(providers);
  });
});
