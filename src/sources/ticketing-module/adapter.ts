import type { Comment, Ticket, Topic } from '../../model.js';
import type { CallOptions, CommentPage, ListTicketsRequest, SourceAdapter, SourceCapabilities, SourceConfig, SourceMappings, TicketOrder, TicketPage } from '../adapter.js';
import { SourceInputError } from '../errors.js';
import type { SourceHttp } from '../http.js';
import { requireIdentifier, type IdentifierShapes } from '../identifiers.js';
import { lookupInBatches } from '../ticket-lookup.js';
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

export class TicketingModuleAdapter implements SourceAdapter {
  readonly kind = 'ticketing-module' as const;
  readonly key: string;
  readonly name: string;
  readonly capabilities = ticketingModuleCapabilities;
  readonly identifiers = TICKETING_MODULE_IDENTIFIERS;
  private readonly client: TicketingModuleClient;

  constructor(
    config: SourceConfig<TicketingModuleCredentials, TicketingModuleSettings>,
    private readonly http: SourceHttp,
  ) {
    this.key = config.key;
    this.name = config.name;
    this.client = new TicketingModuleClient(http, config.credentials, {
      listType: config.settings.listType ?? 'template',
      supportRequest: config.settings.supportRequest ?? false,
    });
  }

  async listTickets(request: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
    const { order, offset, limit } = request;
    if (!SORTS.some((s) => s.field === order.field && s.direction === order.direction)) {
      throw new SourceInputError({ source: this.key, code: 'INVALID_INPUT', field: 'orderBy', message: `[${this.key}] cannot sort by ${order.field} ${order.direction}` });
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP || !Number.isInteger(offset) || offset < 0) {
      throw new SourceInputError({ source: this.key, code: 'INVALID_INPUT', field: 'first', message: `[${this.key}] a page holds 1..${MAX_TOP} tickets` });
    }
    const body = toListBody(request);
    if (body === null) return { tickets: [], totalCount: 0, hasMore: false };
    const { data } = await this.client.listTickets(body, options);
    const records = data.tickets.slice(0, limit);
    const tickets = readTickets(this.key, records);
    const total = data.pagination.total;
    // Position in the native stream counts skipped records too.
    return { tickets, totalCount: total, hasMore: data.pagination.hasMore || offset + records.length < total };
  }

  async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
    // Numbers travel in the JSON body, never a URL; still only of the vendor's shape.
    for (const number of numbers) requireIdentifier(this.key, this.identifiers, 'ticketNumber', number, 'number');
    return lookupInBatches(numbers, {
      batchSize: MAX_TOP,
      fetch: async (wanted) => readTickets(this.key, (await this.client.listTickets(toLookupBody(wanted), options)).data.tickets),
    });
  }

  // The seed documents tickets only: no comments, topics or write endpoints.
  async listComments(): Promise<CommentPage> {
    return { comments: [], totalCount: 0, hasMore: false };
  }

  async getComment(): Promise<Comment | null> {
    return null;
  }

  async listTopics(): Promise<Topic[]> {
    return [];
  }

  describeMappings(): SourceMappings {
    return describeTicketingMappings();
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
