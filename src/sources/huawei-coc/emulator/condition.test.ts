import { describe, expect, it } from 'vitest';
import {
  ConditionSyntaxError,
  MAX_CONDITION_DEPTH,
  conditionNames,
  evaluateCondition,
  formatCondition,
  parseCondition,
  tokenizeCondition,
} from './condition.js';

const name = (n: string) => ({ kind: 'name', name: n }) as const;
const truthTable = (expression: string, trueNames: string[]) =>
  evaluateCondition(parseCondition(expression), (n) => trueNames.includes(n));

function syntaxError(expression: string): ConditionSyntaxError {
  try {
    parseCondition(expression);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${expression}" parsed`);
}

describe('parseCondition', () => {
  it('parses a single name', () => {
    expect(parseCondition('assignee_default')).toEqual(name('assignee_default'));
  });

  it('parses the seed example into (a & b) | (c & d)', () => {
    const tree = parseCondition('(work_flow_status_default & assignee_default) | (approver_default & work_flow_status_approve)');
    expect(tree).toEqual({
      kind: 'or',
      operands: [
        { kind: 'and', operands: [name('work_flow_status_default'), name('assignee_default')] },
        { kind: 'and', operands: [name('approver_default'), name('work_flow_status_approve')] },
      ],
    });
  });

  it('gives & precedence over |, on either side', () => {
    expect(formatCondition(parseCondition('a | b & c'))).toBe('a | b & c');
    expect(parseCondition('a | b & c')).toEqual({ kind: 'or', operands: [name('a'), { kind: 'and', operands: [name('b'), name('c')] }] });
    expect(parseCondition('a & b | c')).toEqual({ kind: 'or', operands: [{ kind: 'and', operands: [name('a'), name('b')] }, name('c')] });
  });

  it('lets parentheses override precedence', () => {
    expect(parseCondition('(a | b) & c')).toEqual({ kind: 'and', operands: [{ kind: 'or', operands: [name('a'), name('b')] }, name('c')] });
    expect(formatCondition(parseCondition('(a | b) & c'))).toBe('(a | b) & c');
  });

  it('flattens chains of the same operator', () => {
    expect(parseCondition('a & b & c & d')).toEqual({ kind: 'and', operands: ['a', 'b', 'c', 'd'].map(name) });
    expect(parseCondition('a|b|c')).toEqual({ kind: 'or', operands: ['a', 'b', 'c'].map(name) });
  });

  it('handles deep nesting and redundant parentheses', () => {
    expect(parseCondition('((((a))))')).toEqual(name('a'));
    expect(parseCondition('(a & (b | (c & (d | e))))')).toEqual({
      kind: 'and',
      operands: [
        name('a'),
        { kind: 'or', operands: [name('b'), { kind: 'and', operands: [name('c'), { kind: 'or', operands: [name('d'), name('e')] }] }] },
      ],
    });
  });

  it('ignores whitespace, including none at all', () => {
    expect(parseCondition('  (a&b)|c  ')).toEqual(parseCondition('(a & b) | c'));
    expect(parseCondition('a\t&\nb')).toEqual(parseCondition('a & b'));
  });

  it('takes names with digits, dots and dashes', () => {
    expect(conditionNames(parseCondition('create_time_from & x.y-2 & 42'))).toEqual(['create_time_from', 'x.y-2', '42']);
  });
});

describe('evaluateCondition', () => {
  it('evaluates with precedence: a | b & c is a | (b & c)', () => {
    expect(truthTable('a | b & c', ['a'])).toBe(true);
    expect(truthTable('a | b & c', ['b'])).toBe(false);
    expect(truthTable('a | b & c', ['b', 'c'])).toBe(true);
    expect(truthTable('(a | b) & c', ['a'])).toBe(false);
    expect(truthTable('(a | b) & c', ['a', 'c'])).toBe(true);
  });

  it('evaluates the seed example', () => {
    const expression = '(status & assignee) | (approver & approving)';
    expect(truthTable(expression, ['status', 'assignee'])).toBe(true);
    expect(truthTable(expression, ['approver', 'approving'])).toBe(true);
    expect(truthTable(expression, ['status', 'approver'])).toBe(false);
  });
});

describe('conditionNames', () => {
  it('lists each name once, in order of appearance', () => {
    expect(conditionNames(parseCondition('(b & a) | (a & c) | b'))).toEqual(['b', 'a', 'c']);
  });
});

describe('syntax errors', () => {
  it.each([
    ['', 'empty expression', 0],
    ['   ', 'empty expression', 0],
    ['a &', 'expected a filter name or "(" but the expression ended', 3],
    ['| a', 'unexpected "|"', 0],
    ['a & & b', 'unexpected "&"', 4],
    ['a b', 'unexpected filter name "b"', 2],
    ['(a & b', 'expected ")" to close the "(" at 0', 6],
    ['a & b)', 'unexpected ")"', 5],
    ['()', 'unexpected ")"', 1],
    ['a & ()', 'unexpected ")"', 5],
    ['(a) (b)', 'unexpected "("', 4],
  ])('rejects %j: %s', (expression, message, position) => {
    const error = syntaxError(expression);
    expect(error.message).toContain(message);
    expect(error.position).toBe(position);
  });

  it('refuses nesting beyond the depth limit but accepts it up to the limit', () => {
    const nested = (depth: number) => `${'('.repeat(depth)}a${')'.repeat(depth)}`;
    expect(parseCondition(nested(MAX_CONDITION_DEPTH))).toEqual(name('a'));
    expect(syntaxError(nested(MAX_CONDITION_DEPTH + 1)).message).toContain('nested too deeply');
  });
});

describe('tokenizeCondition', () => {
  it('splits operators from names and records offsets', () => {
    expect(tokenizeCondition('(ab&c)')).toEqual([
      { type: '(', at: 0 },
      { type: 'name', text: 'ab', at: 1 },
      { type: '&', at: 3 },
      { type: 'name', text: 'c', at: 4 },
      { type: ')', at: 5 },
    ]);
  });
});
