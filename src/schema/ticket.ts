import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GatewayContext } from '../context.js';
import type { Ticket } from '../model.js';
import { mapWithConcurrency } from '../sources/paging.js';
import { userInputError } from '../errors.js';
import { builder } from './builder.js';
import { TicketPriorityEnum, TicketStatusEnum } from './enums.js';
import { joinIdParts } from './global-id.js';
import { loadTickets } from './loaders.js';
import { PersonRef, VoteRef } from './person.js';

export const ticketKey = (ticket: Pick<Ticket, 'sourceKey' | 'number'>) => joinIdParts(ticket.sourceKey, ticket.number);

export const TicketRef = builder.loadableNode('Ticket', {
  description: 'A ticket in one source, in the unified model. `raw` keeps the native record.',
  id: { resolve: (ticket: Ticket) => ticketKey(ticket) },
  // Tickets already listed in this request are reused, found in its list memo (loadTickets) when
  // a lookup asks: Pothos' `cacheResolved` primed the loader with every listed ticket instead,
  // a promise per ticket of every page.
  load: (keys: string[], ctx) => loadTickets(keys, ctx),
  fields: (t) => ({
    number: t.exposeString('number', { description: "The vendor's ticket number." }),
    title: t.exposeString('title', { description: 'One-line summary.' }),
    description: t.string({
      nullable: true,
      description: 'The body / first message; fetched separately where the source keeps it outside the ticket.',
      resolve: (ticket, _args, ctx) => ticket.description ?? (ctx.sources.get(ticket.sourceKey)?.loadDescription ? descriptions(ctx).load(ticket) : null),
    }),
    status: t.expose('status', { type: TicketStatusEnum, description: 'Unified status (Source.statusMapping).' }),
    nativeStatus: t.exposeString('nativeStatus', { description: 'The status exactly as the vendor names it.' }),
    priority: t.expose('priority', { type: TicketPriorityEnum, nullable: true, description: 'Unified priority (Source.priorityMapping); null when the vendor has none.' }),
    nativePriority: t.exposeString('nativePriority', { nullable: true, description: 'The priority exactly as the vendor names it.' }),
    creator: t.expose('creator', { type: PersonRef, nullable: true, description: 'Who opened it (the requester).' }),
    assignee: t.expose('assignee', { type: PersonRef, nullable: true, description: 'Who at the provider handles it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was opened (UTC).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed (UTC).' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When it was closed, if it is.' }),
    url: t.field({ type: 'URL', nullable: true, description: "The ticket in the vendor's own UI, when it has one.", resolve: (ticket) => safeUrl(ticket.url) }),
    tags: t.exposeStringList('tags', { description: 'Labels the vendor attaches.' }),
    vote: t.expose('vote', { type: VoteRef, nullable: true, description: "The requester's rating, if given." }),
    raw: t.field({
      type: 'JSONObject',
      description: 'The native record exactly as the vendor sent it, for fields the unified model does not cover.',
      resolve: (ticket) => ticket.raw,
    }),
  }),
});

const DESCRIPTION_CONCURRENCY = 8;

/** Descriptions that live outside the ticket record, fetched once per ticket per request. */
const descriptions = createContextCache(
  (ctx: GatewayContext) =>
    new DataLoader<Ticket, string | null, string>(
      (tickets) =>
        mapWithConcurrency(tickets, DESCRIPTION_CONCURRENCY, (ticket) =>
          (ctx.sources.get(ticket.sourceKey)?.loadDescription?.(ticket, { signal: ctx.deadline.signal }) ?? Promise.resolve(null)).catch(
            (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
          ),
        ),
      { cacheKeyFn: ticketKey },
    ),
);

export const TicketConnection = builder.connectionObject(
  {
    type: TicketRef,
    name: 'TicketConnection',
    description: 'A page of tickets (Relay cursor connection).',
    fields: (t) => ({
      totalCount: t.int({
        nullable: true,
        description: 'Exact number of matching tickets; null where a source cannot count them exactly (see totalCountHint).',
        resolve: (connection) => connection.totalCount ?? null,
      }),
      totalCountHint: t.string({
        nullable: true,
        description: 'Why totalCount is null, when it is.',
        resolve: (connection) => connection.totalCountHint ?? null,
      }),
    }),
  },
  { name: 'TicketEdge', description: 'A ticket with its cursor.' },
);

builder.queryField('ticket', (t) =>
  t.field({
    type: TicketRef,
    nullable: true,
    description: 'One ticket by source key and vendor ticket number; null when the source has no such ticket.',
    args: {
      source: t.arg.string({ required: true, description: 'The source key, e.g. `cp`.' }),
      number: t.arg.string({ required: true, description: "The vendor's ticket number (Ticket.number)." }),
    },
    resolve: async (_root, args, ctx) => {
      const adapter = ctx.sources.require(args.source);
      if (args.number.trim() === '') throw userInputError('number must not be empty', { argument: 'number' });
      return TicketRef.getDataloader(ctx).load(ticketKey({ sourceKey: adapter.key, number: args.number }));
    },
  }),
);

function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).toString();
  } catch {
    return null;
  }
}
