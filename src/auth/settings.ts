/**
 * `gateway.auth`: who may call, and what each caller may see. Kept beside settings.ts' other
 * blocks (it is imported there) but owned by src/auth.
 */
import { z } from 'zod';

/** Asymmetric only: a shared-secret HS* key would let anyone who can verify also mint. */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

const claimName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/, 'a claim name');

/** One access rule: callers whose claim matches get these sources (union over every matching rule). */
export const accessRule = z
  .strictObject({
    claim: claimName,
    /** The claim equals this string. */
    equals: z.string().min(1).optional(),
    /** The claim (an array, or a space-separated string such as OAuth's `scope`) contains this. */
    includes: z.string().min(1).optional(),
    /** Source keys, or "*" for every source. */
    sources: z.union([z.literal('*'), z.array(z.string().min(1)).min(1)]),
    /** Mutations on these sources too. @default false */
    write: z.boolean().default(false),
  })
  .refine((rule) => (rule.equals === undefined) !== (rule.includes === undefined), 'exactly one of "equals" or "includes"');
export type AccessRule = z.infer<typeof accessRule>;

const jwk = z.looseObject({ kty: z.string() });

export const authSettings = z
  .strictObject({
    /** Where the identity provider publishes its signing keys (cached; refetched for an unknown `kid`). */
    jwksUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** The keys inline, instead of jwksUrl. */
    jwks: z.strictObject({ keys: z.array(jwk).min(1) }).optional(),
    issuer: z.string().min(1),
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** Claim holding the caller's tenant; callers then see only their tenant's sources and untenanted ones. */
    tenantClaim: claimName.optional(),
    /** Tolerance for exp/nbf/iat against this server's clock. @default 30 */
    clockSkewSeconds: z.number().int().min(0).max(300).default(30),
    /** Least time between two JWKS fetches for unknown `kid`s. @default 30000 */
    jwksCooldownMs: z.number().int().min(0).max(600_000).default(30_000),
    algorithms: z.array(z.enum(ALLOWED_ALGORITHMS)).min(1).default([...ALLOWED_ALGORITHMS]),
    access: z.array(accessRule).min(1),
  })
  .refine((auth) => (auth.jwksUrl === undefined) !== (auth.jwks === undefined), 'exactly one of "jwksUrl" or "jwks"');
export type AuthSettings = z.infer<typeof authSettings>;
