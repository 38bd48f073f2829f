import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.js';

const source = (extra: Record<string, unknown> = {}) => ({
  key: 'cp',
  kind: 'control-panel',
  name: 'CP',
  baseUrl: 'http://127.0.0.1:1',
  credentials: { token: 'x' },
  ...extra,
});
const auth = (extra: Record<string, unknown> = {}) => ({
  jwksUrl: 'https://idp.example/.well-known/jwks.json',
  issuer: 'https://idp.example/',
  audience: 'ticketgraph',
  access: [{ claim: 'groups', includes: 'support', sources: '*', write: true }],
  ...extra,
});
const problems = (document: unknown): string[] => {
  try {
    parseConfig(document, {});
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('gateway.auth and the source fields it uses', () => {
  it('parses with defaults, tenant and identity headers', () => {
    const config = parseConfig(
      { sources: [source({ tenant: 'northwind', identityHeaders: { 'x-user': '{claims.preferred_username}' } })], gateway: { auth: auth({ tenantClaim: 'tenant' }) }, demo: { tokens: {} } },
      {},
    );
    expect(config.gateway?.auth).toMatchObject({ clockSkewSeconds: 30, algorithms: ['RS256', 'ES256', 'EdDSA'], tenantClaim: 'tenant' });
    expect(config.sources[0]).toMatchObject({ tenant: 'northwind', identityHeaders: { 'x-user': '{claims.preferred_username}' } });
  });

  it('refuses a rule naming an unknown source, both or neither key source, symmetric algorithms, and templates without a claim', () => {
    expect(problems({ sources: [source()], gateway: { auth: auth({ access: [{ claim: 'scope', includes: 'r', sources: ['cq'] }] }) } })).toEqual([
      'gateway.auth.access[0].sources: unknown source "cq"',
    ]);
    expect(problems({ sources: [source()], gateway: { auth: auth({ jwks: { keys: [{ kty: 'EC' }] } }) } }).join()).toMatch(/exactly one of "jwksUrl" or "jwks"/);
    expect(problems({ sources: [source()], gateway: { auth: auth({ algorithms: ['HS256'] }) } }).join()).toMatch(/gateway\.auth\.algorithms/);
    expect(problems({ sources: [source({ identityHeaders: { 'x-user': 'static' } })] }).join()).toMatch(/identityHeaders/);
    expect(problems({ sources: [source()], gateway: { auth: auth({ access: [{ claim: 'scope', sources: '*' }] }) } }).join()).toMatch(/exactly one of "equals" or "includes"/);
  });
});
