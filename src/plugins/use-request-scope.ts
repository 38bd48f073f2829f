import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { runInRequestScope, type RequestScope } from '../request-scope.js';

/**
 * Runs each operation's execution inside its request scope, so the HTTP layer can forward the
 * caller's allow-listed headers and record upstream timings without adapters passing them.
 */
export function useRequestScope(): Plugin<GatewayContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const ctx = args.contextValue as GatewayContext;
      setExecuteFn((executeArgs) => runInRequestScope(ctx.scope, () => executeFn(executeArgs)));
    },
  };
}

export type { RequestScope };
