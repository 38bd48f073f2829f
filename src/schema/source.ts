import type { TicketPriority, TicketStatus } from '../model.js';
import type { MappingRow, SourceAdapter, SourceCapabilities } from '../sources/adapter.js';
import { builder } from './builder.js';
import { OrderDirectionEnum, SourceKindEnum, TicketFilterFieldEnum, TicketOrderFieldEnum, TicketPriorityEnum, TicketStatusEnum, WriteOperationEnum } from './enums.js';
import { TicketConnection, TicketRef } from './ticket.js';
import { ticketConnectionArgs, resolveTicketConnection } from './ticket-connection.js';
import { TopicRef } from './topic.js';

const ScoreScaleRef = builder
  .objectRef<NonNullable<SourceCapabilities['ticketScoreScale']>>('ScoreScale')
  .implement({
    description: 'The scores a source accepts for a rating.',
    fields: (t) => ({
      min: t.exposeInt('min', { description: 'Lowest allowed score.' }),
      max: t.exposeInt('max', { description: 'Highest allowed score.' }),
      values: t.intList({ nullable: true, description: 'When only some values in the range are allowed.', resolve: (s) => (s.values ? [...s.values] : null) }),
    }),
  });

const SortRef = builder.objectRef<SourceCapabilities['sorts'][number]>('SupportedOrder').implement({
  description: 'An order the source can return natively.',
  fields: (t) => ({
    field: t.expose('field', { type: TicketOrderFieldEnum, description: 'Ordered by.' }),
    direction: t.expose('direction', { type: OrderDirectionEnum, description: 'In this direction.' }),
  }),
});

const CapabilitiesRef = builder.objectRef<SourceCapabilities>('SourceCapabilities').implement({
  description: 'What this source can do natively; the gateway does the rest (filters) or refuses it (writes).',
  fields: (t) => ({
    filters: t.field({ type: [TicketFilterFieldEnum], description: 'TicketFilter fields applied exactly by the vendor; the gateway applies the others.', resolve: (c) => [...c.filters] }),
    sorts: t.field({ type: [SortRef], description: 'Orders the vendor returns natively.', resolve: (c) => [...c.sorts] }),
    maxPageSize: t.exposeInt('maxPageSize', { description: 'Largest page the vendor returns in one call.' }),
    totalCount: t.exposeBoolean('totalCount', { description: 'Whether the vendor reports an exact total.' }),
    batchLookup: t.boolean({ description: 'Whether many tickets can be looked up by number in one call.', resolve: (c) => c.batchLookup !== null }),
    maxBatchSize: t.int({ nullable: true, description: 'Tickets per batch lookup, when batchLookup.', resolve: (c) => c.batchLookup?.maxBatchSize ?? null }),
    comments: t.exposeBoolean('comments', { description: 'Whether tickets have a comment thread (Ticket.comments).' }),
    topics: t.exposeBoolean('topics', { description: 'Whether the source files tickets under topics (Source.topics).' }),
    writes: t.field({ type: [WriteOperationEnum], description: 'Mutations this source supports; the others answer UNSUPPORTED_OPERATION.', resolve: (c) => [...c.writes] }),
    ticketScoreScale: t.expose('ticketScoreScale', { type: ScoreScaleRef, nullable: true, description: 'Scores rateTicket/closeTicket accept; null when tickets cannot be rated.' }),
    commentScoreScale: t.expose('commentScoreScale', { type: ScoreScaleRef, nullable: true, description: 'Scores rateComment accepts; null when comments cannot be rated.' }),
  }),
});

const StatusMappingRef = builder.objectRef<MappingRow<TicketStatus>>('StatusMapping').implement({
  description: "One row of a source's status table: the vendor value and the unified status it becomes.",
  fields: (t) => ({
    native: t.exposeString('native', { description: 'The vendor value, as in Ticket.nativeStatus.' }),
    status: t.expose('unified', { type: TicketStatusEnum, description: 'The unified status.' }),
    note: t.string({ nullable: true, description: 'A condition or remark, when the mapping needs one.', resolve: (row) => row.note ?? null }),
  }),
});

const PriorityMappingRef = builder.objectRef<MappingRow<TicketPriority>>('PriorityMapping').implement({
  description: "One row of a source's priority table: the vendor value and the unified priority it becomes.",
  fields: (t) => ({
    native: t.exposeString('native', { description: 'The vendor value, as in Ticket.nativePriority.' }),
    priority: t.expose('unified', { type: TicketPriorityEnum, description: 'The unified priority.' }),
    note: t.string({ nullable: true, description: 'A condition or remark, when the mapping needs one.', resolve: (row) => row.note ?? null }),
  }),
});

export const SourceRef = builder.node(builder.objectRef<SourceAdapter>('Source'), {
  description: 'One configured upstream ticket system.',
  id: { resolve: (source) => source.key },
  loadOne: (key, ctx) => ctx.sources.get(key) ?? null,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key from the configuration, e.g. `cp`.' }),
    kind: t.expose('kind', { type: SourceKindEnum, description: 'Which kind of ticket system this is.' }),
    name: t.exposeString('name', { description: 'A human name from the configuration.' }),
    capabilities: t.field({ type: CapabilitiesRef, description: 'What it can do natively.', resolve: (source) => source.capabilities }),
    statusMapping: t.field({
      type: [StatusMappingRef],
      description: 'How its native statuses become TicketStatus; empty when the source does not describe it.',
      resolve: (source) => source.describeMappings?.().status ?? [],
    }),
    priorityMapping: t.field({
      type: [PriorityMappingRef],
      description: 'How its native priorities become TicketPriority; empty when the source does not describe it.',
      resolve: (source) => source.describeMappings?.().priority ?? [],
    }),
    unknownStatus: t.field({
      type: TicketStatusEnum,
      nullable: true,
      description: 'What a native status missing from statusMapping becomes (records are never dropped for it).',
      resolve: (source) => source.describeMappings?.().unknownStatus ?? null,
    }),
    tickets: t.field({
      type: TicketConnection,
      description: "This source's tickets; the same as `tickets(filter: { sources: [key] })`.",
      args: ticketConnectionArgs,
      resolve: (source, args, ctx) => resolveTicketConnection(ctx, args, [source.key]),
    }),
    topics: t.field({
      type: [TopicRef],
      description: 'The topics it files tickets under; empty when it has none.',
      resolve: async (source, _args, ctx) => (source.capabilities.topics ? source.listTopics({ signal: ctx.deadline.signal }) : []),
    }),
  }),
});

builder.queryFields((t) => ({
  sources: t.field({ type: [SourceRef], description: 'Every configured source, in configuration order.', resolve: (_root, _args, ctx) => [...ctx.sources.all] }),
  source: t.field({
    type: SourceRef,
    nullable: true,
    description: 'A source by key; an unknown key is null here and one error (BAD_USER_INPUT, reason UNKNOWN_SOURCE) naming the known ones.',
    args: { key: t.arg.string({ required: true, description: 'The source key, e.g. `cp`.' }) },
    resolve: (_root, args, ctx) => ctx.sources.require(args.key),
  }),
}));

builder.objectField(TicketRef, 'source', (t) =>
  t.field({ type: SourceRef, description: 'The source this ticket lives in.', resolve: (ticket, _args, ctx) => ctx.sources.require(ticket.sourceKey) }),
);
