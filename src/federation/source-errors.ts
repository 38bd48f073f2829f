import { GraphQLError } from 'graphql';
import { ErrorCode, isUpstreamError } from '../errors.js';

/** A source that could not answer its part of a request. */
export interface SourceFailure {
  source: string;
  code: string;
  message: string;
}

/** The failure as the connection reports it, from whatever the adapter threw. */
export function describeSourceFailure(source: string, error: unknown): SourceFailure {
  if (isUpstreamError(error)) return { source, code: error.upstreamCode, message: error.message };
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    return { source, code: error.extensions.code, message: error.message };
  }
  // Not an upstream fault we understand: keep details out of the response (they go to logs).
  return { source, code: ErrorCode.UPSTREAM_ERROR, message: `[${source}] the source failed unexpectedly` };
}
