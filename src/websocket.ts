/**
 * GraphQL over WebSocket (the `graphql-ws` protocol, which Apollo Client, urql and Relay speak)
 * on the same path as HTTP and SSE: an upgrade request to `/graphql` on the gateway's server.
 * Every operation goes through the same Yoga instance (`getEnveloped`), so its plugins, context
 * and schema are the ones HTTP requests get.
 */
import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Gateway } from './gateway.js';

export interface WebSocketEndpoint {
  close(): Promise<void>;
}

type EnvelopedArgs = ExecutionArgs & {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
};

export function attachWebSockets(server: Server, gateway: Pick<Gateway, 'yoga'>): WebSocketEndpoint {
  const { yoga } = gateway;
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: 100_000 });
  const disposable = useServer(
    {
      execute: (args) => (args as EnvelopedArgs).execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).subscribe(args) as never,
      onSubscribe: async (ctx, _id, payload) => {
        const upgrade = ctx.extra.request;
        const headers = new Headers();
        for (const [name, value] of Object.entries(upgrade.headers)) {
          if (typeof value === 'string') headers.set(name, value);
          else if (Array.isArray(value)) headers.set(name, value.join(', '));
        }
        // A token may come in the connection_init payload, as browser WebSocket clients cannot set headers.
        const init = ctx.connectionParams;
        if (init && typeof init.authorization === 'string' && !headers.has('authorization')) headers.set('authorization', init.authorization);
        const request = new Request(`http://${headers.get('host') ?? 'localhost'}${yoga.graphqlEndpoint}`, { method: 'POST', headers });
        const enveloped = yoga.getEnveloped({ request, params: payload, req: upgrade, socket: ctx.extra.socket } as never);
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const args: EnvelopedArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          execute: enveloped.execute as EnvelopedArgs['execute'],
          subscribe: enveloped.subscribe as EnvelopedArgs['subscribe'],
        };
        return args;
      },
    },
    wss,
  );
  return {
    async close() {
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
