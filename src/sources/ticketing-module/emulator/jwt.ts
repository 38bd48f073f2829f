/**
 * HS256 JSON Web Tokens with node:crypto, as the emulator's stand-in for the vendor's
 * Keycloak-style identity provider (seed 003: "a JWT … contains user identity, realm access
 * roles, and team membership information"). Verification is real: algorithm pinned to HS256,
 * signature compared in constant time, `exp` required and checked against the given clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The claims the emulator reads; anything else a token carries is ignored. */
export interface TicketingClaims {
  sub: string;
  exp: number;
  iat?: number;
  nbf?: number;
  /** Keycloak issuer, `<host>/realms/<realm>`: names the realm the token was issued in. */
  iss?: string;
  name?: string;
  email?: string;
  preferred_username?: string;
  /** The tenant the token was issued for (the emulator's choice, see README). */
  tenant_id?: string;
  realm_access?: { roles?: string[] };
  /** Keycloak group paths such as `/network`; the team membership. */
  groups?: string[];
  /** A single team, for identity providers that send one instead of groups. */
  team?: string;
  [claim: string]: unknown;
}

export type JwtFailure = 'malformed' | 'unsupported-algorithm' | 'bad-signature' | 'expired' | 'not-yet-valid';

export type JwtVerification = { ok: true; claims: TicketingClaims } | { ok: false; reason: JwtFailure };

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function hmac(secret: string, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

export function signJwt(claims: TicketingClaims, secret: string): string {
  const signingInput = `${base64url(JSON.stringify(HEADER))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(hmac(secret, signingInput))}`;
}

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Verifies signature and time claims; `nowSeconds` is the real clock in the emulator. */
export function verifyJwt(token: string, secret: string, nowSeconds: number): JwtVerification {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!isRecord(header)) return { ok: false, reason: 'malformed' };
  // Pinning the algorithm is what stops `alg: none` and key-confusion tokens.
  if (header.alg !== 'HS256') return { ok: false, reason: 'unsupported-algorithm' };
  if (!/^[A-Za-z0-9_-]*$/.test(signaturePart)) return { ok: false, reason: 'malformed' };
  const expected = hmac(secret, `${headerPart}.${payloadPart}`);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  const payload = decodeJson(payloadPart);
  if (!isRecord(payload) || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (payload.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds) return { ok: false, reason: 'not-yet-valid' };
  return { ok: true, claims: payload as TicketingClaims };
}

export const TICKET_ROLES = ['ticket_user', 'ticket_agent', 'ticket_admin'] as const;
export type TicketRole = (typeof TICKET_ROLES)[number];

/** The strongest ticket role among the token's realm roles; null when it has none of them. */
export function ticketRole(claims: TicketingClaims): TicketRole | null {
  const roles = Array.isArray(claims.realm_access?.roles) ? claims.realm_access.roles : [];
  for (const role of [...TICKET_ROLES].reverse()) if (roles.includes(role)) return role;
  return null;
}

/** Team names from `groups` (Keycloak paths, leading slash dropped) and `team`. */
export function teamsOf(claims: TicketingClaims): string[] {
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === 'string') : [];
  const teams = groups.map((g) => g.replace(/^\/+/, '').split('/').pop() ?? '');
  if (typeof claims.team === 'string') teams.push(claims.team);
  return teams.filter((t) => t !== '');
}

/** The realm named by a Keycloak issuer URL, e.g. `https://sso.example.com/realms/northwind`. */
export function realmOf(claims: TicketingClaims): string | null {
  const match = typeof claims.iss === 'string' ? /\/realms\/([^/]+)\/?$/.exec(claims.iss) : null;
  return match?.[1] ?? null;
}
