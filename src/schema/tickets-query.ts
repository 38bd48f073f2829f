import { builder } from './builder.js';
import { TicketConnection } from './ticket.js';
import { resolveTicketConnection, ticketConnectionArgs } from './ticket-connection.js';

builder.queryField('tickets', (t) =>
  t.field({
    type: TicketConnection,
    description:
      'Tickets from every source (or `filter.sources`), merged into one order. Filters are pushed down where a source can apply them and re-applied by the gateway, so every source answers by the same rule. A source that fails is listed in `sourceErrors` and in `errors`; the others still answer.',
    args: ticketConnectionArgs,
    resolve: (_root, args, ctx) => resolveTicketConnection(ctx, args, null),
  }),
);
