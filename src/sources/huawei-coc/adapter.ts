/**
 * The COC incident adapter: lists through `POST /v2/incidents/list` (named filters + a
 * condition, page/per_page up to 200, `data.total`), looks many numbers up with one
 * `ticket_id in` filter, reads the operation history as comments, and creates/handles
 * incidents when an operator id is configured.
 */
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '../../errors.js';
import type { Comment, Ticket } from '../../model.js';
import type {
  CallOptions,
  CommentPage,
  CreateTicketInput,
  ListTicketsRequest,
  SourceAdapter,
  SourceCapabilities,
  SourceConfig,
  TicketAction,
  TicketOrder,
  TicketPage,
} from '../adapter.js';
import type { SourceHttp } from '../http.js';
import { readOffsetWindow } from '../paging.js';
import { CocClient } from './client.js';
import { LEVEL_BY_PRIORITY, mapHistory, mapIncident } from './map.js';
import { MAX_PER_PAGE, buildListRequest, buildLookupRequest } from './query.js';
import { ACTIONS_BY_WORK_FLOW, handleParameter } from './workflow.js';

export interface CocCredentials {
  authToken: string;
}
export interface CocSettings {
  /** IAM user id that creates and handles incidents (`creator` / `operator`); writes are off without it. */
  operatorId?: string | undefined;
}

const SORTS: readonly TicketOrder[] = [
  { field: 'CREATED_AT', direction: 'DESC' },
  { field: 'CREATED_AT', direction: 'ASC' },
  { field: 'UPDATED_AT', direction: 'DESC' },
  { field: 'UPDATED_AT', direction: 'ASC' },
];

/** CreateCocIncident's vendor fields a caller may set through `extra`. */
const CreateExtra = z.strictObject({
  incidentType: z.string().min(1).max(255).optional(),
  incidentSource: z.string().min(1).max(255).optional(),
  serviceInterrupted: z.boolean().optional(),
  assignee: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  region: z.string().min(1).max(255).optional(),
  application: z.string().min(1).max(255).optional(),
});

export class CocAdapter implements SourceAdapter {
  readonly kind = 'huawei-coc' as const;
  readonly key: string;
  readonly name: string;
  readonly capabilities: SourceCapabilities;
  // TODO(vendor shapes): refine from the vendor docs.
  readonly identifiers = { ticketNumber: /^[A-Za-z0-9_.-]{1,128}$/, commentId: /^[A-Za-z0-9_.-]{1,128}$/ };
  private readonly client: CocClient;
  // Present only with an operator id (see the constructor).
  declare readonly createTicket?: (input: CreateTicketInput, options?: CallOptions) => Promise<Ticket>;
  declare readonly transitionTicket?: (number: string, action: string, options?: CallOptions) => Promise<Ticket>;
  declare readonly availableActions?: (ticket: Ticket) => TicketAction[];

  constructor(config: SourceConfig<CocCredentials, CocSettings>, private readonly http: SourceHttp) {
    this.key = config.key;
    this.name = config.name;
    this.client = new CocClient(http, config.credentials.authToken);
    const operatorId = config.settings.operatorId;
    this.capabilities = {
      // creator/assignee/search are pushed only sometimes or never: see README.md.
      filters: ['status', 'priority', 'createdAfter', 'createdBefore', 'updatedAfter'],
      sorts: SORTS,
      maxPageSize: MAX_PER_PAGE,
      totalCount: true,
      batchLookup: { maxBatchSize: MAX_PER_PAGE },
      comments: true,
      topics: false,
      writes: operatorId ? ['createTicket', 'transitionTicket'] : [],
      ticketScoreScale: null,
      commentScoreScale: null,
    };
    // Write methods exist exactly when `capabilities.writes` lists them.
    if (operatorId) {
      this.createTicket = (input, options) => this.create(operatorId, input, options);
      this.transitionTicket = (number, action, options) => this.transition(operatorId, number, action, options);
      this.availableActions = (ticket) => ACTIONS_BY_WORK_FLOW[ticket.nativeStatus]?.map(({ key, label }) => ({ key, label })) ?? [];
    }
  }

  async listTickets({ filter, order, offset, limit }: ListTicketsRequest, options?: CallOptions): Promise<TicketPage> {
    if (!SORTS.some((s) => s.field === order.field && s.direction === order.direction)) {
      throw new Error(`huawei-coc cannot sort by ${order.field} ${order.direction}`);
    }
    const base = buildListRequest(filter, order);
    if (base === null) return { tickets: [], totalCount: 0, hasMore: false };
    const window = await readOffsetWindow(offset, limit, MAX_PER_PAGE, async ({ page, pageSize }) => {
      const data = await this.client.listIncidents({ ...base, page, per_page: pageSize }, options);
      const items = data.tickets ?? [];
      const total = data.total ?? null;
      return { items, totalCount: total, hasMore: total !== null ? page * pageSize < total : items.length === pageSize };
    });
    return {
      tickets: window.items.map((incident) => mapIncident(this.key, incident)),
      totalCount: window.totalCount,
      hasMore: window.hasMore,
    };
  }

  async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
    // ticket_id is at most 255 characters (Table 6): longer strings cannot exist, so are not sent.
    const wanted = [...new Set(numbers)].filter((n) => n.length > 0 && n.length <= 255);
    if (wanted.length === 0) return numbers.map(() => null);
    const data = await this.client.listIncidents(buildLookupRequest(wanted), options);
    const found = new Map((data.tickets ?? []).map((incident) => [incident.ticket_id, mapIncident(this.key, incident)]));
    return numbers.map((number) => found.get(number) ?? null);
  }

  private async history(ticketNumber: string, options?: CallOptions): Promise<Comment[]> {
    const records = (await this.client.listHistories(ticketNumber, options)) ?? [];
    return records.map((record, index) => mapHistory(this.key, ticketNumber, record, index + 1));
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options?: CallOptions): Promise<CommentPage> {
    // The history call has no paging: it answers the whole (short) timeline at once.
    const all = await this.history(ticketNumber, options);
    return {
      comments: all.slice(page.offset, page.offset + page.limit),
      totalCount: all.length,
      hasMore: page.offset + page.limit < all.length,
    };
  }

  async getComment(ticketNumber: string, commentId: string, options?: CallOptions): Promise<Comment | null> {
    if (!/^[1-9]\d{0,5}$/.test(commentId)) return null;
    const all = await this.history(ticketNumber, options);
    return all[Number(commentId) - 1] ?? null;
  }

  async listTopics(): Promise<[]> {
    return [];
  }

  private async create(operator: string, input: CreateTicketInput, options?: CallOptions): Promise<Ticket> {
    const extra = CreateExtra.safeParse(input.extra ?? {});
    if (!extra.success) {
      throw userInputError(`huawei-coc: invalid extra field ${extra.error.issues[0]?.path.join('.') || ''}`.trim(), { source: this.key });
    }
    const x = extra.data;
    const number = await this.client.createIncident(
      {
        incident_level: LEVEL_BY_PRIORITY[input.priority ?? 'NORMAL'],
        is_service_interrupt: x.serviceInterrupted ?? false,
        incident_type: x.incidentType ?? 'inc_type_p_reliability_issues',
        incident_title: input.title,
        incident_description: input.description,
        incident_source: x.incidentSource ?? 'incident_source_manual',
        creator: operator,
        incident_assignee: [x.assignee ?? operator],
        ...(x.region ? { region: [x.region] } : {}),
        ...(x.application ? { current_cloud_service: [x.application] } : {}),
      },
      options,
    );
    return this.reread(number, options);
  }

  private async transition(operator: string, number: string, action: string, options?: CallOptions): Promise<Ticket> {
    const [current] = await this.getTickets([number], options);
    if (!current) {
      throw new GraphQLError(`huawei-coc: no incident ${number}`, { extensions: { code: ErrorCode.NOT_FOUND, source: this.key } });
    }
    if (!ACTIONS_BY_WORK_FLOW[current.nativeStatus]?.some((a) => a.key === action)) {
      throw userInputError(`huawei-coc: action "${action}" is not available for incident ${number} in status ${current.nativeStatus}`, {
        source: this.key,
      });
    }
    await this.client.handleIncident(
      { incident_num: number, operator, operate_key: action, parameter: handleParameter(action, current) },
      options,
    );
    return this.reread(number, options);
  }

  private async reread(number: string, options?: CallOptions): Promise<Ticket> {
    const [ticket] = await this.getTickets([number], options);
    if (!ticket) throw new Error(`huawei-coc: incident ${number} is not readable right after the write`);
    return ticket;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
