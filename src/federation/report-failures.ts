import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { SourceFailure } from './source-errors.js';

/**
 * Partial failure: the connection still answers with the other sources' tickets, and each
 * failed source also becomes an entry in the response's `errors` (appended by
 * useSourceFailures), with `extensions: { code, source }`.
 */
export function reportSourceFailures(ctx: GatewayContext, failures: readonly SourceFailure[]): void {
  for (const failure of failures) {
    ctx.sourceFailures.push(
      new GraphQLError(failure.message, { extensions: failure.extensions }),
    );
  }
}
