import { introspectionTypes, lexicographicSortSchema, specifiedScalarTypes, type GraphQLSchema } from 'graphql';
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
import './subscription.js';

export const FEDERATION_LINK_URL = 'https://specs.apollo.dev/federation/v2.6';

let schema: GraphQLSchema | undefined;

/**
 * Built once: the schema does not depend on which sources are configured. It is also an Apollo
 * Federation v2 subgraph (`_service`, `_entities`, `@key` on Ticket/Comment/Topic; entities.ts).
 */
export function buildSchema(): GraphQLSchema {
  schema ??= keepingSharedTypes(() => builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK_URL }));
  return schema;
}

/**
 * Pothos' directives plugin (needed for the federation directives in `_service.sdl`) gives every
 * type in the schema a mock AST node, graphql-js' shared built-ins (String, ID, __Type…)
 * included. Put those back: other schemas in the process would see the nodes (graphql-codegen
 * then prints the built-in scalars' descriptions, so client/generated looks stale in a test).
 */
function keepingSharedTypes(build: () => GraphQLSchema): GraphQLSchema {
  const shared = [...specifiedScalarTypes, ...introspectionTypes];
  const nodes = shared.map((type) => type.astNode);
  try {
    return build();
  } finally {
    shared.forEach((type, i) => Object.assign(type, { astNode: nodes[i] }));
  }
}

export function printableSchema(): GraphQLSchema {
  return lexicographicSortSchema(buildSchema());
}
