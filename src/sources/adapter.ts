/**
 * The contract between the gateway and one upstream ticket system.
 *
 * An adapter translates unified requests into the vendor's native API and native responses
 * into the unified model (`../model.ts`). It never imports the GraphQL schema, and the schema
 * never sees a vendor field name. Everything the gateway may rely on is declared in
 * `capabilities`, honestly: the merged connection plans pushdown from it.
 */
import type { z } from 'zod';
import type { Comment, Ticket, TicketPriority, TicketStatus, Topic, Vote } from '../model.js';
import type { Emulator, EmulatorOptions } from '../emulator/kit.js';
import type { SourceHttp } from './http.js';
import type { IdentifierShapes } from './identifiers.js';

export type { IdentifierShapes };

/** The kind names derive from the registry (`SOURCE_KINDS` lives there: a value import here would be a cycle). */
export type { SourceKindName } from './registry.js';
import type { SourceKindName } from './registry.js';

/** A filter over unified fields. Every present field must hold (AND); lists mean "any of". */
export interface TicketFilter {
  status?: readonly TicketStatus[];
  priority?: readonly TicketPriority[];
  /** Case-insensitive text match on title and description. */
  search?: string;
  /** Inclusive bounds. */
  createdAfter?: Date;
  createdBefore?: Date;
  updatedAfter?: Date;
  /** Matches a person's id, name or email, case-insensitively. */
  creator?: string;
  assignee?: string;
}
export type TicketFilterField = keyof TicketFilter;

export type TicketOrderField = 'CREATED_AT' | 'UPDATED_AT';
export type OrderDirection = 'ASC' | 'DESC';
export interface TicketOrder {
  field: TicketOrderField;
  direction: OrderDirection;
}
export const DEFAULT_ORDER: TicketOrder = { field: 'CREATED_AT', direction: 'DESC' };

export interface ListTicketsRequest {
  /**
   * The whole filter. The adapter pushes down what its capabilities declare (it may
   * over-approximate, e.g. a coarse native status filter); the gateway re-applies the whole
   * filter to what comes back, so a pushed-down filter must never drop a matching ticket.
   */
  filter: TicketFilter;
  /** One of `capabilities.sorts`. */
  order: TicketOrder;
  /** Position in the native result stream (after native filtering), 0-based. */
  offset: number;
  /** 1..capabilities.maxPageSize. */
  limit: number;
}

export interface TicketPage {
  tickets: Ticket[];
  /** Total in the native stream for this request's pushed-down filter; null where the vendor can't count. */
  totalCount: number | null;
  /** Whether the native stream holds more tickets after this window. */
  hasMore: boolean;
}

export interface CommentPage {
  comments: Comment[];
  totalCount: number | null;
  hasMore: boolean;
}

export interface CallOptions {
  /** Aborted when the GraphQL request is cancelled or its deadline passes. */
  signal?: AbortSignal;
}

export const WRITE_OPERATIONS = [
  'createTicket',
  'updateTicket',
  'closeTicket',
  'reopenTicket',
  'addComment',
  'rateTicket',
  'rateComment',
  'transitionTicket',
] as const;
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

export interface ScoreScale {
  /** Allowed scores, inclusive range. */
  min: number;
  max: number;
  /** When only some values in the range are allowed (e.g. a thumbs up/down of 1 and -1). */
  values?: readonly number[];
}

export interface SourceCapabilities {
  /**
   * Filter fields the vendor applies EXACTLY as the gateway would (src/federation/filter.ts).
   * A native total count is only exact when every field of a filter is listed here. An adapter
   * may still narrow natively on other fields when that can never drop a match; the gateway
   * re-applies the whole filter either way.
   */
  filters: readonly TicketFilterField[];
  /** Orders the vendor can return natively. */
  sorts: readonly TicketOrder[];
  /** Largest `limit` one native list call may ask for. */
  maxPageSize: number;
  /** Whether list responses carry an exact total. */
  totalCount: boolean;
  /** Many tickets by number in one call, at most this many; null = one call per ticket. */
  batchLookup: { maxBatchSize: number } | null;
  comments: boolean;
  topics: boolean;
  writes: readonly WriteOperation[];
  ticketScoreScale: ScoreScale | null;
  commentScoreScale: ScoreScale | null;
}

export interface CreateTicketInput {
  title: string;
  description: string;
  priority?: TicketPriority;
  topicKey?: string;
  /** Vendor-specific extra fields, already validated by the caller against nothing: the adapter checks them. */
  extra?: Record<string, unknown>;
}
export interface UpdateTicketInput {
  title?: string;
  description?: string;
  priority?: TicketPriority;
  extra?: Record<string, unknown>;
}
export interface CloseTicketInput {
  comment?: string;
  score?: number;
}
export interface ReopenTicketInput {
  comment: string;
}
export interface RateInput {
  score: number;
  comment?: string;
}

/** A workflow action the vendor allows now on a ticket, e.g. `SUSPEND`, `resolve`. */
export interface TicketAction {
  key: string;
  label: string;
}

export interface MappingRow<T extends string> {
  /** The vendor's value as it appears in `nativeStatus` / `nativePriority`. */
  native: string;
  unified: T;
  /** When the mapping needs a word (e.g. "only when is_closed is false"). */
  note?: string;
}

export interface SourceMappings {
  status: MappingRow<TicketStatus>[];
  priority: MappingRow<TicketPriority>[];
  /** What an unknown native status maps to (records are mapped leniently, never dropped for it). */
  unknownStatus: TicketStatus;
}

export interface SourceAdapter {
  readonly key: string;
  readonly kind: SourceKindName;
  readonly name: string;
  readonly capabilities: SourceCapabilities;
  /**
   * The shapes of this vendor's identifiers. The schema layer refuses any other value with
   * BAD_USER_INPUT (a `userErrors` entry in a mutation) before calling the adapter; clients
   * still put values into paths only through `pathSegment`.
   */
  readonly identifiers: IdentifierShapes;

  listTickets(request: ListTicketsRequest, options?: CallOptions): Promise<TicketPage>;
  /**
   * Tickets by number, answered in the order asked; null where the vendor has no such ticket.
   * With `batchLookup`, called with at most `maxBatchSize` numbers and answered in one native
   * call. Without it, called with any number, which the adapter fetches in parallel under its
   * own concurrency cap.
   */
  getTickets(numbers: readonly string[], options?: CallOptions): Promise<(Ticket | null)[]>;
  listComments(ticketNumber: string, page: { offset: number; limit: number }, options?: CallOptions): Promise<CommentPage>;
  getComment(ticketNumber: string, commentId: string, options?: CallOptions): Promise<Comment | null>;
  listTopics(options?: CallOptions): Promise<Topic[]>;
  /**
   * For vendors whose ticket record carries no description (it lives elsewhere, e.g. in the
   * first message): fetched only when a client asks for `description` and the ticket has none.
   */
  loadDescription?(ticket: Ticket, options?: CallOptions): Promise<string | null>;

  // Writes: present exactly when listed in `capabilities.writes`.
  createTicket?(input: CreateTicketInput, options?: CallOptions): Promise<Ticket>;
  updateTicket?(number: string, input: UpdateTicketInput, options?: CallOptions): Promise<Ticket>;
  closeTicket?(number: string, input: CloseTicketInput, options?: CallOptions): Promise<Ticket>;
  reopenTicket?(number: string, input: ReopenTicketInput, options?: CallOptions): Promise<Ticket>;
  addComment?(number: string, body: string, options?: CallOptions): Promise<Comment>;
  rateTicket?(number: string, input: RateInput, options?: CallOptions): Promise<Vote>;
  rateComment?(ticketNumber: string, commentId: string, input: RateInput, options?: CallOptions): Promise<Vote>;
  availableActions?(ticket: Ticket): TicketAction[];
  transitionTicket?(number: string, action: string, options?: CallOptions): Promise<Ticket>;

  /**
   * This source's status and priority tables (native value -> unified), so the graph can show
   * them (`Source` fields, enum descriptions) instead of only the folder README.
   */
  describeMappings?(): SourceMappings;

  /** Releases connections. */
  close(): Promise<void>;
}

/** One configured source, after validation and `{ env }` resolution. */
export interface SourceConfig<Credentials = Record<string, string>, Settings = Record<string, unknown>> {
  key: string;
  kind: SourceKindName;
  name: string;
  baseUrl: string;
  credentials: Credentials;
  timeoutMs: number;
  /** Kind-specific settings found beside the common fields (e.g. BlueKing's `timeZone`). */
  settings: Settings;
  /** Retries, circuit breaker, pool size (src/config.ts resilienceSettings); defaults when absent. */
  resilience?: import('../settings.js').ResilienceSettings;
  /** Live subscriptions poll this source this often (ms), only while someone subscribes. */
  pollIntervalMs?: number;
  /** Incoming request header -> header sent to this source (caller identity passthrough). */
  forwardHeaders?: Record<string, string>;
  /** Header sent to this source -> template over the caller's verified claims (src/auth/claim-template.ts). */
  identityHeaders?: Record<string, string>;
  /** With `gateway.auth.tenantClaim`: only callers of this tenant see this source. */
  tenant?: string;
}

/**
 * Everything the gateway knows about one kind of upstream system. Adding a system is one
 * folder exporting one of these, plus one line in `registry.ts`.
 */
export interface SourceKind<Credentials = Record<string, string>, Settings = Record<string, unknown>> {
  kind: SourceKindName;
  /** The name a source of this kind gets in the embedded default set-up. */
  defaultName: string;
  /** The default source key in the embedded set-up, e.g. `cp`. */
  defaultKey: string;
  /** Field names fixed by the config format; each value is a string after `{ env }` resolution. */
  credentials: z.ZodType<Credentials>;
  /** The credential fields whose values are secrets: scrubbed from every log line (observability/logger.ts). */
  secretCredentials: readonly string[];
  /** Kind-specific settings beside the common fields; unknown fields are rejected. */
  settings: z.ZodType<Settings>;
  createAdapter(config: SourceConfig<Credentials, Settings>, http: SourceHttp): SourceAdapter;
  createEmulator(options?: EmulatorOptions): Emulator;
}
