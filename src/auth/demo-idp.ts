/**
 * A tiny identity provider for demos and tests: a JWKS at `/.well-known/jwks.json` on
 * 127.0.0.1 (keys generated at start, never written anywhere) and a `mint` that signs tokens
 * with the current key. `rotate()` publishes a new key beside the old one, as real IdPs do
 * before they switch.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { listen } from '../listen.js';
import type { AuthSettings } from './settings.js';

export const DEMO_AUDIENCE = 'ticketgraph';
export const JWKS_PATH = '/.well-known/jwks.json';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface DemoIdp {
  issuer: string;
  jwksUrl: string;
  /** How many times the JWKS was fetched (tests check caching and rotation). */
  readonly jwksFetches: number;
  /** A token for `subject` with these claims; expires after `expiresInSeconds` (default 1 h) from `now`. */
  mint(subject: string, claims?: JWTPayload, options?: { expiresInSeconds?: number; now?: Date; audience?: string; issuer?: string }): Promise<string>;
  /** Publishes a new key beside the old ones and signs with it from now on. */
  rotate(): Promise<void>;
  close(): Promise<void>;
}

const ALG = 'ES256';

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' } };
}

export async function startDemoIdp(options: { host?: string } = {}): Promise<DemoIdp> {
  const keys: SigningKey[] = [await newKey()];
  let fetches = 0;
  const listening = await listen(
    (req, res) => {
      if (req.method === 'GET' && req.url === JWKS_PATH) {
        fetches++;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
        res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not_found"}');
    },
    { host: options.host ?? '127.0.0.1' },
  );
  const issuer = `${listening.origin}/`;
  return {
    issuer,
    jwksUrl: listening.origin + JWKS_PATH,
    get jwksFetches() {
      return fetches;
    },
    async mint(subject, claims = {}, mintOptions = {}) {
      const key = keys[keys.length - 1] as SigningKey;
      const now = Math.floor((mintOptions.now ?? new Date()).getTime() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(mintOptions.issuer ?? issuer)
        .setAudience(mintOptions.audience ?? DEMO_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (mintOptions.expiresInSeconds ?? 3_600))
        .sign(key.privateKey);
    },
    async rotate() {
      keys.push(await newKey());
    },
    close: () => listening.close(),
  };
}

/** Demo users: a support agent of each of two tenants, and a read-only viewer. */
export const DEMO_USERS = {
  'agent-northwind': { preferred_username: 'alice', tenant: 'northwind', groups: ['support'] },
  'agent-contoso': { preferred_username: 'bob', tenant: 'contoso', groups: ['support'] },
  viewer: { preferred_username: 'victor', scope: 'tickets:read' },
} as const satisfies Record<string, JWTPayload>;

/** The `gateway.auth` block for the demo IdP: support agents read and write, viewers read. */
export function demoAuthSettings(idp: Pick<DemoIdp, 'issuer' | 'jwksUrl'>): AuthSettings {
  return {
    jwksUrl: idp.jwksUrl,
    issuer: idp.issuer,
    audience: DEMO_AUDIENCE,
    tenantClaim: 'tenant',
    clockSkewSeconds: 30,
    jwksCooldownMs: 30_000,
    algorithms: ['RS256', 'ES256', 'EdDSA'],
    access: [
      { claim: 'groups', includes: 'support', sources: '*', write: true },
      { claim: 'scope', includes: 'tickets:read', sources: '*', write: false },
    ],
  };
}

/** Long-lived tokens (30 days) for every demo user, to paste into GraphiQL's headers tab. */
export async function mintDemoTokens(idp: DemoIdp): Promise<Record<keyof typeof DEMO_USERS, string>> {
  const entries = await Promise.all(
    Object.entries(DEMO_USERS).map(async ([subject, claims]) => [subject, await idp.mint(subject, { ...claims }, { expiresInSeconds: 30 * 24 * 3_600 })] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof DEMO_USERS, string>;
}
