/** What GraphiQL shows on first open: a query that returns real tickets from every source. */
export const DEFAULT_GRAPHIQL_QUERY = `# ticketgraph: one graph over many ticket systems.
# Press the run button: these are real tickets from the configured sources.
query RecentTickets {
  sources { key kind name }
  tickets(first: 10) {
    totalCount
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
