import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { runInRequestScope, type RequestScope } from '../request-scope.js';

/**
 * Runs each operation's execution inside its request scope, so the HTTP layer can forward the
 * caller's allow-listed headers and record upstream timings without adapters passing them.
 *
 * When an operation's result is complete, it lets go of what it fetched (the list memo and the
 * loaders' caches). The context itself stays reachable for a while through Pothos' per-context
 * WeakMaps, whose values Node 20's scavenger keeps alive whatever their key: every ticket and
 * native record held from the context then survived two scavenges and was promoted, about
 * 2 MB per young-generation collection in the fan-out bench (bench/README.md, issue 19).
 */
export function useRequestScope(): Plugin<GatewayContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const ctx = args.contextValue as GatewayContext;
      setExecuteFn((executeArgs) => runInRequestScope(ctx.scope, () => executeFn(executeArgs)));
      return {
        onExecuteDone({ result }) {
          // A stream (subscription, incremental delivery) still resolves from them.
          if (Symbol.asyncIterator in result) return;
          ctx.listings?.clear();
          clearAllDataLoaders(ctx);
        },
      };
    },
  };
}

export type { RequestScope };
