import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../embedded.js';
import { parseChurnInterval, startChurn } from './churn.js';

describe('parseChurnInterval', () => {
  it('reads seconds, milliseconds and minutes, and refuses the rest', () => {
    expect(parseChurnInterval('5s')).toBe(5_000);
    expect(parseChurnInterval('250ms')).toBe(250);
    expect(parseChurnInterval('2m')).toBe(120_000);
    expect(parseChurnInterval('1500')).toBe(1_500);
    expect(() => parseChurnInterval('soon')).toThrow(/use e.g. 5s/);
    expect(() => parseChurnInterval('10ms')).toThrow(/at least 100ms/);
  });
});

describe('churn mode', () => {
  let emulators: EmbeddedEmulators;
  beforeAll(async () => {
    emulators = await startEmbeddedEmulators({ emulator: { limits: { ticketsPerMinute: 1_000, commentsPerMinute: 1_000 } } });
  });
  afterAll(() => emulators.close());

  it('changes tickets through the vendors’ own write APIs over time', async () => {
    const writesAt = () =>
      emulators.emulators.reduce((sum, e) => sum + e.emulator.requests.entries.filter((r) => r.method !== 'GET' && !/list|get_|query|search/i.test(r.path)).length, 0);
    const before = writesAt();
    const churn = startChurn(emulators.config, { intervalMs: 100 });
    await new Promise((r) => setTimeout(r, 1_500));
    await churn.stop();
    expect(churn.changes).toBeGreaterThanOrEqual(3);
    expect(writesAt()).toBeGreaterThan(before);
  });
});
