import { describe, expect, it } from 'vitest';
import {
  formatWallClock,
  isValidTimeZone,
  lowerBoundWallClock,
  parseWallClock,
  upperBoundWallClock,
  wallClockInstants,
} from './timezone.js';

const utc = (iso: string) => new Date(iso);

describe('wall clocks in a fixed-offset zone (Asia/Shanghai, UTC+8)', () => {
  it('formats an instant as the server writes it, dropping milliseconds', () => {
    expect(formatWallClock(utc('2019-09-16T02:00:17.999Z'), 'Asia/Shanghai')).toBe('2019-09-16 10:00:17');
    expect(formatWallClock(utc('2024-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2025-01-01 00:00:00');
  });

  it('parses the server wall clock back to the instant', () => {
    expect(parseWallClock('2019-09-16 10:00:17', 'Asia/Shanghai')?.toISOString()).toBe('2019-09-16T02:00:17.000Z');
    expect(parseWallClock('2025-01-01 00:00:00', 'Asia/Shanghai')?.toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it('rejects what is not a wall clock', () => {
    expect(parseWallClock('2019-02-30 10:00:00', 'Asia/Shanghai')).toBeNull();
    expect(parseWallClock('yesterday', 'Asia/Shanghai')).toBeNull();
    expect(parseWallClock('2019-09-16 24:00:00', 'Asia/Shanghai')).toBeNull();
  });

  it('widens filter bounds to whole seconds so no ticket in range is lost', () => {
    const at = utc('2025-03-01T04:05:06.250Z');
    expect(lowerBoundWallClock(at, 'Asia/Shanghai')).toBe('2025-03-01 12:05:06');
    expect(upperBoundWallClock(at, 'Asia/Shanghai')).toBe('2025-03-01 12:05:07');
    const whole = utc('2025-03-01T04:05:06.000Z');
    expect(lowerBoundWallClock(whole, 'Asia/Shanghai')).toBe('2025-03-01 12:05:06');
    expect(upperBoundWallClock(whole, 'Asia/Shanghai')).toBe('2025-03-01 12:05:06');
  });

  it('knows valid zones from invalid ones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('wall clocks across daylight saving time (Europe/Berlin)', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(formatWallClock(utc('2024-01-15T12:00:00Z'), 'Europe/Berlin')).toBe('2024-01-15 13:00:00');
    expect(formatWallClock(utc('2024-07-15T12:00:00Z'), 'Europe/Berlin')).toBe('2024-07-15 14:00:00');
    expect(parseWallClock('2024-01-15 13:00:00', 'Europe/Berlin')?.toISOString()).toBe('2024-01-15T12:00:00.000Z');
    expect(parseWallClock('2024-07-15 14:00:00', 'Europe/Berlin')?.toISOString()).toBe('2024-07-15T12:00:00.000Z');
  });

  it('spring forward (2024-03-31 02:00 -> 03:00): the skipped hour names no instant', () => {
    expect(wallClockInstants('2024-03-31 02:30:00', 'Europe/Berlin')).toEqual([]);
    // Read like zoneinfo fold=0: with the winter offset, landing after the gap.
    expect(parseWallClock('2024-03-31 02:30:00', 'Europe/Berlin')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(formatWallClock(utc('2024-03-31T00:59:59Z'), 'Europe/Berlin')).toBe('2024-03-31 01:59:59');
    expect(formatWallClock(utc('2024-03-31T01:00:00Z'), 'Europe/Berlin')).toBe('2024-03-31 03:00:00');
  });

  it('fall back (2024-10-27 03:00 -> 02:00): the repeated hour names two instants, parsed as the first', () => {
    expect(wallClockInstants('2024-10-27 02:30:00', 'Europe/Berlin')).toEqual([
      Date.parse('2024-10-27T00:30:00Z'),
      Date.parse('2024-10-27T01:30:00Z'),
    ]);
    expect(parseWallClock('2024-10-27 02:30:00', 'Europe/Berlin')?.toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('moves an ambiguous lower bound earlier so neither reading of it drops a ticket', () => {
    // 00:30Z is the first 02:30; a server reading "02:30" as the second (01:30Z) would drop
    // tickets from the first hour, so the bound steps back one hour to an unambiguous 01:30.
    const first = utc('2024-10-27T00:30:00Z');
    const bound = lowerBoundWallClock(first, 'Europe/Berlin');
    expect(bound).toBe('2024-10-27 01:30:00');
    for (const reading of wallClockInstants(bound, 'Europe/Berlin') ?? []) expect(reading).toBeLessThanOrEqual(first.getTime());
    // The second 02:30 is already the later reading: both readings are at or before it.
    expect(lowerBoundWallClock(utc('2024-10-27T01:30:00Z'), 'Europe/Berlin')).toBe('2024-10-27 02:30:00');
  });

  it('moves an ambiguous upper bound later so neither reading of it drops a ticket', () => {
    const second = utc('2024-10-27T01:30:00Z');
    const bound = upperBoundWallClock(second, 'Europe/Berlin');
    expect(bound).toBe('2024-10-27 03:30:00');
    for (const reading of wallClockInstants(bound, 'Europe/Berlin') ?? []) expect(reading).toBeGreaterThanOrEqual(second.getTime());
    expect(upperBoundWallClock(utc('2024-10-27T00:30:00Z'), 'Europe/Berlin')).toBe('2024-10-27 02:30:00');
  });

  it('round-trips every quarter hour across both 2024 transitions', () => {
    for (const start of ['2024-03-30T20:00:00Z', '2024-10-26T20:00:00Z']) {
      for (let i = 0; i < 48; i++) {
        const at = Date.parse(start) + i * 15 * 60_000;
        const wall = formatWallClock(at, 'Europe/Berlin');
        expect(wallClockInstants(wall, 'Europe/Berlin')).toContain(at);
      }
    }
  });
});
