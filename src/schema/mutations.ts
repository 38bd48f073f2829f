/**
 * Relay-style mutations, each routed to the ticket's source. Inputs are `<Name>Input` with an
 * optional clientMutationId; payloads return the changed object and `userErrors`.
 */
import type { GatewayContext } from '../context.js';
import type { Comment, Ticket, Vote } from '../model.js';
import { builder } from './builder.js';
import { joinIdParts } from './global-id.js';
import { CommentRef } from './comment.js';
import { TicketPriorityEnum } from './enums.js';
import {
  checkIdentifier,
  checkScore,
  commentRef,
  requireText,
  runWrite,
  ticketRef,
  writableSource,
  type UserError,
} from './mutation-support.js';
import { VoteRef } from './person.js';
import { TicketRef, ticketKey } from './ticket.js';

builder.mutationType({});

const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: 'Why the input was refused; nothing was written.',
  fields: (t) => ({
    field: t.exposeStringList('field', { description: 'Path to the input field, e.g. ["input", "score"].' }),
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

/** The written ticket, also cached for the rest of this request. */
function remember(ctx: GatewayContext, ticket: Ticket): Ticket {
  TicketRef.getDataloader(ctx).prime(ticketKey(ticket), ticket);
  return ticket;
}

function reload(ctx: GatewayContext, sourceKey: string, number: string): Promise<Ticket | null> {
  return TicketRef.getDataloader(ctx).load(ticketKey({ sourceKey, number })) as Promise<Ticket | null>;
}

builder.relayMutationField(
  'createTicket',
  {
    inputFields: (t) => ({
      source: t.string({ required: true, description: 'The source key to create the ticket in.' }),
      title: t.string({ required: true }),
      description: t.string({ required: true, description: 'The first message / body.' }),
      priority: t.field({ type: TicketPriorityEnum, required: false }),
      topic: t.string({ required: false, description: "A topic key of that source (Source.topics)." }),
      requesterName: t.string({ required: false }),
      requesterEmails: t.field({ type: ['EmailAddress'], required: false }),
    }),
  },
  {
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'source', async () => {
        const adapter = writableSource(ctx, input.source, 'createTicket');
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
          { signal: ctx.signal },
        );
        return { ticket: remember(ctx, ticket) };
      }),
  },
  { outputFields: (t) => ({ ticket: t.field({ type: TicketRef, nullable: true, resolve: (p) => p.result?.ticket ?? null }), userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }) }) },
);

builder.relayMutationField(
  'updateTicket',
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      title: t.string({ required: false }),
      description: t.string({ required: false }),
      priority: t.field({ type: TicketPriorityEnum, required: false }),
      requesterName: t.string({ required: false }),
      requesterEmails: t.field({ type: ['EmailAddress'], required: false }),
    }),
  },
  {
    description: 'Changes what the source lets a caller change; a field it cannot change is UNSUPPORTED_OPERATION.',
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'id', async () => {
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
          { signal: ctx.signal },
        );
        return { ticket: remember(ctx, ticket) };
      }),
  },
  { outputFields: (t) => ({ ticket: t.field({ type: TicketRef, nullable: true, resolve: (p) => p.result?.ticket ?? null }), userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }) }) },
);

builder.relayMutationField(
  'closeTicket',
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      comment: t.string({ required: false }),
      score: t.int({ required: false, description: "A rating on the source's ticket scale (Source.capabilities.ticketScoreScale)." }),
    }),
  },
  {
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'id', async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'closeTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        if (input.score != null) checkScore(adapter.capabilities.ticketScoreScale, input.score, 'score', adapter.key);
        if (input.comment != null) requireText(input.comment, 'comment');
        const ticket = await adapter.closeTicket!(
          ref.number,
          { ...(input.comment != null ? { comment: input.comment } : {}), ...(input.score != null ? { score: input.score } : {}) },
          { signal: ctx.signal },
        );
        return { ticket: remember(ctx, ticket) };
      }),
  },
  { outputFields: (t) => ({ ticket: t.field({ type: TicketRef, nullable: true, resolve: (p) => p.result?.ticket ?? null }), userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }) }) },
);

builder.relayMutationField(
  'reopenTicket',
  { inputFields: (t) => ({ id: t.id({ required: true }), comment: t.string({ required: true }) }) },
  {
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'id', async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'reopenTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        const comment = requireText(input.comment, 'comment');
        const ticket = await adapter.reopenTicket!(ref.number, { comment }, { signal: ctx.signal });
        return { ticket: remember(ctx, ticket) };
      }),
  },
  { outputFields: (t) => ({ ticket: t.field({ type: TicketRef, nullable: true, resolve: (p) => p.result?.ticket ?? null }), userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }) }) },
);

builder.relayMutationField(
  'addComment',
  { inputFields: (t) => ({ ticketId: t.id({ required: true }), body: t.string({ required: true }) }) },
  {
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'ticketId', async (): Promise<{ comment: Comment; ticket: Ticket | null }> => {
        const ref = ticketRef(String(input.ticketId), 'ticketId');
        const adapter = writableSource(ctx, ref.sourceKey, 'addComment');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'ticketId');
        const comment = await adapter.addComment!(ref.number, requireText(input.body, 'body'), { signal: ctx.signal });
        return { comment, ticket: null };
      }),
  },
  {
    outputFields: (t) => ({
      comment: t.field({ type: CommentRef, nullable: true, resolve: (p) => p.result?.comment ?? null }),
      ticket: t.field({
        type: TicketRef,
        nullable: true,
        resolve: (p, _args, ctx) => (p.result ? reload(ctx, p.result.comment.sourceKey, p.result.comment.ticketNumber) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  },
);

builder.relayMutationField(
  'rateTicket',
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      score: t.int({ required: true, description: "On the source's ticket scale (Source.capabilities.ticketScoreScale)." }),
      comment: t.string({ required: false }),
    }),
  },
  {
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'id', async (): Promise<{ vote: Vote; sourceKey: string; number: string }> => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'rateTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        checkScore(adapter.capabilities.ticketScoreScale, input.score, 'score', adapter.key);
        if (input.comment != null) requireText(input.comment, 'comment');
        const vote = await adapter.rateTicket!(
          ref.number,
          { score: input.score, ...(input.comment != null ? { comment: input.comment } : {}) },
          { signal: ctx.signal },
        );
        return { vote, ...ref };
      }),
  },
  {
    outputFields: (t) => ({
      vote: t.field({ type: VoteRef, nullable: true, resolve: (p) => p.result?.vote ?? null }),
      ticket: t.field({ type: TicketRef, nullable: true, resolve: (p, _args, ctx) => (p.result ? reload(ctx, p.result.sourceKey, p.result.number) : null) }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  },
);

builder.relayMutationField(
  'rateComment',
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      score: t.int({ required: true, description: "On the source's comment scale (Source.capabilities.commentScoreScale), e.g. 1 or -1." }),
      comment: t.string({ required: false }),
    }),
  },
  {
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'id', async (): Promise<{ vote: Vote; commentKey: string }> => {
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
          { signal: ctx.signal },
        );
        return { vote, commentKey: joinIdParts(ref.sourceKey, ref.ticketNumber, ref.commentId) };
      }),
  },
  {
    outputFields: (t) => ({
      vote: t.field({ type: VoteRef, nullable: true, resolve: (p) => p.result?.vote ?? null }),
      comment: t.field({ type: CommentRef, nullable: true, resolve: (p, _args, ctx) => (p.result ? CommentRef.getDataloader(ctx).load(p.result.commentKey) : null) }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  },
);

builder.relayMutationField(
  'transitionTicket',
  {
    inputFields: (t) => ({
      id: t.id({ required: true }),
      action: t.string({ required: true, description: 'One of Ticket.availableActions { key }.' }),
    }),
  },
  {
    description: "A workflow action that doesn't fit the other mutations (e.g. suspend, accept, resolve).",
    resolve: (_root, { input }, ctx) =>
      runWrite(ctx, 'id', async () => {
        const ref = ticketRef(String(input.id), 'id');
        const adapter = writableSource(ctx, ref.sourceKey, 'transitionTicket');
        checkIdentifier(adapter, 'ticketNumber', ref.number, 'id');
        const current = await reload(ctx, ref.sourceKey, ref.number);
        if (!current) return { ticket: null, missing: true as const };
        const allowed = adapter.availableActions?.(current) ?? [];
        if (!allowed.some((a) => a.key === input.action)) {
          const keys = allowed.map((a) => a.key).join(', ') || 'none';
          return { ticket: null, invalidAction: `is not available now on this ticket; available: ${keys}` };
        }
        const ticket = await adapter.transitionTicket!(ref.number, input.action, { signal: ctx.signal });
        return { ticket: remember(ctx, ticket) };
      }).then((payload) => {
        const result = payload.result;
        if (result && 'missing' in result) return { result: null, userErrors: [{ field: ['input', 'id'], message: 'no such ticket in its source', code: 'NOT_FOUND' }] };
        if (result && 'invalidAction' in result && result.invalidAction) {
          return { result: null, userErrors: [{ field: ['input', 'action'], message: result.invalidAction, code: 'INVALID_ACTION' }] };
        }
        return payload;
      }),
  },
  { outputFields: (t) => ({ ticket: t.field({ type: TicketRef, nullable: true, resolve: (p) => p.result?.ticket ?? null }), userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }) }) },
);

const TicketActionRef = builder.objectRef<{ key: string; label: string }>('TicketAction').implement({
  description: 'A workflow action the source allows on this ticket now (use with transitionTicket).',
  fields: (t) => ({ key: t.exposeString('key'), label: t.exposeString('label') }),
});

builder.objectField(TicketRef, 'availableActions', (t) =>
  t.field({
    type: [TicketActionRef],
    resolve: (ticket, _args, ctx) => {
      const adapter = ctx.sources.get(ticket.sourceKey);
      return adapter?.capabilities.writes.includes('transitionTicket') ? (adapter.availableActions?.(ticket) ?? []) : [];
    },
  }),
);

function requesterExtra(name: string | null | undefined, emails: readonly string[] | null | undefined): Record<string, unknown> {
  return { ...(name != null ? { requesterName: name } : {}), ...(emails != null ? { requesterEmails: [...emails] } : {}) };
}
