import { describe, expect, it } from 'vitest';
import { backoffMs, CircuitBreaker, ConcurrencyGate, RetryBudget } from './resilience.js';

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, half-opens after the cool-down, admits one probe', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1_000, () => now);
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 1_000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    now = 2_000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
  });
});

describe('RetryBudget', () => {
  it('allows retries up to its cap, then only as requests earn them', () => {
    const budget = new RetryBudget(0.5, 2);
    expect(budget.trySpend()).toBe(true);
    expect(budget.trySpend()).toBe(true);
    expect(budget.trySpend()).toBe(false);
    budget.onRequest();
    expect(budget.trySpend()).toBe(false);
    budget.onRequest();
    expect(budget.trySpend()).toBe(true);
  });
});

describe('ConcurrencyGate', () => {
  it('never lets more than the limit run and refuses past the queue bound', async () => {
    const gate = new ConcurrencyGate(2, 1);
    const a = await gate.acquire();
    const b = await gate.acquire();
    const queued = gate.acquire();
    expect(await gate.acquire()).toBeNull();
    a!();
    const c = await queued;
    expect(c).not.toBeNull();
    // The slot was handed over: a new caller still has to wait.
    const d = gate.acquire();
    let dDone = false;
    void d.then(() => (dDone = true));
    await Promise.resolve();
    expect(dDone).toBe(false);
    b!();
    expect(await d).not.toBeNull();
  });
});

describe('backoffMs', () => {
  const settings = { retryBaseDelayMs: 100, retryMaxDelayMs: 1_000, maxRetryAfterMs: 3_000 };
  it('grows exponentially with full jitter, capped', () => {
    expect(backoffMs(0, settings, undefined, () => 0.999)).toBe(99);
    expect(backoffMs(3, settings, undefined, () => 0.999)).toBe(799);
    expect(backoffMs(10, settings, undefined, () => 0.999)).toBe(999);
    expect(backoffMs(2, settings, undefined, () => 0)).toBe(0);
  });
  it("honours the vendor's Retry-After up to the cap", () => {
    expect(backoffMs(0, settings, 2)).toBe(2_000);
    expect(backoffMs(0, settings, 60)).toBe(3_000);
  });
});
