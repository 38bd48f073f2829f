/**
 * The BlueKing ITSM adapter: unified requests -> ESB `itsm` components, answers -> model.
 * Choices where the vendor pages are unclear are in README.md beside this file.
 */
import { ErrorCode, UpstreamError, isUpstreamError, userInputError } from '../../errors.js';
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
  TicketAction,
  TicketPage,
} from '../adapter.js';
import type { SourceHttp } from '../http.js';
import { readOffsetWindow } from '../paging.js';
import { BluekingClient, type BluekingCredentials, type GetTicketsParams } from './client.js';
import { availableActionsFor, isOperateAction, mapLog, mapTicket, toGetTicketsParams, type MapContext } from './map.js';
import type { NativeTicketPage } from './native.js';

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
  // TODO(vendor shapes): refine from the vendor docs.
  readonly identifiers = { ticketNumber: /^[A-Za-z0-9_.-]{1,128}$/, commentId: /^[A-Za-z0-9_.-]{1,128}$/ };
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
      throw new Error(`blueking-itsm returns tickets newest first only; cannot order by ${order.field} ${order.direction}`);
    }
    const fetchPage = async ({ page, pageSize }: { page: number; pageSize: number }) => {
      const native = await this.readNativePage(toGetTicketsParams(filter, { page, pageSize }, this.ctx.timeZone), options.signal);
      return { items: native.items, hasMore: page * pageSize < native.count, totalCount: native.count };
    };
    const window = await readOffsetWindow(offset, limit, MAX_PAGE_SIZE, fetchPage);
    return {
      tickets: window.items.map((item) => mapTicket(item, this.ctx)),
      totalCount: window.totalCount,
      hasMore: window.hasMore,
    };
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

  async getTickets(numbers: readonly string[], options: CallOptions = {}): Promise<(Ticket | null)[]> {
    const unique = [...new Set(numbers)];
    if (unique.length === 0) return [];
    const page = await this.client.getTickets({ sns: unique, page: 1, page_size: unique.length }, options.signal);
    const bySn = new Map(page.items.map((item) => [item.sn, item]));
    return numbers.map((n) => {
      const item = bySn.get(n);
      return item ? mapTicket(item, this.ctx) : null;
    });
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options: CallOptions = {}): Promise<CommentPage> {
    const comments = await this.readLog(ticketNumber, options.signal);
    return {
      comments: comments.slice(page.offset, page.offset + page.limit),
      totalCount: comments.length,
      hasMore: comments.length > page.offset + page.limit,
    };
  }

  async getComment(ticketNumber: string, commentId: string, options: CallOptions = {}): Promise<Comment | null> {
    if (!/^[1-9]\d*$/.test(commentId)) return null;
    const comments = await this.readLog(ticketNumber, options.signal);
    return comments[Number(commentId) - 1] ?? null;
  }

  /** The operation log stands in for comments (BlueKing has no comment thread). */
  private async readLog(ticketNumber: string, signal?: AbortSignal): Promise<Comment[]> {
    try {
      const data = await this.client.getTicketLogs(ticketNumber, signal);
      return data.logs.map((log, index) => mapLog(ticketNumber, log, index, this.ctx));
    } catch (error) {
      // 3900022: no such ticket. No ticket, no comments — like a 404 on a lookup.
      if (isUpstreamError(error) && error.vendorCode === '3900022') return [];
      throw error;
    }
  }

  async listTopics(options: CallOptions = {}): Promise<Topic[]> {
    const services = await this.client.getServices(options.signal);
    return services.map((s) => ({ sourceKey: this.key, key: String(s.id), name: s.name }));
  }

  async createTicket(input: CreateTicketInput, options: CallOptions = {}): Promise<Ticket> {
    const serviceId = input.topicKey !== undefined ? Number(input.topicKey) : this.config.settings.defaultServiceId;
    if (serviceId === undefined || !Number.isInteger(serviceId) || serviceId <= 0) {
      throw userInputError('BlueKing files every ticket under a service: give topicKey (a service id from topics)');
    }
    const fields: { key: string; value: string }[] = [
      { key: 'title', value: input.title },
      { key: 'description', value: input.description },
      ...(input.priority ? [{ key: 'priority', value: PRIORITY_VALUE[input.priority] }] : []),
      ...extraFields(input.extra),
    ];
    const created = await this.client.createTicket({ service_id: serviceId, creator: this.config.credentials.username, fields }, options.signal);
    return this.reread(created.sn, options.signal);
  }

  availableActions(ticket: Ticket): TicketAction[] {
    return availableActionsFor(ticket.nativeStatus, ticket.creator?.id ?? null, this.config.credentials.username);
  }

  async transitionTicket(number: string, action: string, options: CallOptions = {}): Promise<Ticket> {
    if (!isOperateAction(action)) {
      throw userInputError(`unknown BlueKing action "${action}"; use SUSPEND, UNSUSPEND, WITHDRAW or TERMINATE`);
    }
    await this.client.operateTicket(number, action, undefined, options.signal);
    return this.reread(number, options.signal);
  }

  async rateTicket(number: string, input: RateInput, options: CallOptions = {}): Promise<Vote> {
    if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
      throw userInputError('BlueKing ratings are 1 to 5 stars');
    }
    await this.client.commentTicket(number, input.score, input.comment ?? '', options.signal);
    return { score: input.score, comment: input.comment ?? null, createdAt: new Date() };
  }

  private async reread(number: string, signal?: AbortSignal): Promise<Ticket> {
    const [ticket] = await this.getTickets([number], { ...(signal ? { signal } : {}) });
    if (!ticket) {
      throw new UpstreamError({ source: this.key, code: ErrorCode.UPSTREAM_BAD_RESPONSE, message: `ticket ${number} is missing right after the write` });
    }
    return ticket;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** `extra.fields`: further `{key, value}` form fields the chosen service asks for. */
function extraFields(extra: Record<string, unknown> | undefined): { key: string; value: string }[] {
  if (extra === undefined) return [];
  const unknownKeys = Object.keys(extra).filter((k) => k !== 'fields');
  const fields = extra.fields;
  const valid =
    unknownKeys.length === 0 &&
    (fields === undefined ||
      (Array.isArray(fields) &&
        fields.every((f: unknown) => typeof f === 'object' && f !== null && typeof (f as { key?: unknown }).key === 'string' && typeof (f as { value?: unknown }).value === 'string')));
  if (!valid) throw userInputError('BlueKing extra accepts only { fields: [{ key: string, value: string }] }');
  return (fields as { key: string; value: string }[] | undefined) ?? [];
}
