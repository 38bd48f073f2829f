/**
 * Yoga's `maskedErrors.maskError`: errors the gateway raised on purpose (GraphQLErrors all the
 * way down: user input, upstream faults, limits) pass unchanged; anything else becomes
 * "Unexpected error" with the request id, and its details go to the log under that id only.
 *
 * Yoga's masking function is not told which request it works for. Errors from execution are
 * stamped with their operation's request id just before Yoga masks them (`useMaskedErrorIds`,
 * whose hooks run before Yoga's own masking plugin); an error masked before any operation ran
 * waits to be claimed by the request log's result hook. One nobody claims (there should be
 * none) is logged without an id on the next turn of the event loop.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDomainError, toGraphQLError } from '../errors.js';

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error';

/** The details of a masked error, logged once when it is claimed. */
const UNCLAIMED = Symbol('ticketgraph.unclaimedMaskedError');
type MaskedError = GraphQLError & { [UNCLAIMED]?: (requestId: string | undefined) => void };
/** The request id an execution error carries to the masking function. */
const REQUEST_ID = Symbol('ticketgraph.requestId');
type StampedError = { [REQUEST_ID]?: string };

function isOwnGraphQLError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null ? true : isOwnGraphQLError(error.originalError);
}

/** The error that actually went wrong, for the log: the innermost originalError. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError != null) current = current.originalError;
  return current;
}

export function createMaskError(logger: Logger): (error: unknown, message: string) => Error {
  return (error) => {
    if (isOwnGraphQLError(error)) return error as GraphQLError;
    const located = error instanceof GraphQLError ? error : undefined;
    const cause = rootCause(error);
    // An adapter's domain error (input or upstream) is meant for the client: mapped, not masked.
    if (isDomainError(cause)) return toGraphQLError(cause, located) as GraphQLError;
    const http = located?.extensions.http;
    const masked: MaskedError = createGraphQLError(UNEXPECTED_ERROR_MESSAGE, {
      ...(located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(http ? { http } : {}) },
    });
    masked[UNCLAIMED] = (requestId) =>
      logger.error({ requestId, path: located?.path?.join('.'), err: cause instanceof Error ? cause : new Error(String(cause)) }, 'unexpected error (masked in the response)');
    const stamped = typeof error === 'object' && error !== null ? (error as StampedError)[REQUEST_ID] : undefined;
    if (stamped !== undefined) claimMaskedError(masked, stamped);
    else setImmediate(() => claimMaskedError(masked, undefined));
    return masked;
  };
}

function claimMaskedError(error: unknown, requestId: string | undefined): void {
  const log = (error as MaskedError | null)?.[UNCLAIMED];
  if (!log) return;
  delete (error as MaskedError)[UNCLAIMED];
  if (requestId !== undefined) (error as GraphQLError).extensions.requestId = requestId;
  log(requestId);
}

const NO_ERRORS: readonly unknown[] = [];

/** The errors of a result, or of each result of a batch (nothing made for a single result, every request's case). */
function errorsOf(result: unknown): readonly unknown[] {
  if (Array.isArray(result)) return result.flatMap((one) => errorsOf(one));
  const errors = (result as ExecutionResult | null)?.errors;
  return Array.isArray(errors) ? errors : NO_ERRORS;
}

/** Claims the masked errors of a result for this request id. */
export function claimMaskedErrors(result: unknown, requestId: string): void {
  for (const error of errorsOf(result)) claimMaskedError(error, requestId);
}

/** Stamps a result's errors with the request id, for the masking that follows. */
function stampErrors(result: unknown, requestId: string): void {
  for (const error of errorsOf(result)) if (typeof error === 'object' && error !== null) (error as StampedError)[REQUEST_ID] = requestId;
}

/**
 * Gives execution's errors their operation's request id (WebSocket operations and subscription
 * events included) before Yoga masks them. Its hooks must run before Yoga's masking plugin, which
 * Yoga registers after every plugin it is given.
 */
export function useMaskedErrorIds(): Plugin<{ requestId?: string }> {
  // A stream (subscription, incremental delivery) is stamped event by event.
  const stampFor =
    (requestId: string) =>
    ({ result }: { result: ExecutionResult | AsyncIterable<ExecutionResult> }) => {
      if (!(Symbol.asyncIterator in result)) return void stampErrors(result, requestId);
      return { onNext: ({ result: next }: { result: ExecutionResult }) => stampErrors(next, requestId) };
    };
  return {
    onExecute({ args }) {
      const requestId = args.contextValue.requestId;
      return requestId === undefined ? undefined : { onExecuteDone: stampFor(requestId) };
    },
    onSubscribe({ args }) {
      const requestId = args.contextValue.requestId;
      return requestId === undefined ? undefined : { onSubscribeResult: stampFor(requestId) };
    },
  };
}
