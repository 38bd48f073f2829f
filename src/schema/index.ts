import { lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './enums.js';
import './person.js';
import './ticket.js';
import './topic.js';
import './comment.js';
import './source.js';
import './tickets-query.js';
import './source-failures.js';
import './mutations.js';
import './node.js';
import './entities.js';

export const FEDERATION_LINK_URL = 'https://specs.apollo.dev/federation/v2.6';

let schema: GraphQLSchema | undefined;

/**
 * Built once: the schema does not depend on which sources are configured. It is also an Apollo
 * Federation v2 subgraph (`_service`, `_entities`, `@key` on Ticket/Comment/Topic; entities.ts).
 */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK_URL });
  return schema;
}

export function printableSchema(): GraphQLSchema {
  return lexicographicSortSchema(buildSchema());
}
