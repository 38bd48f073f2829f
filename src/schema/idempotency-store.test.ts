import { describe, expect, it } from 'vitest';
import { createMemoryIdempotencyStore } from './idempotency-store.js';

describe('memory idempotency store', () => {
  it('setIfAbsent stores once until the TTL passes', async () => {
    let now = 1_000;
    const store = createMemoryIdempotencyStore<string>({ now: () => now });
    expect(await store.setIfAbsent('k', { state: 'pending', fingerprint: 'a' }, 100)).toBe(true);
    expect(await store.setIfAbsent('k', { state: 'pending', fingerprint: 'b' }, 100)).toBe(false);
    expect(await store.get('k')).toEqual({ state: 'pending', fingerprint: 'a' });
    now += 100;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.setIfAbsent('k', { state: 'pending', fingerprint: 'b' }, 100)).toBe(true);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const store = createMemoryIdempotencyStore<string>({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await store.set(key, { state: 'done', fingerprint: key, outcome: key }, 60_000);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toEqual({ state: 'done', fingerprint: 'c', outcome: 'c' });
  });
});
