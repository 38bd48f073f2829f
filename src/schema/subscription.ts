/**
 * `Subscription.ticketEvents`: live changes to tickets, from every source the caller can read
 * (src/live/hub.ts), over SSE and WebSocket on `/graphql`. Filtered with the same TicketFilter
 * as `tickets`; a reconnecting client passes the last event's `cursor` as `after`.
 */
import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { ErrorCode } from '../errors.js';
import { matchesFilter } from '../federation/filter.js';
import { TICKET_EVENT_TYPES, type TicketEvent } from '../live/ticket-event.js';
import { builder } from './builder.js';
import { SourceRef } from './source.js';
import { TicketRef } from './ticket.js';
import { TicketFilterInput, toTicketQuery } from './ticket-inputs.js';

export const EVENTS_EXPIRED = 'EVENTS_EXPIRED';

interface DeliveredEvent extends TicketEvent {
  cursor: string;
}

const EVENT_TYPE_DESCRIPTIONS: Record<(typeof TICKET_EVENT_TYPES)[number], string> = {
  CREATED: 'A ticket appeared (created through the gateway, or found by a poll).',
  UPDATED: 'A field other than the status changed (`changedFields` says which).',
  STATUS_CHANGED: 'The status changed (possibly with other fields).',
  COMMENTED: 'A comment was added through the gateway (vendors cannot be polled for comments cheaply).',
};

const TicketEventTypeEnum = builder.enumType('TicketEventType', {
  description: 'What happened to the ticket.',
  values: Object.fromEntries(TICKET_EVENT_TYPES.map((type) => [type, { description: EVENT_TYPE_DESCRIPTIONS[type] }])) as Record<
    (typeof TICKET_EVENT_TYPES)[number],
    { description: string }
  >,
});

const TicketEventRef = builder.objectRef<DeliveredEvent>('TicketEvent').implement({
  description: 'A change to one ticket.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Pass as `after` when reconnecting to receive what was missed.' }),
    type: t.expose('type', { type: TicketEventTypeEnum, description: 'What happened.' }),
    ticket: t.field({ type: TicketRef, description: 'The ticket as it is after the change.', resolve: (event) => event.ticket }),
    source: t.field({
      type: SourceRef,
      description: 'The source holding the ticket.',
      resolve: (event, _args, ctx) => ctx.sources.require(event.sourceKey),
    }),
    changedFields: t.stringList({
      description: 'Unified field names that changed (`status`, `title`, `assignee`…); empty when the poll cannot tell.',
      resolve: (event) => event.changedFields,
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When the gateway learnt of the change.' }),
  }),
});

builder.subscriptionType({ description: 'Live updates. Served over SSE (GraphQL over SSE) and WebSocket (graphql-ws) on the same path.' });

builder.subscriptionField('ticketEvents', (t) =>
  t.field({
    type: TicketEventRef,
    description:
      "Changes to tickets of every source you can read (or `filter.sources`) that match `filter`. Sources are polled (`pollIntervalMs`, default 15 s) only while someone subscribes; the gateway's own writes arrive at once.",
    args: {
      filter: t.arg({ type: TicketFilterInput, description: 'The same filter as `tickets`; an event is sent when the ticket matches it after the change.' }),
      after: t.arg.string({ description: "The `cursor` of the last event received: what followed it is sent first, or EVENTS_EXPIRED when it is too old." }),
    },
    subscribe: (_root, args, ctx) => ticketEvents(ctx, args.filter, args.after ?? null),
    resolve: (event) => event,
  }),
);

type Positions = Record<string, number>;

async function ticketEvents(
  ctx: GatewayContext,
  filterArg: Parameters<typeof toTicketQuery>[0],
  after: string | null,
): Promise<AsyncIterable<DeliveredEvent>> {
  const hub = ctx.live;
  if (!hub) throw new GraphQLError('Live updates are not enabled on this gateway', { extensions: { code: 'UNSUPPORTED_OPERATION' } });
  const query = toTicketQuery(filterArg, null);
  const keys = ctx.sources.all.map((s) => s.key).filter((key) => query.sources === null || query.sources.includes(key));
  const positions: Positions = after === null ? {} : decodeEventCursor(after);

  // Listen first, then replay: nothing published in between is lost (duplicates are dropped by sequence).
  const buffered: TicketEvent[] = [];
  let forward: ((event: TicketEvent) => void) | null = null;
  const unlisten = hub.listen(keys, (event) => (forward ? forward(event) : buffered.push(event)));
  try {
    for (const key of keys) {
      const since = positions[key];
      if (since === undefined) continue;
      const missed = await hub.replay(key, since);
      if (missed === 'expired') {
        throw new GraphQLError(`Events after this cursor are no longer kept for source "${key}"; refetch and subscribe again without \`after\``, {
          extensions: { code: EVENTS_EXPIRED, source: key },
        });
      }
      buffered.unshift(...missed);
    }
  } catch (error) {
    unlisten();
    throw error;
  }

  return new Repeater<DeliveredEvent>(async (push, stop) => {
    const accept = (event: TicketEvent) => {
      if (event.sequence <= (positions[event.sourceKey] ?? 0)) return;
      positions[event.sourceKey] = event.sequence;
      if (!matchesFilter(event.ticket, query.filter)) return;
      void push({ ...event, cursor: encodeEventCursor(positions) });
    };
    buffered.sort((a, b) => a.at.getTime() - b.at.getTime() || a.sequence - b.sequence).forEach(accept);
    forward = accept;
    await stop;
    unlisten();
  });
}

function encodeEventCursor(positions: Positions): string {
  return Buffer.from(JSON.stringify({ v: 1, p: positions })).toString('base64url');
}

function decodeEventCursor(cursor: string): Positions {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; p?: unknown };
    if (parsed.v === 1 && typeof parsed.p === 'object' && parsed.p !== null) {
      const entries = Object.entries(parsed.p as Record<string, unknown>);
      if (entries.every(([, n]) => Number.isSafeInteger(n) && (n as number) >= 0)) return Object.fromEntries(entries) as Positions;
    }
  } catch {
    // fall through
  }
  throw new GraphQLError('Invalid cursor: not an event cursor of this gateway', {
    extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorCode.INVALID_CURSOR },
  });
}
