import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useResponseSecretScrub } from './production.js';

const SECRET = 'tok-\u00e9"quoted"-0123456789';
const OTHER = 'sk_live_abcdef123456';

/**
 * Runs the plugin's hook on `result`, then writes it as Yoga's result processor does (the
 * result's own `stringify` when it has one, else JSON.stringify).
 */
function written(result: unknown, secrets: readonly string[] = [SECRET, OTHER]): string {
  const hook = useResponseSecretScrub(secrets).onResultProcess as (payload: unknown) => void;
  hook({ result, setResult: () => expect.fail('the scrub does not replace results') });
  const own = (result as { stringify?: (value: unknown) => string }).stringify;
  return (own ?? JSON.stringify)(result);
}

describe('useResponseSecretScrub', () => {
  it('writes a result without secrets as JSON.stringify would', () => {
    const result = { data: { tickets: [{ title: 'VPN down', n: 3, tags: ['a', null] }] } };
    expect(written(result)).toBe('{"data":{"tickets":[{"title":"VPN down","n":3,"tags":["a",null]}]}}');
  });

  it('scrubs a secret in a data string, deep in lists', () => {
    const result = { data: { tickets: [{ title: 'ok' }, { title: `echo: ${OTHER}!` }] } };
    const text = written(result);
    expect(text).not.toContain(OTHER);
    expect(text).toContain('echo: [REDACTED]!');
  });

  it('scrubs a secret in an error message and in its extensions (GraphQLError)', () => {
    const result = {
      data: null,
      errors: [new GraphQLError(`HTTP 400: bad token ${OTHER}`, { extensions: { code: 'UPSTREAM_REJECTED', vendor: { echo: [SECRET] } } })],
    };
    const text = written(result);
    expect(text).not.toContain(OTHER);
    expect(text).not.toContain(JSON.stringify(SECRET).slice(1, -1));
    expect(text).toContain('UPSTREAM_REJECTED');
  });

  it('finds a secret written JSON-escaped', () => {
    const escaped = JSON.stringify(SECRET).slice(1, -1);
    const result = { data: { title: `x ${escaped} y` } };
    expect(written(result)).not.toContain(escaped);
  });

  it('keeps a serializer set before it (graphql-jit, the response cache) and scrubs what it writes', () => {
    const result = { data: { title: `a ${OTHER}` }, stringify: (value: unknown) => `custom:${JSON.stringify(value)}` };
    const text = written(result);
    expect(text.startsWith('custom:')).toBe(true);
    expect(text).not.toContain(OTHER);
  });

  it('scrubs each result of a batch', () => {
    const batch = [{ data: { a: 'fine' } }, { data: { b: `x${OTHER}` } }];
    useResponseSecretScrub([OTHER]).onResultProcess?.({ result: batch } as never);
    const texts = batch.map((one) => ((one as { stringify?: (v: unknown) => string }).stringify ?? JSON.stringify)(one));
    expect(texts[0]).toBe('{"data":{"a":"fine"}}');
    expect(texts[1]).toContain('[REDACTED]');
    expect(texts[1]).not.toContain(OTHER);
  });
});
