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
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

export type AddCommentInput = {
  body: Scalars['String']['input'];
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type AddCommentPayload = {
  __typename?: 'AddCommentPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  comment?: Maybe<Comment>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

export type CloseTicketInput = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** A rating on the source's ticket scale (Source.capabilities.ticketScoreScale). */
  score?: InputMaybe<Scalars['Int']['input']>;
};

export type CloseTicketPayload = {
  __typename?: 'CloseTicketPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

/** A message on a ticket's thread (for sources without one, see the source's README). */
export type Comment = Node & {
  __typename?: 'Comment';
  author?: Maybe<Person>;
  body: Scalars['String']['output'];
  /** The vendor's comment id. */
  commentId: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  ticket?: Maybe<Ticket>;
  vote?: Maybe<Vote>;
};

export type CommentConnection = {
  __typename?: 'CommentConnection';
  edges: Array<CommentEdge>;
  pageInfo: PageInfo;
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type CommentEdge = {
  __typename?: 'CommentEdge';
  cursor: Scalars['String']['output'];
  node: Comment;
};

export type CreateTicketInput = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  /** The first message / body. */
  description: Scalars['String']['input'];
  priority?: InputMaybe<TicketPriority>;
  requesterEmails?: InputMaybe<Array<Scalars['EmailAddress']['input']>>;
  requesterName?: InputMaybe<Scalars['String']['input']>;
  /** The source key to create the ticket in. */
  source: Scalars['String']['input'];
  title: Scalars['String']['input'];
  /** A topic key of that source (Source.topics). */
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type CreateTicketPayload = {
  __typename?: 'CreateTicketPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

export type Mutation = {
  __typename?: 'Mutation';
  addComment: AddCommentPayload;
  closeTicket: CloseTicketPayload;
  createTicket: CreateTicketPayload;
  rateComment: RateCommentPayload;
  rateTicket: RateTicketPayload;
  reopenTicket: ReopenTicketPayload;
  /** A workflow action that doesn't fit the other mutations (e.g. suspend, accept, resolve). */
  transitionTicket: TransitionTicketPayload;
  /** Changes what the source lets a caller change; a field it cannot change is UNSUPPORTED_OPERATION. */
  updateTicket: UpdateTicketPayload;
};


export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


export type MutationCloseTicketArgs = {
  input: CloseTicketInput;
};


export type MutationCreateTicketArgs = {
  input: CreateTicketInput;
};


export type MutationRateCommentArgs = {
  input: RateCommentInput;
};


export type MutationRateTicketArgs = {
  input: RateTicketInput;
};


export type MutationReopenTicketArgs = {
  input: ReopenTicketInput;
};


export type MutationTransitionTicketArgs = {
  input: TransitionTicketInput;
};


export type MutationUpdateTicketArgs = {
  input: UpdateTicketInput;
};

export type Node = {
  id: Scalars['ID']['output'];
};

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Someone as the vendor names them; any of the fields may be unknown. */
export type Person = {
  __typename?: 'Person';
  email?: Maybe<Scalars['String']['output']>;
  /** The vendor's identifier for this person. */
  id?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
  node?: Maybe<Node>;
  /** At most 100 IDs; lookups are batched per source. */
  nodes: Array<Maybe<Node>>;
  /** A source by key; an unknown key is an error naming the known ones. */
  source: Source;
  sources: Array<Source>;
  /** One ticket by source key and vendor ticket number; null when the source has no such ticket. */
  ticket?: Maybe<Ticket>;
  /** Tickets from every source (or `filter.sources`), merged into one order. Filters are pushed down where a source can apply them and re-applied by the gateway, so every source answers by the same rule. A source that fails is listed in `sourceErrors` and in `errors`; the others still answer. */
  tickets: TicketConnection;
};


export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QuerySourceArgs = {
  key: Scalars['String']['input'];
};


export type QueryTicketArgs = {
  number: Scalars['String']['input'];
  source: Scalars['String']['input'];
};


export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TicketOrder>;
};

export type RateCommentInput = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** On the source's comment scale (Source.capabilities.commentScoreScale), e.g. 1 or -1. */
  score: Scalars['Int']['input'];
};

export type RateCommentPayload = {
  __typename?: 'RateCommentPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  comment?: Maybe<Comment>;
  userErrors: Array<UserError>;
  vote?: Maybe<Vote>;
};

export type RateTicketInput = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** On the source's ticket scale (Source.capabilities.ticketScoreScale). */
  score: Scalars['Int']['input'];
};

export type RateTicketPayload = {
  __typename?: 'RateTicketPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
  vote?: Maybe<Vote>;
};

export type ReopenTicketInput = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  comment: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};

export type ReopenTicketPayload = {
  __typename?: 'ReopenTicketPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

export type ScoreScale = {
  __typename?: 'ScoreScale';
  max: Scalars['Int']['output'];
  min: Scalars['Int']['output'];
  /** When only some values in the range are allowed. */
  values?: Maybe<Array<Scalars['Int']['output']>>;
};

/** One configured upstream ticket system. */
export type Source = Node & {
  __typename?: 'Source';
  capabilities: SourceCapabilities;
  id: Scalars['ID']['output'];
  /** The key from the configuration, e.g. `cp`. */
  key: Scalars['String']['output'];
  /** control-panel, blueking-itsm, akana, huawei-coc or ticketing-module. */
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** This source's tickets; the same as `tickets(filter: { sources: [key] })`. */
  tickets: TicketConnection;
  topics: Array<Topic>;
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

/** What this source can do natively; the gateway does the rest (filters) or reports it (writes). */
export type SourceCapabilities = {
  __typename?: 'SourceCapabilities';
  batchLookup: Scalars['Boolean']['output'];
  commentScoreScale?: Maybe<ScoreScale>;
  comments: Scalars['Boolean']['output'];
  /** TicketFilter fields applied exactly by the vendor. */
  filters: Array<Scalars['String']['output']>;
  maxBatchSize?: Maybe<Scalars['Int']['output']>;
  maxPageSize: Scalars['Int']['output'];
  sorts: Array<SupportedOrder>;
  ticketScoreScale?: Maybe<ScoreScale>;
  topics: Scalars['Boolean']['output'];
  totalCount: Scalars['Boolean']['output'];
  writes: Array<Scalars['String']['output']>;
};

/** A source that could not answer its part of this connection. */
export type SourceError = {
  __typename?: 'SourceError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  /** The source key. */
  source: Scalars['String']['output'];
};

export type SupportedOrder = {
  __typename?: 'SupportedOrder';
  direction: OrderDirection;
  field: TicketOrderField;
};

/** A ticket in one source, in the unified model. `raw` keeps the native record. */
export type Ticket = Node & {
  __typename?: 'Ticket';
  assignee?: Maybe<Person>;
  availableActions: Array<TicketAction>;
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Oldest first. Forward pagination only. */
  comments: CommentConnection;
  createdAt: Scalars['DateTime']['output'];
  creator?: Maybe<Person>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  nativePriority?: Maybe<Scalars['String']['output']>;
  nativeStatus: Scalars['String']['output'];
  /** The vendor's ticket number. */
  number: Scalars['String']['output'];
  priority?: Maybe<TicketPriority>;
  /** The native record exactly as the vendor sent it, for fields the unified model does not cover. */
  raw: Scalars['JSONObject']['output'];
  source: Source;
  status: TicketStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  topic?: Maybe<Topic>;
  updatedAt: Scalars['DateTime']['output'];
  url?: Maybe<Scalars['URL']['output']>;
  vote?: Maybe<Vote>;
};


/** A ticket in one source, in the unified model. `raw` keeps the native record. */
export type TicketCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A workflow action the source allows on this ticket now (use with transitionTicket). */
export type TicketAction = {
  __typename?: 'TicketAction';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type TicketConnection = {
  __typename?: 'TicketConnection';
  edges: Array<TicketEdge>;
  pageInfo: PageInfo;
  /** Sources missing from this page; their position is kept, so the next page retries them. */
  sourceErrors: Array<SourceError>;
  /** Exact number of matching tickets; null where a source cannot count them exactly (see totalCountHint). */
  totalCount?: Maybe<Scalars['Int']['output']>;
  /** Why totalCount is null, when it is. */
  totalCountHint?: Maybe<Scalars['String']['output']>;
};

export type TicketEdge = {
  __typename?: 'TicketEdge';
  cursor: Scalars['String']['output'];
  node: Ticket;
};

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
  priority?: InputMaybe<Array<TicketPriority>>;
  /** Case-insensitive text in the title or description. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only these source keys. */
  sources?: InputMaybe<Array<Scalars['String']['input']>>;
  status?: InputMaybe<Array<TicketStatus>>;
  /** Inclusive. */
  updatedAfter?: InputMaybe<Scalars['DateTime']['input']>;
};

export type TicketOrder = {
  direction: OrderDirection;
  field: TicketOrderField;
};

export type TicketOrderField =
  | 'CREATED_AT'
  | 'UPDATED_AT';

/** Unified priority; `Ticket.nativePriority` keeps the vendor value. */
export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** Unified status; `Ticket.nativeStatus` keeps the vendor value. */
export type TicketStatus =
  | 'CANCELLED'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'OPEN'
  | 'RESOLVED';

/** A category a source files tickets under. */
export type Topic = Node & {
  __typename?: 'Topic';
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type TransitionTicketInput = {
  /** One of Ticket.availableActions { key }. */
  action: Scalars['String']['input'];
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  id: Scalars['ID']['input'];
};

export type TransitionTicketPayload = {
  __typename?: 'TransitionTicketPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

export type UpdateTicketInput = {
  clientMutationId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  priority?: InputMaybe<TicketPriority>;
  requesterEmails?: InputMaybe<Array<Scalars['EmailAddress']['input']>>;
  requesterName?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateTicketPayload = {
  __typename?: 'UpdateTicketPayload';
  clientMutationId?: Maybe<Scalars['ID']['output']>;
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

/** Why the input was refused; nothing was written. */
export type UserError = {
  __typename?: 'UserError';
  code: Scalars['String']['output'];
  /** Path to the input field, e.g. ["input", "score"]. */
  field: Array<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** A rating: a ticket's score on the source's scale, or a comment's thumbs up (1) / down (-1). */
export type Vote = {
  __typename?: 'Vote';
  comment?: Maybe<Scalars['String']['output']>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  score: Scalars['Int']['output'];
};

export type _Entity = Comment | Ticket | Topic;

export type _Service = {
  __typename?: '_Service';
  /** The sdl representing the federated service capabilities. Includes federation directives, removes federation types, and includes rest of full schema after schema directives have been applied */
  sdl?: Maybe<Scalars['String']['output']>;
};

export type RecentTicketsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  orderBy?: InputMaybe<TicketOrder>;
}>;


export type RecentTicketsQuery = { __typename?: 'Query', tickets: { __typename?: 'TicketConnection', totalCount?: number | null, totalCountHint?: string | null, edges: Array<{ __typename?: 'TicketEdge', cursor: string, node: { __typename?: 'Ticket', id: string, number: string, title: string, status: TicketStatus, priority?: TicketPriority | null, createdAt: string, updatedAt: string, source: { __typename?: 'Source', key: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, sourceErrors: Array<{ __typename?: 'SourceError', source: string, code: string, message: string }> } };

export type SourceTicketsQueryVariables = Exact<{
  key: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
}>;


export type SourceTicketsQuery = { __typename?: 'Query', source: { __typename?: 'Source', key: string, kind: string, name: string, tickets: { __typename?: 'TicketConnection', totalCount?: number | null, edges: Array<{ __typename?: 'TicketEdge', cursor: string, node: { __typename?: 'Ticket', id: string, number: string, title: string, status: TicketStatus, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } };

export type TicketWithCommentsQueryVariables = Exact<{
  source: Scalars['String']['input'];
  number: Scalars['String']['input'];
}>;


export type TicketWithCommentsQuery = { __typename?: 'Query', ticket?: { __typename?: 'Ticket', id: string, number: string, title: string, description?: string | null, status: TicketStatus, nativeStatus: string, priority?: TicketPriority | null, createdAt: string, creator?: { __typename?: 'Person', id?: string | null, name?: string | null, email?: string | null } | null, topic?: { __typename?: 'Topic', key: string, name: string } | null, vote?: { __typename?: 'Vote', score: number, comment?: string | null, createdAt?: string | null } | null, comments: { __typename?: 'CommentConnection', totalCount?: number | null, edges: Array<{ __typename?: 'CommentEdge', node: { __typename?: 'Comment', id: string, commentId: string, body: string, createdAt: string, author?: { __typename?: 'Person', name?: string | null } | null, vote?: { __typename?: 'Vote', score: number } | null } }> } } | null };

export type NodeByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NodeByIdQuery = { __typename?: 'Query', node?: { __typename: 'Comment', body: string, id: string } | { __typename: 'Source', key: string, kind: string, id: string } | { __typename: 'Ticket', number: string, title: string, status: TicketStatus, id: string, source: { __typename?: 'Source', key: string } } | { __typename: 'Topic', key: string, name: string, id: string } | null };

export type TopicsQueryVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type TopicsQuery = { __typename?: 'Query', source: { __typename?: 'Source', topics: Array<{ __typename?: 'Topic', id: string, key: string, name: string }> } };

export type SourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type SourcesQuery = { __typename?: 'Query', sources: Array<{ __typename?: 'Source', id: string, key: string, kind: string, name: string, capabilities: { __typename?: 'SourceCapabilities', filters: Array<string>, maxPageSize: number, totalCount: boolean, batchLookup: boolean, maxBatchSize?: number | null, comments: boolean, topics: boolean, writes: Array<string>, sorts: Array<{ __typename?: 'SupportedOrder', field: TicketOrderField, direction: OrderDirection }> } }> };


export const RecentTicketsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalCountHint"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sourceErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecentTicketsQuery, RecentTicketsQueryVariables>;
export const SourceTicketsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SourceTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SourceTicketsQuery, SourceTicketsQueryVariables>;
export const TicketWithCommentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketWithComments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nativeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"topic"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"commentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"vote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TicketWithCommentsQuery, TicketWithCommentsQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ticket"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Comment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Topic"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Source"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const TopicsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Topics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TopicsQuery, TopicsQueryVariables>;
export const SourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filters"}},{"kind":"Field","name":{"kind":"Name","value":"sorts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maxPageSize"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"batchLookup"}},{"kind":"Field","name":{"kind":"Name","value":"maxBatchSize"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"writes"}}]}}]}}]}}]} as unknown as DocumentNode<SourcesQuery, SourcesQueryVariables>;