/**
 * Query limits, all checked before any resolver runs (so before any upstream call): depth,
 * aliases, directives and tokens with graphql-armor's plugins, a connection-aware cost limit
 * (query-cost.ts), and introspection off when configured.
 *
 * Armor's own errors have no code and read "Syntax Error: …"; each is replaced with one
 * carrying `extensions.code: QUERY_TOO_COMPLEX` and `extensions.limit` naming the limit.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, getNamedType, isIntrospectionType, validate, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { costLimitRule, DEFAULT_MAX_COST, DEFAULT_PAGE_SIZE_FOR_COST, QUERY_TOO_COMPLEX, type UpstreamScope } from './query-cost.js';

export interface QueryLimitsOptions {
  /** Deepest field nesting (fragments counted as written). @default 12 */
  maxDepth?: number;
  /** Aliases per operation. @default 30 */
  maxAliases?: number;
  /** Directives per operation. @default 20 */
  maxDirectives?: number;
  /** Lexical tokens per document, checked while parsing. @default 2000 */
  maxTokens?: number;
  /** Cost ceiling, connections multiplied by `first`/`last` (see query-cost.ts). @default 20000 */
  maxCost?: number;
  /** Page size the cost assumes for a connection without `first`/`last`. @default 20 */
  defaultPageSize?: number;
  /** `false` refuses `__schema`/`__type` and hides "Did you mean …" suggestions. @default true */
  introspection?: boolean;
  /** Upstream calls one operation may need (estimated; see query-cost.ts). Not checked when unset. */
  maxUpstreamCalls?: number;
  /** The configured sources, for the upstream-call estimate (fan-out). @default one source */
  upstream?: () => UpstreamScope;
}

type Limit = 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxTokens';

function limitError(limit: Limit, armorMessage: string): GraphQLError {
  return new GraphQLError(armorMessage.replace(/^Syntax Error: /, ''), {
    extensions: { code: QUERY_TOO_COMPLEX, limit, http: { status: 400 } },
  });
}

/** Armor calls this with its own error; throwing ours instead is what reaches the client. */
function rejectWith(limit: Limit) {
  return [
    (_context: ValidationContext | null, error: GraphQLError): never => {
      throw limitError(limit, error.message);
    },
  ];
}

/** graphql's NoSchemaIntrospectionCustomRule, with a code a client can match on. */
const NoIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const type = context.getType();
    if (type && isIntrospectionType(getNamedType(type))) {
      context.reportError(
        new GraphQLError(`Introspection is disabled on this server ("${node.name.value}")`, {
          nodes: [node],
          extensions: { code: 'INTROSPECTION_DISABLED' },
        }),
      );
    }
  },
});

const MAX_VERDICTS_PER_DOCUMENT = 256;

export function useQueryLimits(options: QueryLimitsOptions = {}): Plugin {
  const maxCost = options.maxCost ?? DEFAULT_MAX_COST;
  const defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE_FOR_COST;
  const introspection = options.introspection ?? true;
  const costVerdicts = new WeakMap<DocumentNode, Map<string, readonly GraphQLError[]>>();
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(maxTokensPlugin({ n: options.maxTokens ?? 2_000, onReject: rejectWith('maxTokens') }));
      addPlugin(maxDepthPlugin({ n: options.maxDepth ?? 12, ignoreIntrospection: true, onReject: rejectWith('maxDepth') }));
      addPlugin(maxAliasesPlugin({ n: options.maxAliases ?? 30, onReject: rejectWith('maxAliases') }));
      addPlugin(maxDirectivesPlugin({ n: options.maxDirectives ?? 20, onReject: rejectWith('maxDirectives') }));
      // Suggestions name fields the caller did not ask for: the schema, leaked one typo at a time.
      if (!introspection) addPlugin(blockFieldSuggestionsPlugin());
    },
    onValidate({ addValidationRule }) {
      if (!introspection) addValidationRule(NoIntrospection);
    },
    onExecute({ args, setResultAndStopExecution }) {
      // Yoga hands the same parsed document to every request for the same query, so the cost
      // verdict is cached per document, operation and variables: a full schema walk per
      // request showed up in the benchmark's profile.
      const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      let verdicts = costVerdicts.get(args.document);
      if (!verdicts) costVerdicts.set(args.document, (verdicts = new Map()));
      let errors = verdicts.get(key);
      if (!errors) {
        const rule = costLimitRule({
          maxCost,
          defaultPageSize,
          variables: args.variableValues ?? {},
          operationName: args.operationName ?? null,
          ...(options.upstream ? { upstream: options.upstream() } : {}),
          ...(options.maxUpstreamCalls !== undefined ? { maxUpstreamCalls: options.maxUpstreamCalls } : {}),
        });
        errors = validate(args.schema, args.document, [rule]);
        if (verdicts.size >= MAX_VERDICTS_PER_DOCUMENT) verdicts.clear();
        verdicts.set(key, errors);
      }
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
