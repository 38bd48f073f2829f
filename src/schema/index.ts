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
import './node.js';

let schema: GraphQLSchema | undefined;

/** Built once: the schema does not depend on which sources are configured. */
export function buildSchema(): GraphQLSchema {
  schema ??= builder.toSchema();
  return schema;
}

export function printableSchema(): GraphQLSchema {
  return lexicographicSortSchema(buildSchema());
}
