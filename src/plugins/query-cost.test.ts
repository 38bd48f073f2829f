import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema/index.js';
import { costLimitRule, QUERY_TOO_COMPLEX } from './query-cost.js';

const schema = buildSchema();

/** The cost the rule measured (it reports it when over a limit of 0). */
function costOf(query: string, variables: Record<string, unknown> = {}, defaultPageSize?: number): number {
  const errors = validate(schema, parse(query), [costLimitRule({ maxCost: 0, variables, ...(defaultPageSize ? { defaultPageSize } : {}) })]);
  expect(errors).toHaveLength(1);
  expect(errors[0]?.extensions.code).toBe(QUERY_TOO_COMPLEX);
  return errors[0]?.extensions.cost as number;
}

describe('query cost', () => {
  it('counts each field once, __typename free', () => {
    expect(costOf('{ sources { key kind __typename } }')).toBe(3);
  });

  it('multiplies a connection by first, last, or the default page size', () => {
    expect(costOf('{ tickets(first: 10) { edges { node { number } } } }')).toBe(1 + 10 * 3);
    expect(costOf('{ tickets(last: 7) { edges { node { number } } } }')).toBe(1 + 7 * 3);
    expect(costOf('{ tickets { edges { node { number } } } }')).toBe(1 + 20 * 3);
    expect(costOf('{ tickets { edges { node { number } } } }', {}, 5)).toBe(1 + 5 * 3);
    expect(costOf('query($n: Int) { tickets(first: $n) { totalCount } }', { n: 50 })).toBe(1 + 50);
    // A variable left unset falls back to the default.
    expect(costOf('query($n: Int) { tickets(first: $n) { totalCount } }')).toBe(1 + 20);
  });

  it('multiplies nested connections', () => {
    const q = '{ tickets(first: 10) { edges { node { comments(first: 5) { edges { node { body } } } } } } }';
    // tickets 1 + 10 · (edges 1 + node 1 + comments (1 + 5 · 3))
    expect(costOf(q)).toBe(1 + 10 * (2 + 1 + 5 * 3));
  });

  it('counts fragments and inline fragments with their type, and list arguments by length', () => {
    const q = `query($ids: [ID!]!) { nodes(ids: $ids) { id ...T ... on Source { key } } }
      fragment T on Ticket { number comments(first: 2) { totalCount } }`;
    // nodes 1 + 3 · (id 1 + number 1 + comments (1 + 2 · 1) + key 1)
    expect(costOf(q, { ids: ['a', 'b', 'c'] })).toBe(1 + 3 * (1 + 1 + 3 + 1));
    expect(costOf('{ nodes(ids: ["a", "b"]) { id } }')).toBe(1 + 2);
  });

  it('allows what is under the limit and only measures the operation that runs', () => {
    const doc = parse('query Small { sources { key } } query Big { tickets(first: 100) { edges { node { number title } } } }');
    expect(validate(schema, doc, [costLimitRule({ maxCost: 10, operationName: 'Small' })])).toEqual([]);
    expect(validate(schema, doc, [costLimitRule({ maxCost: 10, operationName: 'Big' })])).toHaveLength(1);
  });
});
