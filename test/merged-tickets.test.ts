/**
 * The merged `tickets` connection against every embedded emulator: paging through it yields
 * exactly the matching tickets, once each, in order — compared with a reference read of each
 * source in full (every native page, filtered by the same rule, sorted by the same order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesFilter } from '../src/federation/filter.js';
import { compareTickets } from '../src/federation/order.js';
import type { Ticket } from '../src/model.js';
import type { SourceAdapter, TicketFilter, TicketOrder } from '../src/sources/adapter.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
const everything = new Map<string, Ticket[]>();

async function readAll(adapter: SourceAdapter): Promise<Ticket[]> {
  const order = adapter.capabilities.sorts[0]!;
  const limit = Math.min(100, adapter.capabilities.maxPageSize);
  const all: Ticket[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await adapter.listTickets({ filter: {}, order, offset, limit });
    all.push(...page.tickets);
    if (!page.hasMore || page.tickets.length === 0) return all;
  }
}

function reference(filter: TicketFilter, order: TicketOrder, sources?: string[]): string[] {
  return [...everything.entries()]
    .filter(([key]) => !sources || sources.includes(key))
    .flatMap(([, tickets]) => tickets.filter((t) => matchesFilter(t, filter)))
    .sort(compareTickets(order))
    .map((t) => `${t.sourceKey}:${t.number}`);
}

interface Page {
  tickets: {
    totalCount: number | null;
    edges: { cursor: string; node: { number: string; source: { key: string } } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    sourceErrors: { source: string }[];
  };
}

const PAGE_QUERY = `query($first: Int, $after: String, $last: Int, $before: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { number source { key } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    sourceErrors { source code message }
  }
}`;

type GqlFilter = Record<string, unknown>;

async function pageThrough(size: number, filter: GqlFilter, orderBy: TicketOrder, direction: 'forward' | 'backward'): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 2_000; guard++) {
    const variables: Record<string, unknown> =
      direction === 'forward' ? { first: size, after: cursor, filter, orderBy } : { last: size, before: cursor, filter, orderBy };
    const result = await stack.query<Page>(PAGE_QUERY, variables);
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data!.tickets;
    expect(edges.length).toBeLessThanOrEqual(size);
    const ids = edges.map((e) => `${e.node.source.key}:${e.node.number}`);
    if (direction === 'forward') seen.push(...ids);
    else seen.unshift(...ids);
    const more = direction === 'forward' ? pageInfo.hasNextPage : pageInfo.hasPreviousPage;
    if (!more) return seen;
    cursor = direction === 'forward' ? pageInfo.endCursor : pageInfo.startCursor;
    expect(cursor).not.toBeNull();
  }
  throw new Error('paging did not end');
}

const toFilter = (filter: GqlFilter): TicketFilter => {
  const result: TicketFilter = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'sources') continue;
    (result as Record<string, unknown>)[key] = /At$|After$|Before$/.test(key) ? new Date(value as string) : value;
  }
  return result;
};

beforeAll(async () => {
  stack = await startStack();
  for (const adapter of stack.gateway.sources.all) everything.set(adapter.key, await readAll(adapter));
}, 120_000);
afterAll(() => stack.close());

const DESC: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' };

describe('merged tickets: completeness and order', () => {
  const recent = { createdAfter: '2025-10-20T00:00:00Z' };
  it.each([
    [1, recent, DESC],
    [7, { ...recent, status: ['OPEN', 'IN_PROGRESS', 'ON_HOLD'] }, DESC],
    [50, {}, DESC],
    [100, { status: ['CLOSED', 'RESOLVED'] }, DESC],
    [50, { priority: ['HIGH', 'URGENT'] }, DESC],
    [7, { search: 'vpn' }, DESC],
    [50, { updatedAfter: '2025-09-01T00:00:00Z' }, { field: 'UPDATED_AT', direction: 'DESC' }],
    [50, { createdAfter: '2025-08-01T00:00:00Z' }, { field: 'CREATED_AT', direction: 'ASC' }],
  ] as [number, GqlFilter, TicketOrder][])('first: %i, filter %j, %j — forward', async (size, filter, order) => {
    const expected = reference(toFilter(filter), order);
    expect(expected.length).toBeGreaterThan(0);
    expect(await pageThrough(size, filter, order, 'forward')).toEqual(expected);
  });

  it.each([
    [7, { createdAfter: '2025-10-01T00:00:00Z' }],
    [50, {}],
  ] as [number, GqlFilter][])('last: %i, filter %j — backward', async (size, filter) => {
    expect(await pageThrough(size, filter, DESC, 'backward')).toEqual(reference(toFilter(filter), DESC));
  });

  it('restricts to the given sources, and Source.tickets agrees', async () => {
    const keys = [...everything.keys()].slice(0, 2);
    const expected = reference({}, DESC, keys);
    expect(await pageThrough(100, { sources: keys }, DESC, 'forward')).toEqual(expected);
    const one = keys[0]!;
    const viaSource = await stack.query<{ source: { tickets: { edges: { node: { number: string } }[] } } }>(
      `query($k: String!) { source(key: $k) { tickets(first: 30) { edges { node { number } } } } }`,
      { k: one },
    );
    expect(viaSource.data!.source.tickets.edges.map((e) => `${one}:${e.node.number}`)).toEqual(reference({}, DESC, [one]).slice(0, 30));
  });

  it('counts exactly when every source can, and says why not otherwise', async () => {
    const all = await stack.query<Page>(PAGE_QUERY, { first: 1 });
    const counted = all.data!.tickets.totalCount;
    if (counted !== null) expect(counted).toBe(reference({}, DESC).length);
    const filtered = await stack.query<{ tickets: { totalCount: number | null; totalCountHint: string | null } }>(
      `{ tickets(first: 1, filter: { search: "vpn" }) { totalCount totalCountHint } }`,
    );
    const t = filtered.data!.tickets;
    expect(t.totalCount === null ? t.totalCountHint : t.totalCount).toBeTruthy();
  });
});

describe('merged tickets: cursors', () => {
  it('page 2 equals items 11..20, and a mid-page backward read returns the items before the cursor', async () => {
    const expected = reference({}, DESC);
    const first = await stack.query<Page>(PAGE_QUERY, { first: 10 });
    const second = await stack.query<Page>(PAGE_QUERY, { first: 10, after: first.data!.tickets.pageInfo.endCursor });
    expect(second.data!.tickets.edges.map((e) => `${e.node.source.key}:${e.node.number}`)).toEqual(expected.slice(10, 20));
    const back = await stack.query<Page>(PAGE_QUERY, { last: 5, before: second.data!.tickets.edges[3]!.cursor });
    expect(back.data!.tickets.edges.map((e) => `${e.node.source.key}:${e.node.number}`)).toEqual(expected.slice(8, 13));
  });

  it('rejects a cursor reused with another filter or order, or tampered with', async () => {
    const first = await stack.query<Page>(PAGE_QUERY, { first: 3 });
    const cursor = first.data!.tickets.pageInfo.endCursor!;
    const other = await stack.query(PAGE_QUERY, { first: 3, after: cursor, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    const [payload, signature] = cursor.split('.');
    const edited = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace(/:(\d+)/, ':7'), 'utf8').toString('base64url');
    const tampered = await stack.query(PAGE_QUERY, { first: 3, after: `${edited}.${signature}` });
    expect(tampered.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });

  it.each([
    ['first: -1', { first: -1 }],
    ['first: 101', { first: 101 }],
    ['last: 1000', { last: 1000 }],
    ['first and last', { first: 1, last: 1 }],
  ])('%s -> BAD_USER_INPUT', async (_name, variables) => {
    const result = await stack.query(PAGE_QUERY, variables);
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
