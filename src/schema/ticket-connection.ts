/**
 * The ticket connection arguments and resolver shared by `Query.tickets` and `Source.tickets`.
 */
import type { GatewayContext } from '../context.js';
import { readTicketPage, type TicketConnectionShape } from '../federation/merged-connection.js';
import { reportSourceFailures } from '../federation/report-failures.js';
import type { SourceAdapter } from '../sources/adapter.js';
import { builder } from './builder.js';
import { TicketFilterInput, TicketOrderInput, toPageRequest, toTicketQuery, type PageArgs } from './ticket-inputs.js';

export const ticketConnectionArgs = builder.args((t) => ({
  first: t.int({ description: 'At most 100.' }),
  after: t.string(),
  last: t.int({ description: 'At most 100.' }),
  before: t.string(),
  filter: t.field({ type: TicketFilterInput }),
  orderBy: t.field({ type: TicketOrderInput, description: 'Default: CREATED_AT DESC.' }),
}));

export interface TicketConnectionArgs extends PageArgs {
  filter?: Parameters<typeof toTicketQuery>[0];
  orderBy?: Parameters<typeof toTicketQuery>[1];
}

/**
 * @param scope source keys the field is limited to (Source.tickets), or null for every source.
 */
export async function resolveTicketConnection(
  ctx: GatewayContext,
  args: TicketConnectionArgs,
  scope: readonly string[] | null,
): Promise<TicketConnectionShape> {
  const page = toPageRequest(args);
  const query = toTicketQuery(args.filter, args.orderBy);
  const keys = intersect(scope, query.sources);
  const sources: SourceAdapter[] = keys === null ? [...ctx.sources.all] : keys.map((key) => ctx.sources.require(key));
  const connection = await readTicketPage(ctx, { filter: query.filter, order: query.order, sources }, page);
  reportSourceFailures(ctx, connection.sourceErrors);
  return connection;
}

function intersect(scope: readonly string[] | null, requested: string[] | null): string[] | null {
  if (scope === null) return requested;
  if (requested === null) return [...scope];
  return scope.filter((key) => requested.includes(key));
}
