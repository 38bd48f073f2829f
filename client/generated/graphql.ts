/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A field whose value conforms to the standard internet email address format as specified in HTML Spec: https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address. */
  EmailAddress: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A field whose value conforms to the standard URL format as specified in RFC3986: https://www.ietf.org/rfc/rfc3986.txt. */
  URL: { input: string; output: string; }
};

/** What addComment needs. */
export type AddCommentInput = {
  /** The message; must not be blank. */
  body: Scalars['String']['input'];
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Global ID of the ticket (Ticket.id). */
  ticketId: Scalars['ID']['input'];
};

/** The result of addComment. */
export type AddCommentPayload = {
  __typename?: 'AddCommentPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The new comment. */
  comment?: Maybe<Comment>;
  /** The ticket, read again after the comment. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** What a write had already done upstream when it failed (UserErrorCode APPLIED_BUT_UNCONFIRMED). Do not repeat it. */
export type AppliedWrite = {
  __typename?: 'AppliedWrite';
  /** Global ID of the comment created, when one was. */
  commentId?: Maybe<Scalars['ID']['output']>;
  /** The steps applied, in order (e.g. ["comment"] when a close failed after its comment); empty when the write is one step. */
  steps: Array<Scalars['String']['output']>;
  /** Global ID of the ticket created or changed. */
  ticketId: Scalars['ID']['output'];
  /** The vendor's ticket number. */
  ticketNumber: Scalars['String']['output'];
};

/** What closeTicket needs. */
export type CloseTicketInput = {
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** A closing message, added to the thread. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global ID of the ticket (Ticket.id). */
  id: Scalars['ID']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A rating on the source's ticket scale (Source.capabilities.ticketScoreScale). */
  score?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of closeTicket. */
export type CloseTicketPayload = {
  __typename?: 'CloseTicketPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The closed ticket. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** A message on a ticket's thread (for sources without one, see the source's README). */
export type Comment = Node & {
  __typename?: 'Comment';
  /** Who wrote it, when the vendor says. */
  author?: Maybe<Person>;
  /** The message text. */
  body: Scalars['String']['output'];
  /** The vendor's comment id. */
  commentId: Scalars['String']['output'];
  /** When it was written (UTC). */
  createdAt: Scalars['DateTime']['output'];
  /** Global ID: opaque, stable, accepted by node(id:) and by mutations. */
  id: Scalars['ID']['output'];
  /** The ticket it belongs to. */
  ticket?: Maybe<Ticket>;
  /** Its rating (rateComment), if any. */
  vote?: Maybe<Vote>;
};

/** A page of a ticket's comments (Relay cursor connection). */
export type CommentConnection = {
  __typename?: 'CommentConnection';
  /** The items of this page, in order, each with its cursor. */
  edges: Array<CommentEdge>;
  /** Paging state of this page. */
  pageInfo: PageInfo;
  /** Comments on the ticket; null where the source cannot count them. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

/** A comment with its cursor. */
export type CommentEdge = {
  __typename?: 'CommentEdge';
  /** Opaque position of this edge; valid only for the same field and arguments. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Comment;
};

/** What createTicket needs. */
export type CreateTicketInput = {
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** The first message / body; must not be blank. */
  description: Scalars['String']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Mapped to the source's own priority (Source.priorityMapping). */
  priority?: InputMaybe<TicketPriority>;
  /** The requester's email addresses, where the source records them. */
  requesterEmails?: InputMaybe<Array<Scalars['EmailAddress']['input']>>;
  /** Who the ticket is for, where the source records a requester. */
  requesterName?: InputMaybe<Scalars['String']['input']>;
  /** The source key to create the ticket in (Query.sources { key }). */
  source: Scalars['String']['input'];
  /** A one-line summary; must not be blank. */
  title: Scalars['String']['input'];
  /** A topic key of that source (Source.topics { key }); some sources require one. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** The result of createTicket. */
export type CreateTicketPayload = {
  __typename?: 'CreateTicketPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The new ticket as the source now has it. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a message to a ticket's thread. */
  addComment?: Maybe<AddCommentPayload>;
  /** Closes a ticket, optionally with a closing message and a rating. */
  closeTicket?: Maybe<CloseTicketPayload>;
  /** Creates a ticket in one source. */
  createTicket?: Maybe<CreateTicketPayload>;
  /** Rates one comment (e.g. thumbs up or down on an answer). */
  rateComment?: Maybe<RateCommentPayload>;
  /** Rates how a ticket was handled. */
  rateTicket?: Maybe<RateTicketPayload>;
  /** Reopens a closed ticket with a message. */
  reopenTicket?: Maybe<ReopenTicketPayload>;
  /** A workflow action that doesn't fit the other mutations (e.g. suspend, accept, resolve). */
  transitionTicket?: Maybe<TransitionTicketPayload>;
  /** Changes what the source lets a caller change; a field it cannot change is an UNSUPPORTED_OPERATION userError. */
  updateTicket?: Maybe<UpdateTicketPayload>;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationCloseTicketArgs = {
  input: CloseTicketInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationCreateTicketArgs = {
  input: CreateTicketInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationRateCommentArgs = {
  input: RateCommentInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationRateTicketArgs = {
  input: RateTicketInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationReopenTicketArgs = {
  input: ReopenTicketInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationTransitionTicketArgs = {
  input: TransitionTicketInput;
};


/** Writes, each routed to the source of the object it names. Expected failures are `userErrors`, never top-level errors. */
export type MutationUpdateTicketArgs = {
  input: UpdateTicketInput;
};

/** An object with a global ID, refetchable with Query.node(id:). */
export type Node = {
  /** Global ID: opaque, stable, accepted by node(id:) and by mutations. */
  id: Scalars['ID']['output'];
};

/** Sort direction. */
export type OrderDirection =
  /** Oldest first. */
  | 'ASC'
  /** Newest first. */
  | 'DESC';

/** Where a page sits in its connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page (paging forward). */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page (paging backward). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; pass as `before` for the previous page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Someone as the vendor names them; any of the fields may be unknown. */
export type Person = {
  __typename?: 'Person';
  /** Email address, when the vendor gives one. */
  email?: Maybe<Scalars['String']['output']>;
  /** The vendor's identifier for this person. */
  id?: Maybe<Scalars['String']['output']>;
  /** Display name, when the vendor gives one. */
  name?: Maybe<Scalars['String']['output']>;
};

/** One row of a source's priority table: the vendor value and the unified priority it becomes. */
export type PriorityMapping = {
  __typename?: 'PriorityMapping';
  /** The vendor value, as in Ticket.nativePriority. */
  native: Scalars['String']['output'];
  /** A condition or remark, when the mapping needs one. */
  note?: Maybe<Scalars['String']['output']>;
  /** The unified priority. */
  priority: TicketPriority;
};

/** Reads across every configured source. */
export type Query = {
  __typename?: 'Query';
  /** Any object by global ID; null when it no longer exists, an error on this field alone when the ID is malformed. */
  node?: Maybe<Node>;
  /** At most 100 IDs; lookups are batched per source. */
  nodes: Array<Maybe<Node>>;
  /** A source by key; an unknown key is null here and one error (BAD_USER_INPUT, reason UNKNOWN_SOURCE) naming the known ones. */
  source?: Maybe<Source>;
  /** Every configured source, in configuration order. */
  sources: Array<Source>;
  /** One ticket by source key and vendor ticket number; null when the source has no such ticket. */
  ticket?: Maybe<Ticket>;
  /** Tickets from every source (or `filter.sources`), merged into one order. Filters are pushed down where a source can apply them and re-applied by the gateway, so every source answers by the same rule. A source that fails is listed in `sourceErrors` and in `errors`; the others still answer. */
  tickets: TicketConnection;
};


/** Reads across every configured source. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads across every configured source. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reads across every configured source. */
export type QuerySourceArgs = {
  key: Scalars['String']['input'];
};


/** Reads across every configured source. */
export type QueryTicketArgs = {
  number: Scalars['String']['input'];
  source: Scalars['String']['input'];
};


/** Reads across every configured source. */
export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TicketOrder>;
};

/** What rateComment needs. */
export type RateCommentInput = {
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** A remark kept with the rating. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global ID of the comment (Comment.id). */
  id: Scalars['ID']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** On the source's comment scale (Source.capabilities.commentScoreScale), e.g. 1 or -1. */
  score: Scalars['Int']['input'];
};

/** The result of rateComment. */
export type RateCommentPayload = {
  __typename?: 'RateCommentPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The rated comment. */
  comment?: Maybe<Comment>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
  /** The rating as the source recorded it. */
  vote?: Maybe<Vote>;
};

/** What rateTicket needs. */
export type RateTicketInput = {
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** A remark kept with the rating. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** Global ID of the ticket (Ticket.id). */
  id: Scalars['ID']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** On the source's ticket scale (Source.capabilities.ticketScoreScale). */
  score: Scalars['Int']['input'];
};

/** The result of rateTicket. */
export type RateTicketPayload = {
  __typename?: 'RateTicketPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The rated ticket. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
  /** The rating as the source recorded it. */
  vote?: Maybe<Vote>;
};

/** What reopenTicket needs. */
export type ReopenTicketInput = {
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** Why it is reopened; added to the thread. */
  comment: Scalars['String']['input'];
  /** Global ID of the ticket (Ticket.id). */
  id: Scalars['ID']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The result of reopenTicket. */
export type ReopenTicketPayload = {
  __typename?: 'ReopenTicketPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The reopened ticket. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** The scores a source accepts for a rating. */
export type ScoreScale = {
  __typename?: 'ScoreScale';
  /** Highest allowed score. */
  max: Scalars['Int']['output'];
  /** Lowest allowed score. */
  min: Scalars['Int']['output'];
  /** When only some values in the range are allowed. */
  values?: Maybe<Array<Scalars['Int']['output']>>;
};

/** One configured upstream ticket system. */
export type Source = Node & {
  __typename?: 'Source';
  /** What it can do natively. */
  capabilities: SourceCapabilities;
  /** Global ID: opaque, stable, accepted by node(id:) and by mutations. */
  id: Scalars['ID']['output'];
  /** The key from the configuration, e.g. `cp`. */
  key: Scalars['String']['output'];
  /** Which kind of ticket system this is. */
  kind: SourceKind;
  /** A human name from the configuration. */
  name: Scalars['String']['output'];
  /** How its native priorities become TicketPriority; empty when the source does not describe it. */
  priorityMapping: Array<PriorityMapping>;
  /** How its native statuses become TicketStatus; empty when the source does not describe it. */
  statusMapping: Array<StatusMapping>;
  /** This source's tickets; the same as `tickets(filter: { sources: [key] })`. */
  tickets: TicketConnection;
  /** The topics it files tickets under; empty when it has none. */
  topics: Array<Topic>;
  /** What a native status missing from statusMapping becomes (records are never dropped for it). */
  unknownStatus?: Maybe<TicketStatus>;
};


/** One configured upstream ticket system. */
export type SourceTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TicketOrder>;
};

/** What this source can do natively; the gateway does the rest (filters) or refuses it (writes). */
export type SourceCapabilities = {
  __typename?: 'SourceCapabilities';
  /** Whether many tickets can be looked up by number in one call. */
  batchLookup: Scalars['Boolean']['output'];
  /** Scores rateComment accepts; null when comments cannot be rated. */
  commentScoreScale?: Maybe<ScoreScale>;
  /** Whether tickets have a comment thread (Ticket.comments). */
  comments: Scalars['Boolean']['output'];
  /** TicketFilter fields applied exactly by the vendor; the gateway applies the others. */
  filters: Array<TicketFilterField>;
  /** Tickets per batch lookup, when batchLookup. */
  maxBatchSize?: Maybe<Scalars['Int']['output']>;
  /** Largest page the vendor returns in one call. */
  maxPageSize: Scalars['Int']['output'];
  /** Orders the vendor returns natively. */
  sorts: Array<SupportedOrder>;
  /** Scores rateTicket/closeTicket accept; null when tickets cannot be rated. */
  ticketScoreScale?: Maybe<ScoreScale>;
  /** Whether the source files tickets under topics (Source.topics). */
  topics: Scalars['Boolean']['output'];
  /** Whether the vendor reports an exact total. */
  totalCount: Scalars['Boolean']['output'];
  /** Mutations this source supports; the others answer UNSUPPORTED_OPERATION. */
  writes: Array<WriteOperation>;
};

/** A source that could not answer its part of this connection. */
export type SourceError = {
  __typename?: 'SourceError';
  /** What went wrong; a code newer than this schema reads as UPSTREAM_ERROR. */
  code: SourceErrorCode;
  /** For people; names the source. */
  message: Scalars['String']['output'];
  /** The source key. */
  source: Scalars['String']['output'];
};

/** Why a source is missing from a connection page (also `extensions.code` of its entry in `errors`). */
export type SourceErrorCode =
  /** The arguments cannot be sent to this source. */
  | 'BAD_USER_INPUT'
  /** The source cannot answer this request (e.g. an order it cannot return past a window). */
  | 'UNSUPPORTED_OPERATION'
  /** The source answered something unreadable (HTML, truncated or wrongly shaped JSON, too large). */
  | 'UPSTREAM_BAD_RESPONSE'
  /** The source failed repeatedly; the gateway is not calling it until a cool-down passes. */
  | 'UPSTREAM_CIRCUIT_OPEN'
  /** The source answered with an error of its own, or failed in a way the gateway does not classify. */
  | 'UPSTREAM_ERROR'
  /** Too many requests are already waiting for this source. */
  | 'UPSTREAM_OVERLOADED'
  /** The source is rate limiting the gateway; try later. */
  | 'UPSTREAM_RATE_LIMITED'
  /** The source rejected the request as invalid (e.g. a filter it cannot take). */
  | 'UPSTREAM_REJECTED'
  /** The source did not answer in time. */
  | 'UPSTREAM_TIMEOUT'
  /** A write timed out (not expected in a read). */
  | 'UPSTREAM_TIMEOUT_UNKNOWN_OUTCOME'
  /** The source refused the gateway's credentials (a configuration problem). */
  | 'UPSTREAM_UNAUTHORIZED'
  /** The source could not be reached (refused, reset, DNS). */
  | 'UPSTREAM_UNAVAILABLE';

/** The kind of upstream ticket system a source is (its folder under src/sources). */
export type SourceKind =
  /** Akana API Platform (config kind `akana`). */
  | 'AKANA'
  /** BlueKing ITSM (config kind `blueking-itsm`). */
  | 'BLUEKING_ITSM'
  /** Control panel (config kind `control-panel`). */
  | 'CONTROL_PANEL'
  /** Huawei Cloud COC (config kind `huawei-coc`). */
  | 'HUAWEI_COC'
  /** Ticketing module (config kind `ticketing-module`). */
  | 'TICKETING_MODULE';

/** One row of a source's status table: the vendor value and the unified status it becomes. */
export type StatusMapping = {
  __typename?: 'StatusMapping';
  /** The vendor value, as in Ticket.nativeStatus. */
  native: Scalars['String']['output'];
  /** A condition or remark, when the mapping needs one. */
  note?: Maybe<Scalars['String']['output']>;
  /** The unified status. */
  status: TicketStatus;
};

/** Live updates. Served over SSE (GraphQL over SSE) and WebSocket (graphql-ws) on the same path. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Changes to tickets of every source you can read (or `filter.sources`) that match `filter`. Sources are polled (`pollIntervalMs`, default 15 s) only while someone subscribes; the gateway's own writes arrive at once. */
  ticketEvents: TicketEvent;
};


/** Live updates. Served over SSE (GraphQL over SSE) and WebSocket (graphql-ws) on the same path. */
export type SubscriptionTicketEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
};

/** An order the source can return natively. */
export type SupportedOrder = {
  __typename?: 'SupportedOrder';
  /** In this direction. */
  direction: OrderDirection;
  /** Ordered by. */
  field: TicketOrderField;
};

/** A ticket in one source, in the unified model. `raw` keeps the native record. */
export type Ticket = Node & {
  __typename?: 'Ticket';
  /** Who at the provider handles it. */
  assignee?: Maybe<Person>;
  /** Workflow actions allowed now (transitionTicket); empty where the source has none. */
  availableActions: Array<TicketAction>;
  /** When it was closed, if it is. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Oldest first; pages both ways like `tickets` (first/after, last/before). 20 per page by default. */
  comments: CommentConnection;
  /** When it was opened (UTC). */
  createdAt: Scalars['DateTime']['output'];
  /** Who opened it (the requester). */
  creator?: Maybe<Person>;
  /** The body / first message; fetched separately where the source keeps it outside the ticket. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global ID: opaque, stable, accepted by node(id:) and by mutations. */
  id: Scalars['ID']['output'];
  /** The priority exactly as the vendor names it. */
  nativePriority?: Maybe<Scalars['String']['output']>;
  /** The status exactly as the vendor names it. */
  nativeStatus: Scalars['String']['output'];
  /** The vendor's ticket number. */
  number: Scalars['String']['output'];
  /** Unified priority (Source.priorityMapping); null when the vendor has none. */
  priority?: Maybe<TicketPriority>;
  /** The native record exactly as the vendor sent it, for fields the unified model does not cover. */
  raw: Scalars['JSONObject']['output'];
  /** The source this ticket lives in. */
  source: Source;
  /** Unified status (Source.statusMapping). */
  status: TicketStatus;
  /** Labels the vendor attaches. */
  tags: Array<Scalars['String']['output']>;
  /** One-line summary. */
  title: Scalars['String']['output'];
  /** The topic it is filed under, where the source has topics. */
  topic?: Maybe<Topic>;
  /** When it last changed (UTC). */
  updatedAt: Scalars['DateTime']['output'];
  /** The ticket in the vendor's own UI, when it has one. */
  url?: Maybe<Scalars['URL']['output']>;
  /** The requester's rating, if given. */
  vote?: Maybe<Vote>;
};


/** A ticket in one source, in the unified model. `raw` keeps the native record. */
export type TicketCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A workflow action the source allows on this ticket now (use with transitionTicket). */
export type TicketAction = {
  __typename?: 'TicketAction';
  /** Pass as TransitionTicketInput.action. */
  key: Scalars['String']['output'];
  /** The vendor's name for the action. */
  label: Scalars['String']['output'];
};

/** A page of tickets (Relay cursor connection). */
export type TicketConnection = {
  __typename?: 'TicketConnection';
  /** The items of this page, in order, each with its cursor. */
  edges: Array<TicketEdge>;
  /** Paging state of this page. */
  pageInfo: PageInfo;
  /** Sources missing from this page; their position is kept, so the next page retries them. */
  sourceErrors: Array<SourceError>;
  /** Exact number of matching tickets; null where a source cannot count them exactly (see totalCountHint). */
  totalCount?: Maybe<Scalars['Int']['output']>;
  /** Why totalCount is null, when it is. */
  totalCountHint?: Maybe<Scalars['String']['output']>;
};

/** A ticket with its cursor. */
export type TicketEdge = {
  __typename?: 'TicketEdge';
  /** Opaque position of this edge; valid only for the same field and arguments. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Ticket;
};

/** A change to one ticket. */
export type TicketEvent = {
  __typename?: 'TicketEvent';
  /** When the gateway learnt of the change. */
  at: Scalars['DateTime']['output'];
  /** Unified field names that changed (`status`, `title`, `assignee`…); empty when the poll cannot tell. */
  changedFields: Array<Scalars['String']['output']>;
  /** Pass as `after` when reconnecting to receive what was missed. */
  cursor: Scalars['String']['output'];
  /** The source holding the ticket. */
  source: Source;
  /** The ticket as it is after the change. */
  ticket: Ticket;
  /** What happened. */
  type: TicketEventType;
};

/** What happened to the ticket. */
export type TicketEventType =
  /** A comment was added through the gateway (vendors cannot be polled for comments cheaply). */
  | 'COMMENTED'
  /** A ticket appeared (created through the gateway, or found by a poll). */
  | 'CREATED'
  /** The status changed (possibly with other fields). */
  | 'STATUS_CHANGED'
  /** A field other than the status changed (`changedFields` says which). */
  | 'UPDATED';

/** Every given field must hold; list fields match any of their values. The same rule applies to every source. */
export type TicketFilter = {
  /** The assignee's id, name or email (case-insensitive, exact). */
  assignee?: InputMaybe<Scalars['String']['input']>;
  /** Inclusive. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Inclusive. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** The creator's id, name or email (case-insensitive, exact). */
  creator?: InputMaybe<Scalars['String']['input']>;
  /** Any of these priorities (a ticket without one never matches). */
  priority?: InputMaybe<Array<TicketPriority>>;
  /** Case-insensitive text in the title or description. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only these source keys. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<TicketStatus>>;
  /** Inclusive. */
  updatedAfter?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A TicketFilter field (SourceCapabilities.filters: the ones a source applies exactly itself). */
export type TicketFilterField =
  /** TicketFilter.assignee. */
  | 'ASSIGNEE'
  /** TicketFilter.createdAfter. */
  | 'CREATED_AFTER'
  /** TicketFilter.createdBefore. */
  | 'CREATED_BEFORE'
  /** TicketFilter.creator. */
  | 'CREATOR'
  /** TicketFilter.priority. */
  | 'PRIORITY'
  /** TicketFilter.search. */
  | 'SEARCH'
  /** TicketFilter.status. */
  | 'STATUS'
  /** TicketFilter.updatedAfter. */
  | 'UPDATED_AFTER';

/** How a ticket connection is ordered; ties are broken by source and number so pages never overlap. */
export type TicketOrder = {
  /** In this direction. */
  direction: OrderDirection;
  /** Ordered by. */
  field: TicketOrderField;
};

/** What tickets are ordered by. */
export type TicketOrderField =
  /** Ticket.createdAt. */
  | 'CREATED_AT'
  /** Ticket.updatedAt. */
  | 'UPDATED_AT';

/** Unified priority; `Ticket.nativePriority` keeps the vendor value and `Source.priorityMapping` lists how each source maps. */
export type TicketPriority =
  /** Above normal. */
  | 'HIGH'
  /** Below normal. */
  | 'LOW'
  /** The vendor's default level. */
  | 'NORMAL'
  /** The vendor's highest level (critical / P1). */
  | 'URGENT';

/** Unified status; `Ticket.nativeStatus` keeps the vendor value and `Source.statusMapping` lists how each source maps. */
export type TicketStatus =
  /** Withdrawn or terminated without a fix. */
  | 'CANCELLED'
  /** Finished. */
  | 'CLOSED'
  /** Someone at the provider is working on it. */
  | 'IN_PROGRESS'
  /** Paused, or waiting for the requester. */
  | 'ON_HOLD'
  /** New, or waiting for the provider to act. */
  | 'OPEN'
  /** A fix was given; the ticket may still be closed or reopened. */
  | 'RESOLVED';

/** A category a source files tickets under. */
export type Topic = Node & {
  __typename?: 'Topic';
  /** Global ID: opaque, stable, accepted by node(id:) and by mutations. */
  id: Scalars['ID']['output'];
  /** The vendor's topic key (CreateTicketInput.topic). */
  key: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** What transitionTicket needs. */
export type TransitionTicketInput = {
  /** One of Ticket.availableActions { key }. */
  action: Scalars['String']['input'];
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** Global ID of the ticket (Ticket.id). */
  id: Scalars['ID']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The result of transitionTicket. */
export type TransitionTicketPayload = {
  __typename?: 'TransitionTicketPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The ticket after the action. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** What updateTicket changes; absent fields stay as they are. */
export type UpdateTicketInput = {
  /** Echoed back in the payload unchanged (Relay classic); not an idempotency key. */
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** A new body. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Global ID of the ticket (Ticket.id). */
  id: Scalars['ID']['input'];
  /** Makes a retry safe: the same key from the same caller within the idempotency window (gateway.idempotencyWindowMs, default 10 minutes) returns the first outcome without writing again; with a different input it is IDEMPOTENCY_KEY_REUSED. Use a fresh random value per intended write (not clientMutationId). */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A new priority. */
  priority?: InputMaybe<TicketPriority>;
  /** The requester's email addresses, where the source records them. */
  requesterEmails?: InputMaybe<Array<Scalars['EmailAddress']['input']>>;
  /** Who the ticket is for, where the source records a requester. */
  requesterName?: InputMaybe<Scalars['String']['input']>;
  /** A new one-line summary; must not be blank. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The result of updateTicket. */
export type UpdateTicketPayload = {
  __typename?: 'UpdateTicketPayload';
  /** Set when the write happened upstream but could not be confirmed; null otherwise. */
  applied?: Maybe<AppliedWrite>;
  /** The clientMutationId of the input. */
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  /** The ticket after the change. */
  ticket?: Maybe<Ticket>;
  /** Global ID of the ticket written to, whenever it is known: also when the write happened but could not be read back (APPLIED_BUT_UNCONFIRMED). */
  ticketId?: Maybe<Scalars['ID']['output']>;
  /** Empty when the write succeeded. */
  userErrors: Array<UserError>;
};

/** An expected failure of a mutation: bad input, something the source refused or could not do, or an outcome the gateway cannot confirm. */
export type UserError = {
  __typename?: 'UserError';
  /** For programs: what happened and whether anything was written. */
  code: UserErrorCode;
  /** Path to the input field at fault, e.g. ["input", "score"]; ["input"] when no single field is. */
  field: Array<Scalars['String']['output']>;
  /** For people; names the source and, where it gave one, its reason. */
  message: Scalars['String']['output'];
  /** Seconds to wait before retrying (VENDOR_RATE_LIMITED). */
  retryAfter?: Maybe<Scalars['Int']['output']>;
  /** The key of the source involved, when one is. */
  source?: Maybe<Scalars['String']['output']>;
};

/** Why a mutation did not (or may not have) done what was asked. Each value says whether anything was written. */
export type UserErrorCode =
  /** The write happened, but reading the result back failed. `ticketId`/`applied` say what was written: do not retry. */
  | 'APPLIED_BUT_UNCONFIRMED'
  /** You may read this source but not write to it (the access rules of gateway.auth). Nothing was written. */
  | 'FORBIDDEN'
  /** This idempotencyKey was already used by this caller with a different input (or another mutation) within the idempotency window. Nothing was written. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The workflow action is not available on this ticket now; see Ticket.availableActions. Nothing was written. */
  | 'INVALID_ACTION'
  /** Not an ID of the expected type, or a ticket number / comment id of a shape this source never has. Nothing was sent to the source. */
  | 'INVALID_ID'
  /** A value the source refuses (wrong format, unknown topic, a field it does not take). Fix the input; nothing was written. */
  | 'INVALID_INPUT'
  /** The ticket or comment does not exist in its source. Nothing was written. */
  | 'NOT_FOUND'
  /** The write was sent but the source did not answer in time, answered unreadably or failed with a server error: it may or may not have happened. Check before retrying, or retry with the same idempotencyKey. */
  | 'OUTCOME_UNKNOWN'
  /** A number outside the source's scale (see Source.capabilities). Nothing was written. */
  | 'OUT_OF_RANGE'
  /** A text field is empty or blank. Nothing was written. */
  | 'REQUIRED'
  /** No source with that key is configured. Nothing was written. */
  | 'UNKNOWN_SOURCE'
  /** The source cannot do this write (or cannot change this field); see Source.capabilities.writes. Nothing was written. */
  | 'UNSUPPORTED_OPERATION'
  /** The source is rate limiting us; `retryAfter` says when to try again. Nothing was written; retrying later is safe. */
  | 'VENDOR_RATE_LIMITED'
  /** The source refused the write with its own validation (the message carries its reason and code). Nothing was written. */
  | 'VENDOR_REJECTED'
  /** The source could not be reached, refused our credentials, or is cooling down after failures. Nothing was written; retrying later is safe. */
  | 'VENDOR_UNAVAILABLE';

/** A rating: a ticket's score on the source's scale, or a comment's thumbs up (1) / down (-1). */
export type Vote = {
  __typename?: 'Vote';
  /** A remark given with the rating. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When it was given, when the vendor records it. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** On the source's scale (Source.capabilities). */
  score: Scalars['Int']['output'];
};

/** A mutation a source may support (SourceCapabilities.writes). */
export type WriteOperation =
  /** The `addComment` mutation. */
  | 'ADD_COMMENT'
  /** The `closeTicket` mutation. */
  | 'CLOSE_TICKET'
  /** The `createTicket` mutation. */
  | 'CREATE_TICKET'
  /** The `rateComment` mutation. */
  | 'RATE_COMMENT'
  /** The `rateTicket` mutation. */
  | 'RATE_TICKET'
  /** The `reopenTicket` mutation. */
  | 'REOPEN_TICKET'
  /** The `transitionTicket` mutation. */
  | 'TRANSITION_TICKET'
  /** The `updateTicket` mutation. */
  | 'UPDATE_TICKET';

export type RecentTicketsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  orderBy?: InputMaybe<TicketOrder>;
}>;


export type RecentTicketsQuery = { __typename?: 'Query', tickets: { __typename?: 'TicketConnection', totalCount?: number | null, totalCountHint?: string | null, edges: Array<{ __typename?: 'TicketEdge', cursor: string, node: { __typename?: 'Ticket', id: string, number: string, title: string, status: TicketStatus, priority?: TicketPriority | null, createdAt: string, updatedAt: string, source: { __typename?: 'Source', key: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, sourceErrors: Array<{ __typename?: 'SourceError', source: string, code: SourceErrorCode, message: string }> } };

export type SourceTicketsQueryVariables = Exact<{
  key: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
}>;


export type SourceTicketsQuery = { __typename?: 'Query', source?: { __typename?: 'Source', key: string, kind: SourceKind, name: string, tickets: { __typename?: 'TicketConnection', totalCount?: number | null, edges: Array<{ __typename?: 'TicketEdge', cursor: string, node: { __typename?: 'Ticket', id: string, number: string, title: string, status: TicketStatus, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type TicketWithCommentsQueryVariables = Exact<{
  source: Scalars['String']['input'];
  number: Scalars['String']['input'];
}>;


export type TicketWithCommentsQuery = { __typename?: 'Query', ticket?: { __typename?: 'Ticket', id: string, number: string, title: string, description?: string | null, status: TicketStatus, nativeStatus: string, priority?: TicketPriority | null, createdAt: string, creator?: { __typename?: 'Person', id?: string | null, name?: string | null, email?: string | null } | null, topic?: { __typename?: 'Topic', key: string, name: string } | null, vote?: { __typename?: 'Vote', score: number, comment?: string | null, createdAt?: string | null } | null, comments: { __typename?: 'CommentConnection', totalCount?: number | null, edges: Array<{ __typename?: 'CommentEdge', node: { __typename?: 'Comment', id: string, commentId: string, body: string, createdAt: string, author?: { __typename?: 'Person', name?: string | null } | null, vote?: { __typename?: 'Vote', score: number } | null } }> } } | null };

export type NodeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByIdQuery = { __typename?: 'Query', node?: { __typename: 'Comment', body: string, id: string } | { __typename: 'Source', key: string, kind: SourceKind, id: string } | { __typename: 'Ticket', number: string, title: string, status: TicketStatus, id: string, source: { __typename?: 'Source', key: string } } | { __typename: 'Topic', key: string, name: string, id: string } | null };

export type TopicsQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type TopicsQuery = { __typename?: 'Query', source?: { __typename?: 'Source', topics: Array<{ __typename?: 'Topic', id: string, key: string, name: string }> } | null };

export type SourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type SourcesQuery = { __typename?: 'Query', sources: Array<{ __typename?: 'Source', id: string, key: string, kind: SourceKind, name: string, capabilities: { __typename?: 'SourceCapabilities', filters: Array<TicketFilterField>, maxPageSize: number, totalCount: boolean, batchLookup: boolean, maxBatchSize?: number | null, comments: boolean, topics: boolean, writes: Array<WriteOperation>, sorts: Array<{ __typename?: 'SupportedOrder', field: TicketOrderField, direction: OrderDirection }> } }> };

export type SourceMappingsQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type SourceMappingsQuery = { __typename?: 'Query', source?: { __typename?: 'Source', key: string, kind: SourceKind, unknownStatus?: TicketStatus | null, statusMapping: Array<{ __typename?: 'StatusMapping', native: string, status: TicketStatus, note?: string | null }>, priorityMapping: Array<{ __typename?: 'PriorityMapping', native: string, priority: TicketPriority, note?: string | null }> } | null };

export type CreateTicketMutationVariables = Exact<{
  input: CreateTicketInput;
}>;


export type CreateTicketMutation = { __typename?: 'Mutation', createTicket?: { __typename?: 'CreateTicketPayload', ticketId?: string | null, ticket?: { __typename?: 'Ticket', id: string, number: string, title: string, status: TicketStatus, source: { __typename?: 'Source', key: string } } | null, applied?: { __typename?: 'AppliedWrite', ticketId: string, ticketNumber: string, commentId?: string | null, steps: Array<string> } | null, userErrors: Array<{ __typename?: 'UserError', field: Array<string>, message: string, code: UserErrorCode, source?: string | null, retryAfter?: number | null }> } | null };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { __typename?: 'Mutation', addComment?: { __typename?: 'AddCommentPayload', ticketId?: string | null, comment?: { __typename?: 'Comment', id: string, commentId: string, body: string, createdAt: string } | null, applied?: { __typename?: 'AppliedWrite', ticketId: string, ticketNumber: string, commentId?: string | null, steps: Array<string> } | null, userErrors: Array<{ __typename?: 'UserError', field: Array<string>, message: string, code: UserErrorCode, source?: string | null, retryAfter?: number | null }> } | null };


export const RecentTicketsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountHint"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecentTicketsQuery, RecentTicketsQueryVariables>;
export const SourceTicketsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SourceTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SourceTicketsQuery, SourceTicketsQueryVariables>;
export const TicketWithCommentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketWithComments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nativeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"commentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TicketWithCommentsQuery, TicketWithCommentsQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Comment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Topic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Source"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const TopicsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Topics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TopicsQuery, TopicsQueryVariables>;
export const SourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filters"}},{"kind":"Field","name":{"kind":"Name","value":"sorts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSize"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"batchLookup"}},{"kind":"Field","name":{"kind":"Name","value":"maxBatchSize"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"writes"}}]}}]}}]}}]} as unknown as DocumentNode<SourcesQuery, SourcesQueryVariables>;
export const SourceMappingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SourceMappings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"statusMapping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"native"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priorityMapping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"native"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unknownStatus"}}]}}]}}]} as unknown as DocumentNode<SourceMappingsQuery, SourceMappingsQueryVariables>;
export const CreateTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"applied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"ticketNumber"}},{"kind":"Field","name":{"kind":"Name","value":"commentId"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTicketMutation, CreateTicketMutationVariables>;
export const AddCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"commentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"applied"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketId"}},{"kind":"Field","name":{"kind":"Name","value":"ticketNumber"}},{"kind":"Field","name":{"kind":"Name","value":"commentId"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}}]}}]}}]} as unknown as DocumentNode<AddCommentMutation, AddCommentMutationVariables>;