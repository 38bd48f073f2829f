/**
 * GraphQL over WebSocket (the `graphql-ws` protocol, which Apollo Client, urql and Relay speak)
 * on the same path as HTTP and SSE: an upgrade request to `/graphql` on the gateway's server.
 * Every operation goes through the same Yoga instance (`getEnveloped`), so its plugins, context
 * and schema are the ones HTTP requests get.
 */
import type { Server } from 'node:http';
import type { Context } from '@opentelemetry/api';
import { GraphQLError, type DocumentNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Gateway } from './gateway.js';
import type { WebSocketOperationArgs } from './observability/tracing.js';
import { bindTrace } from './observability/tracing-context.js';

export interface WebSocketEndpoint {
  close(): Promise<void>;
}

type EnvelopedArgs = WebSocketOperationArgs;

/** Close codes (graphql-ws uses 4400-4499 for the application's refusals). */
const UNAUTHORIZED_CLOSE = 4401;
const FORBIDDEN_CLOSE = 4403;

export function attachWebSockets(server: Server, gateway: Pick<Gateway, 'yoga' | 'auth'> & Partial<Pick<Gateway, 'tracing'>>): WebSocketEndpoint {
  const { yoga, auth, tracing } = gateway;
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: 100_000 });
  /** The connection's stand-in HTTP request: what the caller was authenticated as, once, at connection_init. */
  const requests = new WeakMap<object, Request>();
  const disposable = useServer(
    {
      execute: (args) => (args as EnvelopedArgs).execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).subscribe(args) as never,
      onConnect: async (ctx) => {
        const upgrade = ctx.extra.request;
        const headers = new Headers();
        for (const [name, value] of Object.entries(upgrade.headers)) {
          if (typeof value === 'string') headers.set(name, value);
          else if (Array.isArray(value)) headers.set(name, value.join(', '));
        }
        // Browser WebSocket clients cannot set headers: the token may come in connection_init.
        const init = ctx.connectionParams;
        const token = init && (typeof init.authorization === 'string' ? init.authorization : typeof init.Authorization === 'string' ? init.Authorization : undefined);
        if (token !== undefined) headers.set('authorization', token);
        const request = new Request(`http://${headers.get('host') ?? 'localhost'}${yoga.graphqlEndpoint}`, { method: 'POST', headers });
        if (auth) {
          // The same verification as HTTP requests, before any operation is accepted.
          const result = await auth.authenticate(request);
          if (!result.ok) {
            ctx.extra.socket.close(UNAUTHORIZED_CLOSE, 'Unauthorized');
            return false;
          }
          if (!auth.isAllowed(result.caller)) {
            ctx.extra.socket.close(FORBIDDEN_CLOSE, 'Forbidden');
            return false;
          }
        }
        requests.set(ctx.extra.socket, request);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const upgrade = ctx.extra.request;
        const request = requests.get(ctx.extra.socket);
        if (!request) return [new GraphQLError('Connection not initialised', { extensions: { code: 'UNAUTHENTICATED' } })];
        // Traced, the operation's trace context rides on its GraphQL context (tracing-context.ts).
        const prepare = async (traceContext?: Context): Promise<EnvelopedArgs | readonly GraphQLError[]> => {
          const enveloped = yoga.getEnveloped(bindTrace({ request, params: payload, req: upgrade, socket: ctx.extra.socket }, traceContext) as never);
          let document: DocumentNode;
          try {
            document = enveloped.parse(payload.query);
          } catch (error) {
            // A syntax error, or an operation name the document lacks (Yoga's parse hooks throw
            // both): the client's mistake, answered as errors; graphql-ws would close the socket.
            if (error instanceof GraphQLError) return [withoutHttp(error)];
            throw error;
          }
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
        };
        // Traced (tracing.ts): one span per operation, parented by the upgrade's or connection_init's traceparent.
        return tracing ? tracing.webSocketOperation({ headers: request.headers, connectionParams: ctx.connectionParams }, prepare) : prepare();
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

/** Yoga's `extensions.http` (a status for HTTP answers) means nothing over a socket: not sent, as Yoga's HTTP serializer does not send it. */
function withoutHttp(error: GraphQLError): GraphQLError {
  if (!('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions });
}
