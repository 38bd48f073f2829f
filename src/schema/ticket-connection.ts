/**
 * The ticket connection arguments and resolver shared by `Query.tickets` and `Source.tickets`.
 */
import type { GatewayContext } from '../context.js';
import { readTicketPage, type TicketConnectionShape } from '../federation/merged-connection.js';
import { reportSourceFailures } from '../federation/report-failures.js';
import type { SourceAdapter } from '../sources/adapter.js';
import { builder } from './builder.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, TicketFilterInput, TicketOrderInput, toPageRequest, toTicketQuery, type PageArgs } from './ticket-inputs.js';

export const ticketConnectionArgs = builder.args((t) => ({
  first: t.int({ description: `Page size when paging forward: 0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.` }),
  after: t.string({ description: 'Cursor (PageInfo.endCursor) to continue after.' }),
  last: t.int({ description: `Page size when paging backward: 0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} with before and no last.` }),
  before: t.string({ description: 'Cursor (PageInfo.startCursor) to page back from.' }),
  filter: t.field({ type: TicketFilterInput, description: 'Which tickets; every source answers by the same rule.' }),
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
