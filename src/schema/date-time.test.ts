import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './date-time.js';

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
