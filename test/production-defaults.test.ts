/**
 * Issue #12, production defaults over real HTTP: CORS only for listed origins (credentials
 * only when configured), `trustProxy` as a hop count, and skipped vendor records logged and
 * counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSkippedRecord } from '../src/sources/skipped-records.js';
import { startProductionStack, type ProductionStack } from './support/production-stack.js';

const LISTED = 'https://tickets.example.com';
const OTHER = 'https://evil.example.net';

let closedCors: ProductionStack;
let openCors: ProductionStack;
let proxied: ProductionStack;
beforeAll(async () => {
  [closedCors, openCors, proxied] = await Promise.all([
    startProductionStack({ kinds: ['control-panel'] }),
    startProductionStack({ kinds: ['control-panel'], settings: { cors: { origins: [LISTED], credentials: true } } }),
    startProductionStack({ kinds: ['control-panel'], settings: { trustProxy: 2, rateLimit: { max: 1, windowMs: 60_000 } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([closedCors?.close(), openCors?.close(), proxied?.close()]);
});

const preflight = (stack: ProductionStack, origin: string) =>
  stack.fetch('/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });

describe('CORS', () => {
  it('a listed origin gets its own origin back, with credentials when configured', async () => {
    const response = await preflight(openCors, LISTED);
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')?.toLowerCase()).toContain('origin');
  });

  it('an unlisted origin gets no CORS headers at all (the browser refuses)', async () => {
    const response = await preflight(openCors, OTHER);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await openCors.fetch('/graphql', {
      method: 'POST',
      headers: { origin: OTHER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { key } }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('by default no origin gets CORS headers, and never credentials', async () => {
    for (const origin of [LISTED, OTHER, 'null']) {
      const response = await preflight(closedCors, origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});

describe('trustProxy as a hop count', () => {
  it('takes the address the outermost trusted proxy saw, whatever the client wrote before it', async () => {
    // The client wrote two fake hops; proxy 2 (outer) appended 198.51.100.7, proxy 1 appended proxy 2's address.
    const as = (fakes: string) => proxied.post({ query: '{ sources { key } }' }, { 'x-forwarded-for': `${fakes}, 198.51.100.7, 10.0.0.5` });
    expect((await as('1.1.1.1, 2.2.2.2')).status).toBe(200);
    // Other fake hops, same client: still limited (max 1).
    expect((await as('3.3.3.3, 4.4.4.4')).status).toBe(429);
    const lines = proxied.logs.lines().filter((l) => l.msg === 'graphql request');
    expect(lines.map((l) => l.client)).toEqual(['198.51.100.7', '198.51.100.7']);
  });
});

describe('skipped vendor records', () => {
  it('are one warning log line and a counter by source and record', async () => {
    reportSkippedRecord({ source: 'cp', record: 'ticket', reason: 'status: unknown value' });
    reportSkippedRecord({ source: 'cp', record: 'ticket', reason: 'createdAt: not a date' });
    reportSkippedRecord({ source: 'cp', record: 'comment', reason: 'author: missing' });
    // Another gateway's source in the same process is not counted here.
    reportSkippedRecord({ source: 'elsewhere', record: 'ticket', reason: 'x' });
    const metrics = (await closedCors.fetch('/metrics')).text;
    expect(metrics).toMatch(/^ticketgraph_upstream_skipped_records_total\{source="cp",record="ticket"\} 2$/m);
    expect(metrics).toMatch(/^ticketgraph_upstream_skipped_records_total\{source="cp",record="comment"\} 1$/m);
    expect(metrics).not.toContain('source="elsewhere"');
    const warnings = closedCors.logs.lines().filter((l) => l.msg === 'skipped a vendor record');
    expect(warnings).toEqual([
      expect.objectContaining({ level: 'warn', source: 'cp', record: 'ticket', reason: 'status: unknown value' }),
      expect.objectContaining({ level: 'warn', source: 'cp', record: 'ticket', reason: 'createdAt: not a date' }),
      expect.objectContaining({ level: 'warn', source: 'cp', record: 'comment', reason: 'author: missing' }),
    ]);
  });
});
