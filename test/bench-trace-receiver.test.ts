/**
 * The bench's OTLP/HTTP receiver (bench/trace-receiver.ts) answers at once and decodes when its
 * counts are read: spans and root spans of what decodes, a rejection for what does not, and a
 * refusal for a wrong path or type.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTraceReceiver, type TraceReceiver } from '../bench/trace-receiver.js';

let receiver: TraceReceiver;
beforeAll(async () => {
  receiver = await startTraceReceiver();
});
afterAll(async () => {
  await receiver.close();
});

const post = (url: string, body: string, type = 'application/json') => fetch(url, { method: 'POST', headers: { 'content-type': type }, body });

it('counts spans and roots of OTLP JSON, and rejects what is not, when the counts are read', async () => {
  const traces = { resourceSpans: [{ scopeSpans: [{ spans: [{ spanId: 'a1' }, { spanId: 'b2', parentSpanId: 'a1' }, { spanId: 'c3', parentSpanId: '' }] }] }] };
  expect((await post(receiver.url, JSON.stringify(traces))).status).toBe(200);
  expect((await post(receiver.url, 'not json')).status).toBe(200);
  expect((await post(receiver.url.replace('/v1/traces', '/v1/logs'), '{}')).status).toBe(404);
  expect((await post(receiver.url, '{}', 'text/plain')).status).toBe(415);
  expect(receiver.counts()).toEqual({ exports: 1, spans: 3, roots: 2, rejected: 3 });
  // Decoded once: reading again counts nothing twice.
  expect(receiver.counts()).toEqual({ exports: 1, spans: 3, roots: 2, rejected: 3 });
  receiver.clear();
  await post(receiver.url, JSON.stringify(traces));
  receiver.clear();
  expect(receiver.counts()).toEqual({ exports: 0, spans: 0, roots: 0, rejected: 0 });
});
