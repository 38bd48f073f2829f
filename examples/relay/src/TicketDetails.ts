/**
 * A ticket page: loaded with `node(id:)`, and refetchable by id (Relay generates the
 * `node(id:)` refetch query from the Node interface).
 */
import { graphql } from './graphql-tag.js';

export const TicketDetailsFragment = graphql`
  fragment TicketDetails_ticket on Ticket @refetchable(queryName: "TicketDetailsRefetchQuery") {
    id
    title
    description
    status
    nativeStatus
    assignee {
      name
    }
    topic {
      key
      name
    }
    comments(first: 20) {
      totalCount
      edges {
        node {
          id
          body
          createdAt
          author {
            name
          }
        }
      }
    }
  }
`;

export const TicketDetailsQuery = graphql`
  query TicketDetailsQuery($id: ID!) {
    node(id: $id) {
      __typename
      # A Ticket fragment on a Node field: @alias exposes it as a nullable
      # TicketDetails_ticket property, null when the id is not a ticket's.
      ...TicketDetails_ticket @alias
    }
  }
`;
