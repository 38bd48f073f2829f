/**
 * What GraphiQL shows on first open: a query that returns real tickets from every source, and
 * one saved tab per README example. Lines stay under ~60 characters so the editor needs no
 * horizontal scrolling at its default width.
 */
export const DEFAULT_GRAPHIQL_QUERY = `# ticketgraph: one graph over many ticket systems.
# Press run: real tickets from the configured sources.
query RecentTickets {
  sources { key kind name }
  tickets(first: 10) {
    # exact where every source can count;
    # otherwise null, and the hint says why
    totalCount
    totalCountHint
    edges {
      cursor
      node {
        id
        source { key }
        number
        title
        status
        priority
        createdAt
      }
    }
    pageInfo { hasNextPage endCursor }
    sourceErrors { source code message }
  }
}
`;

/** README, "Example queries": tickets from every source, merged and filtered. */
const MERGED_TICKETS = `# Tickets from every source, merged into one order.
query MergedTickets {
  tickets(
    first: 20
    filter: { status: [OPEN, IN_PROGRESS] }
    orderBy: { field: CREATED_AT, direction: DESC }
  ) {
    totalCount
    totalCountHint
    edges {
      node {
        id
        source { key }
        number
        title
        status
        priority
        createdAt
      }
    }
    pageInfo { hasNextPage endCursor }
    sourceErrors { source code message }
  }
}
`;

/** README, "Example queries": one ticket with its comments. */
const TICKET_WITH_COMMENTS = `# One ticket with its comments; set number to one
# from the first tab.
query TicketWithComments($source: String!, $number: String!) {
  ticket(source: $source, number: $number) {
    id
    title
    status
    nativeStatus
    creator { name email }
    availableActions { key label }
    comments(first: 20) {
      totalCount
      edges {
        node { id body author { name } createdAt }
      }
    }
  }
}
`;

/** README, "Mutations": a write, with the error model and an idempotency key. */
const CREATE_TICKET = `# A write: expected failures come back in userErrors.
# Reuse idempotencyKey to retry without a duplicate.
mutation CreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ticket { id number title status }
    ticketId
    userErrors { field message code }
  }
}
`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** GraphiQL's saved tabs (used when the browser has no tab state of its own yet). */
export const GRAPHIQL_TABS: { query: string; variables?: string }[] = [
  { query: DEFAULT_GRAPHIQL_QUERY },
  { query: MERGED_TICKETS },
  { query: TICKET_WITH_COMMENTS, variables: json({ source: 'cp', number: '103906' }) },
  {
    query: CREATE_TICKET,
    variables: json({
      input: {
        source: 'cp',
        title: 'DNS zone not updating',
        description: 'Changed the A record an hour ago.',
        topic: 'dns',
        idempotencyKey: 'graphiql-example-1',
      },
    }),
  },
];
