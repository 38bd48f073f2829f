/**
 * One verification per HTTP request, shared by everything that needs the caller: the auth
 * plugin (refuses before anything is parsed), the rate limit (keyed by subject) and the
 * context (caller, visible sources, caller-bound cursors).
 */
import type { Caller, SourceDirectory } from '../context.js';
import type { CursorCodec } from '../federation/cursor.js';
import { visibleDirectory } from '../sources/directory.js';
import { accessFor, hasAnyRule, type SourceAccess } from './access.js';
import { bindCursors } from './bound-cursors.js';
import type { AuthSettings } from './settings.js';
import { createTokenVerifier, type AuthResult } from './verify.js';

export interface Authenticator {
  readonly settings: AuthSettings;
  /** Verifies the request's bearer token; the same promise for every call with one request. */
  authenticate(request: Request): Promise<AuthResult>;
  /** Whether a verified caller matches any access rule at all. */
  isAllowed(caller: Caller): boolean;
  /** The rate-limit key of an authenticated request (its subject); undefined falls back to the address. */
  rateLimitKey(request: Request): Promise<string | undefined>;
  /** What a request's resolvers see: its caller, only the sources it may read, cursors bound to it. */
  viewFor(request: Request, sources: SourceDirectory, cursors: CursorCodec): { caller: Caller | null; sources: SourceDirectory; cursors: CursorCodec };
}

const NO_ACCESS: SourceAccess = { readable: new Set(), writable: new Set() };

export function createAuthenticator(
  settings: AuthSettings,
  sourceConfigs: readonly { key: string; tenant?: string | undefined }[],
  options: { now?: () => Date } = {},
): Authenticator {
  const verifier = createTokenVerifier(settings, options);
  const results = new WeakMap<Request, Promise<AuthResult>>();
  const verified = new WeakMap<Request, Caller>();

  const authenticate = (request: Request): Promise<AuthResult> => {
    let result = results.get(request);
    if (!result) {
      result = verifier.verify(request.headers.get('authorization')).then((outcome) => {
        if (outcome.ok) verified.set(request, outcome.caller);
        return outcome;
      });
      results.set(request, result);
    }
    return result;
  };

  return {
    settings,
    authenticate,
    isAllowed: (caller) => hasAnyRule(caller, settings),
    async rateLimitKey(request) {
      const result = await authenticate(request);
      return result.ok ? `sub:${result.caller.subject}` : undefined;
    },
    viewFor(request, sources, cursors) {
      // The auth plugin refused every request without a verified caller; should one get here
      // anyway, it sees nothing (fail closed).
      const caller = verified.get(request) ?? null;
      return {
        caller,
        sources: visibleDirectory(sources, caller ? accessFor(caller, settings, sourceConfigs) : NO_ACCESS),
        cursors: bindCursors(cursors, caller?.subject ?? ''),
      };
    },
  };
}
