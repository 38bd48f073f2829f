import { GraphQLObjectType, GraphQLSchema, introspectionTypes, specifiedScalarTypes } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
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

/** Which schema to serve (`gateway.subgraph` in the config). */
export interface SchemaOptions {
  /** Serve as an Apollo Federation subgraph: `_service`, `_entities`, `@key`/`@shareable`. @default false */
  subgraph?: boolean;
  /** Keep `node`/`nodes` in the subgraph; off when another subgraph of the supergraph owns them. @default true */
  exposeNodeFields?: boolean;
}

const built = new Map<string, GraphQLSchema>();

/**
 * Built once per option set: the schema does not depend on which sources are configured.
 * The public schema keeps declaration order (Pothos' order) and has no federation fields; the
 * subgraph one is Apollo Federation v2 (`_service`, `_entities`, `@key` on Ticket/Comment/Topic,
 * entities.ts; `@shareable` on PageInfo, builder.ts).
 */
export function buildSchema(options: SchemaOptions = {}): GraphQLSchema {
  const subgraph = options.subgraph ?? false;
  const nodeFields = options.exposeNodeFields ?? true;
  const cacheKey = `${subgraph}:${subgraph && nodeFields}`;
  let schema = built.get(cacheKey);
  if (!schema) {
    schema = keepingSharedTypes(() => {
      if (!subgraph) return builder.toSchema({ sortSchema: false });
      const full = builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK_URL });
      return nodeFields ? full : withoutNodeFields(full);
    });
    built.set(cacheKey, schema);
  }
  return schema;
}

/**
 * The subgraph without `node`/`nodes`, and a `_service.sdl` that says so: in a supergraph where
 * another subgraph already serves `node(id:)`, two would not compose.
 */
function withoutNodeFields(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (!query) return schema;
  const config = query.toConfig();
  let sdl = '';
  const fields = Object.fromEntries(
    Object.entries(config.fields)
      .filter(([name]) => name !== 'node' && name !== 'nodes')
      .map(([name, field]) => [name, name === '_service' ? { ...field, resolve: () => ({ sdl }) } : field]),
  );
  // The directives plugin's AST node lists the fields too, and printSubgraphSchema reads it.
  const astNode = config.astNode ? { ...config.astNode, fields: config.astNode.fields?.filter((f) => f.name.value !== 'node' && f.name.value !== 'nodes') } : config.astNode;
  const newQuery = new GraphQLObjectType({ ...config, astNode, fields });
  const result = new GraphQLSchema({
    ...schema.toConfig(),
    query: newQuery,
    types: schema.toConfig().types.map((type) => (type === query ? newQuery : type)),
  });
  sdl = printSubgraphSchema(result);
  return result;
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

/** schema.graphql: the public schema in declaration order, its entry points first. */
export function printableSchema(): GraphQLSchema {
  const config = buildSchema().toConfig();
  const roots = [config.query, config.mutation].filter((type): type is GraphQLObjectType => type != null);
  return new GraphQLSchema({ ...config, types: [...roots, ...config.types.filter((type) => !roots.includes(type as GraphQLObjectType))] });
}

/** schema.subgraph.graphql: the subgraph SDL a schema registry composes, with `@link`/`@key`/`@shareable`. */
export function printSubgraphSdl(options: Omit<SchemaOptions, 'subgraph'> = {}): string {
  return printSubgraphSchema(buildSchema({ ...options, subgraph: true }));
}
