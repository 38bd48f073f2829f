/**
 * Runs repeated queries through graphql-jit: a document's query operation is compiled into a
 * plain function the second time it is executed, and that function runs it from then on.
 *
 * Why: resolving a page of tickets with graphql-js' interpreter (@graphql-tools/executor) walks
 * the document for every one of the page's fields and allocates promises and paths as it goes;
 * the compiled function does not. Measured with `npm run bench` (bench/README.md).
 *
 * Why the second time: compiling costs more than interpreting once, so a client sending a
 * stream of unique documents (a hostile one, or a GraphiQL user typing) never pays it, and never
 * makes the gateway compile on its behalf. Clients in production send the same few operations.
 *
 * Only queries: mutations are rare and must run their fields one after another; subscriptions
 * keep Yoga's executor. The cache lives as long as Yoga's parsed-document cache keeps the
 * document (a WeakMap on the DocumentNode), per operation name, since one document may hold several.
 *
 * Clients see the interpreter's answers: graphql-jit's errors carry locations but no AST nodes
 * (Yoga and our error mapping rebuild errors from nodes), so each is located again on the
 * document the way graphql-js does it; and variables it cannot coerce go to the interpreter,
 * which states the problem the way clients already get it (no resolver has run by then).
 */
import {
  getOperationAST,
  GraphQLError,
  Kind,
  locatedError,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/** Executions of a document before it is compiled. */
const COMPILE_AFTER = 2;

interface Entry {
  seen: number;
  /** null: graphql-jit cannot compile it (the interpreter keeps running it). */
  compiled?: Compiled | null;
}

interface Compiled {
  query: CompiledQuery['query'];
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

export interface CompiledQueriesOptions {
  /** Told of each compilation (metrics). */
  onCompile?: (outcome: 'compiled' | 'failed') => void;
}

export function useCompiledQueries(options: CompiledQueriesOptions = {}): Plugin {
  const cache = new WeakMap<DocumentNode, Map<string, Entry>>();

  const compiledFor = (args: { schema: Parameters<typeof compileQuery>[0]; document: DocumentNode; operationName?: string | null }): Compiled | null => {
    let byOperation = cache.get(args.document);
    if (!byOperation) cache.set(args.document, (byOperation = new Map()));
    const name = args.operationName ?? '';
    let entry = byOperation.get(name);
    if (!entry) byOperation.set(name, (entry = { seen: 0 }));
    if (entry.compiled !== undefined) return entry.compiled;
    if (++entry.seen < COMPILE_AFTER) return null;
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== 'query') {
      entry.compiled = null;
      return null;
    }
    let result: CompiledQuery | ExecutionResult;
    try {
      result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
    } catch {
      // A compiler bug must cost speed, not the answer: the interpreter keeps running it.
      entry.compiled = null;
      options.onCompile?.('failed');
      return null;
    }
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of args.document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    entry.compiled = isCompiledQuery(result) ? { query: result.query, operation, fragments } : null;
    options.onCompile?.(entry.compiled ? 'compiled' : 'failed');
    return entry.compiled;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = compiledFor(args);
      if (!compiled) return;
      setExecuteFn((executeArgs) => {
        const answer = (result: ExecutionResult) => {
          // No `data`: the variables were refused before anything ran.
          if (!('data' in result)) return executeFn(executeArgs);
          if (!result.errors?.length) return result;
          return { errors: result.errors.map((error) => relocated(error, compiled)), data: result.data };
        };
        const result = compiled.query(executeArgs.rootValue, executeArgs.contextValue, executeArgs.variableValues);
        return result instanceof Promise ? result.then(answer) : answer(result);
      });
    },
  };
}

/** A graphql-jit error as graphql-js reports it: located on the field nodes at its path. */
function relocated(error: GraphQLError, compiled: Compiled): GraphQLError {
  const path = error.path;
  if (!path) return error;
  const nodes = fieldNodesAt(compiled, path);
  if (nodes.length === 0) return error;
  const original = error.originalError;
  return original ? locatedError(original, nodes, path) : new GraphQLError(error.message, { nodes, path, extensions: error.extensions });
}

/** The field nodes answering at a response path (its string segments are response keys). */
function fieldNodesAt(compiled: Compiled, path: readonly (string | number)[]): FieldNode[] {
  let sets: SelectionSetNode[] = [compiled.operation.selectionSet];
  let nodes: FieldNode[] = [];
  for (const key of path) {
    if (typeof key === 'number') continue;
    nodes = [];
    for (const set of sets) collectFields(set, key, compiled.fragments, nodes, new Set());
    sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }
  return nodes;
}

function collectFields(set: SelectionSetNode, key: string, fragments: ReadonlyMap<string, FragmentDefinitionNode>, out: FieldNode[], visited: Set<string>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias ?? selection.name).value === key) out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(selection.selectionSet, key, fragments, out, visited);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      collectFields(fragment.selectionSet, key, fragments, out, visited);
    }
  }
}
