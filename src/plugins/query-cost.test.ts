import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema/index.js';
import { isObjectType } from 'graphql';
import { costLimitRule, QUERY_TOO_COMPLEX, UPSTREAM_CALL_FIELDS, type UpstreamScope } from './query-cost.js';

// The subgraph schema: it has every field the estimate knows (`_entities` only exists there).
const schema = buildSchema({ subgraph: true });

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

  it('reads variables as execution does: declared defaults, input objects', () => {
    expect(costOf('query($n: Int = 100) { tickets(first: $n) { totalCount } }')).toBe(1 + 100);
    // A value given wins over the default.
    expect(costOf('query($n: Int = 100) { tickets(first: $n) { totalCount } }', { n: 3 })).toBe(1 + 3);
    expect(costOf('query($ids: [ID!]! = ["a", "b", "c", "d"]) { nodes(ids: $ids) { id } }')).toBe(1 + 4);
  });

  it('multiplies `sources` by the number of configured sources', () => {
    const errors = validate(schema, parse('{ sources { key kind } }'), [costLimitRule({ maxCost: 0, upstream: { sources: 5 } })]);
    expect(errors[0]?.extensions.cost).toBe(1 + 5 * 2);
  });
});

/** The upstream calls the rule estimated (it reports them when over a budget of 0). */
function callsOf(query: string, upstream: UpstreamScope, variables: Record<string, unknown> = {}): number {
  const errors = validate(schema, parse(query), [costLimitRule({ maxUpstreamCalls: 0, upstream, variables })]);
  expect(errors).toHaveLength(1);
  expect(errors[0]?.extensions).toMatchObject({ code: QUERY_TOO_COMPLEX, limit: 'maxUpstreamCalls', maxUpstreamCalls: 0 });
  return errors[0]?.extensions.upstreamCalls as number;
}

describe('upstream call estimate', () => {
  const five: UpstreamScope = { sources: 5, commentSources: 4, descriptionSources: 1 };

  it('fans tickets out to every source, or to filter.sources', () => {
    expect(callsOf('{ tickets(first: 5) { totalCount } }', five)).toBe(5);
    expect(callsOf('{ a: tickets(first: 5) { totalCount } b: tickets(first: 5) { totalCount } }', five)).toBe(10);
    expect(callsOf('query($s: [String!]) { tickets(first: 5, filter: { sources: $s }) { totalCount } }', five, { s: ['cp', 'bk'] })).toBe(2);
    // A filter the gateway may re-apply reads a second page per source.
    expect(callsOf('{ tickets(first: 5, filter: { search: "x" }) { totalCount } }', five)).toBe(10);
  });

  it('multiplies per-object calls by the objects they run on', () => {
    // 5 source reads, then comments for the 10 tickets, 4 sources in 5 having comments.
    expect(callsOf('{ tickets(first: 10) { edges { node { comments(first: 2) { totalCount } } } } }', five)).toBe(5 + 8);
    expect(callsOf('{ sources { topics { key } tickets(first: 3) { totalCount } } }', five)).toBe(5 + 5);
    expect(callsOf('{ nodes(ids: ["a", "b", "c"]) { id } }', five)).toBe(3);
  });

  it('names only fields the schema has', () => {
    for (const coordinate of UPSTREAM_CALL_FIELDS) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName] !== undefined, coordinate).toBe(true);
    }
  });
});
