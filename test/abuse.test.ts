/**
 * Abuse protection over real HTTP: CSRF prevention, the request body limit, the per-client rate
 * limit, and masked unexpected errors (request id in the response, details only in the log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionStack, type ProductionStack } from './support/production-stack.js';

const QUERY = '{ source(key: "cp") { tickets(first: 2) { edges { node { number } } } } }';
const cpRequests = (s: ProductionStack) => s.emulators.byKey('cp').emulator.requests;

describe('CSRF prevention', () => {
  let stack: ProductionStack;
  beforeAll(async () => {
    stack = await startProductionStack({ kinds: ['control-panel'] });
  });
  afterAll(() => stack?.close());

  it('refuses "simple" requests a browser could send cross-site unless they carry the header', async () => {
    cpRequests(stack).clear();
    const form = await stack.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: QUERY }).toString(),
    });
    expect(form.status).toBe(403);
    expect(JSON.parse(form.text).errors[0]).toMatchObject({ message: expect.stringMatching(/CSRF.*x-graphql-yoga-csrf/), extensions: { code: 'CSRF_HEADER_REQUIRED' } });
    const text = await stack.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: QUERY }) });
    expect(text.status).toBe(403);
    const get = await stack.fetch(`/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(403);
    expect(cpRequests(stack).entries).toEqual([]);

    for (const header of ['x-graphql-yoga-csrf', 'apollo-require-preflight']) {
      const allowed = await stack.fetch(`/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', [header]: '1' } });
      expect(allowed.status).toBe(200);
      expect(JSON.parse(allowed.text)).toHaveProperty('data.source.tickets.edges');
    }
    // JSON POST (what GraphiQL and every GraphQL client send) needs nothing extra: a browser preflights it.
    const json = await stack.post({ query: QUERY });
    expect(json.status).toBe(200);
    expect(json.json.errors).toBeUndefined();
  });
});

describe('request body limit', () => {
  let stack: ProductionStack;
  beforeAll(async () => {
    stack = await startProductionStack({ kinds: ['control-panel'], settings: { bodyLimitBytes: 2_048 } });
  });
  afterAll(() => stack?.close());

  it('answers 413 above bodyLimitBytes, before parsing or any upstream call', async () => {
    cpRequests(stack).clear();
    const padded = `${QUERY}\n#${'x'.repeat(2_100)}`;
    const refused = await stack.post({ query: padded });
    expect(refused.status).toBe(413);
    expect(refused.json.errors?.[0]?.extensions?.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(cpRequests(stack).entries).toEqual([]);

    const fits = await stack.post({ query: `${QUERY}\n#${'x'.repeat(1_500)}` });
    expect(fits.status).toBe(200);
    expect(fits.json.errors).toBeUndefined();
  });
});

describe('rate limit', () => {
  let direct: ProductionStack;
  let proxied: ProductionStack;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      startProductionStack({ kinds: ['control-panel'], settings: { rateLimit: { max: 3, windowMs: 60_000 } } }),
      startProductionStack({ kinds: ['control-panel'], settings: { rateLimit: { max: 2, windowMs: 60_000 }, trustProxy: 1 } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([direct?.close(), proxied?.close()]);
  });

  it('answers 429 with Retry-After past max per window, per client address', async () => {
    // X-Forwarded-For is ignored without trustProxy: every request is the same socket address.
    for (let i = 0; i < 3; i++) expect((await direct.post({ query: '{ sources { key } }' }, { 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(200);
    cpRequests(direct).clear();
    const limited = await direct.post({ query: QUERY }, { 'x-forwarded-for': '10.0.0.9' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
    expect(cpRequests(direct).entries).toEqual([]);

    // Probes and scrapes are never limited.
    expect((await direct.fetch('/health')).status).toBe(200);
    expect((await direct.fetch('/ready')).status).toBe(200);
    expect((await direct.fetch('/metrics')).status).toBe(200);
  });

  it('with trustProxy: 1, counts each client the proxy saw separately (X-Forwarded-For\'s last entry)', async () => {
    // What the client wrote itself (the first entry) changes nothing: the proxy appended the real address.
    let spoof = 0;
    const as = (client: string) => proxied.post({ query: '{ sources { key } }' }, { 'x-forwarded-for': `10.9.9.${spoof++}, ${client}` });
    expect((await as('192.0.2.1')).status).toBe(200);
    expect((await as('192.0.2.1')).status).toBe(200);
    expect((await as('192.0.2.1')).status).toBe(429);
    expect((await as('192.0.2.2')).status).toBe(200);
    const line = proxied.logs.lines().find((l) => l.msg === 'graphql request' && l.status === 429);
    expect(line).toMatchObject({ client: '192.0.2.1' });
  });
});

describe('masked errors', () => {
  let stack: ProductionStack;
  let token: string;
  beforeAll(async () => {
    stack = await startProductionStack({
      kinds: ['control-panel'],
      // A bug in our own code (here the observer) carrying a secret in its message.
      gateway: {
        observer: () => {
          throw new TypeError(`observer bug with ${token}`);
        },
      },
    });
    token = stack.emulators.byKey('cp').emulator.credentials.token as string;
  });
  afterAll(() => stack?.close());

  it('answers "Unexpected error" with the request id; the details are only in the log, without the secret', async () => {
    const response = await stack.post({ query: `{ ticket(source: "cp", number: "1") { title } }` }, { 'x-request-id': 'req-masked-1' });
    expect(response.headers.get('x-request-id')).toBe('req-masked-1');
    const error = response.json.errors?.[0];
    expect(error?.message).toBe('Unexpected error');
    expect(error?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masked-1' });
    expect(JSON.stringify(response.json)).not.toMatch(/observer bug|TypeError|stack/);

    const logged = stack.logs.lines().filter((l) => l.requestId === 'req-masked-1');
    const detail = logged.find((l) => l.level === 'error' && l.msg !== 'graphql request');
    expect(JSON.stringify(detail)).toMatch(/observer bug with \[REDACTED\]/);
    expect(logged.some((l) => l.msg === 'graphql request')).toBe(true);
    expect(stack.logs.text()).not.toContain(token);
    expect(stack.responses.join('\n')).not.toContain(token);
  });

  it('logs the cause of a source that "failed unexpectedly" in a merged connection, under the request id', async () => {
    const response = await stack.post({ query: `{ tickets(first: 3) { edges { node { number } } sourceErrors { source code message } } }` }, { 'x-request-id': 'req-masked-2' });
    const data = response.json.data as { tickets: { sourceErrors: { source: string; code: string; message: string }[] } };
    expect(data.tickets.sourceErrors).toEqual([{ source: 'cp', code: 'UPSTREAM_ERROR', message: '[cp] the source failed unexpectedly' }]);
    const detail = stack.logs.lines().find((l) => l.requestId === 'req-masked-2' && l.msg !== 'graphql request');
    expect(detail).toMatchObject({ level: 'error', source: 'cp' });
    expect(JSON.stringify(detail)).toMatch(/observer bug with \[REDACTED\]/);
    expect(stack.logs.text()).not.toContain(token);
  });

  it('makes up a request id when the client sends none or an unusable one', async () => {
    const response = await stack.post({ query: `{ ticket(source: "cp", number: "1") { title } }` }, { 'x-request-id': 'bad id\twith spaces' });
    const id = response.json.errors?.[0]?.extensions?.requestId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-request-id')).toBe(id);
  });
});
