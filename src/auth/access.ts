/**
 * What a verified caller may do: the union of every access rule whose claim matches, narrowed
 * to their tenant's sources (plus untenanted ones) when a tenant claim is configured.
 */
import type { Caller } from '../context.js';
import type { AccessRule, AuthSettings } from './settings.js';

export interface SourceAccess {
  /** Source keys this caller may read; every other source is invisible to them. */
  readable: ReadonlySet<string>;
  /** Source keys this caller may write (a subset of readable). */
  writable: ReadonlySet<string>;
}

/** Whether one claim value satisfies a rule. A space-separated string counts as a list (OAuth `scope`). */
export function claimMatches(value: unknown, rule: Pick<AccessRule, 'equals' | 'includes'>): boolean {
  if (rule.equals !== undefined) return value === rule.equals;
  if (rule.includes === undefined) return false;
  if (Array.isArray(value)) return value.includes(rule.includes);
  if (typeof value === 'string') return value.split(' ').includes(rule.includes);
  return false;
}

export function accessFor(
  caller: Caller,
  settings: Pick<AuthSettings, 'access' | 'tenantClaim'>,
  sources: readonly { key: string; tenant?: string | undefined }[],
): SourceAccess {
  const readable = new Set<string>();
  const writable = new Set<string>();
  for (const rule of settings.access) {
    if (!claimMatches(caller.claims[rule.claim], rule)) continue;
    const keys = rule.sources === '*' ? sources.map((s) => s.key) : rule.sources;
    for (const key of keys) {
      readable.add(key);
      if (rule.write) writable.add(key);
    }
  }
  for (const source of sources) {
    // With tenants on, a caller without a tenant sees only untenanted sources.
    const foreign = settings.tenantClaim !== undefined && source.tenant !== undefined && source.tenant !== caller.tenant;
    if (foreign) {
      readable.delete(source.key);
      writable.delete(source.key);
    }
  }
  const known = new Set(sources.map((s) => s.key));
  for (const key of readable) if (!known.has(key)) readable.delete(key);
  for (const key of writable) if (!readable.has(key)) writable.delete(key);
  return { readable, writable };
}

/** Whether any rule matched at all (no matching rule: the caller is refused with 403). */
export function hasAnyRule(caller: Caller, settings: Pick<AuthSettings, 'access'>): boolean {
  return settings.access.some((rule) => claimMatches(caller.claims[rule.claim], rule));
}
