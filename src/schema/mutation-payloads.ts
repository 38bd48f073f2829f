/**
 * The parts every mutation payload and input share: `userErrors` (one error model,
 * user-errors.ts), `ticketId` and `applied` (what a failed write had already done), and the
 * `idempotencyKey` input field.
 */
import { builder } from './builder.js';
import type { AppliedPayload, Payload } from './mutation-support.js';
import { USER_ERROR_CODES, type UserError } from './user-errors.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: "Why a mutation did not (or may not have) done what was asked. Each value says whether anything was written.",
  values: Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([code, description]) => [code, { value: code, description }])) as {
    [K in keyof typeof USER_ERROR_CODES]: { value: K; description: string };
  },
});

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: 'An expected failure of a mutation: bad input, something the source refused or could not do, or an outcome the gateway cannot confirm.',
  fields: (t) => ({
    field: t.exposeStringList('field', { description: 'Path to the input field at fault, e.g. ["input", "score"]; ["input"] when no single field is.' }),
    message: t.exposeString('message', { description: 'For people; names the source and, where it gave one, its reason.' }),
    code: t.expose('code', { type: UserErrorCodeEnum, description: 'For programs: what happened and whether anything was written.' }),
    source: t.exposeString('source', { nullable: true, description: 'The key of the source involved, when one is.' }),
    retryAfter: t.exposeInt('retryAfter', { nullable: true, description: 'Seconds to wait before retrying (VENDOR_RATE_LIMITED).' }),
  }),
});

export const AppliedWriteRef = builder.objectRef<AppliedPayload>('AppliedWrite').implement({
  description: 'What a write had already done upstream when it failed (UserErrorCode APPLIED_BUT_UNCONFIRMED). Do not repeat it.',
  fields: (t) => ({
    ticketId: t.exposeID('ticketId', { description: 'Global ID of the ticket created or changed.' }),
    ticketNumber: t.exposeString('ticketNumber', { description: "The vendor's ticket number." }),
    commentId: t.exposeID('commentId', { nullable: true, description: 'Global ID of the comment created, when one was.' }),
    steps: t.exposeStringList('steps', { description: "The steps applied, in order (e.g. [\"comment\"] when a close failed after its comment); empty when the write is one step." }),
  }),
});

/** `ticketId`, `applied` and `userErrors`, on every payload. */
export function payloadFields<T>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Payload<T>>) {
  return {
    ticketId: t.id({
      nullable: true,
      description: 'Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED).',
      resolve: (p) => p.ticketId,
    }),
    applied: t.field({
      type: AppliedWriteRef,
      nullable: true,
      description: 'Set when the write happened upstream but could not be confirmed; null otherwise.',
      resolve: (p) => p.applied,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Empty when the write succeeded.', resolve: (p) => p.userErrors }),
  };
}

/** The optional `idempotencyKey` on every write input. */
export function idempotencyKeyField(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) {
  return t.string({
    required: false,
    description:
      'Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId).',
  });
}
