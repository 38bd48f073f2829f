import { clearAllDataLoaders } from '@pothos/plugin-dataloader';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';

/**
 * When an operation's result is complete, it lets go of what it fetched (the list memo and the
 * loaders' caches). The context itself stays reachable for a while through Pothos' per-context
 * WeakMaps, whose values Node 20's scavenger keeps alive whatever their key: every ticket and
 * native record held from the context then survived two scavenges and was promoted, about
 * 2 MB per young-generation collection in the fan-out bench (bench/README.md, issue 19).
 */
export function useRequestDataRelease(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as GatewayContext;
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
