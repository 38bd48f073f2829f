/**
 * Bearer token verification with jose: signature against the JWKS (remote: cached, refetched
 * once per cooldown for an unknown `kid`, so key rotation needs no restart), then `iss`, `aud`,
 * `exp`, `nbf` with a small clock skew. Only asymmetric algorithms: `alg: none` and HS* are
 * refused before any key is looked at.
 */
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { Caller } from '../context.js';
import type { AuthSettings } from './settings.js';

export type AuthFailure =
  /** No Authorization header, or not a Bearer one (RFC 6750 §3.1: no error code then). */
  | { kind: 'missing' }
  /** Anything wrong with the token itself: error="invalid_token". */
  | { kind: 'invalid'; reason: string }
  /** The identity provider's keys could not be fetched (not the caller's fault). */
  | { kind: 'unavailable' };

export type AuthResult = { ok: true; caller: Caller } | { ok: false; failure: AuthFailure };

export interface TokenVerifier {
  verify(authorization: string | null): Promise<AuthResult>;
}

/** A compact JWS: three base64url parts. Anything longer than this is not a token we issue. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 8_192;

export function createTokenVerifier(settings: AuthSettings, options: { now?: () => Date } = {}): TokenVerifier {
  const keys = settings.jwks
    ? createLocalJWKSet({ keys: settings.jwks.keys as JWK[] })
    : createRemoteJWKSet(new URL(settings.jwksUrl as string), { cooldownDuration: settings.jwksCooldownMs, timeoutDuration: 5_000 });

  return {
    async verify(authorization) {
      const match = authorization === null ? null : /^Bearer +(\S+) *$/i.exec(authorization);
      if (!match) return { ok: false, failure: { kind: 'missing' } };
      const token = match[1] as string;
      if (token.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(token)) return invalid('the token is malformed');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: settings.algorithms,
          clockTolerance: settings.clockSkewSeconds,
          requiredClaims: ['sub', 'exp'],
          ...(options.now ? { currentDate: options.now() } : {}),
        }));
      } catch (error) {
        return classify(error);
      }
      const subject = payload.sub;
      if (typeof subject !== 'string' || subject === '') return invalid('the token has no subject');
      const tenantValue = settings.tenantClaim === undefined ? undefined : payload[settings.tenantClaim];
      const tenant = typeof tenantValue === 'string' && tenantValue !== '' ? tenantValue : null;
      return { ok: true, caller: { subject, tenant, claims: Object.freeze({ ...payload }) } };
    },
  };
}

function invalid(reason: string): AuthResult {
  return { ok: false, failure: { kind: 'invalid', reason } };
}

/** jose's error classes, as a reason a caller can act on (never the token or a key). */
function classify(error: unknown): AuthResult {
  if (error instanceof joseErrors.JWTExpired) return invalid('the token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return invalid('the token is not valid yet');
    if (error.claim === 'iss') return invalid('the token was issued by another issuer');
    if (error.claim === 'aud') return invalid('the token is for another audience');
    return invalid(`the token's "${error.claim}" claim is missing or invalid`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return invalid('the token is signed with an algorithm this gateway does not accept');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return invalid('the token is signed with an unknown key');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return invalid('the token signature is invalid');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return { ok: false, failure: { kind: 'unavailable' } };
  if (error instanceof joseErrors.JOSEError) return invalid('the token is malformed');
  // fetch failures reaching the JWKS URL surface as plain errors.
  return { ok: false, failure: { kind: 'unavailable' } };
}
