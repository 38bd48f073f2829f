/**
 * Per-source protection: a circuit breaker, a retry budget and a bounded concurrency gate.
 * Plain state machines with an injectable clock, so they are unit-testable without timers.
 */
import type { ResilienceSettings } from '../settings.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Opens after `failures` consecutive failures; after `cooldownMs` lets one probe through
 * (half-open): its success closes the circuit, its failure opens it for another cool-down.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private probeInFlight = false;

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a request may go out now; a half-open circuit admits one probe at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  /** Milliseconds until a probe is allowed. */
  retryInMs(): number {
    return this.openedAt === null ? 0 : Math.max(0, this.cooldownMs - (this.now() - this.openedAt));
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.probeInFlight = false;
  }

  recordFailure(): void {
    this.consecutiveFailures++;
    if (this.probeInFlight || this.consecutiveFailures >= this.failures) this.openedAt = this.now();
    this.probeInFlight = false;
  }

  /** A request that ended without telling us about the vendor's health (e.g. cancelled). */
  recordNeutral(): void {
    this.probeInFlight = false;
  }
}

/** Each request earns `ratio` of a retry, up to a cap; a retry spends one. */
export class RetryBudget {
  private tokens: number;

  constructor(
    private readonly ratio: number,
    private readonly cap = 10,
  ) {
    this.tokens = cap;
  }

  onRequest(): void {
    this.tokens = Math.min(this.cap, this.tokens + this.ratio);
  }

  trySpend(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** At most `limit` requests in flight; at most `maxQueue` waiting; beyond that, refuse at once. */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueue: number,
  ) {}

  /** Resolves with a release function, or null when the queue is full. */
  async acquire(signal?: AbortSignal): Promise<(() => void) | null> {
    if (this.active < this.limit) {
      this.active++;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxQueue) return null;
    // A queued request is handed its slot by the releaser, so `active` never overshoots.
    await new Promise<void>((resolve, reject) => {
      const entry = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

/** Full-jitter exponential backoff (AWS architecture blog), or the vendor's Retry-After, capped. */
export function backoffMs(attempt: number, settings: Pick<ResilienceSettings, 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'maxRetryAfterMs'>, retryAfterSeconds?: number, random = Math.random): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, settings.maxRetryAfterMs);
  const ceiling = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
