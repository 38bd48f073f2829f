/**
 * A cost limit that knows about connections. graphql-armor's cost limit counts every field once,
 * so `tickets(first: 100) { edges { node { comments(first: 100) { … } } } }` looks as cheap as
 * `tickets(first: 1)`; here a connection field (one with `first`/`last` arguments) multiplies
 * the cost of its selection by its page size, which is what the gateway will actually fetch.
 *
 * cost(field) = 1 + multiplier × cost(selection)
 *   multiplier = `first`/`last` (the larger if both; `defaultPageSize` when neither is given)
 *                on a connection; the longest list argument (e.g. `nodes(ids:)`) on a field
 *                returning a list; 1 otherwise. `__typename` is free.
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
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type ArgumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export interface CostLimitOptions {
  /** Highest cost allowed. @default 20000 */
  maxCost?: number;
  /** Page size assumed for a connection asked without `first`/`last` (the gateway's default). @default 20 */
  defaultPageSize?: number;
  /** The request's variables, for `first: $n`. @default {} */
  variables?: Readonly<Record<string, unknown>> | null;
  /** Only this operation is measured (the one that will run); every one when unset. */
  operationName?: string | null;
}

export const DEFAULT_MAX_COST = 20_000;
export const DEFAULT_PAGE_SIZE_FOR_COST = 20;

export function costLimitRule(options: CostLimitOptions = {}): ValidationRule {
  const maxCost = options.maxCost ?? DEFAULT_MAX_COST;
  return function QueryCostLimit(context: ValidationContext) {
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        if (options.operationName && node.name?.value !== options.operationName) return false;
        const cost = operationCost(context, node, options);
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}. A connection costs its first/last (default ${options.defaultPageSize ?? DEFAULT_PAGE_SIZE_FOR_COST}) times its selection: ask for smaller pages or fewer nested connections.`,
              { nodes: [node], extensions: { code: QUERY_TOO_COMPLEX, limit: 'maxCost', cost, maxCost, http: { status: 400 } } },
            ),
          );
        }
        // The whole operation was walked above; nothing left for the visitor to do.
        return false;
      },
    };
  };
}

/** The cost of one operation, as `costLimitRule` measures it. */
export function operationCost(context: ValidationContext, operation: OperationDefinitionNode, options: CostLimitOptions = {}): number {
  const schema = context.getSchema();
  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const walker = new CostWalker(context, options.variables ?? {}, options.defaultPageSize ?? DEFAULT_PAGE_SIZE_FOR_COST);
  return walker.selectionCost(root ?? undefined, operation.selectionSet, []);
}

class CostWalker {
  /** A fragment's cost does not depend on where it is spread, so each is walked once. */
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly context: ValidationContext,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly defaultPageSize: number,
  ) {}

  selectionCost(parent: GraphQLNamedType | undefined, selectionSet: SelectionSetNode, fragmentPath: readonly string[]): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const field = fieldDefinition(parent, name);
        const childType = field ? getNamedType(field.type) : undefined;
        const children = selection.selectionSet ? this.selectionCost(childType, selection.selectionSet, fragmentPath) : 0;
        cost += 1 + (field ? this.multiplier(field, selection.arguments ?? []) : 1) * children;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.context.getSchema().getType(selection.typeCondition.name.value) : parent;
        cost += this.selectionCost(type ?? undefined, selection.selectionSet, fragmentPath);
      } else {
        cost += this.fragmentCost(selection.name.value, fragmentPath);
      }
    }
    return cost;
  }

  private fragmentCost(name: string, fragmentPath: readonly string[]): number {
    // A cycle is NoFragmentCyclesRule's to report; here it just stops the walk.
    if (fragmentPath.includes(name)) return 0;
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.context.getFragment(name);
    if (!fragment) return 0;
    const type = this.context.getSchema().getType(fragment.typeCondition.name.value);
    const cost = this.selectionCost(type ?? undefined, fragment.selectionSet, [...fragmentPath, name]);
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private multiplier(field: GraphQLField<unknown, unknown>, args: readonly ArgumentNode[]): number {
    const isConnection = field.args.some((a) => a.name === 'first' || a.name === 'last');
    if (isConnection) {
      const sizes = args.filter((a) => a.name.value === 'first' || a.name.value === 'last').map((a) => this.intValue(a.value));
      const given = sizes.filter((n): n is number => n !== null);
      return given.length > 0 ? Math.max(0, ...given) : this.defaultPageSize;
    }
    if (isListType(getNullableType(field.type))) {
      const lengths = args.map((a) => this.listLength(a.value)).filter((n): n is number => n !== null);
      if (lengths.length > 0) return Math.max(1, ...lengths);
    }
    return 1;
  }

  private intValue(node: ValueNode): number | null {
    if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
    if (node.kind === Kind.VARIABLE) {
      const value = this.variables[node.name.value];
      return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
    }
    return null;
  }

  private listLength(node: ValueNode): number | null {
    if (node.kind === Kind.LIST) return node.values.length;
    if (node.kind === Kind.VARIABLE) {
      const value = this.variables[node.name.value];
      return Array.isArray(value) ? value.length : null;
    }
    return null;
  }
}

function fieldDefinition(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
  return parent.getFields()[name];
}
