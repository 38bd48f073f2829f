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
import type { Context } from '@opentelemetry/api';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDomainError, toGraphQLError } from '../errors.js';
import { logLater } from './logger.js';
import { logTraceFields, traceOf } from './tracing-context.js';

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error';

/** Whose a masked error is: its request's id and, when traced, the trace its log line joins. */
export interface MaskedErrorOwner {
  requestId: string;
  traceContext: Context | undefined;
}

/** The details of a masked error, logged once when it is claimed. */
const UNCLAIMED = Symbol('ticketgraph.unclaimedMaskedError');
type MaskedError = GraphQLError & { [UNCLAIMED]?: (owner: MaskedErrorOwner | undefined) => void };
/** The owner an execution error carries to the masking function. */
const OWNER = Symbol('ticketgraph.maskedErrorOwner');
type StampedError = { [OWNER]?: MaskedErrorOwner };

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
    masked[UNCLAIMED] = (owner) =>
      logger.error(
        { requestId: owner?.requestId, ...logTraceFields(owner?.traceContext), path: located?.path?.join('.'), err: cause instanceof Error ? cause : new Error(String(cause)) },
        'unexpected error (masked in the response)',
      );
    const stamped = typeof error === 'object' && error !== null ? (error as StampedError)[OWNER] : undefined;
    if (stamped !== undefined) claimMaskedError(masked, stamped);
    else logLater(() => claimMaskedError(masked, undefined));
    return masked;
  };
}

function claimMaskedError(error: unknown, owner: MaskedErrorOwner | undefined): void {
  const log = (error as MaskedError | null)?.[UNCLAIMED];
  if (!log) return;
  delete (error as MaskedError)[UNCLAIMED];
  if (owner !== undefined) (error as GraphQLError).extensions.requestId = owner.requestId;
  log(owner);
}

const NO_ERRORS: readonly unknown[] = [];

/** The errors of a result, or of each result of a batch (nothing made for a single result, every request's case). */
function errorsOf(result: unknown): readonly unknown[] {
  if (Array.isArray(result)) return result.flatMap((one) => errorsOf(one));
  const errors = (result as ExecutionResult | null)?.errors;
  return Array.isArray(errors) ? errors : NO_ERRORS;
}

/** Claims the masked errors of a result for this request (and its trace, when traced). */
export function claimMaskedErrors(result: unknown, requestId: string, traceContext?: Context): void {
  let owner: MaskedErrorOwner | undefined;
  for (const error of errorsOf(result)) claimMaskedError(error, (owner ??= { requestId, traceContext }));
}

/** Stamps a result's errors with their owner, for the masking that follows (nothing made without errors). */
function stampErrors(result: unknown, requestId: string, graphqlContext: object): void {
  let owner: MaskedErrorOwner | undefined;
  for (const error of errorsOf(result)) {
    if (typeof error === 'object' && error !== null) (error as StampedError)[OWNER] = owner ??= { requestId, traceContext: traceOf(graphqlContext) };
  }
}

/**
 * Gives execution's errors their operation's request id (WebSocket operations and subscription
 * events included) before Yoga masks them. Its hooks must run before Yoga's masking plugin, which
 * Yoga registers after every plugin it is given.
 */
export function useMaskedErrorIds(): Plugin<{ requestId?: string }> {
  // A stream (subscription, incremental delivery) is stamped event by event.
  const stampFor =
    (requestId: string, graphqlContext: object) =>
    ({ result }: { result: ExecutionResult | AsyncIterable<ExecutionResult> }) => {
      if (!(Symbol.asyncIterator in result)) return void stampErrors(result, requestId, graphqlContext);
      return { onNext: ({ result: next }: { result: ExecutionResult }) => stampErrors(next, requestId, graphqlContext) };
    };
  return {
    onExecute({ args }) {
      const requestId = args.contextValue.requestId;
      return requestId === undefined ? undefined : { onExecuteDone: stampFor(requestId, args.contextValue) };
    },
    onSubscribe({ args }) {
      const requestId = args.contextValue.requestId;
      return requestId === undefined ? undefined : { onSubscribeResult: stampFor(requestId, args.contextValue) };
    },
  };
}
