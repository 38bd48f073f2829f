/**
 * Bearer authentication for the GraphQL endpoint, in onRequest: a request without a valid token
 * is answered 401 before its body is read, parsed or anything reaches a source. /health,
 * /ready, /metrics (answered by earlier plugins) and GraphiQL's page and assets stay open; the
 * page sends the token the user puts in its headers tab.
 *
 * RFC 6750 §3: `WWW-Authenticate: Bearer` on every 401, with `error="invalid_token"` when a
 * token was sent but is expired, forged or not for us (§3.1), and none when there was none.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Authenticator } from './authenticator.js';
import type { AuthFailure } from './verify.js';

export const UNAUTHENTICATED = 'UNAUTHENTICATED';
export const FORBIDDEN = 'FORBIDDEN';
const REALM = 'ticketgraph';

export function useAuth(authenticator: Authenticator, options: { graphqlEndpoint: string }): Plugin {
  const refusal = async (request: Request): Promise<Refusal | null> => {
    const result = await authenticator.authenticate(request);
    if (!result.ok) {
      const { status, message, challenge } = describeFailure(result.failure);
      return { status, code: UNAUTHENTICATED, message, headers: { 'www-authenticate': challenge } };
    }
    if (!authenticator.isAllowed(result.caller)) return { status: 403, code: FORBIDDEN, message: 'No access rule grants this caller any source', headers: {} };
    return null;
  };
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== options.graphqlEndpoint) return;
      const refused = await refusal(request);
      if (!refused) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: refused.message, extensions: { code: refused.code } }] }), {
          status: refused.status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...refused.headers },
        }),
      );
    },
    // Yoga also serves GraphQL on paths that merely end with the endpoint (`/graphql/`,
    // `/x/graphql`): every request that gets parsed as GraphQL is checked here too.
    async onRequestParse({ request }) {
      const refused = await refusal(request);
      if (refused) throw createGraphQLError(refused.message, { extensions: { code: refused.code, http: { status: refused.status, headers: refused.headers } } });
    },
  };
}

interface Refusal {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

function describeFailure(failure: AuthFailure): { status: number; message: string; challenge: string } {
  switch (failure.kind) {
    case 'missing':
      return { status: 401, message: 'Authentication required: send "Authorization: Bearer <token>"', challenge: `Bearer realm="${REALM}"` };
    case 'invalid':
      return {
        status: 401,
        message: `Invalid token: ${failure.reason}`,
        challenge: `Bearer realm="${REALM}", error="invalid_token", error_description="${failure.reason}"`,
      };
    case 'unavailable':
      // Our fault, not the caller's: a retry may well succeed.
      return { status: 503, message: 'The identity provider cannot be reached; try again shortly', challenge: `Bearer realm="${REALM}"` };
  }
}
