import type { Comment } from '../model.js';
import { hashQuery } from '../federation/cursor.js';
import { userInputError } from '../errors.js';
import { builder } from './builder.js';
import { joinIdParts } from './global-id.js';
import { loadComments } from './loaders.js';
import { PersonRef, VoteRef } from './person.js';
import { TicketRef, ticketKey } from './ticket.js';
import { toPageRequest } from './ticket-inputs.js';

const commentKey = (c: Pick<Comment, 'sourceKey' | 'ticketNumber' | 'id'>) => joinIdParts(c.sourceKey, c.ticketNumber, c.id);

export const CommentRef = builder.loadableNode('Comment', {
  description: "A message on a ticket's thread (for sources without one, see the source's README).",
  id: { resolve: (comment: Comment) => commentKey(comment) },
  load: (keys: string[], ctx) => loadComments(keys, ctx),
  cacheResolved: commentKey,
  fields: (t) => ({
    commentId: t.exposeString('id', { description: "The vendor's comment id." }),
    body: t.exposeString('body'),
    author: t.expose('author', { type: PersonRef, nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    vote: t.expose('vote', { type: VoteRef, nullable: true }),
    ticket: t.field({
      type: TicketRef,
      nullable: true,
      resolve: (comment, _args, ctx) =>
        TicketRef.getDataloader(ctx).load(ticketKey({ sourceKey: comment.sourceKey, number: comment.ticketNumber })),
    }),
  }),
});

const CommentConnection = builder.connectionObject(
  {
    type: CommentRef,
    name: 'CommentConnection',
    fields: (t) => ({
      totalCount: t.int({ nullable: true, resolve: (connection) => connection.totalCount ?? null }),
    }),
  },
  { name: 'CommentEdge' },
);

builder.objectField(TicketRef, 'comments', (t) =>
  t.field({
    type: CommentConnection,
    description: 'Oldest first. Forward pagination only.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (ticket, args, ctx) => {
      const page = toPageRequest(args);
      const adapter = ctx.sources.require(ticket.sourceKey);
      const hash = hashQuery('comments', ticket.sourceKey, ticket.number);
      const start = page.cursor ? (ctx.cursors.decode(page.cursor, hash).positions.c ?? 0) : 0;
      if (!adapter.capabilities.comments) {
        return { edges: [], pageInfo: emptyPageInfo(start > 0), totalCount: 0 };
      }
      if (page.count === 0) throw userInputError('first must be at least 1 on comments', { argument: 'first' });
      const result = await adapter.listComments(ticket.number, { offset: start, limit: page.count }, { signal: ctx.signal });
      const edges = result.comments.map((comment, index) => ({
        cursor: ctx.cursors.encode(hash, { positions: { c: start + index + 1 } }),
        node: comment,
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: result.hasMore,
          hasPreviousPage: start > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        totalCount: result.totalCount,
      };
    },
  }),
);

function emptyPageInfo(hasPreviousPage: boolean) {
  return { hasNextPage: false, hasPreviousPage, startCursor: null, endCursor: null };
}
