/**
 * Automatic persisted queries over real HTTP, in Apollo's wire format: hash only -> not found,
 * hash + query registers, then the hash alone runs it (POST and GET).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersistedQueryStore, sha256Hex } from '../src/plugins/use-persisted-queries.js';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
});
afterAll(() => stack.close());

const QUERY = `query FirstTickets { source(key: "cp") { tickets(first: 3) { edges { node { number title } } } } }`;
const HASH = sha256Hex(QUERY);
const persisted = (hash = HASH) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

async function post(body: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

describe('automatic persisted queries', () => {
  it('answers an unknown hash with PersistedQueryNotFound, registers on hash + query, then runs the hash alone', async () => {
    const unknown = await post({ extensions: persisted() });
    expect(unknown.body.data).toBeUndefined();
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) }),
    ]);

    const register = await post({ query: QUERY, extensions: persisted() });
    expect(register.status).toBe(200);
    expect(register.body.errors).toBeUndefined();
    const titles = (register.body.data as { source: { tickets: { edges: { node: { title: string } }[] } } }).source.tickets.edges;
    expect(titles).toHaveLength(3);

    const byHash = await post({ extensions: persisted() });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(register.body);

    // GET with the hash only: what a CDN can cache.
    const url = new URL(stack.url);
    url.searchParams.set('extensions', JSON.stringify(persisted()));
    // A GET needs the CSRF-prevention header (README "Running in production").
    const viaGet = await fetch(url, { headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' } });
    expect(viaGet.status).toBe(200);
    expect(await viaGet.json()).toEqual(register.body);
  });

  it('refuses to register a document under a hash that is not its own', async () => {
    const other = `{ sources { key } }`;
    const forged = await post({ query: other, extensions: persisted(sha256Hex('{ __typename }')) });
    expect(forged.status).toBe(400);
    expect(forged.body.errors?.[0]?.message).toBe('provided sha does not match query');
    const after = await post({ extensions: persisted(sha256Hex('{ __typename }')) });
    expect(after.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  });

  it('rejects malformed persisted-query extensions and leaves plain requests alone', async () => {
    expect((await post({ extensions: { persistedQuery: { version: 2, sha256Hash: HASH } } })).status).toBe(400);
    expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } })).status).toBe(400);
    const plain = await post({ query: '{ sources { key } }' });
    expect(plain.body).toEqual({ data: { sources: [{ key: 'cp' }] } });
    const empty = await post({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.message).toBe('Must provide query string.');
  });
});

describe('persisted query store', () => {
  it('keeps the most recently used registrations and every preloaded document', () => {
    const store = createPersistedQueryStore({ maxEntries: 2, documents: { [sha256Hex('{ a }')]: '{ a }' } });
    store.register(sha256Hex('{ b }'), '{ b }');
    store.register(sha256Hex('{ c }'), '{ c }');
    expect(store.get(sha256Hex('{ b }'))).toBe('{ b }'); // b is now the most recent
    store.register(sha256Hex('{ d }'), '{ d }');
    expect(store.get(sha256Hex('{ c }'))).toBeNull();
    expect(store.get(sha256Hex('{ b }'))).toBe('{ b }');
    expect(store.get(sha256Hex('{ d }'))).toBe('{ d }');
    expect(store.get(sha256Hex('{ a }'))).toBe('{ a }');
    expect(store.size).toBe(3);
  });
});
