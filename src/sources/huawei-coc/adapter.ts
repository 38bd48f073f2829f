/**
 * The COC incident adapter: lists through `POST /v2/incidents/list` (named filters + a
 * condition, page/per_page up to 200, `data.total`), looks many numbers up with one
 * `ticket_id in` filter, reads the operation history as comments, and creates/handles
 * incidents when an operator id is configured.
 */
import { z } from 'zod';
import type { Comment, Ticket } from '../../model.js';
import type {
  CallOptions,
  CommentPage,
  CreateTicketInput,
  ListTicketsRequest,
  SourceAdapter,
  SourceCapabilities,
  SourceConfig,
  SourceMappings,
  TicketAction,
  TicketOrder,
  TicketPage,
} from '../adapter.js';
import { windowComments } from '../comment-window.js';
import { SourceInputError } from '../errors.js';
import type { SourceHttp } from '../http.js';
import { isValidIdentifier } from '../identifiers.js';
import { readOffsetWindow } from '../paging.js';
import { readBack } from '../read-back.js';
import { reportSkippedRecord } from '../skipped-records.js';
import { lookupInBatches } from '../ticket-lookup.js';
import { CocClient } from './client.js';
import { FALLBACK_STATUS, LEVEL_BY_PRIORITY, PRIORITY_BY_LEVEL, STATUS_BY_WORK_FLOW, mapHistory, mapIncident } from './map.js';
import { CocIncident } from './native.js';
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
  /**
   * Incident numbers are `IM` + 24 digits (seed 002: `IM202504101040380143525888`;
   * HandleCocIncident example: `IM202403221515060171753781`). A comment is a position in the
   * operation history (see map.ts `mapHistory`), 1-based.
   */
  readonly identifiers = { ticketNumber: /^IM\d{24}$/, commentId: /^[1-9]\d{0,5}$/ };
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
      throw new SourceInputError({ source: this.key, code: 'UNSUPPORTED_OPERATION', message: `cannot sort by ${order.field} ${order.direction}`, field: 'orderBy' });
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
      tickets: this.mapRecords(window.items),
      totalCount: window.totalCount,
      hasMore: window.hasMore,
    };
  }

  async getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]> {
    return lookupInBatches(numbers, {
      batchSize: MAX_PER_PAGE,
      // Only incident-number-shaped values go into the `ticket_id in` filter: others cannot exist.
      accepts: (n) => isValidIdentifier(this.identifiers, 'ticketNumber', n),
      fetch: async (wanted) => this.mapRecords((await this.client.listIncidents(buildLookupRequest(wanted), options)).tickets ?? []),
    });
  }

  async listComments(ticketNumber: string, page: { offset: number; limit: number }, options?: CallOptions): Promise<CommentPage> {
    // The history call has no paging: it answers the whole (short) timeline at once.
    return windowComments(await this.history(ticketNumber, options), page);
  }

  async getComment(ticketNumber: string, commentId: string, options?: CallOptions): Promise<Comment | null> {
    if (!/^[1-9]\d{0,5}$/.test(commentId)) return null;
    const all = await this.history(ticketNumber, options);
    return all[Number(commentId) - 1] ?? null;
  }

  async listTopics(): Promise<[]> {
    return [];
  }

  describeMappings(): SourceMappings {
    return {
      status: Object.entries(STATUS_BY_WORK_FLOW).map(([native, unified]) => ({ native, unified })),
      priority: Object.entries(PRIORITY_BY_LEVEL).map(([native, unified]) => ({ native, unified })),
      unknownStatus: FALLBACK_STATUS,
    };
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /**
   * List records arrive unparsed: one record we cannot read is skipped (and reported) rather
   * than failing the page. Unknown statuses are not a reason to skip (FALLBACK_STATUS).
   */
  private mapRecords(records: readonly unknown[]): Ticket[] {
    const tickets: Ticket[] = [];
    for (const record of records) {
      const parsed = CocIncident.safeParse(record);
      if (parsed.success) {
        tickets.push(mapIncident(this.key, parsed.data));
        continue;
      }
      const field = parsed.error.issues[0]?.path.map(String).join('.') || 'record';
      reportSkippedRecord({ source: this.key, record: 'ticket', reason: `unreadable incident field ${field}` });
    }
    return tickets;
  }

  private async history(ticketNumber: string, options?: CallOptions): Promise<Comment[]> {
    const records = (await this.client.listHistories(ticketNumber, options)) ?? [];
    return records.map((record, index) => mapHistory(this.key, ticketNumber, record, index + 1));
  }

  private async create(operator: string, input: CreateTicketInput, options?: CallOptions): Promise<Ticket> {
    // The schema passes the requester inputs through `extra`; COC has no requester (the creator is
    // the configured operator), so they are refused by their GraphQL name, not dropped.
    const { requesterName, requesterEmails, ...vendorExtra } = input.extra ?? {};
    if (requesterName !== undefined || requesterEmails !== undefined) {
      throw new SourceInputError({
        source: this.key,
        code: 'UNSUPPORTED_OPERATION',
        message: 'COC incidents have no requester: the configured operator creates them',
        field: requesterName !== undefined ? 'requesterName' : 'requesterEmails',
      });
    }
    const extra = CreateExtra.safeParse(vendorExtra);
    if (!extra.success) {
      const at = extra.error.issues[0]?.path.map(String)[0];
      throw new SourceInputError({ source: this.key, code: 'INVALID_INPUT', message: `invalid value for ${at ?? 'extra'}`, field: at ?? 'extra' });
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
    // CreateCocIncident is not idempotent and answers only the number: the incident exists from
    // here on, so a failed re-read must say so (a retry would create a duplicate).
    return this.reread(number, ['create'], options);
  }

  private async transition(operator: string, number: string, action: string, options?: CallOptions): Promise<Ticket> {
    const [current] = await this.getTickets([number], options);
    if (!current) {
      throw new SourceInputError({ source: this.key, code: 'NOT_FOUND', message: 'no such incident', field: 'id' });
    }
    if (!ACTIONS_BY_WORK_FLOW[current.nativeStatus]?.some((a) => a.key === action)) {
      throw new SourceInputError({
        source: this.key,
        code: 'INVALID_ACTION',
        message: `this action is not available for an incident in status ${current.nativeStatus}`,
        field: 'action',
      });
    }
    await this.client.handleIncident(
      { incident_num: number, operator, operate_key: action, parameter: handleParameter(action, current) },
      options,
    );
    return this.reread(number, [action], options);
  }

  /** The record after a write that was applied: any failure here still reports `applied`. */
  private async reread(number: string, steps: string[], options?: CallOptions): Promise<Ticket> {
    return readBack(this.key, { ticketNumber: number, steps }, async () => (await this.getTickets([number], options))[0]);
  }
}
