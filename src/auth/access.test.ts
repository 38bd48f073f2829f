import { describe, expect, it } from 'vitest';
import type { Caller } from '../context.js';
import { accessFor, claimMatches, hasAnyRule } from './access.js';
import { ClaimTemplateError, renderClaimTemplate } from './claim-template.js';

const caller = (claims: Record<string, unknown>, tenant: string | null = null): Caller => ({ subject: 's', tenant, claims });
const SOURCES = [{ key: 'cp' }, { key: 'bk' }, { key: 'coc', tenant: 'northwind' }, { key: 'coc-contoso', tenant: 'contoso' }];
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('claimMatches', () => {
  it('equals compares whole values; includes reads arrays and space-separated strings', () => {
    expect(claimMatches('admin', { equals: 'admin' })).toBe(true);
    expect(claimMatches(['admin'], { equals: 'admin' })).toBe(false);
    expect(claimMatches(['a', 'support'], { includes: 'support' })).toBe(true);
    expect(claimMatches('openid tickets:read', { includes: 'tickets:read' })).toBe(true);
    expect(claimMatches('openid tickets:readwrite', { includes: 'tickets:read' })).toBe(false);
    expect(claimMatches(undefined, { includes: 'x' })).toBe(false);
    expect(claimMatches({ support: true }, { includes: 'support' })).toBe(false);
  });
});

describe('accessFor', () => {
  const settings = {
    tenantClaim: 'tenant',
    access: [
      { claim: 'groups', includes: 'support', sources: '*' as const, write: true },
      { claim: 'scope', includes: 'tickets:read', sources: ['cp', 'coc'], write: false },
      { claim: 'role', equals: 'bk-writer', sources: ['bk'], write: true },
    ],
  };

  it('is the union of matching rules, narrowed to the caller’s tenant and untenanted sources', () => {
    const agent = accessFor(caller({ groups: ['support'] }, 'northwind'), settings, SOURCES);
    expect(sorted(agent.readable)).toEqual(['bk', 'coc', 'cp']);
    expect(sorted(agent.writable)).toEqual(['bk', 'coc', 'cp']);

    const mixed = accessFor(caller({ scope: 'tickets:read', role: 'bk-writer' }, 'contoso'), settings, SOURCES);
    expect(sorted(mixed.readable)).toEqual(['bk', 'cp']);
    expect(sorted(mixed.writable)).toEqual(['bk']);

    const noTenant = accessFor(caller({ groups: ['support'] }), settings, SOURCES);
    expect(sorted(noTenant.readable)).toEqual(['bk', 'cp']);
  });

  it('ignores tenants when no tenant claim is configured', () => {
    const open = accessFor(caller({ groups: ['support'] }), { access: settings.access }, SOURCES);
    expect(sorted(open.readable)).toEqual(['bk', 'coc', 'coc-contoso', 'cp']);
  });

  it('no matching rule: nothing, and hasAnyRule says so', () => {
    const nobody = caller({ groups: ['sales'] });
    expect(sorted(accessFor(nobody, settings, SOURCES).readable)).toEqual([]);
    expect(hasAnyRule(nobody, settings)).toBe(false);
  });
});

describe('renderClaimTemplate', () => {
  it('substitutes claims and refuses missing or unsafe values', () => {
    expect(renderClaimTemplate('{claims.preferred_username}@{claims.tenant}', { preferred_username: 'alice', tenant: 'nw' })).toBe('alice@nw');
    for (const value of ['a\r\nb', 'a\nb', 'tab\there', ' padded', 'zoë', '', undefined, ['a'], { a: 1 }]) {
      expect(() => renderClaimTemplate('{claims.u}', { u: value }), JSON.stringify(value)).toThrow(ClaimTemplateError);
    }
  });
});
