/**
 * Yoga's `maskedErrors.maskError`: errors the gateway raised on purpose (GraphQLErrors all the
 * way down: user input, upstream faults, limits) pass unchanged; anything else becomes
 * "Unexpected error" with the request id, and its details go to the log under that id only.
 */
import { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { isDomainError, toGraphQLError } from '../errors.js';
import { currentRequestRecord } from './request-context.js';

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error';

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
    const requestId = currentRequestRecord()?.requestId;
    logger.error(
      {
        requestId,
        path: located?.path?.join('.'),
        err: cause instanceof Error ? cause : new Error(String(cause)),
      },
      'unexpected error (masked in the response)',
    );
    const http = located?.extensions.http;
    return createGraphQLError(UNEXPECTED_ERROR_MESSAGE, {
      ...(located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}), ...(http ? { http } : {}) },
    });
  };
}
