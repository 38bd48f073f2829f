import type { Ticket } from '../../model.js';
import type { CallOptions, ListTicketsRequest, SourceAdapter, SourceCapabilities, SourceConfig, TicketOrder, TicketPage } from '../adapter.js';
import { SourceInputError } from '../errors.js';
import type { SourceHttp } from '../http.js';
import { requireIdentifier, type IdentifierShapes } from '../identifiers.js';
import { MAX_TOP, TicketingModuleClient, type ListType, type TicketingModuleCredentials } from './client.js';
import { describeTicketingMappings, readTickets, toListBody, toLookupBody } from './map.js';

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

/**
 * Seed 003's ticket numbers: "TKT-2025-001234", "TKT-2025-001235" (prefix, year, six-digit
 * sequence). The record's `id` is a UUID but nothing addresses a ticket by it. No comments.
 */
export const TICKETING_MODULE_IDENTIFIERS: IdentifierShapes = {
  ticketNumber: /^TKT-\d{4}-\d{6}$/,
  commentId: null,
};

export const ticketingModuleCapabilities: SourceCapabilities = {
  // Exact pushdowns only, each a flat condition of a shape the seed shows (README "Filter
  // pushdown"). `search` is pushed coarsely (the vendor's full text covers more fields), and
  // creator/assignee not at all, so neither is listed.
  filters: ['status', 'priority', 'createdAfter', 'createdBefore', 'updatedAfter'],
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
  const identifiers = TICKETING_MODULE_IDENTIFIERS;

  return {
    key,
    kind: 'ticketing-module',
    name: config.name,
    capabilities: ticketingModuleCapabilities,
    identifiers,

    async listTickets(request: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
      const { order, offset, limit } = request;
      if (!SORTS.some((s) => s.field === order.field && s.direction === order.direction)) {
        throw new SourceInputError({ source: key, code: 'INVALID_INPUT', field: 'orderBy', message: `[${key}] cannot sort by ${order.field} ${order.direction}` });
      }
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP || !Number.isInteger(offset) || offset < 0) {
        throw new SourceInputError({ source: key, code: 'INVALID_INPUT', field: 'first', message: `[${key}] a page holds 1..${MAX_TOP} tickets` });
      }
      const body = toListBody(request);
      if (body === null) return { tickets: [], totalCount: 0, hasMore: false };
      const { data } = await client.listTickets(body, options);
      const records = data.tickets.slice(0, limit);
      const tickets = readTickets(key, records);
      const total = data.pagination.total;
      // Position in the native stream counts skipped records too.
      return { tickets, totalCount: total, hasMore: data.pagination.hasMore || offset + records.length < total };
    },

    async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
      // Numbers travel in the JSON body, never a URL; still only of the vendor's shape.
      for (const number of numbers) requireIdentifier(key, identifiers, 'ticketNumber', number, 'number');
      const wanted = [...new Set(numbers)];
      const found = new Map<string, Ticket>();
      for (let i = 0; i < wanted.length; i += MAX_TOP) {
        const { data } = await client.listTickets(toLookupBody(wanted.slice(i, i + MAX_TOP)), options);
        for (const ticket of readTickets(key, data.tickets)) found.set(ticket.number, ticket);
      }
      // The vendor's IN compares case-insensitively; only an exact number answers for itself.
      return numbers.map((n) => found.get(n) ?? null);
    },

    listComments: async () => ({ comments: [], totalCount: 0, hasMore: false }),
    getComment: async () => null,
    listTopics: async () => [],
    describeMappings: describeTicketingMappings,

    close: () => http.close(),
  };
}
