/** One row of the list: a plain fragment, spread by TicketList. */
import { graphql } from './graphql-tag.js';

export const TicketRowFragment = graphql`
  fragment TicketRow_ticket on Ticket {
    number
    title
    status
    priority
    createdAt
    source {
      key
      name
    }
  }
`;
