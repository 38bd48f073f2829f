/**
 * A cost limit that knows about connections, and an estimate of the upstream calls a query
 * will make. graphql-armor's cost limit counts every field once, so
 * `tickets(first: 100) { edges { node { comments(first: 100) { … } } } }` looks as cheap as
 * `tickets(first: 1)`; here a connection field (one with `first`/`last` arguments) multiplies
 * the cost of its selection by its page size, which is what the gateway will actually fetch.
 *
 * cost(field) = 1 + multiplier × cost(selection)
 *   multiplier = `first`/`last` (the larger if both; `defaultPageSize` when neither is given)
 *                on a connection; `Query.sources` returns every configured source; the longest
 *                list argument (e.g. `nodes(ids:)`) on a field returning a list; 1 otherwise.
 *                `__typename` is free.
 *
 * Arguments are read as execution will read them: variables coerced with their declared
 * defaults (`query($n: Int = 100)` is 100, not the default page size), argument defaults,
 * variables inside input objects (`filter: { sources: $s }`).
 *
 * Upstream calls (`gateway.maxUpstreamCalls`) are counted along the same walk, each field
 * that calls a vendor times the number of objects it is resolved on (UPSTREAM_CALLS below):
 * `tickets` fans out to every source in scope (`filter.sources`, else all configured). The
 * estimate leaves retries out; http.ts enforces the same budget at run time, retries included.
 *
 * Page sizes often come from variables, which validation never sees, and Yoga caches validation
 * results per document: so the rule takes the variables as an option and runs at execution
 * time (see use-query-limits.ts), not in the cached validation phase.
 */
import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { QUERY_TOO_COMPLEX, upstreamBudgetError } from '../request-scope.js';

export { QUERY_TOO_COMPLEX };

/** What the upstream-call estimate needs to know about the configured sources. */
export interface UpstreamScope {
  /** Configured sources (`tickets` without `filter.sources` asks each). */
  sources: number;
  /** Sources that fetch a ticket's comments with a call per ticket. @default sources */
  commentSources?: number;
  /** Sources that fetch a ticket's description with a call per ticket. @default 0 */
  descriptionSources?: number;
}

export interface CostLimitOptions {
  /** Highest cost allowed. @default 20000 */
  maxCost?: number;
  /** Page size assumed for a connection asked without `first`/`last` (the gateway's default). @default 20 */
  defaultPageSize?: number;
  /** The request's variables, for `first: $n`. @default {} */
  variables?: Readonly<Record<string, unknown>> | null;
  /** Only this operation is measured (the one that will run); every one when unset. */
  operationName?: string | null;
  /** The configured sources. @default { sources: 1 } */
  upstream?: UpstreamScope;
  /** Most upstream calls the operation may need; not checked when unset. */
  maxUpstreamCalls?: number;
}

export const DEFAULT_MAX_COST = 20_000;
export const DEFAULT_PAGE_SIZE_FOR_COST = 20;
/** Stops the walk of a pathological document (it is refused as too costly). */
const MAX_VISITS = 200_000;

export function costLimitRule(options: CostLimitOptions = {}): ValidationRule {
  const maxCost = options.maxCost ?? DEFAULT_MAX_COST;
  return function QueryCostLimit(context: ValidationContext) {
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        if (options.operationName && node.name?.value !== options.operationName) return false;
        const { cost, upstreamCalls } = operationEstimate(context, node, options);
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}. A connection costs its first/last (default ${options.defaultPageSize ?? DEFAULT_PAGE_SIZE_FOR_COST}) times its selection: ask for smaller pages or fewer nested connections.`,
              { nodes: [node], extensions: { code: QUERY_TOO_COMPLEX, limit: 'maxCost', cost, maxCost, http: { status: 400 } } },
            ),
          );
        } else if (options.maxUpstreamCalls !== undefined && upstreamCalls > options.maxUpstreamCalls) {
          const error = upstreamBudgetError(options.maxUpstreamCalls, upstreamCalls);
          context.reportError(new GraphQLError(error.message, { nodes: [node], extensions: error.extensions }));
        }
        // The whole operation was walked above; nothing left for the visitor to do.
        return false;
      },
    };
  };
}

/** The cost of one operation, as `costLimitRule` measures it. */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode, options: CostLimitOptions = {}): number {
  return operationEstimate(context, operation, options).cost;
}

/** Cost and upstream calls of one operation. */
export function operationEstimate(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  options: CostLimitOptions = {},
): { cost: number; upstreamCalls: number } {
  const schema = context.getSchema();
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  // Execution coerces the variables the same way (defaults applied) before any resolver runs;
  // variables it would refuse never reach a vendor, so they count as unset here.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...(options.variables ?? {}) }, { maxErrors: 1 });
  const variables = coerced.coerced ?? {};
  const walker = new CostWalker(context, variables, options.defaultPageSize ?? DEFAULT_PAGE_SIZE_FOR_COST, options.upstream ?? { sources: 1 });
  const cost = walker.walk(root ?? undefined, operation.selectionSet, [], 1);
  if (walker.exhausted) return { cost: Number.MAX_SAFE_INTEGER, upstreamCalls: Number.MAX_SAFE_INTEGER };
  return { cost, upstreamCalls: Math.ceil(walker.upstreamCalls) };
}

type Args = Record<string, unknown>;

/**
 * Upstream calls one field makes, given its arguments and the number of objects it is
 * resolved on (`count`). Coordinates are checked against the schema in query-cost.test.ts.
 */
const UPSTREAM_CALLS: Record<string, (args: Args, count: number, scope: Required<UpstreamScope>) => number> = {
  // One read per source in scope, and a second page where the gateway re-applies a filter the
  // vendor could not (read-source.ts reads ahead to fill the page).
  'Query.tickets': (args, count, scope) => count * sourcesIn(args, scope) * pagesPerSource(args),
  'Source.tickets': (args, count) => count * pagesPerSource(args),
  'Source.topics': (_args, count) => count,
  'Query.ticket': (_args, count) => count,
  'Query.node': (_args, count) => count,
  'Query.nodes': (args, count) => count * listLength(args.ids),
  'Query._entities': (args, count) => count * listLength(args.representations),
  // Topics are loaded per source and batched: at most one call per source.
  'Ticket.topic': (_args, count, scope) => Math.min(count, scope.sources),
  // Comments and descriptions cost a call per ticket at the sources that have them.
  'Ticket.comments': (_args, count, scope) => (count * scope.commentSources) / Math.max(1, scope.sources),
  'Ticket.description': (_args, count, scope) => (count * scope.descriptionSources) / Math.max(1, scope.sources),
  'Comment.ticket': (_args, count) => count,
};
/** Every mutation: the write, and the re-read of what it changed. */
const CALLS_PER_MUTATION = 2;

export const UPSTREAM_CALL_FIELDS = Object.keys(UPSTREAM_CALLS);

function sourcesIn(args: Args, scope: Required<UpstreamScope>): number {
  const filter = args.filter;
  if (typeof filter === 'object' && filter !== null && 'sources' in filter && Array.isArray(filter.sources)) {
    return Math.min(new Set(filter.sources).size, scope.sources);
  }
  return scope.sources;
}

function pagesPerSource(args: Args): number {
  const filter = args.filter;
  const filtered = typeof filter === 'object' && filter !== null && Object.entries(filter).some(([key, value]) => key !== 'sources' && value != null);
  return filtered ? 2 : 1;
}

function listLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 1;
}

class CostWalker {
  upstreamCalls = 0;
  exhausted = false;
  private visits = 0;
  private readonly scope: Required<UpstreamScope>;

  constructor(
    private readonly context: ValidationContext,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly defaultPageSize: number,
    scope: UpstreamScope,
  ) {
    this.scope = { sources: scope.sources, commentSources: scope.commentSources ?? scope.sources, descriptionSources: scope.descriptionSources ?? 0 };
  }

  /** The cost of a selection on `count` objects of `parent`; adds their upstream calls. */
  walk(parent: GraphQLNamedType | undefined, selectionSet: SelectionSetNode, fragmentPath: readonly string[], count: number): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (++this.visits > MAX_VISITS) {
        this.exhausted = true;
        return cost;
      }
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const field = fieldDefinition(parent, name);
        const args = field ? this.argumentValues(field, selection) : {};
        const multiplier = field && parent ? this.multiplier(parent, field, args) : 1;
        if (field && parent) this.countCalls(parent, field, args, count);
        const childType = field ? getNamedType(field.type) : undefined;
        const children = selection.selectionSet ? this.walk(childType, selection.selectionSet, fragmentPath, count * multiplier) : 0;
        cost += 1 + multiplier * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.context.getSchema().getType(selection.typeCondition.name.value) : parent;
        cost += this.walk(type ?? undefined, selection.selectionSet, fragmentPath, count);
      } else {
        const name = selection.name.value;
        // A cycle is NoFragmentCyclesRule's to report; here it just stops the walk.
        if (fragmentPath.includes(name)) continue;
        const fragment = this.context.getFragment(name);
        if (!fragment) continue;
        const type = this.context.getSchema().getType(fragment.typeCondition.name.value);
        cost += this.walk(type ?? undefined, fragment.selectionSet, [...fragmentPath, name], count);
      }
    }
    return cost;
  }

  private countCalls(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Args, count: number): void {
    const schema = this.context.getSchema();
    if (parent === schema.getMutationType()) {
      this.upstreamCalls += count * CALLS_PER_MUTATION;
      return;
    }
    const calls = UPSTREAM_CALLS[`${parent.name}.${field.name}`];
    if (calls) this.upstreamCalls += calls(args, count, this.scope);
  }

  /** The arguments as execution will see them; none when they would not coerce (execution refuses those). */
  private argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode): Args {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      return {};
    }
  }

  private multiplier(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Args): number {
    const isConnection = field.args.some((a) => a.name === 'first' || a.name === 'last');
    if (isConnection) {
      const given = [args.first, args.last].filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
      return given.length > 0 ? Math.max(0, ...given.map(Math.trunc)) : this.defaultPageSize;
    }
    if (isListType(getNullableType(field.type))) {
      // `sources` returns every configured source.
      if (parent === this.context.getSchema().getQueryType() && field.name === 'sources') return Math.max(1, this.scope.sources);
      const lengths = Object.values(args).filter(Array.isArray).map((list) => list.length);
      if (lengths.length > 0) return Math.max(1, ...lengths);
    }
    return 1;
  }
}

function fieldDefinition(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
  return parent.getFields()[name];
}
