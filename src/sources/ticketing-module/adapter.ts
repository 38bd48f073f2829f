import type { Ticket } from '../../model.js';
import type { CallOptions, ListTicketsRequest, SourceAdapter, SourceCapabilities, SourceConfig, TicketOrder, TicketPage } from '../adapter.js';
import type { SourceHttp } from '../http.js';
import { MAX_TOP, TicketingModuleClient, type ListType, type TicketingModuleCredentials } from './client.js';
import { mapTicket, toListBody, toLookupBody } from './map.js';

export interface TicketingModuleSettings {
  listType?: ListType | undefined;
  supportRequest?: boolean | undefined;
}

const SORTS: readonly TicketOrder[] = [
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'ASC' },
  { field: 'UPDATED_AT', direction: 'DESC' },
  { field: 'UPDATED_AT', direction: 'ASC' },
];

export const ticketingModuleCapabilities: SourceCapabilities = {
  // Exact pushdowns only. `search` and nothing else is pushed coarsely (the vendor's full text
  // covers more fields), so it is not listed; see README "Filter pushdown".
  filters: ['status', 'priority', 'createdAfter', 'createdBefore', 'updatedAfter', 'creator', 'assignee'],
  sorts: SORTS,
  maxPageSize: MAX_TOP,
  totalCount: true,
  batchLookup: { maxBatchSize: MAX_TOP },
  // The seed documents tickets only: no comments, topics or write endpoints.
  comments: false,
  topics: false,
  writes: [],
  ticketScoreScale: null,
  commentScoreScale: null,
};

export function createTicketingModuleAdapter(
  config: SourceConfig<TicketingModuleCredentials, TicketingModuleSettings>,
  http: SourceHttp,
): SourceAdapter {
  const client = new TicketingModuleClient(http, config.credentials, {
    listType: config.settings.listType ?? 'template',
    supportRequest: config.settings.supportRequest ?? false,
  });
  const key = config.key;

  return {
    key,
    kind: 'ticketing-module',
    name: config.name,
    capabilities: ticketingModuleCapabilities,
    // TODO(vendor shapes): refine from the vendor docs.
    identifiers: { ticketNumber: /^[A-Za-z0-9_.-]{1,128}$/, commentId: /^[A-Za-z0-9_.-]{1,128}$/ },

    async listTickets(request: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
      const { order, offset, limit } = request;
      if (!SORTS.some((s) => s.field === order.field && s.direction === order.direction)) {
        throw new Error(`ticketing-module cannot sort by ${order.field} ${order.direction}`);
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP) throw new RangeError(`limit must be 1..${MAX_TOP}`);
      const body = toListBody(request);
      if (body === null) return { tickets: [], totalCount: 0, hasMore: false };
      const { data } = await client.listTickets(body, options);
      const tickets = data.tickets.slice(0, limit).map((t) => mapTicket(key, t));
      const total = data.pagination.total;
      return { tickets, totalCount: total, hasMore: data.pagination.hasMore || offset + tickets.length < total };
    },

    async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
      const wanted = [...new Set(numbers)];
      const found = new Map<string, Ticket>();
      for (let i = 0; i < wanted.length; i += MAX_TOP) {
        const { data } = await client.listTickets(toLookupBody(wanted.slice(i, i + MAX_TOP)), options);
        for (const ticket of data.tickets) found.set(ticket.ticketNumber, mapTicket(key, ticket));
      }
      // The vendor's IN compares case-insensitively; only an exact number answers for itself.
      return numbers.map((n) => found.get(n) ?? null);
    },

    listComments: async () => ({ comments: [], totalCount: 0, hasMore: false }),
    getComment: async () => null,
    listTopics: async () => [],

    close: () => http.close(),
  };
}
