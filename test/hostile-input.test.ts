/**
 * Issue #12: a caller's bad input is the caller's error, never a vendor failure. Values that
 * cannot go on the wire (CR/LF in a header value, control characters or spaces in a path, a
 * header undici refuses) fail as BAD_USER_INPUT/INVALID_INPUT before any attempt, never reach
 * the vendor, and never count towards the source's circuit: after many of them, a good
 * request still goes through. Against a real vendor server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../src/listen.js';
import { resilienceSettings } from '../src/settings.js';
import { createSourceHttp, type HttpRequest, type SourceHttp } from '../src/sources/http.js';
import { SourceInputError } from '../src/sources/errors.js';

const BREAKER_FAILURES = 3;

let vendor: Listening;
let received: string[];
let http: SourceHttp;
beforeAll(async () => {
  received = [];
  vendor = await listen((req, res) => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  });
  http = createSourceHttp({
    source: 'cp',
    baseUrl: `${vendor.origin}/api`,
    timeoutMs: 2_000,
    resilience: resilienceSettings.parse({ breakerFailures: BREAKER_FAILURES, retries: 2, retryBaseDelayMs: 1, retryMaxDelayMs: 2 }),
  });
});
afterAll(async () => {
  await http.close();
  await vendor.close();
});

const HOSTILE: [string, HttpRequest][] = [
  ['CR/LF in a header value', { method: 'GET', path: '/tickets/1', headers: { 'x-user': 'alice\r\nx-admin: true' } }],
  ['NUL in a header value', { method: 'GET', path: '/tickets/1', headers: { 'x-user': 'a\u0000b' } }],
  ['CR/LF in the path', { method: 'GET', path: '/tickets/1\r\nHost: evil' }],
  ['a space in the path', { method: 'GET', path: '/tickets/1 HTTP/1.1' }],
  ['a non-ASCII character in the path', { method: 'GET', path: '/tickets/\u00e9' }],
  // Passes our own check; undici refuses it with InvalidArgumentError.
  ['a header undici refuses', { method: 'GET', path: '/tickets/1', headers: { 'transfer-encoding': 'chunked' } }],
  ['a write with CR/LF in a header', { method: 'POST', path: '/tickets', headers: { 'x-user': '\r\n' }, json: { title: 't' } }],
];

describe('caller input that cannot go on the wire', () => {
  it.each(HOSTILE)('%s is INVALID_INPUT, and nothing reaches the vendor', async (_name, request) => {
    const error = await http.request(request).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SourceInputError);
    expect((error as SourceInputError).code).toBe('INVALID_INPUT');
    expect((error as SourceInputError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', source: 'cp' });
    expect(received).toEqual([]);
  });

  it(`never opens the circuit: ${BREAKER_FAILURES * 4} of them, then a good request succeeds`, async () => {
    for (let i = 0; i < BREAKER_FAILURES * 4; i++) {
      const [, request] = HOSTILE[i % HOSTILE.length]!;
      await expect(http.request(request)).rejects.toBeInstanceOf(SourceInputError);
    }
    expect(http.circuitState()).toBe('closed');
    const good = await http.request({ method: 'GET', path: '/tickets/1' });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ ok: true });
    expect(received).toEqual(['GET /api/tickets/1']);
  });
});
