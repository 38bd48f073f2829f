import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useResponseSecretScrub } from './production.js';

const SECRET = 'tok-\u00e9"quoted"-0123456789';
const OTHER = 'sk_live_abcdef123456';

/** Runs the plugin's hook on `result`; what it set, or the same object when it set nothing. */
function scrub(result: unknown, secrets: readonly string[] = [SECRET, OTHER]): unknown {
  let out = result;
  const hook = useResponseSecretScrub(secrets).onResultProcess as (payload: unknown) => void;
  hook({ result, setResult: (next: unknown) => (out = next) });
  return out;
}

describe('useResponseSecretScrub', () => {
  it('leaves a result without secrets as it is (the same object)', () => {
    const result = { data: { tickets: [{ title: 'VPN down', n: 3, tags: ['a', null] }] } };
    expect(scrub(result)).toBe(result);
  });

  it('scrubs a secret in a data string, deep in lists', () => {
    const result = { data: { tickets: [{ title: 'ok' }, { title: `echo: ${OTHER}!` }] } };
    const text = JSON.stringify(scrub(result));
    expect(text).not.toContain(OTHER);
    expect(text).toContain('echo: [REDACTED]!');
  });

  it('scrubs a secret in an error message and in its extensions (GraphQLError)', () => {
    const result = {
      data: null,
      errors: [new GraphQLError(`HTTP 400: bad token ${OTHER}`, { extensions: { code: 'UPSTREAM_REJECTED', vendor: { echo: [SECRET] } } })],
    };
    const text = JSON.stringify(scrub(result));
    expect(text).not.toContain(OTHER);
    expect(text).not.toContain(JSON.stringify(SECRET).slice(1, -1));
    expect(text).toContain('UPSTREAM_REJECTED');
  });

  it('finds a secret written JSON-escaped', () => {
    const escaped = JSON.stringify(SECRET).slice(1, -1);
    const result = { data: { title: `x ${escaped} y` } };
    expect(JSON.stringify(scrub(result))).not.toContain(escaped);
  });
});
