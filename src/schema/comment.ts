import type { Comment } from '../model.js';
import { hashQuery } from '../federation/cursor.js';
import { userInputError } from '../errors.js';
import { builder } from './builder.js';
import { joinIdParts } from './global-id.js';
import { loadComments } from './loaders.js';
import { PersonRef, VoteRef } from './person.js';
import { TicketRef, ticketKey } from './ticket.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, toPageRequest } from './ticket-inputs.js';
import type { SourceAdapter } from '../sources/adapter.js';

const commentKey = (c: Pick<Comment, 'sourceKey' | 'ticketNumber' | 'id'>) => joinIdParts(c.sourceKey, c.ticketNumber, c.id);

export const CommentRef = builder.loadableNode('Comment', {
  description: "A message on a ticket's thread (for sources without one, see the source's README).",
  id: { resolve: (comment: Comment) => commentKey(comment) },
  load: (keys: string[], ctx) => loadComments(keys, ctx),
  cacheResolved: commentKey,
  fields: (t) => ({
    commentId: t.exposeString('id', { description: "The vendor's comment id." }),
    body: t.exposeString('body', { description: 'The message text.' }),
    author: t.expose('author', { type: PersonRef, nullable: true, description: 'Who wrote it, when the vendor says.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written (UTC).' }),
    vote: t.expose('vote', { type: VoteRef, nullable: true, description: 'Its rating (rateComment), if any.' }),
    ticket: t.field({
      type: TicketRef,
      nullable: true,
      description: 'The ticket it belongs to.',
      resolve: (comment, _args, ctx) =>
        TicketRef.getDataloader(ctx).load(ticketKey({ sourceKey: comment.sourceKey, number: comment.ticketNumber })),
    }),
  }),
});

const CommentConnection = builder.connectionObject(
  {
    type: CommentRef,
    name: 'CommentConnection',
    description: "A page of a ticket's comments (Relay cursor connection).",
    fields: (t) => ({
      totalCount: t.int({ nullable: true, description: 'Comments on the ticket; null where the source cannot count them.', resolve: (connection) => connection.totalCount ?? null }),
    }),
  },
  { name: 'CommentEdge', description: 'A comment with its cursor.' },
);

builder.objectField(TicketRef, 'comments', (t) =>
  t.field({
    type: CommentConnection,
    description: `Oldest first; pages both ways like \`tickets\` (first/after, last/before). ${DEFAULT_PAGE_SIZE} per page by default.`,
    args: {
      first: t.arg.int({ description: `Page size paging forward: 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` }),
      after: t.arg.string({ description: 'Cursor (PageInfo.endCursor) to continue after.' }),
      last: t.arg.int({ description: `Page size paging backward (newest end): 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} with before and no last.` }),
      before: t.arg.string({ description: 'Cursor (PageInfo.startCursor) to page back from.' }),
    },
    resolve: async (ticket, args, ctx) => {
      const page = toPageRequest(args);
      const adapter = ctx.sources.require(ticket.sourceKey);
      const hash = hashQuery('comments', ticket.sourceKey, ticket.number);
      // A cursor holds the 1-based position of its comment in the thread.
      const position = page.cursor ? (ctx.cursors.decode(page.cursor, hash).positions.c ?? 0) : null;
      if (page.count === 0) throw userInputError(`${page.direction === 'forward' ? 'first' : 'last'} must be at least 1 on comments`, { argument: page.direction === 'forward' ? 'first' : 'last' });
      if (!adapter.capabilities.comments) {
        return { edges: [], pageInfo: emptyPageInfo((position ?? 0) > 0), totalCount: 0 };
      }
      const options = { signal: ctx.deadline.signal };
      let start: number;
      let limit: number;
      let before: boolean;
      if (page.direction === 'forward') {
        start = position ?? 0;
        limit = page.count;
        before = false;
      } else {
        const end = position !== null ? Math.max(0, position - 1) : await threadLength(adapter, ticket.number, options);
        start = Math.max(0, end - page.count);
        limit = end - start;
        before = position !== null;
      }
      const result = limit > 0 ? await adapter.listComments(ticket.number, { offset: start, limit }, options) : { comments: [], hasMore: before, totalCount: null };
      const edges = result.comments.map((comment, index) => ({
        cursor: ctx.cursors.encode(hash, { positions: { c: start + index + 1 } }),
        node: comment,
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: page.direction === 'forward' ? result.hasMore : before,
          hasPreviousPage: start > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        totalCount: result.totalCount,
      };
    },
  }),
);

/** Paging back from the end needs the thread's length; sources that cannot count are walked. */
async function threadLength(adapter: SourceAdapter, ticketNumber: string, options: { signal?: AbortSignal | undefined }): Promise<number> {
  const size = Math.max(1, Math.min(MAX_PAGE_SIZE, adapter.capabilities.maxPageSize));
  let offset = 0;
  for (let pages = 0; pages < MAX_THREAD_WALK; pages += 1) {
    const { comments, totalCount, hasMore } = await adapter.listComments(ticketNumber, { offset, limit: size }, options.signal ? { signal: options.signal } : {});
    if (totalCount !== null) return totalCount;
    offset += comments.length;
    if (!hasMore || comments.length === 0) return offset;
  }
  return offset;
}

/** Pages walked at most to find the end of a thread whose source reports no count. */
const MAX_THREAD_WALK = 20;

function emptyPageInfo(hasPreviousPage: boolean) {
  return { hasNextPage: false, hasPreviousPage, startCursor: null, endCursor: null };
}
