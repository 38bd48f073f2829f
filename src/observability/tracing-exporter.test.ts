import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { CircuitBreakerExporter } from './tracing-exporter.js';

/** An exporter whose answers the test decides, counting the calls that reached it. */
function scripted(results: ExportResultCode[]): SpanExporter & { calls: number } {
  const exporter = {
    calls: 0,
    export(_spans: ReadableSpan[], callback: (result: ExportResult) => void) {
      const code = results[exporter.calls] ?? ExportResultCode.SUCCESS;
      exporter.calls++;
      callback({ code });
    },
    shutdown: () => Promise.resolve(),
  };
  return exporter;
}

const exportOnce = (exporter: SpanExporter) =>
  new Promise<ExportResultCode>((resolve) => exporter.export([], (result) => resolve(result.code)));

describe('CircuitBreakerExporter', () => {
  it('stops calling a collector after repeated failures, tries again after the cooldown', async () => {
    const { FAILED, SUCCESS } = ExportResultCode;
    const inner = scripted([FAILED, FAILED, FAILED, SUCCESS, SUCCESS]);
    let now = 1_000;
    const breaker = new CircuitBreakerExporter(inner, { failures: 3, cooldownMs: 30_000, now: () => now });
    for (let i = 0; i < 3; i++) expect(await exportOnce(breaker)).toBe(FAILED);
    expect(inner.calls).toBe(3);
    expect(breaker.isOpen).toBe(true);
    // Open: batches are dropped without a call.
    for (let i = 0; i < 10; i++) expect(await exportOnce(breaker)).toBe(FAILED);
    expect(inner.calls).toBe(3);
    now += 29_999;
    expect(await exportOnce(breaker)).toBe(FAILED);
    expect(inner.calls).toBe(3);
    now += 1;
    expect(await exportOnce(breaker)).toBe(SUCCESS);
    expect(inner.calls).toBe(4);
    expect(breaker.isOpen).toBe(false);
  });

  it('a success in between resets the count', async () => {
    const { FAILED, SUCCESS } = ExportResultCode;
    const inner = scripted([FAILED, FAILED, SUCCESS, FAILED, FAILED, SUCCESS]);
    const breaker = new CircuitBreakerExporter(inner, { failures: 3, now: () => 0 });
    for (let i = 0; i < 6; i++) await exportOnce(breaker);
    expect(inner.calls).toBe(6);
    expect(breaker.isOpen).toBe(false);
  });
});
