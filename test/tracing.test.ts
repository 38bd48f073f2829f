/**
 * Tracing (issue #19) end to end: five emulators, the gateway, and a real OTLP/HTTP receiver on
 * 127.0.0.1 decoding the JSON the exporter posts to /v1/traces. The expected tree is written
 * out here from the brief, not taken from the tracing code.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { FAULTS_PATH, type EmulatorOptions } from '../src/emulator/kit.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { listen, type Listening } from '../src/listen.js';
import { gatewaySettings } from '../src/settings.js';
import { tracerProvidersCreated, type TracingEnv } from '../src/observability/tracing.js';
import { startReceiver } from './support/otlp-receiver.js';

const TICKETS = /* GraphQL */ `
  query Tickets($first: Int!) {
    tickets(first: $first) {
      edges { node { number } }
      sourceErrors { source }
    }
  }
`;

interface Running {
  emulators: EmbeddedEmulators;
  gateway: Gateway;
  http: Listening;
  logs: string[];
  config: GatewayConfig;
  /** Closes everything (the gateway's close flushes the spans). */
  close(): Promise<void>;
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function startGateway(tracing: Record<string, unknown> | undefined, env: TracingEnv, emulator?: EmulatorOptions): Promise<Running> {
  const emulators = await startEmbeddedEmulators(emulator ? { emulator } : {});
  const config: GatewayConfig = { ...emulators.config, gateway: gatewaySettings.parse(tracing ? { tracing } : {}) };
  const logs: string[] = [];
  const gateway = createGateway({ config, env, logDestination: { write: (line: string) => void logs.push(line) } });
  const http = await listen(gateway.yoga);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await http.close();
    await gateway.close();
    await emulators.close();
  };
  cleanup.push(close);
  return { emulators, gateway, http, logs, config, close };
}

async function postTickets(running: Running, headers: Record<string, string> = {}): Promise<{ data?: { tickets: { edges: unknown[]; sourceErrors: unknown[] } } }> {
  const response = await fetch(`${running.http.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: TICKETS, variables: { first: 7 }, operationName: 'Tickets' }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { data?: { tickets: { edges: unknown[]; sourceErrors: unknown[] } } };
}

describe('tracing on', () => {
  it('exports request -> execute -> page -> upstream attempts, continuing the caller trace and propagating it to every vendor', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const running = await startGateway({ endpoint: receiver.url, serviceName: 'tg-under-test' }, {});
    const sourceKeys = running.config.sources.map((s) => s.key);
    expect(sourceKeys).toHaveLength(5);

    const callerTrace = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const result = await postTickets(running, { traceparent: `00-${callerTrace}-${callerSpan}-01` });
    expect(result.data?.tickets.edges).toHaveLength(7);
    expect(result.data?.tickets.sourceErrors).toEqual([]);
    const upstreamByEmulator = running.emulators.emulators.map((e) => ({ key: e.key, entries: [...e.emulator.requests.entries] }));
    await running.close(); // flushes

    const spans = receiver.spans();
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(span.traceId).toBe(callerTrace);
    expect(spans[0]?.resource['service.name']).toBe('tg-under-test');
    const byName = (name: string) => spans.filter((s) => s.name === name);

    const [request] = byName('graphql.request');
    expect(byName('graphql.request')).toHaveLength(1);
    expect(request?.parentSpanId).toBe(callerSpan);
    expect(request?.kind).toBe(2); // SERVER in OTLP's enum
    expect(request?.attributes).toMatchObject({
      'graphql.operation.name': 'Tickets',
      'graphql.operation.type': 'query',
      'http.request.method': 'POST',
      'http.response.status_code': 200,
      'graphql.error.count': 0,
    });
    expect(request?.attributes['graphql.document']).toBeUndefined();

    for (const phase of ['graphql.parse', 'graphql.validate', 'graphql.execute']) {
      expect(byName(phase).map((s) => s.parentSpanId)).toEqual([request?.spanId]);
    }
    const execute = byName('graphql.execute')[0];
    const pages = byName('ticketgraph.tickets.page');
    expect(pages).toHaveLength(1);
    const page = pages[0];
    expect(page?.parentSpanId).toBe(execute?.spanId);
    expect(page?.attributes).toMatchObject({ 'ticketgraph.sources': 5, 'ticketgraph.sources.failed': 0, 'ticketgraph.page.size': 7, 'ticketgraph.page.edges': 7 });

    const attempts = spans.filter((s) => s.attributes['ticketgraph.source'] !== undefined);
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(attempts.map((s) => s.attributes['ticketgraph.source']))).toEqual(new Set(sourceKeys));
    for (const attempt of attempts) {
      expect(attempt.parentSpanId).toBe(page?.spanId);
      expect(attempt.kind).toBe(3); // CLIENT
      const source = running.config.sources.find((s) => s.key === attempt.attributes['ticketgraph.source']);
      const base = new URL(source?.baseUrl ?? 'http://missing');
      expect(attempt.name).toBe(attempt.attributes['http.request.method']);
      expect(attempt.attributes).toMatchObject({
        'server.address': '127.0.0.1',
        'server.port': Number(base.port),
        'http.response.status_code': 200,
        'ticketgraph.outcome': 'ok',
        'ticketgraph.retry': 0,
      });
      expect(String(attempt.attributes['url.path'])).toMatch(/^\/[^?]*$/);
      expect(String(attempt.attributes['url.path']).startsWith(base.pathname.replace(/\/$/, ''))).toBe(true);
    }

    // Every vendor got a traceparent naming our trace and one of the attempt spans as parent.
    const attemptIds = new Set(attempts.map((s) => s.spanId));
    for (const { key, entries } of upstreamByEmulator) {
      expect(entries.length, key).toBeGreaterThan(0);
      for (const entry of entries) {
        const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(entry.traceparent ?? '');
        expect(match?.[1], key).toBe(callerTrace);
        expect(attemptIds.has(match?.[2] ?? ''), key).toBe(true);
      }
    }

    // Nothing secret, no query string, no variables, no document.
    const exported = receiver.bodies.join('\n');
    // (One emulator's app code is "ticketgraph", which is also our instrumentation scope's name.)
    const credentialValues = running.config.sources
      .flatMap((s) => Object.values(s.credentials))
      .filter((v): v is string => typeof v === 'string' && v.length >= 6 && v !== 'ticketgraph');
    expect(credentialValues.length).toBeGreaterThan(0);
    for (const value of credentialValues) expect(exported.includes(value), 'a credential value was exported').toBe(false);
    for (const span of spans) {
      for (const value of Object.values(span.attributes)) expect(String(value)).not.toMatch(/\?/);
    }
    expect(exported).not.toContain('tickets(first');
    expect(exported).not.toContain('$first');

    // Log lines written while the request was traced carry its trace id.
    const requestLines = running.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.traceId !== undefined);
    expect(requestLines.length).toBeGreaterThan(0);
    // The request line too, which is written just after the response went out.
    expect(requestLines.some((l) => l.msg === 'graphql request')).toBe(true);
    for (const line of requestLines) {
      expect(line.traceId).toBe(callerTrace);
      expect(line.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('names the request span of a subscription over SSE after its operation, with its subscribe span under it', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const running = await startGateway({ endpoint: receiver.url }, {});
    const stream = new AbortController();
    const response = await fetch(`${running.http.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription Watch { ticketEvents { ticket { number } } }', operationName: 'Watch' }),
      signal: stream.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    stream.abort();
    await running.close(); // flushes
    const spans = receiver.spans();
    const requests = spans.filter((s) => s.name === 'graphql.request');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.attributes).toMatchObject({ 'graphql.operation.type': 'subscription', 'graphql.operation.name': 'Watch', 'http.response.status_code': 200 });
    expect(spans.filter((s) => s.name === 'graphql.subscribe').map((s) => s.parentSpanId)).toEqual([requests[0]?.spanId]);
  });

  it('starts a new trace without a caller traceparent, puts the document on the span only with captureDocument, and works from OTEL_* variables alone', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const base = receiver.url.replace(/\/v1\/traces$/, '');
    const running = await startGateway({ captureDocument: true }, { OTEL_EXPORTER_OTLP_ENDPOINT: base, OTEL_SERVICE_NAME: 'from-env' });
    await postTickets(running);
    // Only the GraphQL endpoint is traced (with a query string too); operational routes are not.
    expect((await fetch(`${running.http.origin}/health`)).status).toBe(200);
    const withQuery = await fetch(`${running.http.origin}/graphql?from=bench`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(withQuery.status).toBe(200);
    await running.close();
    const spans = receiver.spans();
    const requests = spans.filter((s) => s.name === 'graphql.request');
    expect(requests).toHaveLength(2);
    const request = requests.find((s) => String(s.attributes['graphql.document']).includes('tickets(first: $first)'));
    expect(request?.parentSpanId).toBe('');
    expect(request?.resource['service.name']).toBe('from-env');
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(2);
    expect(spans.every((s) => s.parentSpanId !== '' || s.name === 'graphql.request')).toBe(true);
  });

  it('records each retry as its own attempt span with its outcome, and a failed source on the page span', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    // Every vendor answers its first request 503 (retried); one answers 500 throughout (not retried: it fails).
    const running = await startGateway({ endpoint: receiver.url }, {}, { testMode: true, faults: { status: 503, times: 1 } });
    const broken = running.emulators.emulators[0];
    if (!broken) throw new Error('no emulator');
    const put = await fetch(broken.listening.origin + FAULTS_PATH, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 500 }) });
    expect(put.status).toBe(200);
    const result = await postTickets(running);
    expect(result.data?.tickets.sourceErrors).toHaveLength(1);
    const errorCount = ((result as { errors?: unknown[] }).errors ?? []).length;
    const recorded = running.emulators.emulators.map((e) => ({ key: e.key, traceparents: e.emulator.requests.entries.map((r) => r.traceparent) }));
    await running.close();

    const spans = receiver.spans();
    const page = spans.find((s) => s.name === 'ticketgraph.tickets.page');
    expect(page?.attributes).toMatchObject({ 'ticketgraph.sources': 5, 'ticketgraph.sources.failed': 1 });
    expect(errorCount).toBeGreaterThan(0);
    expect(spans.find((s) => s.name === 'graphql.request')?.attributes['graphql.error.count']).toBe(errorCount);
    const attemptsOf = (key: string) => spans.filter((s) => s.attributes['ticketgraph.source'] === key && s.parentSpanId === page?.spanId);
    const failed = attemptsOf(broken.key);
    expect(failed.map((s) => [s.attributes['ticketgraph.retry'], s.attributes['http.response.status_code'], s.attributes['ticketgraph.outcome']])).toEqual([[0, 500, 'UPSTREAM_ERROR']]);
    expect(failed[0]?.attributes['error.type']).toBe('UPSTREAM_ERROR');
    for (const { key, traceparents } of recorded) {
      if (key === broken.key) continue;
      const attempts = attemptsOf(key).sort((a, b) => Number(a.attributes['ticketgraph.retry']) - Number(b.attributes['ticketgraph.retry']));
      expect(attempts.slice(0, 2).map((s) => [s.attributes['ticketgraph.retry'], s.attributes['http.response.status_code'], s.attributes['ticketgraph.outcome']]), key).toEqual([
        [0, 503, 'UPSTREAM_ERROR'],
        [1, 200, 'ok'],
      ]);
      // Each attempt told the vendor its own span.
      expect(traceparents[0]?.split('-')[2]).toBe(attempts[0]?.spanId);
      expect(traceparents[1]?.split('-')[2]).toBe(attempts[1]?.spanId);
    }
  });

  it('a collector that refuses connections, or accepts and never answers, neither fails nor holds a request, and close() stays bounded', async () => {
    // A port that refuses connections: bind, note it, close.
    const dead = await startReceiver();
    const deadUrl = dead.url;
    await dead.close();
    // A collector that reads the export and never answers.
    let held = 0;
    const hanging = createServer(() => void held++);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          hanging.closeAllConnections();
          hanging.close(() => resolve());
        }),
    );
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/v1/traces`;
    for (const endpoint of [deadUrl, hangingUrl]) {
      const running = await startGateway({ endpoint }, {});
      for (let i = 0; i < 3; i++) expect((await postTickets(running)).data?.tickets.edges).toHaveLength(7);
      const started = Date.now();
      await running.close();
      // The flush on close waits at most SHUTDOWN_TIMEOUT_MS (3 s) for a collector.
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect(held).toBeGreaterThan(0);
  });
});

describe('tracing off', () => {
  it('creates no tracer provider, exports nothing, sends no traceparent and logs no trace ids', async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const before = tracerProvidersCreated();
    // Disabled wins over an endpoint; the other gateway has none at all.
    const disabled = await startGateway({ endpoint: receiver.url }, { OTEL_SDK_DISABLED: 'true' });
    const unset = await startGateway(undefined, {});
    for (const running of [disabled, unset]) {
      const callerTrace = randomBytes(16).toString('hex');
      await postTickets(running, { traceparent: `00-${callerTrace}-${randomBytes(8).toString('hex')}-01` });
      for (const e of running.emulators.emulators) {
        expect(e.emulator.requests.entries.length).toBeGreaterThan(0);
        for (const entry of e.emulator.requests.entries) expect(entry.traceparent).toBeUndefined();
      }
      for (const line of running.logs) expect(line).not.toContain('traceId');
      await running.close();
    }
    expect(tracerProvidersCreated()).toBe(before);
    expect(receiver.bodies).toEqual([]);
  });
});
