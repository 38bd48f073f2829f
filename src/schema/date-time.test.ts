import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, isoText } from './date-time.js';

describe('DateTime', () => {
  it('serializes to the ISO text JSON would have written, not to a Date', () => {
    const instant = new Date(Date.UTC(2026, 11, 3, 4, 5, 6, 7));
    expect(DateTimeScalar.serialize(instant)).toBe('2026-12-03T04:05:06.007Z');
    expect(typeof DateTimeScalar.serialize(instant)).toBe('string');
    expect(DateTimeScalar.serialize(instant)).toBe(JSON.parse(JSON.stringify(instant)));
    // An offset string and an epoch number come out in UTC, as before.
    expect(DateTimeScalar.serialize('2026-12-03T06:05:06+02:00')).toBe('2026-12-03T04:05:06.000Z');
    expect(DateTimeScalar.serialize(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses what is not a date instead of writing null', () => {
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(/invalid/i);
    expect(() => DateTimeScalar.serialize(8.64e15 + 1)).toThrow(/invalid/i);
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow(/DateTime/);
    expect(() => DateTimeScalar.serialize({})).toThrow(/DateTime/);
  });

  it('parses input as graphql-scalars does', () => {
    expect(DateTimeScalar.parseValue('2026-12-03T04:05:06Z')).toEqual(new Date('2026-12-03T04:05:06Z'));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-03T04:05:06Z' })).toEqual(new Date('2026-12-03T04:05:06Z'));
    expect(() => DateTimeScalar.parseValue('not a date')).toThrow();
    expect(DateTimeScalar.description).toMatch(/RFC 3339/);
  });
});

describe('isoText', () => {
  it('writes what Date#toISOString writes, across the four-digit years and at their edges', () => {
    // Deterministic spread over 0000..9999 (a linear congruential walk), plus the edges.
    const instants = [0, -1, 1, 951_782_400_000, 951_868_800_000, 4_107_542_400_000, -62_167_219_200_000, 253_402_300_799_999, Date.UTC(2024, 1, 29, 23, 59, 59, 999)];
    let seed = 12_345;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      instants.push(-62_167_219_200_000 + Math.floor((seed / 2_147_483_648) * 315_569_520_000_000));
    }
    for (const ms of instants) expect(isoText(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it('leaves years outside 0000..9999 to the builtin (signed six-digit years)', () => {
    expect(isoText(new Date(-62_167_219_200_001))).toBe('-000001-12-31T23:59:59.999Z');
    expect(isoText(new Date(253_402_300_800_000))).toBe('+010000-01-01T00:00:00.000Z');
  });
});
