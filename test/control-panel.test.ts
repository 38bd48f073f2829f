/**
 * The control-panel source end to end: GraphQL over HTTP -> gateway -> adapter -> emulator
 * over HTTP. Expected values come from the emulator's own REST API, read natively.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/schema/global-id.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let cpBase: string;
let token: string;

async function native<T>(path: string): Promise<T> {
  const response = await fetch(cpBase + path, { headers: { 'x-token': token } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
  const cp = stack.emulators.byKey('cp');
  cpBase = cp.listening.baseUrl;
  token = cp.emulator.credentials.token as string;
});
afterAll(() => stack.close());

interface NativeList {
  item_count: number;
  items: { number: number; summary: string; is_closed: boolean }[];
}

describe('Source.tickets', () => {
  it('pages through the source natively with an exact totalCount', async () => {
    const expected = await native<NativeList>('/tickets?items_per_page=25&page=1');
    const first = await stack.query<{ source: { tickets: { totalCount: number; edges: { node: { number: string; title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } }>(
      `{ source(key: "cp") { tickets(first: 10) { totalCount edges { node { number title } } pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(first.errors).toBeUndefined();
    const tickets = first.data!.source.tickets;
    expect(tickets.totalCount).toBe(expected.item_count);
    expect(tickets.edges.map((e) => e.node.number)).toEqual(expected.items.slice(0, 10).map((t) => String(t.number)));
    expect(tickets.pageInfo.hasNextPage).toBe(true);

    const second = await stack.query<{ source: { tickets: { edges: { node: { number: string } }[] } } }>(
      `query($after: String) { source(key: "cp") { tickets(first: 15, after: $after) { edges { node { number } } } } }`,
      { after: tickets.pageInfo.endCursor },
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expected.items.slice(10, 25).map((t) => String(t.number)));
  });

  it('page N+1 does not re-read pages 1..N', async () => {
    const cp = stack.emulators.byKey('cp');
    const first = await stack.query<{ source: { tickets: { pageInfo: { endCursor: string } } } }>(
      `{ source(key: "cp") { tickets(first: 50) { pageInfo { endCursor } } } }`,
    );
    cp.emulator.requests.clear();
    await stack.query(`query($after: String) { source(key: "cp") { tickets(first: 50, after: $after) { edges { cursor } } } }`, {
      after: first.data!.source.tickets.pageInfo.endCursor,
    });
    const lists = cp.emulator.requests.entries.filter((e) => e.path === '/tickets');
    expect(lists).toHaveLength(1);
    // One native page holding offsets 49..99: the keyset cursor (issue 14) re-reads ticket 49,
    // the last of page 1, to check its position still holds.
    const page = Number(lists[0]!.query.get('page'));
    const size = Number(lists[0]!.query.get('items_per_page'));
    expect((page - 1) * size).toBeLessThanOrEqual(49);
    expect(page * size).toBeGreaterThanOrEqual(100);
  });

  it('filters by status with the same answer as the native API', async () => {
    const closed = await native<NativeList>('/tickets?only_closed=true&items_per_page=1000');
    const result = await stack.query<{ source: { tickets: { totalCount: number | null; totalCountHint: string; edges: { node: { number: string; status: string } }[] } } }>(
      `{ source(key: "cp") { tickets(first: 100, filter: { status: [CLOSED] }) { totalCount totalCountHint edges { node { number status } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data!.source.tickets.edges;
    expect(edges.every((e) => e.node.status === 'CLOSED')).toBe(true);
    expect(edges.map((e) => e.node.number)).toEqual(closed.items.slice(0, 100).map((t) => String(t.number)));
  });

  it("maps every native status as the docs read (the test's own table, not the adapter's)", async () => {
    // README "Status and priority", from the public page's status_key and is_closed.
    const expectedByKey: Record<string, string> = { new: 'OPEN', in_progress: 'IN_PROGRESS', waiting_for_client: 'ON_HOLD', resolved: 'RESOLVED', closed: 'CLOSED' };
    const page = await native<{ items: { number: number; status_key: string; status: { en: string; ru: string }; is_closed: boolean }[] }>('/tickets?items_per_page=100');
    const result = await stack.query<{ source: { tickets: { edges: { node: { number: string; status: string; nativeStatus: string } }[] } } }>(
      `{ source(key: "cp") { tickets(first: 100) { edges { node { number status nativeStatus } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const expected = page.items.map((t) => ({ number: String(t.number), status: t.is_closed ? 'CLOSED' : expectedByKey[t.status_key], nativeStatus: t.status_key }));
    expect(result.data!.source.tickets.edges.map((e) => e.node)).toEqual(expected);
    expect(new Set(expected.map((t) => t.status)).size).toBe(5);
  });

  it('searches titles case-insensitively', async () => {
    const all = await native<NativeList>('/tickets?items_per_page=1000');
    const word = all.items[3]!.summary.split(' ').find((w) => w.length > 4)!.toUpperCase();
    const expected = all.items.filter((t) => t.summary.toLowerCase().includes(word.toLowerCase())).map((t) => String(t.number));
    const result = await stack.query<{ source: { tickets: { edges: { node: { number: string } }[] } } }>(
      `query($q: String) { source(key: "cp") { tickets(first: 100, filter: { search: $q }) { edges { node { number } } } } }`,
      { q: word },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.tickets.edges.map((e) => e.node.number)).toEqual(expected.slice(0, 100));
  });
});

describe('ticket, comments, votes, topics', () => {
  it('reads one ticket with its comments, votes and topic', async () => {
    const list = await native<NativeList>('/tickets?items_per_page=50');
    const number = String(list.items[5]!.number);
    const comments = await native<{ items: { id: number; body: string }[] }>(`/tickets/${number}/comments`);
    const result = await stack.query<{ ticket: { id: string; number: string; title: string; topic: { key: string } | null; vote: unknown; comments: { totalCount: number; edges: { node: { commentId: string; body: string } }[] } } }>(
      `query($n: String!) { ticket(source: "cp", number: $n) { id number title topic { key name } vote { score comment createdAt }
         comments(first: 100) { totalCount edges { node { commentId body author { name } vote { score } } } } } }`,
      { n: number },
    );
    expect(result.errors).toBeUndefined();
    const ticket = result.data!.ticket;
    expect(ticket.number).toBe(number);
    expect(ticket.comments.totalCount).toBe(comments.items.length);
    expect(ticket.comments.edges.map((e) => e.node.commentId)).toEqual(comments.items.map((c) => String(c.id)));
    expect(ticket.id).toBe(encodeGlobalId('Ticket', `cp:${number}`));
  });

  it("takes the description from the ticket's first message", async () => {
    const list = await native<NativeList>('/tickets?items_per_page=3');
    const numbers = list.items.map((t) => String(t.number));
    const firsts = await Promise.all(numbers.map((n) => native<{ items: { body: string }[] }>(`/tickets/${n}/comments`)));
    const result = await stack.query<{ source: { tickets: { edges: { node: { description: string } }[] } } }>(
      `{ source(key: "cp") { tickets(first: 3) { edges { node { description } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.source.tickets.edges.map((e) => e.node.description)).toEqual(firsts.map((c) => c.items[0]!.body));
  });

  it('finds a comment by node ID only on its own ticket', async () => {
    const list = await native<NativeList>('/tickets?items_per_page=2');
    const [a, b] = list.items.map((t) => String(t.number));
    const comments = await native<{ items: { id: number; body: string }[] }>(`/tickets/${a}/comments`);
    const id = String(comments.items[0]!.id);
    const result = await stack.query<{ right: { body: string } | null; wrong: unknown }>(
      `query($right: ID!, $wrong: ID!) { right: node(id: $right) { ... on Comment { body } } wrong: node(id: $wrong) { id } }`,
      { right: encodeGlobalId('Comment', `cp:${a}:${id}`), wrong: encodeGlobalId('Comment', `cp:${b}:${id}`) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.right).toEqual({ body: comments.items[0]!.body });
    expect(result.data!.wrong).toBeNull();
  });

  it('lists topics and looks them up as nodes', async () => {
    const topics = await native<{ items: { key: string; name: string }[] }>('/topics');
    const result = await stack.query<{ source: { topics: { id: string; key: string }[] } }>(`{ source(key: "cp") { topics { id key name } } }`);
    expect(result.data!.source.topics.map((t) => t.key)).toEqual(topics.items.map((t) => t.key));
    const id = result.data!.source.topics[0]!.id;
    const node = await stack.query<{ node: { key: string } }>(`query($id: ID!) { node(id: $id) { ... on Topic { key } } }`, { id });
    expect(node.data!.node.key).toBe(topics.items[0]!.key);
  });

  it('returns null for an unknown ticket number, and refuses one that cannot be a number there', async () => {
    const result = await stack.query(`{ ticket(source: "cp", number: "999999999") { id } a: ticket(source: "cp", number: "abc") { id } }`);
    expect(result.data).toEqual({ ticket: null, a: null });
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.reason])).toEqual([['a', 'BAD_USER_INPUT', 'INVALID_ID']]);
  });
});

describe('node and nodes', () => {
  it('resolves many tickets in one request, one upstream call per ticket (no batch endpoint), none twice', async () => {
    const list = await native<NativeList>('/tickets?items_per_page=12');
    const ids = list.items.map((t) => encodeGlobalId('Ticket', `cp:${t.number}`));
    const cp = stack.emulators.byKey('cp');
    cp.emulator.requests.clear();
    const result = await stack.query<{ nodes: ({ number: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Ticket { number } } }`,
      { ids: [...ids, ids[0]] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.number)).toEqual([...list.items.map((t) => String(t.number)), String(list.items[0]!.number)]);
    expect(cp.emulator.requests.count('GET', /^\/tickets\/\d+$/)).toBe(12);
  });

  it('answers a malformed global ID with BAD_USER_INPUT for that ID alone', async () => {
    const good = encodeGlobalId('Ticket', `cp:${(await native<NativeList>('/tickets?items_per_page=1')).items[0]!.number}`);
    const result = await stack.query<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ['%%%not-an-id', good] });
    expect(result.data!.nodes[0]).toBeNull();
    expect(result.data!.nodes[1]).toEqual({ id: good });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.path).toEqual(['nodes', 0]);

    const single = await stack.query(`{ node(id: "bm90LWEtdHlwZQ") { id } }`);
    expect(single.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers a well-formed ID of a missing ticket or unknown source with null', async () => {
    const result = await stack.query(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, {
      a: encodeGlobalId('Ticket', 'cp:424242424'),
      b: encodeGlobalId('Ticket', 'nosuchsource:1'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: null });
  });
});

describe('bad input', () => {
  it.each([
    ['first: -1', `{ source(key: "cp") { tickets(first: -1) { totalCount } } }`],
    ['first: 10000', `{ source(key: "cp") { tickets(first: 10000) { totalCount } } }`],
    ['a forged cursor', `{ source(key: "cp") { tickets(first: 5, after: "eyJ2IjoxfQ.forged") { totalCount } } }`],
    ['an unknown source', `{ source(key: "nope") { name } }`],
    ['an unknown source on ticket', `{ ticket(source: "nope", number: "1") { id } }`],
  ])('%s -> BAD_USER_INPUT, no stack trace', async (_name, document) => {
    const result = await stack.query(document);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects a cursor from another filter as INVALID_CURSOR', async () => {
    const first = await stack.query<{ source: { tickets: { pageInfo: { endCursor: string } } } }>(
      `{ source(key: "cp") { tickets(first: 3) { pageInfo { endCursor } } } }`,
    );
    const result = await stack.query(
      `query($after: String) { source(key: "cp") { tickets(first: 3, after: $after, filter: { status: [OPEN] }) { totalCount } } }`,
      { after: first.data!.source.tickets.pageInfo.endCursor },
    );
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});
