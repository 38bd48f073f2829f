/**
 * A span exporter that stops calling a collector that keeps failing (after Hive Gateway's
 * circuit-breaker exporter, packages/plugins/opentelemetry/src/circuit-breaker-exporter.ts):
 * after `failures` failed exports in a row, batches are dropped at once for `cooldownMs`, then
 * one export is tried again. A collector that is down then costs the gateway one timed-out
 * request per cooldown instead of one per batch, and the batch processor's bounded queue
 * (OTEL_BSP_MAX_QUEUE_SIZE) drops spans rather than growing.
 */
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface CircuitBreakerOptions {
  /** Failed exports in a row that open the circuit. @default 3 */
  failures?: number;
  /** How long batches are dropped once open. @default 30_000 */
  cooldownMs?: number;
  /** @default Date.now */
  now?: () => number;
}

export class CircuitBreakerExporter implements SpanExporter {
  private failed = 0;
  private openUntil = 0;
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: SpanExporter,
    options: CircuitBreakerOptions = {},
  ) {
    this.threshold = options.failures ?? 3;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  get isOpen(): boolean {
    return this.now() < this.openUntil;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.isOpen) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error('trace export paused: the collector failed repeatedly') });
      return;
    }
    this.inner.export(spans, (result) => {
      if (result.code === ExportResultCode.SUCCESS) {
        this.failed = 0;
      } else if (++this.failed >= this.threshold) {
        this.failed = 0;
        this.openUntil = this.now() + this.cooldownMs;
      }
      resultCallback(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
