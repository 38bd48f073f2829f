/**
 * Error codes that reach clients, and the one place where the adapters' domain errors
 * (src/sources/errors.ts) become GraphQL errors.
 */
import { GraphQLError } from 'graphql';
import { SourceInputError, UpstreamError, UpstreamErrorCode as UpstreamCodes, isSourceInputError, isUpstreamError } from './sources/errors.js';

export { SourceInputError, UpstreamError, isSourceInputError, isUpstreamError };
export type { AppliedWrite, SourceInputErrorCode, UpstreamErrorDetails } from './sources/errors.js';
export type UpstreamErrorCode = import('./sources/errors.js').UpstreamErrorCode;

/**
 * Error codes that reach clients in `extensions.code`. Upstream faults always also carry
 * `extensions.source` (the configured source key) so a client knows which system failed.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'INVALID_CURSOR',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_SOURCE: 'UNKNOWN_SOURCE',
  UNSUPPORTED_OPERATION: 'UNSUPPORTED_OPERATION',
  ...UpstreamCodes,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A client-side mistake: bad argument, malformed ID, unknown source, bad cursor. */
export function userInputError(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
}

/** Whether an error is one the gateway raised on purpose (so it reaches the client unmasked). */
export function isDomainError(error: unknown): error is UpstreamError | SourceInputError {
  return isUpstreamError(error) || isSourceInputError(error);
}

/**
 * The GraphQL error a client sees for an adapter's domain error; any other error is returned
 * as it is (GraphQLErrors pass, the rest is masked later).
 */
export function toGraphQLError(error: unknown, located?: GraphQLError): unknown {
  if (!isDomainError(error)) return error;
  return new GraphQLError(error.message, {
    ...(located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {}),
    extensions: error.extensions,
  });
}
