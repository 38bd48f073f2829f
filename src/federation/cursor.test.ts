import { describe, expect, it } from 'vitest';
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
  });
});
