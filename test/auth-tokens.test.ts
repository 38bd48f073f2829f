/**
 * Bearer tokens over real HTTP: every bad token is a 401 (RFC 6750 challenge, one
 * UNAUTHENTICATED error) before any upstream call; key rotation needs no restart; operational
 * routes and GraphiQL's page stay open. Token times run on a fake clock (jose's currentDate).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { CLOCK_START, startAuthStack, upstreamCalls, type AuthStack } from './support/auth-stack.js';

const QUERY = { query: '{ sources { key } }' };
const AGENT = { groups: ['support'] };
const seconds = (n: number) => new Date(CLOCK_START.getTime() + n * 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let stack: AuthStack;

beforeAll(async () => {
  stack = await startAuthStack({
    kinds: ['control-panel'],
    auth: (idp) => ({
      jwksUrl: idp.jwksUrl,
      issuer: idp.issuer,
      audience: 'ticketgraph',
      clockSkewSeconds: 30,
      // Every unknown kid may refetch, so the rotation test needs no waiting.
      jwksCooldownMs: 0,
      algorithms: ['RS256', 'ES256', 'EdDSA'],
      access: [{ claim: 'groups', includes: 'support', sources: '*', write: true }],
    }),
  });
});
afterAll(() => stack.close());
beforeEach(() => {
  stack.clock.now = CLOCK_START;
});

const agentToken = (claims = {}, options = {}) => stack.idp.mint('agent-1', { ...AGENT, ...claims }, { now: CLOCK_START, ...options });

async function expectRefused(token: string | null, invalidToken: boolean, headers: Record<string, string> = {}) {
  const before = upstreamCalls(stack);
  const response = await stack.post(QUERY, token, headers);
  expect(response.status).toBe(401);
  const challenge = response.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Bearer realm="ticketgraph"/);
  if (invalidToken) expect(challenge).toContain('error="invalid_token"');
  else expect(challenge).not.toContain('error=');
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.body.data).toBeUndefined();
  expect(upstreamCalls(stack)).toBe(before);
  return response;
}

describe('a valid token', () => {
  it('is answered with data', async () => {
    const response = await stack.post(QUERY, await agentToken());
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ sources: [{ key: 'cp' }] });
  });

  it('is accepted within the clock skew on both ends', async () => {
    const token = await agentToken({ nbf: Math.floor(seconds(60).getTime() / 1000) });
    stack.clock.now = seconds(60 - 20);
    expect((await stack.post(QUERY, token)).status).toBe(200);
    stack.clock.now = seconds(3600 + 20);
    expect((await stack.post(QUERY, await agentToken())).status).toBe(200);
  });
});

describe('a bad token is a 401 before any upstream call', () => {
  it('missing, or not a Bearer one', async () => {
    await expectRefused(null, false);
    await expectRefused(null, false, { authorization: 'Basic YWxpY2U6c2VjcmV0' });
  });

  it('malformed', async () => {
    await expectRefused('not-a-jwt', true);
    await expectRefused('a.b.c', true);
  });

  it('expired (past the skew)', async () => {
    const token = await agentToken();
    stack.clock.now = seconds(3600 + 31);
    const response = await expectRefused(token, true);
    expect(response.body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('not valid yet (nbf in the future, past the skew)', async () => {
    const token = await agentToken({ nbf: Math.floor(seconds(120).getTime() / 1000) });
    await expectRefused(token, true);
  });

  it('from another issuer', async () => {
    await expectRefused(await agentToken({}, { issuer: 'https://evil.example/' }), true);
  });

  it('for another audience', async () => {
    await expectRefused(await agentToken({}, { audience: 'another-api' }), true);
  });

  it('with a forged signature: payload edited, or signed by a key the IdP never published under its kid', async () => {
    const [header, , signature] = (await agentToken()).split('.');
    const edited = b64({ sub: 'admin', groups: ['support'], iss: stack.idp.issuer, aud: 'ticketgraph', exp: Math.floor(seconds(3600).getTime() / 1000) });
    await expectRefused(`${header}.${edited}.${signature}`, true);

    const { kid } = decodeProtectedHeader(await agentToken());
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ groups: ['support'] })
      .setProtectedHeader({ alg: 'ES256', kid: kid as string })
      .setSubject('agent-1')
      .setIssuer(stack.idp.issuer)
      .setAudience('ticketgraph')
      .setIssuedAt(CLOCK_START)
      .setExpirationTime(seconds(3600))
      .sign(privateKey);
    await expectRefused(forged, true);
  });

  it('alg "none" and HS256 (keyed with the public key) are refused', async () => {
    const claims = { sub: 'agent-1', groups: ['support'], iss: stack.idp.issuer, aud: 'ticketgraph', exp: Math.floor(seconds(3600).getTime() / 1000) };
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, true);
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.AAAA`, true);

    const { kid } = decodeProtectedHeader(await agentToken());
    const { publicKey } = await generateKeyPair('ES256');
    const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(publicKey)));
    const hs256 = await new SignJWT({ groups: ['support'] })
      .setProtectedHeader({ alg: 'HS256', kid: kid as string })
      .setSubject('agent-1')
      .setIssuer(stack.idp.issuer)
      .setAudience('ticketgraph')
      .setExpirationTime(seconds(3600))
      .sign(secret);
    await expectRefused(hs256, true);
  });

  it('on every path Yoga answers GraphQL on, not only /graphql', async () => {
    for (const path of ['/graphql/', '//graphql', '/x/graphql']) {
      const before = upstreamCalls(stack);
      const response = await fetch(stack.origin + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUERY) });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('www-authenticate'), path).toMatch(/^Bearer realm="ticketgraph"/);
      const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect(body.data, path).toBeUndefined();
      expect(body.errors.map((e) => e.extensions.code), path).toEqual(['UNAUTHENTICATED']);
      expect(upstreamCalls(stack)).toBe(before);
    }
  });

  it('a GET query needs the token too', async () => {
    const response = await fetch(`${stack.url}?query=${encodeURIComponent('{ sources { key } }')}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(401);
  });
});

describe('keys', () => {
  it('are cached, and a new key after rotation is fetched on its first unknown kid', async () => {
    const token = await agentToken();
    expect((await stack.post(QUERY, token)).status).toBe(200);
    const fetched = stack.idp.jwksFetches;
    expect((await stack.post(QUERY, token)).status).toBe(200);
    expect(stack.idp.jwksFetches).toBe(fetched);

    await stack.idp.rotate();
    const rotated = await agentToken();
    expect(decodeProtectedHeader(rotated).kid).not.toBe(decodeProtectedHeader(token).kid);
    expect((await stack.post(QUERY, rotated)).status).toBe(200);
    expect(stack.idp.jwksFetches).toBe(fetched + 1);
    // The old key is still published while tokens signed with it live.
    expect((await stack.post(QUERY, token)).status).toBe(200);
  });
});

describe('what stays open, and who is refused with 403', () => {
  it('/health, /ready, /metrics and the GraphiQL page need no token', async () => {
    for (const path of ['/health', '/ready', '/metrics']) {
      const response = await fetch(stack.origin + path);
      expect(response.status, path).toBe(200);
    }
    const page = await fetch(stack.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('a valid token that no access rule matches is a 403 FORBIDDEN', async () => {
    const before = upstreamCalls(stack);
    const response = await stack.post(QUERY, await stack.idp.mint('sales-1', { groups: ['sales'] }, { now: CLOCK_START }));
    expect(response.status).toBe(403);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(upstreamCalls(stack)).toBe(before);
  });
});

describe('inline keys, every allowed algorithm, and an unreachable IdP', () => {
  it('accepts RS256, ES256 and EdDSA tokens against an inline JWKS, and only the algorithms configured', async () => {
    const algs = ['RS256', 'ES256', 'EdDSA'] as const;
    const pairs = await Promise.all(algs.map(async (alg) => ({ alg, kid: `k-${alg}`, ...(await generateKeyPair(alg, { extractable: true })) })));
    const keys = await Promise.all(
      pairs.map(async (p) => {
        const jwk = await exportJWK(p.publicKey);
        return { ...jwk, kty: String(jwk.kty), kid: p.kid, alg: p.alg };
      }),
    );
    const inline = await startAuthStack({
      kinds: ['control-panel'],
      auth: () => ({
        jwks: { keys },
        issuer: 'https://idp.example/',
        audience: 'ticketgraph',
        clockSkewSeconds: 30,
        jwksCooldownMs: 30_000,
        algorithms: ['RS256', 'EdDSA'],
        access: [{ claim: 'groups', includes: 'support', sources: '*', write: true }],
      }),
    });
    try {
      for (const pair of pairs) {
        const signed = await new SignJWT({ groups: ['support'] })
          .setProtectedHeader({ alg: pair.alg, kid: pair.kid })
          .setSubject('agent-1')
          .setIssuer('https://idp.example/')
          .setAudience('ticketgraph')
          .setIssuedAt(CLOCK_START)
          .setExpirationTime(seconds(600))
          .sign(pair.privateKey);
        const response = await inline.post(QUERY, signed);
        // ES256 is a fine algorithm, but this gateway was configured without it.
        expect(response.status, pair.alg).toBe(pair.alg === 'ES256' ? 401 : 200);
      }
    } finally {
      await inline.close();
    }
  });

  it('an IdP that cannot be reached is a 503 (retry), not a 401 and not an open door', async () => {
    const down = await startAuthStack({
      kinds: ['control-panel'],
      auth: (idp) => ({
        // A port nothing listens on once the IdP below is closed.
        jwksUrl: idp.jwksUrl,
        issuer: idp.issuer,
        audience: 'ticketgraph',
        clockSkewSeconds: 30,
        jwksCooldownMs: 0,
        algorithms: ['ES256'],
        access: [{ claim: 'groups', includes: 'support', sources: '*', write: true }],
      }),
    });
    try {
      const token = await down.idp.mint('agent-1', AGENT, { now: CLOCK_START });
      await down.idp.close();
      const response = await down.post(QUERY, token);
      expect(response.status).toBe(503);
      expect(response.body.data).toBeUndefined();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await down.close().catch(() => undefined);
    }
  });
});
