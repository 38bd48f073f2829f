/**
 * Relay-style mutations, each routed to the ticket's source. Inputs are `<Name>Input` with an
 * optional clientMutationId and idempotencyKey; payloads return the changed object, `ticketId`,
 * `applied` and `userErrors` (mutation-payloads.ts). Every mutation field is nullable, so one
 * failing unexpectedly never takes another's result in the same request with it.
 */
import type { GatewayContext } from '../context.js';
import type { Comment, Ticket, Vote } from '../model.js';
import { builder } from './builder.js';
import { joinIdParts } from './global-id.js';
import { CommentRef } from './comment.js';
import { TicketPriorityEnum } from './enums.js';
import { idempotencyKeyField, payloadFields } from './mutation-payloads.js';
import { checkIdentifier, checkScore, commentRef, requireText, runWrite, ticketRef, userError, writableSource } from './mutation-support.js';
import { VoteRef } from './person.js';
import { TicketRef, ticketKey } from './ticket.js';
import { publishWrite } from '../live/publish-write.js';
import type { TicketEventType } from '../live/ticket-event.js';

builder.mutationType({ description: 'Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors.' });

/** The written ticket, also cached for the rest of this request and published to live subscribers. */
function remember(ctx: GatewayContext, ticket: Ticket, event: TicketEventType, changedFields?: string[]): Ticket {
  TicketRef.getDataloader(ctx).prime(ticketKey(ticket), ticket);
  publishWrite(ctx, ticket, event, changedFields);
  return ticket;
}

function reload(ctx: GatewayContext, sourceKey: string, number: string): Promise<Ticket | null> {
  return TicketRef.getDataloader(ctx).load(ticketKey({ sourceKey, number })) as Promise<Ticket | null>;
}

const ofTicket = (result: { ticket: Ticket | null }) => result.ticket;

const TICKET_ID = 'Global ID of the ticket (Ticket.id).';
const REQUESTER_NAME = 'Who the ticket is for, where the source records a requester.';
const REQUESTER_EMAILS = "The requester's email addresses, where the source records them.";

builder.relayMutationField(
  'createTicket',
  {
    description: 'What createTicket needs.',
    inputFields: (t) => ({
      source: t.string({ required: true, description: 'The source key to create the ticket in (Query.sources { key }).' }),
      title: t.string({ required: true, description: 'A one-line summary; must not be blank.' }),
      description: t.string({ required: true, description: 'The first message / body; must not be blank.' }),
      priority: t.field({ type: TicketPriorityEnum, required: false, description: "Mapped to the source's own priority (Source.priorityMapping)." }),
      topic: t.string({ required: false, description: 'A topic key of that source (Source.topics { key }); some sources require one.' }),
      requesterName: t.string({ required: false, description: REQUESTER_NAME }),
      requesterEmails: t.field({ type: ['EmailAddress'], required: false, description: REQUESTER_EMAILS }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: 'Creates a ticket in one source.',
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, { operation: 'createTicket', input, idField: 'source', ticketOf: ofTicket }, async () => {
        const adapter = writableSource(ctx, input.source, 'createTicket', 'source');
        const title = requireText(input.title, 'title');
        const description = requireText(input.description, 'description');
        const ticket = await adapter.createTicket!(
          {
            title,
            description,
            ...(input.priority ? { priority: input.priority } : {}),
            ...(input.topic ? { topicKey: input.topic } : {}),
            extra: requesterExtra(input.requesterName, input.requesterEmails),
          },
          { signal: ctx.deadline.signal },
        );
        return { ticket: remember(ctx, ticket, 'CREATED') };
      }),
  },
  {
    description: 'The result of createTicket.',
    outputFields: (t) => ({
      ticket: t.field({ type: TicketRef, nullable: true, description: 'The new ticket as the source now has it.', resolve: (p) => p.result?.ticket ?? null }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'updateTicket',
  {
    description: 'What updateTicket changes; absent fields stay as they are.',
    inputFields: (t) => ({
      id: t.id({ required: true, description: TICKET_ID }),
      title: t.string({ required: false, description: 'A new one-line summary; must not be blank.' }),
      description: t.string({ required: false, description: 'A new body.' }),
      priority: t.field({ type: TicketPriorityEnum, required: false, description: 'A new priority.' }),
      requesterName: t.string({ required: false, description: REQUESTER_NAME }),
      requesterEmails: t.field({ type: ['EmailAddress'], required: false, description: REQUESTER_EMAILS }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: 'Changes what the source lets a caller change; a field it cannot change is an UNSUPPORTED_OPERATION userError.',
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, { operation: 'updateTicket', input, idField: 'id', ticketOf: ofTicket }, async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'updateTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        if (input.title != null) requireText(input.title, 'title');
        const ticket = await adapter.updateTicket!(
          ref.number,
          {
            ...(input.title != null ? { title: input.title } : {}),
            ...(input.description != null ? { description: input.description } : {}),
            ...(input.priority ? { priority: input.priority } : {}),
            extra: requesterExtra(input.requesterName, input.requesterEmails),
          },
          { signal: ctx.deadline.signal },
        );
        return { ticket: remember(ctx, ticket, 'UPDATED', ['requester']) };
      }),
  },
  {
    description: 'The result of updateTicket.',
    outputFields: (t) => ({
      ticket: t.field({ type: TicketRef, nullable: true, description: 'The ticket after the change.', resolve: (p) => p.result?.ticket ?? null }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'closeTicket',
  {
    description: 'What closeTicket needs.',
    inputFields: (t) => ({
      id: t.id({ required: true, description: TICKET_ID }),
      comment: t.string({ required: false, description: 'A closing message, added to the thread.' }),
      score: t.int({ required: false, description: "A rating on the source's ticket scale (Source.capabilities.ticketScoreScale)." }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: 'Closes a ticket, optionally with a closing message and a rating.',
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, { operation: 'closeTicket', input, idField: 'id', ticketOf: ofTicket }, async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'closeTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        if (input.score != null) checkScore(adapter.capabilities.ticketScoreScale, input.score, 'score', adapter.key);
        if (input.comment != null) requireText(input.comment, 'comment');
        const ticket = await adapter.closeTicket!(
          ref.number,
          { ...(input.comment != null ? { comment: input.comment } : {}), ...(input.score != null ? { score: input.score } : {}) },
          { signal: ctx.deadline.signal },
        );
        return { ticket: remember(ctx, ticket, 'STATUS_CHANGED') };
      }),
  },
  {
    description: 'The result of closeTicket.',
    outputFields: (t) => ({
      ticket: t.field({ type: TicketRef, nullable: true, description: 'The closed ticket.', resolve: (p) => p.result?.ticket ?? null }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'reopenTicket',
  {
    description: 'What reopenTicket needs.',
    inputFields: (t) => ({
      id: t.id({ required: true, description: TICKET_ID }),
      comment: t.string({ required: true, description: 'Why it is reopened; added to the thread.' }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: 'Reopens a closed ticket with a message.',
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, { operation: 'reopenTicket', input, idField: 'id', ticketOf: ofTicket }, async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'reopenTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        const comment = requireText(input.comment, 'comment');
        const ticket = await adapter.reopenTicket!(ref.number, { comment }, { signal: ctx.deadline.signal });
        return { ticket: remember(ctx, ticket, 'STATUS_CHANGED') };
      }),
  },
  {
    description: 'The result of reopenTicket.',
    outputFields: (t) => ({
      ticket: t.field({ type: TicketRef, nullable: true, description: 'The reopened ticket.', resolve: (p) => p.result?.ticket ?? null }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'addComment',
  {
    description: 'What addComment needs.',
    inputFields: (t) => ({
      ticketId: t.id({ required: true, description: TICKET_ID }),
      body: t.string({ required: true, description: 'The message; must not be blank.' }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: "Adds a message to a ticket's thread.",
    resolve: (_root, { input }, ctx) =>
      runWrite(
        ctx,
        { operation: 'addComment', input, idField: 'ticketId', ticketOf: (r) => ({ sourceKey: r.comment.sourceKey, number: r.comment.ticketNumber }) },
        async (): Promise<{ comment: Comment }> => {
          const ref = ticketRef(String(input.ticketId), 'ticketId');
          const adapter = writableSource(ctx, ref.sourceKey, 'addComment', 'ticketId');
          checkIdentifier(adapter, 'ticketNumber', ref.number, 'ticketId');
          const comment = await adapter.addComment!(ref.number, requireText(input.body, 'body'), { signal: ctx.deadline.signal });
          // The live event carries the ticket as it is now (a failed read only costs the event).
          const ticket = await reload(ctx, ref.sourceKey, ref.number).catch(() => null);
          if (ticket) publishWrite(ctx, ticket, 'COMMENTED');
          return { comment };
        },
      ),
  },
  {
    description: 'The result of addComment.',
    outputFields: (t) => ({
      comment: t.field({ type: CommentRef, nullable: true, description: 'The new comment.', resolve: (p) => p.result?.comment ?? null }),
      ticket: t.field({
        type: TicketRef,
        nullable: true,
        description: 'The ticket, read again after the comment.',
        resolve: (p, _args, ctx) => (p.result ? reload(ctx, p.result.comment.sourceKey, p.result.comment.ticketNumber) : null),
      }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'rateTicket',
  {
    description: 'What rateTicket needs.',
    inputFields: (t) => ({
      id: t.id({ required: true, description: TICKET_ID }),
      score: t.int({ required: true, description: "On the source's ticket scale (Source.capabilities.ticketScoreScale)." }),
      comment: t.string({ required: false, description: 'A remark kept with the rating.' }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: 'Rates how a ticket was handled.',
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, { operation: 'rateTicket', input, idField: 'id', ticketOf: (r) => r }, async (): Promise<{ vote: Vote; sourceKey: string; number: string }> => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'rateTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        checkScore(adapter.capabilities.ticketScoreScale, input.score, 'score', adapter.key);
        if (input.comment != null) requireText(input.comment, 'comment');
        const vote = await adapter.rateTicket!(
          ref.number,
          { score: input.score, ...(input.comment != null ? { comment: input.comment } : {}) },
          { signal: ctx.deadline.signal },
        );
        return { vote, ...ref };
      }),
  },
  {
    description: 'The result of rateTicket.',
    outputFields: (t) => ({
      vote: t.field({ type: VoteRef, nullable: true, description: 'The rating as the source recorded it.', resolve: (p) => p.result?.vote ?? null }),
      ticket: t.field({
        type: TicketRef,
        nullable: true,
        description: 'The rated ticket.',
        resolve: (p, _args, ctx) => (p.result ? reload(ctx, p.result.sourceKey, p.result.number) : null),
      }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'rateComment',
  {
    description: 'What rateComment needs.',
    inputFields: (t) => ({
      id: t.id({ required: true, description: 'Global ID of the comment (Comment.id).' }),
      score: t.int({ required: true, description: "On the source's comment scale (Source.capabilities.commentScoreScale), e.g. 1 or -1." }),
      comment: t.string({ required: false, description: 'A remark kept with the rating.' }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: 'Rates one comment (e.g. thumbs up or down on an answer).',
    resolve: (_root, { input }, ctx) =>
      runWrite(
        ctx,
        { operation: 'rateComment', input, idField: 'id', ticketOf: (r) => ({ sourceKey: r.sourceKey, number: r.ticketNumber }) },
        async (): Promise<{ vote: Vote; sourceKey: string; ticketNumber: string; commentKey: string }> => {
          const ref = commentRef(String(input.id), 'id');
          const adapter = writableSource(ctx, ref.sourceKey, 'rateComment');
          checkIdentifier(adapter, 'ticketNumber', ref.ticketNumber, 'id');
          checkIdentifier(adapter, 'commentId', ref.commentId, 'id');
          checkScore(adapter.capabilities.commentScoreScale, input.score, 'score', adapter.key);
          if (input.comment != null) requireText(input.comment, 'comment');
          const vote = await adapter.rateComment!(
            ref.ticketNumber,
            ref.commentId,
            { score: input.score, ...(input.comment != null ? { comment: input.comment } : {}) },
            { signal: ctx.deadline.signal },
          );
          return { vote, sourceKey: ref.sourceKey, ticketNumber: ref.ticketNumber, commentKey: joinIdParts(ref.sourceKey, ref.ticketNumber, ref.commentId) };
        },
      ),
  },
  {
    description: 'The result of rateComment.',
    outputFields: (t) => ({
      vote: t.field({ type: VoteRef, nullable: true, description: 'The rating as the source recorded it.', resolve: (p) => p.result?.vote ?? null }),
      comment: t.field({
        type: CommentRef,
        nullable: true,
        description: 'The rated comment.',
        resolve: (p, _args, ctx) => (p.result ? CommentRef.getDataloader(ctx).load(p.result.commentKey) : null),
      }),
      ...payloadFields(t),
    }),
  },
);

builder.relayMutationField(
  'transitionTicket',
  {
    description: 'What transitionTicket needs.',
    inputFields: (t) => ({
      id: t.id({ required: true, description: TICKET_ID }),
      action: t.string({ required: true, description: 'One of Ticket.availableActions { key }.' }),
      idempotencyKey: idempotencyKeyField(t),
    }),
  },
  {
    nullable: true,
    description: "A workflow action that doesn't fit the other mutations (e.g. suspend, accept, resolve).",
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, { operation: 'transitionTicket', input, idField: 'id', ticketOf: ofTicket }, async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'transitionTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        const current = await reload(ctx, ref.sourceKey, ref.number);
        if (!current) throw userError('id', 'no such ticket in its source', 'NOT_FOUND', adapter.key);
        const allowed = adapter.availableActions?.(current) ?? [];
        if (!allowed.some((a) => a.key === input.action)) {
          const keys = allowed.map((a) => a.key).join(', ') || 'none';
          throw userError('action', `is not available now on this ticket; available: ${keys}`, 'INVALID_ACTION', adapter.key);
        }
        const ticket = await adapter.transitionTicket!(ref.number, input.action, { signal: ctx.deadline.signal });
        return { ticket: remember(ctx, ticket, 'STATUS_CHANGED') };
      }),
  },
  {
    description: 'The result of transitionTicket.',
    outputFields: (t) => ({
      ticket: t.field({ type: TicketRef, nullable: true, description: 'The ticket after the action.', resolve: (p) => p.result?.ticket ?? null }),
      ...payloadFields(t),
    }),
  },
);

const TicketActionRef = builder.objectRef<{ key: string; label: string }>('TicketAction').implement({
  description: 'A workflow action the source allows on this ticket now (use with transitionTicket).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Pass as TransitionTicketInput.action.' }),
    label: t.exposeString('label', { description: "The vendor's name for the action." }),
  }),
});

builder.objectField(TicketRef, 'availableActions', (t) =>
  t.field({
    type: [TicketActionRef],
    description: 'Workflow actions allowed now (transitionTicket); empty where the source has none.',
    resolve: (ticket, _args, ctx) => {
      const adapter = ctx.sources.get(ticket.sourceKey);
      return adapter?.capabilities.writes.includes('transitionTicket') ? (adapter.availableActions?.(ticket) ?? []) : [];
    },
  }),
);

function requesterExtra(name: string | null | undefined, emails: readonly string[] | null | undefined): Record<string, unknown> {
  return { ...(name != null ? { requesterName: name } : {}), ...(emails != null ? { requesterEmails: [...emails] } : {}) };
}
