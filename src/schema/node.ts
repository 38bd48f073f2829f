/**
 * `node(id)` / `nodes(ids)`. A malformed ID is the caller's error (BAD_USER_INPUT) for that ID
 * alone; a well-formed ID of something that doesn't exist is null, as Relay expects.
 */
import { brandWithType } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { userInputError } from '../errors.js';
import { builder } from './builder.js';
import { CommentRef } from './comment.js';
import { decodeGlobalId, INVALID_TYPENAME } from './global-id.js';
import { SourceRef } from './source.js';
import { TicketRef } from './ticket.js';
import { TopicRef } from './topic.js';

/** Bounded like `first`: a nodes() call costs upstream lookups. */
export const MAX_NODES = 100;

async function resolveGlobalId(globalId: string, ctx: GatewayContext): Promise<unknown> {
  const { typename, id } = decodeGlobalId(globalId);
  let value: unknown;
  switch (typename) {
    case 'Ticket':
      value = await TicketRef.getDataloader(ctx).load(id);
      break;
    case 'Comment':
      value = await CommentRef.getDataloader(ctx).load(id);
      break;
    case 'Topic':
      value = await TopicRef.getDataloader(ctx).load(id);
      break;
    case 'Source':
      value = ctx.sources.get(id) ?? null;
      break;
    case INVALID_TYPENAME:
      throw userInputError(`Malformed global ID "${truncate(globalId)}"`, { argument: 'id' });
    default:
      // Well-formed, but not a type of this graph: nothing can have that ID.
      return null;
  }
  if (value !== null && value !== undefined) brandWithType(value, typename as never);
  return value ?? null;
}

const NodeInterface = builder.nodeInterfaceRef();

builder.queryFields((t) => ({
  node: t.field({
    type: NodeInterface,
    nullable: true,
    description: 'Any object by global ID; null when it no longer exists, an error on this field alone when the ID is malformed.',
    args: { id: t.arg.id({ required: true, description: 'A global ID (Node.id).' }) },
    resolve: (_root, args, ctx) => resolveGlobalId(String(args.id), ctx),
  }),
  nodes: t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description: `At most ${MAX_NODES} IDs; lookups are batched per source.`,
    args: { ids: t.arg.idList({ required: true, description: `Global IDs, at most ${MAX_NODES}.` }) },
    resolve: (_root, args, ctx) => {
      if (args.ids.length > MAX_NODES) throw userInputError(`at most ${MAX_NODES} ids`, { argument: 'ids', maximum: MAX_NODES });
      // An Error in one slot nulls that item alone and is reported with its path.
      return args.ids.map((id) => resolveGlobalId(String(id), ctx).catch((error: unknown) => asGraphQLError(error)));
    },
  }),
}));

// Keep the ref imports alive for registration order and typing.
void SourceRef;

function asGraphQLError(error: unknown): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError('Unexpected error', { originalError: error as Error });
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…` : value;
}
