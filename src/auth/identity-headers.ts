import type { Caller } from '../context.js';
import { scopeOf } from '../request-scope.js';
import { SourceInputError } from '../sources/errors.js';
import { ClaimTemplateError, renderClaimTemplate } from './claim-template.js';

/**
 * The source's identity headers for the current caller. Without a caller (the gateway runs
 * open) none are sent; a claim that is missing or unsafe refuses the call before it is made.
 */
export function identityHeaders(source: string, templates: Record<string, string> | undefined, caller: Caller | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!templates || !caller) return headers;
  for (const [name, template] of Object.entries(templates)) {
    try {
      headers[name.toLowerCase()] = renderClaimTemplate(template, caller.claims);
    } catch (error) {
      if (!(error instanceof ClaimTemplateError)) throw error;
      throw new SourceInputError({ source, code: 'INVALID_INPUT', message: error.message });
    }
  }
  return headers;
}

/**
 * A vendor's acting-user field (BlueKing's `bk_username`) for the caller of the operation whose
 * signal this is: the template rendered over their claims, or the configured service user when
 * there is no template, the gateway runs open or the call is not made for a caller.
 */
export function actingUser(source: string, template: string | undefined, serviceUser: string, signal: AbortSignal | undefined): string {
  const caller = scopeOf(signal)?.caller;
  if (template === undefined || !caller) return serviceUser;
  return identityHeaders(source, { user: template }, caller).user as string;
}
