import { GraphQLError } from 'graphql';
import { ErrorCode, isDomainError, isUpstreamError } from '../errors.js';
import { logUnexpected } from '../observability/request-context.js';

/** A source that could not answer its part of a request. */
export interface SourceFailure {
  source: string;
  code: string;
  message: string;
  /** What the response's `errors` entry carries: code, source, and the vendor's status/code. */
  extensions: Record<string, unknown>;
}

/** The failure as the connection reports it, from whatever the adapter threw (`request`: whose log line an unexpected one goes under). */
export function describeSourceFailure(source: string, error: unknown, request?: Request): SourceFailure {
  if (isDomainError(error)) {
    const extensions: Record<string, unknown> = { ...error.extensions, source };
    const code = isUpstreamError(error) ? error.upstreamCode : String(extensions.code);
    return { source, code, message: error.message, extensions: { ...extensions, code } };
  }
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const code = error.extensions.code;
    return { source, code, message: error.message, extensions: { ...error.extensions, code, source } };
  }
  // Not an upstream fault we understand: keep details out of the response (they go to logs).
  logUnexpected(request, error, { source }, 'source failed unexpectedly (masked in the response)');
  const code = ErrorCode.UPSTREAM_ERROR;
  return { source, code, message: `[${source}] the source failed unexpectedly`, extensions: { code, source } };
}
