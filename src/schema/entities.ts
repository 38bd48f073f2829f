/**
 * Apollo Federation v2: Ticket, Comment and Topic are entities keyed by their global `id`, so
 * another subgraph can extend them (`type Ticket @key(fields: "id")`). The router's
 * `_entities(representations)` goes through the same per-request dataloaders as `nodes(ids)`:
 * N representations cost one batched lookup per source, not N.
 */
import type { GatewayContext } from '../context.js';
import { builder } from './builder.js';
import { CommentRef } from './comment.js';
import { decodeGlobalId } from './global-id.js';
import { TicketRef } from './ticket.js';
import { TopicRef } from './topic.js';

/** The inner id when `globalId` is an id of `typename`; anything else names no entity. */
function innerId(globalId: string, typename: string): string | null {
  const decoded = decodeGlobalId(globalId);
  return decoded.typename === typename ? decoded.id : null;
}

interface Loadable<T> {
  getDataloader(ctx: GatewayContext): { load(key: string): Promise<T> };
}

/** Unknown or foreign ids resolve to null, as `node(id)` does. */
function reference<T>(typename: string, ref: Loadable<T>) {
  return async ({ id }: { id: string }, ctx: GatewayContext): Promise<T | null> => {
    const key = innerId(id, typename);
    return key === null ? null : ((await ref.getDataloader(ctx).load(key)) ?? null);
  };
}

const key = builder.selection<{ id: string }>('id');

builder.asEntity(TicketRef, { key, resolveReference: reference('Ticket', TicketRef) });
builder.asEntity(CommentRef, { key, resolveReference: reference('Comment', CommentRef) });
builder.asEntity(TopicRef, { key, resolveReference: reference('Topic', TopicRef) });
