import type { SourceAdapter, SourceCapabilities } from '../sources/adapter.js';
import { builder } from './builder.js';
import { OrderDirectionEnum, TicketOrderFieldEnum } from './enums.js';
import { TicketConnection, TicketRef } from './ticket.js';
import { ticketConnectionArgs, resolveTicketConnection } from './ticket-connection.js';
import { TopicRef } from './topic.js';

const ScoreScaleRef = builder
  .objectRef<NonNullable<SourceCapabilities['ticketScoreScale']>>('ScoreScale')
  .implement({
    fields: (t) => ({
      min: t.exposeInt('min'),
      max: t.exposeInt('max'),
      values: t.intList({ nullable: true, description: 'When only some values in the range are allowed.', resolve: (s) => (s.values ? [...s.values] : null) }),
    }),
  });

const SortRef = builder.objectRef<SourceCapabilities['sorts'][number]>('SupportedOrder').implement({
  fields: (t) => ({
    field: t.expose('field', { type: TicketOrderFieldEnum }),
    direction: t.expose('direction', { type: OrderDirectionEnum }),
  }),
});

const CapabilitiesRef = builder.objectRef<SourceCapabilities>('SourceCapabilities').implement({
  description: 'What this source can do natively; the gateway does the rest (filters) or reports it (writes).',
  fields: (t) => ({
    filters: t.stringList({ description: 'TicketFilter fields applied exactly by the vendor.', resolve: (c) => [...c.filters] }),
    sorts: t.field({ type: [SortRef], resolve: (c) => [...c.sorts] }),
    maxPageSize: t.exposeInt('maxPageSize'),
    totalCount: t.exposeBoolean('totalCount'),
    batchLookup: t.boolean({ resolve: (c) => c.batchLookup !== null }),
    maxBatchSize: t.int({ nullable: true, resolve: (c) => c.batchLookup?.maxBatchSize ?? null }),
    comments: t.exposeBoolean('comments'),
    topics: t.exposeBoolean('topics'),
    writes: t.stringList({ resolve: (c) => [...c.writes] }),
    ticketScoreScale: t.expose('ticketScoreScale', { type: ScoreScaleRef, nullable: true }),
    commentScoreScale: t.expose('commentScoreScale', { type: ScoreScaleRef, nullable: true }),
  }),
});

export const SourceRef = builder.node(builder.objectRef<SourceAdapter>('Source'), {
  description: 'One configured upstream ticket system.',
  id: { resolve: (source) => source.key },
  loadOne: (key, ctx) => ctx.sources.get(key) ?? null,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key from the configuration, e.g. `cp`.' }),
    kind: t.exposeString('kind', { description: 'control-panel, blueking-itsm, akana, huawei-coc or ticketing-module.' }),
    name: t.exposeString('name'),
    capabilities: t.field({ type: CapabilitiesRef, resolve: (source) => source.capabilities }),
    tickets: t.field({
      type: TicketConnection,
      description: 'This source\'s tickets; the same as `tickets(filter: { sources: [key] })`.',
      args: ticketConnectionArgs,
      resolve: (source, args, ctx) => resolveTicketConnection(ctx, args, [source.key]),
    }),
    topics: t.field({
      type: [TopicRef],
      resolve: async (source, _args, ctx) => (source.capabilities.topics ? source.listTopics({ signal: ctx.signal }) : []),
    }),
  }),
});

builder.queryFields((t) => ({
  sources: t.field({ type: [SourceRef], resolve: (_root, _args, ctx) => [...ctx.sources.all] }),
  source: t.field({
    type: SourceRef,
    nullable: true,
    description: 'A source by key; an unknown key is null here and one error (BAD_USER_INPUT, reason UNKNOWN_SOURCE) naming the known ones.',
    args: { key: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => ctx.sources.require(args.key),
  }),
}));

builder.objectField(TicketRef, 'source', (t) =>
  t.field({ type: SourceRef, resolve: (ticket, _args, ctx) => ctx.sources.require(ticket.sourceKey) }),
);
