/**
 * A Relay pagination fragment over the merged `tickets` connection. In an app, Relay's Babel
 * plugin swaps each graphql`` tag for its generated artifact (src/__generated__/); here the tag
 * only has to exist for relay-compiler to read it.
 */
import { graphql } from './graphql-tag.js';

export const TicketListFragment = graphql`
  fragment TicketList_query on Query
  @refetchable(queryName: "TicketListPaginationQuery")
  @argumentDefinitions(
    first: { type: "Int", defaultValue: 10 }
    after: { type: "String" }
    filter: { type: "TicketFilter" }
    orderBy: { type: "TicketOrder" }
  ) {
    tickets(first: $first, after: $after, filter: $filter, orderBy: $orderBy)
      @connection(key: "TicketList_tickets", filters: ["filter", "orderBy"]) {
      totalCount
      edges {
        node {
          id
          ...TicketRow_ticket
        }
      }
    }
  }
`;

export const TicketListQuery = graphql`
  query TicketListQuery($filter: TicketFilter) {
    ...TicketList_query @arguments(filter: $filter)
  }
`;
