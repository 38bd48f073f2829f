import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { createCursorCodec, hashQuery } from './cursor.js';

describe('cursor codec', () => {
  const codec = createCursorCodec('secret-a');
  const hash = hashQuery('tickets', ['cp'], {}, { field: 'CREATED_AT', direction: 'DESC' });

  it('round-trips positions and the last source', () => {
    const cursor = codec.encode(hash, { positions: { cp: 20, bk: 3 }, last: 'cp' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(cursor, hash)).toEqual({ positions: { cp: 20, bk: 3 }, last: 'cp' });
  });

  it.each([
    ['another query', (c: string) => c, hashQuery('tickets', ['cp'], { search: 'x' }, { field: 'CREATED_AT', direction: 'DESC' })],
    ['an edited position', (c: string) => {
      const [payload, sig] = c.split('.');
      const edited = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('20', '21')).toString('base64url');
      return `${edited}.${sig}`;
    }, hash],
    ['garbage', () => 'not-a-cursor', hash],
    ['another gateway secret', (c: string) => c.replace(/\..*$/, `.${createCursorCodec('secret-b').encode(hash, { positions: { cp: 20 } }).split('.')[1]}`), hash],
  ])('rejects %s as INVALID_CURSOR', (_name, mutate, queryHash) => {
    const cursor = mutate(codec.encode(hash, { positions: { cp: 20 } }));
    expect(() => codec.decode(cursor, queryHash)).toThrowError(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' } }));
  });

  it('hashes dates by value', () => {
    expect(hashQuery('q', { createdAfter: new Date('2025-01-01T00:00:00Z') })).toBe(hashQuery('q', { createdAfter: new Date('2025-01-01T00:00:00.000Z') }));
    expect(hashQuery('q', { createdAfter: new Date('2025-01-01T00:00:00Z') })).not.toBe(hashQuery('q', { createdAfter: new Date('2025-01-01T00:00:01Z') }));
  });

  it('gives a query the same hash however many other queries came in between', () => {
    const first = hashQuery('tickets', ['cp'], { search: 'vpn' });
    // Past the memo of recent hashes, which is emptied when full.
    for (let i = 0; i < 1_500; i++) expect(hashQuery('tickets', ['cp'], { search: `q${i}` })).toMatch(/^[\w-]{16}$/);
    expect(hashQuery('tickets', ['cp'], { search: 'vpn' })).toBe(first);
    expect(new Set(Array.from({ length: 50 }, (_, i) => hashQuery('tickets', ['cp'], { search: `q${i}` }))).size).toBe(50);
  });
});

describe('ticket (keyset) cursors', () => {
  const codec = createCursorCodec('secret-a');
  const hash = hashQuery('tickets', ['cp', 'bk'], {}, { field: 'CREATED_AT', direction: 'ASC' });
  const state = {
    sweep: 1_764_000_000_000,
    positions: { cp: { key: { v: 1_700_000_000_123, s: 'bk', n: '42' }, after: 17, total: 330 }, bk: { key: { v: 1_700_000_000_123, s: 'bk', n: '42' }, before: 3 } },
  };

  it('round-trips keys and hints', () => {
    expect(codec.decodeTickets(codec.encodeTickets(hash, state), hash)).toEqual(state);
  });

  it('refuses a version 1 (offset) cursor, saying so', () => {
    // What a version 1 gateway minted for the same query: bare offsets.
    const v1 = codec.encode(hash, { positions: { cp: 20, bk: 3 }, last: 'cp' });
    expect(() => codec.decodeTickets(v1, hash)).toThrowError(
      expect.objectContaining({ message: expect.stringMatching(/another version.*version 1.*reads version 2/), extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' } }),
    );
  });

  it.each([
    ['an edited key', (c: string) => {
      const [payload, sig] = c.split('.');
      const edited = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('"42"', '"41"')).toString('base64url');
      return `${edited}.${sig}`;
    }],
    ['a cursor of another query', (c: string) => c, 'other'],
    ['a cursor signed by another gateway', (c: string) => c.replace(/\..*$/, `.${createCursorCodec('secret-b').encodeTickets(hash, state).split('.')[1]}`)],
  ])('rejects %s as INVALID_CURSOR', (_name, mutate, other?: string) => {
    const cursor = mutate(codec.encodeTickets(hash, state));
    expect(() => codec.decodeTickets(cursor, other ? hashQuery(other) : hash)).toThrowError(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' } }),
    );
  });

  it('refuses well-signed payloads of the wrong shape', () => {
    // Signed with the right secret, so only the shape check stands between it and the reader.
    const forge = (p: unknown) => {
      const payload = Buffer.from(JSON.stringify({ v: 2, k: 't', h: hash, w: 1, p })).toString('base64url');
      const sig = createHmac('sha256', 'secret-a').update(payload).digest('base64url').slice(0, 22);
      return `${payload}.${sig}`;
    };
    for (const p of [{ cp: [null, -1, null, null] }, { cp: [[1, 'cp'], null, null, null] }, { cp: [[1.5, 'cp', '1'], null, null, null] }, { cp: 'x' }]) {
      expect(() => codec.decodeTickets(forge(p), hash)).toThrowError(expect.objectContaining({ message: 'Invalid cursor: the cursor is malformed' }));
    }
    expect(codec.decodeTickets(forge({ cp: [[1, 'cp', '1'], 0, null, 5] }), hash)).toEqual({ sweep: 1, positions: { cp: { key: { v: 1, s: 'cp', n: '1' }, after: 0, total: 5 } } });
  });
});
