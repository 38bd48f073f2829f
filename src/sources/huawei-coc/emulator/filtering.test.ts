import { describe, expect, it } from 'vitest';
import { ParameterError, compareRecords, compilePredicate, matchesObjectFilter, projectFields, type ObjectFilterV2 } from './filtering.js';

const record = { ticket_id: 'IM1', title: 'RDS CPU at 95%', level_id: 'level_20', create_time: 1_744_252_838_072, assignee: 'abc' };
const f = (operator: ObjectFilterV2['operator'], field: string, ...values: string[]): ObjectFilterV2 => ({ field, operator, values });

describe('matchesObjectFilter', () => {
  it.each<[string, ObjectFilterV2, boolean]>([
    ['in hit', f('in', 'level_id', 'level_10', 'level_20'), true],
    ['in miss', f('in', 'level_id', 'level_10'), false],
    ['= is exact', f('=', 'title', 'rds cpu at 95%'), false],
    ['!= on another value', f('!=', 'level_id', 'level_10'), true],
    ['!= on the value', f('!=', 'level_id', 'level_20'), false],
    ['!= on a missing field', f('!=', 'approver', 'x'), true],
    ['in on a missing field', f('in', 'approver', 'x'), false],
    ['like ignores case', f('like', 'title', 'cpu AT'), true],
    ['startwith', f('startwith', 'title', 'rds'), true],
    ['endwith', f('endwith', 'title', '95%'), true],
    ['> numeric on epoch ms', f('>', 'create_time', '1744252838071'), true],
    ['> strict', f('>', 'create_time', '1744252838072'), false],
    ['< numeric, not lexical', f('<', 'create_time', '999999999999999'), true],
  ])('%s', (_, filter, expected) => {
    expect(matchesObjectFilter(record, filter)).toBe(expected);
  });
});

describe('compilePredicate', () => {
  const p1 = { ...f('in', 'level_id', 'level_10'), name: 'p1' };
  const p2 = { ...f('in', 'level_id', 'level_20'), name: 'p2' };
  const mine = { ...f('=', 'assignee', 'abc'), name: 'mine' };

  it('ANDs every filter without a condition', () => {
    expect(compilePredicate([p2, mine], undefined)(record)).toBe(true);
    expect(compilePredicate([p1, mine], '')(record)).toBe(false);
  });

  it('follows the condition', () => {
    expect(compilePredicate([p1, p2, mine], '(p1 | p2) & mine')(record)).toBe(true);
    expect(compilePredicate([p1, p2, mine], 'p1 | p2 & mine')(record)).toBe(true);
    expect(compilePredicate([p1, p2, mine], '(p1 | mine) & p1')(record)).toBe(false);
  });

  it('rejects unknown names, duplicate names and syntax errors as parameter errors', () => {
    expect(() => compilePredicate([p1], 'p1 & p9')).toThrow(ParameterError);
    expect(() => compilePredicate([p1, { ...p2, name: 'p1' }], 'p1')).toThrow(ParameterError);
    expect(() => compilePredicate([p1], 'p1 &')).toThrow(ParameterError);
  });
});

describe('compareRecords and projectFields', () => {
  it('sorts numerically in either direction', () => {
    const rows = [{ ticket_id: 'a', t: 10 }, { ticket_id: 'b', t: 9 }, { ticket_id: 'c', t: 100 }];
    expect([...rows].sort(compareRecords('t', 'asc')).map((r) => r.t)).toEqual([9, 10, 100]);
    expect([...rows].sort(compareRecords('t', 'desc')).map((r) => r.t)).toEqual([100, 10, 9]);
  });

  it('keeps only the asked fields', () => {
    expect(projectFields(record, ['ticket_id', 'nope'])).toEqual({ ticket_id: 'IM1' });
    expect(projectFields(record, [])).toBe(record);
  });
});
