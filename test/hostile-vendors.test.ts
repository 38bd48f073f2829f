/**
 * Issue #12, vendors that misbehave, through GraphQL over real HTTP: a small proxy on
 * 127.0.0.1 sits between the gateway and the real emulators and, when told to, answers as a
 * bad day would: an HTML 5xx page from a load balancer, an answer too large to hold, an error
 * message that echoes our request (credentials included) back.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../src/config.js';
import { listen, type Listening } from '../src/listen.js';
import { resilienceSettings } from '../src/settings.js';
import { startProductionStack, type ProductionStack } from './support/production-stack.js';

type Mode =
  | { kind: 'pass' }
  | { kind: 'html'; status: number; times: number }
  | { kind: 'huge'; bytes: number; declareLength: boolean }
  | { kind: 'echo'; status: number };

interface Proxy {
  listening: Listening;
  /** The emulator's origin, set once the stack's emulators are up. */
  target: string;
  mode: Mode;
  /** Requests answered by the fault (not forwarded). */
  faulted: number;
  forwarded: number;
}

async function startProxy(): Promise<Proxy> {
  const proxy: Proxy = { listening: undefined as unknown as Listening, target: '', mode: { kind: 'pass' }, faulted: 0, forwarded: 0 };
  proxy.listening = await listen((req, res) => void handle(proxy, req, res));
  return proxy;
}

async function handle(proxy: Proxy, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = proxy.target;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const mode = proxy.mode;
  if (mode.kind === 'html' && mode.times > 0) {
    mode.times--;
    proxy.faulted++;
    res.writeHead(mode.status, { 'content-type': 'text/html' });
    res.end(`<html><body><h1>${mode.status} Bad Gateway</h1><p>nginx</p></body></html>`);
    return;
  }
  if (mode.kind === 'huge') {
    proxy.faulted++;
    res.writeHead(200, { 'content-type': 'application/json', ...(mode.declareLength ? { 'content-length': String(mode.bytes) } : {}) });
    if (mode.declareLength) {
      // Promises a huge body and sends a trickle: the gateway must give up on the header alone.
      res.write('{"items":[');
      return;
    }
    res.write('{"items":[],"padding":"');
    const block = 'x'.repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < mode.bytes) {
        sent += block.length;
        if (!res.write(block)) return void res.once('drain', pump);
      }
      res.end('"}');
    };
    res.on('error', () => {});
    pump();
    return;
  }
  if (mode.kind === 'echo') {
    proxy.faulted++;
    // A vendor that "helpfully" quotes the request it refused, in every field an adapter might read.
    const echo = `refused ${req.method} ${req.url} headers=${JSON.stringify(req.headers)} body=${body.toString('utf8')}`;
    const short = `bad request from ${JSON.stringify(req.headers)}`.slice(0, 150);
    res.writeHead(mode.status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { message: echo, code: short },
        message: echo,
        msg: echo,
        code: short,
        error_msg: echo,
        error_code: short,
        errorMessage: echo,
        errorCode: short,
        detail: echo,
        result: false,
        success: false,
        data: null,
        fault: { code: short, message: echo },
      }),
    );
    return;
  }
  proxy.forwarded++;
  const url = new URL(req.url ?? '/', target);
  const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

/** Each source's baseUrl moved onto its own proxy (same path), the proxy pointed at the emulator. */
function behindProxies(config: GatewayConfig, proxies: Map<string, Proxy>): GatewayConfig {
  return {
    ...config,
    sources: config.sources.map((source) => {
      const proxy = proxies.get(source.key);
      if (!proxy) return source;
      const url = new URL(source.baseUrl);
      proxy.target = url.origin;
      url.host = new URL(proxy.listening.origin).host;
      return {
        ...source,
        timeoutMs: 3_000,
        baseUrl: url.toString().replace(/\/$/, ''),
        resilience: resilienceSettings.parse({
          retries: 2,
          retryBaseDelayMs: 5,
          retryMaxDelayMs: 10,
          breakerFailures: 3,
          breakerCooldownMs: 60_000,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        }),
      };
    }),
  };
}

const MAX_RESPONSE_BYTES = 256 * 1024;
const KEYS = ['cp', 'bk', 'akana', 'tm', 'coc'];
const TICKETS = '{ tickets(first: 5) { edges { node { source { key } number title } } sourceErrors { source code } } }';

interface TicketsData {
  tickets: { edges: { node: { source: { key: string } } }[]; sourceErrors: { source: string; code: string }[] };
}

let stack: ProductionStack;
const proxies = new Map<string, Proxy>();
const proxy = (key: string) => proxies.get(key)!;
beforeAll(async () => {
  for (const key of KEYS) proxies.set(key, await startProxy());
  stack = await startProductionStack({ configure: (config) => behindProxies(config, proxies) });
});
afterAll(async () => {
  await stack?.close();
  for (const p of proxies.values()) await p.listening.close();
});
afterEach(() => {
  for (const p of proxies.values()) {
    p.mode = { kind: 'pass' };
    p.faulted = 0;
    p.forwarded = 0;
  }
});

describe('HTML (non-JSON) 5xx answers', () => {
  it.each([502, 503, 504])('an HTML %i is retried like a JSON one, and the read succeeds', async (status) => {
    proxy('cp').mode = { kind: 'html', status, times: 1 };
    const response = await stack.post({ query: TICKETS });
    expect(response.json.errors).toBeUndefined();
    const data = response.json.data as unknown as TicketsData;
    expect(data.tickets.sourceErrors).toEqual([]);
    expect(proxy('cp').faulted).toBe(1);
    expect(proxy('cp').forwarded).toBeGreaterThanOrEqual(1);
  });

});

describe('oversized answers', () => {
  it('a body streaming past maxResponseBytes is cut off: UPSTREAM_BAD_RESPONSE, reason RESPONSE_TOO_LARGE', async () => {
    proxy('akana').mode = { kind: 'huge', bytes: 4 * MAX_RESPONSE_BYTES, declareLength: false };
    const response = await stack.post({ query: TICKETS });
    const data = response.json.data as unknown as TicketsData;
    expect(data.tickets.sourceErrors).toEqual([{ source: 'akana', code: 'UPSTREAM_BAD_RESPONSE' }]);
    expect(response.json.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE', source: 'akana', reason: 'RESPONSE_TOO_LARGE' }) }),
    ]);
    // The other sources still answered.
    expect(new Set(data.tickets.edges.map((e) => e.node.source.key)).size).toBeGreaterThanOrEqual(3);
  });

  it('a Content-Length over the cap is refused on the header, without waiting for the body', async () => {
    proxy('coc').mode = { kind: 'huge', bytes: 200 * 1024 * 1024, declareLength: true };
    const started = Date.now();
    const response = await stack.post({ query: TICKETS });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(response.json.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE', source: 'coc', reason: 'RESPONSE_TOO_LARGE' }) }),
    ]);
  });
});

describe('vendor error text', () => {
  /** The configured secrets, found by field name here (not with the gateway's own list). */
  const secrets = () =>
    stack.config.sources.flatMap((s) => Object.entries(s.credentials).filter(([field]) => /token|secret/i.test(field)).map(([, value]) => value));

  it.each([400, 500])('a vendor echoing our request in a %i error never puts a secret in a response or log', async (status) => {
    expect(secrets().length).toBeGreaterThanOrEqual(6);
    for (const p of proxies.values()) p.mode = { kind: 'echo', status };
    const before = stack.responses.length;
    await stack.post({ query: TICKETS });
    await stack.post({ query: '{ ticket(source: "cp", number: "1") { title } }' });
    await stack.post({ query: 'mutation { createTicket(input: { source: "tm", title: "t", description: "d" }) { userErrors { message } } }' });
    for (const p of proxies.values()) expect(p.faulted).toBeGreaterThanOrEqual(1);
    const texts = stack.responses.slice(before);
    expect(texts.length).toBe(3);
    for (const text of [...texts, stack.logs.text()]) {
      for (const secret of secrets()) expect(text).not.toContain(secret);
    }
    // Vendor text that long (an echo) is dropped, not passed through.
    for (const text of texts) {
      const body = JSON.parse(text) as { errors?: { message: string }[] };
      for (const error of body.errors ?? []) expect(error.message.length).toBeLessThan(300);
    }
  });
});

describe('HTML (non-JSON) 5xx answers and the breaker', () => {
  // A stack of its own: the breaker counts consecutive failures, and the tests above add some.
  let own: ProductionStack;
  const bk = new Map<string, Proxy>();
  beforeAll(async () => {
    bk.set('bk', await startProxy());
    own = await startProductionStack({ kinds: ['blueking-itsm', 'control-panel'], configure: (config) => behindProxies(config, bk) });
  });
  afterAll(async () => {
    await own?.close();
    await bk.get('bk')?.listening.close();
  });

  it('every HTML 5xx counts towards the circuit: three in a row open it, then bk is not called', async () => {
    const proxy = bk.get('bk')!;
    proxy.mode = { kind: 'html', status: 500, times: 1_000 };
    const first = await own.post({ query: TICKETS });
    expect((first.json.data as unknown as TicketsData).tickets.sourceErrors).toEqual([{ source: 'bk', code: 'UPSTREAM_ERROR' }]);
    // HTML 500 is not retried (only 502/503/504 are), so three queries make three failures.
    await own.post({ query: TICKETS });
    await own.post({ query: TICKETS });
    expect(proxy.faulted).toBe(3);
    const fast = await own.post({ query: TICKETS });
    expect((fast.json.data as unknown as TicketsData).tickets.sourceErrors).toEqual([{ source: 'bk', code: 'UPSTREAM_CIRCUIT_OPEN' }]);
    expect(proxy.faulted).toBe(3);
    // One vendor's open circuit does not make this replica unready.
    const ready = await own.fetch('/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready', sources: { bk: 'open', cp: 'closed' }, open: ['bk'] });
  });
});
