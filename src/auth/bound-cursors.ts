import { hashQuery, type CursorCodec } from '../federation/cursor.js';

/**
 * Cursors bound to their caller: the subject joins the query hash a cursor is signed with, so a
 * cursor replayed by another caller is INVALID_CURSOR (it would otherwise page through sources
 * or positions minted for someone else).
 */
export function bindCursors(codec: CursorCodec, subject: string): CursorCodec {
  const bound = (queryHash: string) => hashQuery('caller', subject, queryHash);
  return {
    encode: (queryHash, state) => codec.encode(bound(queryHash), state),
    decode: (cursor, queryHash) => codec.decode(cursor, bound(queryHash)),
    encodeTickets: (queryHash, state) => codec.encodeTickets(bound(queryHash), state),
    decodeTickets: (cursor, queryHash) => codec.decodeTickets(cursor, bound(queryHash)),
  };
}
