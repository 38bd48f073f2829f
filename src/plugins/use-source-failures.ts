import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

/** Appends the per-source failures collected during execution to the result's `errors`. */
export function useSourceFailures(): Plugin<GatewayContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          const failures = (args.contextValue as GatewayContext).sourceFailures;
          if (failures.length === 0 || !result || Symbol.asyncIterator in result) return;
          // Deduplicate: the same source can fail in two fields of one query.
          const seen = new Set<string>();
          const unique = failures.filter((f) => {
            const key = `${String(f.extensions.source)}|${f.message}`;
            return seen.has(key) ? false : (seen.add(key), true);
          });
          setResult({ ...result, errors: [...(result.errors ?? []), ...unique] });
        },
      };
    },
  };
}
