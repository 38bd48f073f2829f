/** The GraphQL documents the bench sends. */

const TICKET_FIELDS = 'id number title status priority createdAt updatedAt source { key }';

/** Targets 1 and 3: the merged connection, 50 at a time (target 3 also CREATED_AT ASC). */
export const TICKETS_PAGE = `query TicketsPage($after: String, $orderBy: TicketOrder) {
  tickets(first: 50, after: $after, orderBy: $orderBy) {
    edges { node { ${TICKET_FIELDS} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

export const SOURCE_IDS = `query SourceIds($key: String!, $first: Int!) {
  source(key: $key) { tickets(first: $first) { edges { node { id number } } } }
}`;

export const CAPABILITIES = `{ sources { key capabilities { batchLookup maxBatchSize } } }`;

/** Target 2. */
export const NODES = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Ticket { number title status } } }`;

/** Target 4: answered from the configuration the gateway holds, no upstream call. */
export const LOADED_DATA = `{ sources { key name kind capabilities { batchLookup maxPageSize totalCount filters } } }`;
export const HELLO = `{ hello }`;
/** Target 4 (issue 19): the gateway's own cost per request, nothing resolved. */
export const TYPENAME = `{ __typename }`;

/** Target 5's mix, besides TICKETS_PAGE (first and second page) and NODES. */
export const FILTERED = `{ tickets(first: 20, filter: { status: [OPEN, IN_PROGRESS], search: "vpn" }) { edges { node { ${TICKET_FIELDS} } } totalCount } }`;
export const BY_UPDATED = `{ tickets(first: 10, orderBy: { field: UPDATED_AT, direction: DESC }) { edges { node { ${TICKET_FIELDS} } } pageInfo { endCursor } } }`;
export const LAST_PAGE_ONE_SOURCE = `query LastPage($key: String!) { source(key: $key) { tickets(last: 20) { edges { node { ${TICKET_FIELDS} } } pageInfo { hasPreviousPage startCursor } } } }`;
export const ONE_TICKET = `query OneTicket($source: String!, $number: String!) {
  ticket(source: $source, number: $number) { ${TICKET_FIELDS} description comments(first: 5) { edges { node { body createdAt } } } }
}`;
