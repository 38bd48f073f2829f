/**
 * The BlueKing ITSM adapter: unified requests -> ESB `itsm` components, answers -> model.
 * Choices where the vendor pages are unclear are in README.md beside this file.
 */
import type { Comment, Ticket, TicketPriority, Topic, Vote } from '../../model.js';
import type {
  CallOptions,
  CommentPage,
  CreateTicketInput,
  ListTicketsRequest,
  RateInput,
  SourceAdapter,
  SourceCapabilities,
  SourceConfig,
  SourceMappings,
  TicketAction,
  TicketPage,
} from '../adapter.js';
import { windowComments } from '../comment-window.js';
import { SourceInputError, isUpstreamError } from '../errors.js';
import type { SourceHttp } from '../http.js';
import { isValidIdentifier, requireIdentifier } from '../identifiers.js';
import { readOffsetWindow } from '../paging.js';
import { readBack } from '../read-back.js';
import { reportSkippedRecord } from '../skipped-records.js';
import { lookupInBatches } from '../ticket-lookup.js';
import { BluekingClient, type BluekingCredentials, type GetTicketsParams } from './client.js';
import { PRIORITY_MAP, STATUS_MAP, UNKNOWN_OPEN_STATUS, availableActionsFor, isOperateAction, mapLog, mapTicket, toGetTicketsParams, type MapContext } from './map.js';
import { nativeListTicket, type NativeListTicket, type NativeTicketPage } from './native.js';

export interface BluekingSettings {
  timeZone: string;
  /** The service new tickets are filed under when `topicKey` is not given. */
  defaultServiceId?: number | undefined;
  /** `bk_username` per caller (src/auth/claim-template.ts). */
  usernameTemplate?: string | undefined;
}

/** Seed: "page_size … the maximum is 10000" (larger values are clamped by the server). */
export const MAX_PAGE_SIZE = 10_000;
/** Numbers per `sns` lookup: one call each; kept modest so a request body stays small. */
export const MAX_BATCH_SIZE = 100;

export const CAPABILITIES: SourceCapabilities = {
  filters: ['createdAfter', 'createdBefore', 'creator'],
  // Newest first by id ("-id"); ids grow with creation time, so that is CREATED_AT DESC.
  sorts: [{ field: 'CREATED_AT', direction: 'DESC' }],
  maxPageSize: MAX_PAGE_SIZE,
  totalCount: true,
  batchLookup: { maxBatchSize: MAX_BATCH_SIZE },
  comments: true,
  topics: true,
  writes: ['createTicket', 'transitionTicket', 'rateTicket'],
  ticketScoreScale: { min: 1, max: 5 },
  commentScoreScale: null,
};

/** bk-itsm priority field values: 1 high, 2 medium, 3 low (no "urgent" level). */
const PRIORITY_VALUE: Record<TicketPriority, string> = { URGENT: '1', HIGH: '1', NORMAL: '2', LOW: '3' };

export class BluekingItsmAdapter implements SourceAdapter {
  readonly kind = 'blueking-itsm' as const;
  readonly key: string;
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  /**
   * Ticket numbers (`sn`) are an upper-case prefix and 14–16 digits: `NO2019091610001755` (seed
   * 000, get_tickets example: NO + yyyyMMddHHmmss + 2 digits), `NO2019090519542603`
   * (create_ticket example), `REQ20211025000001` (REQ + yyyyMMdd + 6-digit sequence). A comment is
   * a position in the operation log (see map.ts `mapLog`), 1-based.
   */
  readonly identifiers = { ticketNumber: /^[A-Z]{2,10}\d{14,16}$/, commentId: /^[1-9]\d{0,5}$/ };
  private readonly client: BluekingClient;
  private readonly ctx: MapContext;

  constructor(
    private readonly config: SourceConfig<BluekingCredentials, BluekingSettings>,
    private readonly http: SourceHttp,
  ) {
    this.key = config.key;
    this.name = config.name;
    this.client = new BluekingClient(http, config.credentials, config.settings.usernameTemplate);
    this.ctx = { sourceKey: config.key, timeZone: config.settings.timeZone };
  }

  async listTickets(request: ListTicketsRequest, options: CallOptions = {}): Promise<TicketPage> {
    const { order, filter, offset, limit } = request;
    if (order.field !== 'CREATED_AT' || order.direction !== 'DESC') {
      throw new SourceInputError({
        source: this.key,
        code: 'UNSUPPORTED_OPERATION',
        message: `BlueKing returns tickets newest first only; cannot order by ${order.field} ${order.direction}`,
        field: 'orderBy',
      });
    }
    const fetchPage = async ({ page, pageSize }: { page: number; pageSize: number }) => {
      const native = await this.readNativePage(toGetTicketsParams(filter, { page, pageSize }, this.ctx.timeZone), options.signal);
      return { items: native.items, hasMore: page * pageSize < native.count, totalCount: native.count };
    };
    const window = await readOffsetWindow(offset, limit, MAX_PAGE_SIZE, fetchPage);
    return {
      tickets: this.mapItems(window.items),
      totalCount: window.totalCount,
      hasMore: window.hasMore,
    };
  }

  async getTickets(numbers: readonly string[], options: CallOptions = {}): Promise<(Ticket | null)[]> {
    return lookupInBatches(numbers, {
      batchSize: MAX_BATCH_SIZE,
      // Only sn-shaped values go into `sns`: nothing else can name a BlueKing ticket.
      accepts: (n) => isValidIdentifier(this.identifiers, 'ticketNumber', n),
      fetch: async (sns) => this.mapItems((await this.client.getTickets({ sns, page: 1, page_size: sns.length }, options.signal)).items),
    });
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options: CallOptions = {}): Promise<CommentPage> {
    return windowComments(await this.readLog(ticketNumber, options.signal), page);
  }

  async getComment(ticketNumber: string, commentId: string, options: CallOptions = {}): Promise<Comment | null> {
    if (!isValidIdentifier(this.identifiers, 'commentId', commentId)) return null;
    const comments = await this.readLog(ticketNumber, options.signal);
    return comments[Number(commentId) - 1] ?? null;
  }

  async listTopics(options: CallOptions = {}): Promise<Topic[]> {
    const services = await this.client.getServices(options.signal);
    return services.map((s) => ({ sourceKey: this.key, key: String(s.id), name: s.name }));
  }

  async createTicket(input: CreateTicketInput, options: CallOptions = {}): Promise<Ticket> {
    const serviceId = input.topicKey !== undefined ? Number(input.topicKey) : this.config.settings.defaultServiceId;
    if (input.topicKey !== undefined && !/^[1-9]\d{0,9}$/.test(input.topicKey)) {
      throw new SourceInputError({ source: this.key, code: 'INVALID_INPUT', message: 'topic must be a BlueKing service id (see topics)', field: 'topic' });
    }
    if (serviceId === undefined || !Number.isSafeInteger(serviceId) || serviceId <= 0) {
      throw new SourceInputError({
        source: this.key,
        code: 'INVALID_INPUT',
        message: 'BlueKing files every ticket under a service: give topic (a service id from topics)',
        field: 'topic',
      });
    }
    const fields: { key: string; value: string }[] = [
      { key: 'title', value: input.title },
      { key: 'description', value: input.description },
      ...(input.priority ? [{ key: 'priority', value: PRIORITY_VALUE[input.priority] }] : []),
      ...extraFields(this.key, input.extra),
    ];
    const created = await this.client.createTicket({ service_id: serviceId, creator: this.config.credentials.username, fields }, options.signal);
    // create_ticket is not idempotent and answers only the number: from here the ticket exists,
    // so a failed re-read must say so (a retry would file a duplicate).
    return this.reread(created.sn, ['create'], options.signal);
  }

  async rateTicket(number: string, input: RateInput, options: CallOptions = {}): Promise<Vote> {
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
      throw new SourceInputError({ source: this.key, code: 'INVALID_INPUT', message: 'BlueKing ratings are 1 to 5 stars', field: 'score' });
    }
    requireIdentifier(this.key, this.identifiers, 'ticketNumber', number, 'id');
    await this.client.commentTicket(number, input.score, input.comment ?? '', options.signal);
    return { score: input.score, comment: input.comment ?? null, createdAt: new Date() };
  }

  availableActions(ticket: Ticket): TicketAction[] {
    return availableActionsFor(ticket.nativeStatus, ticket.creator?.id ?? null, this.config.credentials.username);
  }

  async transitionTicket(number: string, action: string, options: CallOptions = {}): Promise<Ticket> {
    if (!isOperateAction(action)) {
      throw new SourceInputError({
        source: this.key,
        code: 'INVALID_ACTION',
        message: 'unknown BlueKing action; use SUSPEND, UNSUSPEND, WITHDRAW or TERMINATE',
        field: 'action',
      });
    }
    requireIdentifier(this.key, this.identifiers, 'ticketNumber', number, 'id');
    await this.client.operateTicket(number, action, undefined, options.signal);
    return this.reread(number, [action], options.signal);
  }

  describeMappings(): SourceMappings {
    return {
      status: Object.entries(STATUS_MAP).map(([native, unified]) => ({ native, unified })),
      priority: Object.entries(PRIORITY_MAP).map(([native, unified]) => ({
        native,
        unified,
        note: 'get_ticket_info form field `priority`; list items carry no priority, so tickets read through lists show none',
      })),
      unknownStatus: UNKNOWN_OPEN_STATUS,
    };
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /**
   * A page past the end is an error on BlueKing ("Invalid page."), but an empty window for
   * a connection: answer it as such, with the count from the smallest first page.
   */
  private async readNativePage(params: GetTicketsParams, signal?: AbortSignal): Promise<NativeTicketPage> {
    try {
      return await this.client.getTickets(params, signal);
    } catch (error) {
      if (!isUpstreamError(error) || params.page <= 1 || !/Invalid page\./.test(error.message)) throw error;
      const first = await this.client.getTickets({ ...params, page: 1, page_size: 1 }, signal);
      return { ...first, items: [] };
    }
  }

  /**
   * List items arrive unparsed: one item we cannot read (no `sn`, a date that is not
   * "YYYY-MM-DD hh:mm:ss") is skipped and reported, never failing the page. Unknown statuses
   * are mapped (map.ts `mapStatus`), not skipped.
   */
  private mapItems(items: readonly unknown[]): Ticket[] {
    const tickets: Ticket[] = [];
    for (const item of items) {
      const parsed = nativeListTicket.safeParse(item);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.map(String).join('.') || 'item';
        reportSkippedRecord({ source: this.key, record: 'ticket', reason: `unreadable get_tickets item field ${field}` });
        continue;
      }
      const ticket = this.mapItem(parsed.data);
      if (ticket) tickets.push(ticket);
    }
    return tickets;
  }

  private mapItem(item: NativeListTicket): Ticket | null {
    try {
      return mapTicket(item, this.ctx);
    } catch (error) {
      if (!isUpstreamError(error)) throw error;
      reportSkippedRecord({ source: this.key, record: 'ticket', reason: 'get_tickets item with an unreadable time' });
      return null;
    }
  }

  /** The operation log stands in for comments (BlueKing has no comment thread). */
  private async readLog(ticketNumber: string, signal?: AbortSignal): Promise<Comment[]> {
    // `sn` goes into get_ticket_logs' query string: only sn-shaped values may.
    requireIdentifier(this.key, this.identifiers, 'ticketNumber', ticketNumber, 'id');
    try {
      const data = await this.client.getTicketLogs(ticketNumber, signal);
      return data.logs.map((log, index) => mapLog(ticketNumber, log, index, this.ctx));
    } catch (error) {
      // 3900022: no such ticket. No ticket, no comments — like a 404 on a lookup.
      if (isUpstreamError(error) && error.vendorCode === '3900022') return [];
      throw error;
    }
  }

  /** The ticket after a write that was applied: any failure here still reports `applied`. */
  private async reread(number: string, steps: string[], signal?: AbortSignal): Promise<Ticket> {
    return readBack(this.key, { ticketNumber: number, steps }, async () => (await this.getTickets([number], { ...(signal ? { signal } : {}) }))[0]);
  }
}

/** `extra.fields`: further `{key, value}` form fields the chosen service asks for. */
function extraFields(source: string, all: Record<string, unknown> | undefined): { key: string; value: string }[] {
  if (all === undefined) return [];
  // The schema passes the requester inputs through `extra`; create_ticket's `creator` is the
  // configured user, so they are refused by their GraphQL name rather than dropped.
  const { requesterName, requesterEmails, ...extra } = all;
  if (requesterName !== undefined || requesterEmails !== undefined) {
    throw new SourceInputError({
      source,
      code: 'UNSUPPORTED_OPERATION',
      message: 'BlueKing tickets are created by the configured user; a requester cannot be set',
      field: requesterName !== undefined ? 'requesterName' : 'requesterEmails',
    });
  }
  const unknownKeys = Object.keys(extra).filter((k) => k !== 'fields');
  const fields = extra.fields;
  const valid =
    unknownKeys.length === 0 &&
    (fields === undefined ||
      (Array.isArray(fields) &&
        fields.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as { key?: unknown }).key === 'string' && typeof (f as { value?: unknown }).value === 'string')));
  if (!valid) {
    throw new SourceInputError({ source, code: 'INVALID_INPUT', message: 'BlueKing extra accepts only { fields: [{ key: string, value: string }] }', field: 'extra' });
  }
  return (fields as { key: string; value: string }[] | undefined) ?? [];
}
