import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { realmOf, signJwt, teamsOf, ticketRole, verifyJwt, type TicketingClaims } from './jwt.js';

const SECRET = 'unit-test-secret';
const NOW = 1_800_000_000;
const claims: TicketingClaims = {
  sub: 'user-1',
  exp: NOW + 60,
  iss: 'https://sso.ticketing.example/realms/northwind',
  realm_access: { roles: ['offline_access', 'ticket_agent'] },
  groups: ['/network', '/it/identity'],
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyJwt', () => {
  it('accepts a token signed with the secret and returns its claims', () => {
    expect(verifyJwt(signJwt(claims, SECRET), SECRET, NOW)).toEqual({ ok: true, claims });
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyJwt(signJwt(claims, 'other-secret'), SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a token whose payload was changed after signing', () => {
    const [header, , signature] = signJwt(claims, SECRET).split('.');
    const forged = `${header}.${b64({ ...claims, realm_access: { roles: ['ticket_admin'] } })}.${signature}`;
    expect(verifyJwt(forged, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects an expired token, including at the exact second of expiry', () => {
    expect(verifyJwt(signJwt({ ...claims, exp: NOW - 1 }, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyJwt(signJwt({ ...claims, exp: NOW }, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a token used before nbf', () => {
    expect(verifyJwt(signJwt({ ...claims, nbf: NOW + 30 }, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'not-yet-valid' });
  });

  it('rejects alg none and other algorithms', () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(verifyJwt(none, SECRET, NOW)).toEqual({ ok: false, reason: 'unsupported-algorithm' });
    const hs512Input = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}`;
    const hs512 = `${hs512Input}.${createHmac('sha512', SECRET).update(hs512Input).digest('base64url')}`;
    expect(verifyJwt(hs512, SECRET, NOW)).toEqual({ ok: false, reason: 'unsupported-algorithm' });
  });

  it('rejects malformed tokens and tokens without sub or exp', () => {
    expect(verifyJwt('not-a-jwt', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c.d', SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    const { exp: _exp, ...noExp } = claims;
    expect(verifyJwt(signJwt(noExp as TicketingClaims, SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('claims', () => {
  it('takes the strongest ticket role and none when the token has no ticket role', () => {
    expect(ticketRole(claims)).toBe('ticket_agent');
    expect(ticketRole({ ...claims, realm_access: { roles: ['ticket_user', 'ticket_admin'] } })).toBe('ticket_admin');
    expect(ticketRole({ ...claims, realm_access: { roles: ['offline_access', 'uma_authorization'] } })).toBeNull();
    expect(ticketRole({ sub: 'x', exp: NOW })).toBeNull();
  });

  it('reads teams from Keycloak group paths and the team claim', () => {
    expect(teamsOf({ ...claims, team: 'operation' })).toEqual(['network', 'identity', 'operation']);
  });

  it('reads the realm from a Keycloak issuer', () => {
    expect(realmOf(claims)).toBe('northwind');
    expect(realmOf({ ...claims, iss: 'https://elsewhere.example' })).toBeNull();
  });
});
