import { describe, expect, it } from 'vitest';
import { parseWithDates, stringifyWithDates } from './json-with-dates.js';

describe('JSON with dates', () => {
  it('brings back every Date as a Date, wherever it sits, and leaves strings alone', () => {
    const value = { at: new Date('2026-01-02T03:04:05.678Z'), ticket: { closedAt: null, vote: { createdAt: new Date(0) }, title: '2026-01-02T03:04:05.678Z' }, list: [new Date(1)] };
    const back = parseWithDates<typeof value>(stringifyWithDates(value));
    expect(back).toEqual(value);
    expect(back.ticket.vote.createdAt).toBeInstanceOf(Date);
    expect(typeof back.ticket.title).toBe('string');
  });
});
