/**
 * A window over a whole comment thread. Every vendor here answers a ticket's thread (or the log
 * that stands in for one) in a single unpaged call, so the connection's window is cut locally.
 */
import type { Comment } from '../model.js';
import type { CommentPage } from './adapter.js';

export function windowComments(thread: readonly Comment[], page: { offset: number; limit: number }): CommentPage {
  const end = page.offset + page.limit;
  return { comments: thread.slice(page.offset, end), totalCount: thread.length, hasMore: end < thread.length };
}
