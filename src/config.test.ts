import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const SECRET = 'sup3r-s3cret-value';

function entry(overrides: Record<string, unknown> = {}) {
  return { key: 'cp', kind: 'control-panel', name: 'Control panel', baseUrl: 'http://127.0.0.1:9/', credentials: { token: SECRET }, ...overrides };
}

function problems(document: unknown, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(document, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).not.toContain(SECRET);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('parseConfig', () => {
  it('accepts a valid file, defaults timeoutMs and resolves { env } credentials', () => {
    const config = parseConfig({ sources: [entry({ credentials: { token: { env: 'CP_TOKEN' } } })] }, { CP_TOKEN: SECRET });
    expect(config.sources[0]).toMatchObject({ key: 'cp', kind: 'control-panel', timeoutMs: 10_000, credentials: { token: SECRET } });
  });

  it('names the bad field and never echoes a value', () => {
    expect(problems({ sources: [entry({ baseUrl: SECRET })] })).toEqual([expect.stringMatching(/^sources\[0\]\.baseUrl: /)]);
    expect(problems({ sources: [entry({ kind: SECRET })] })[0]).toMatch(/^sources\[0\]\.kind: /);
    expect(problems({ sources: [entry({ credentials: { tokn: SECRET } })] }).join('\n')).toMatch(/sources\[0\]\.credentials/);
    expect(problems({ sources: [entry({ timeoutMs: -5 })] })[0]).toMatch(/^sources\[0\]\.timeoutMs: /);
    expect(problems({ sources: [entry({ timezone: 'UTC' })] })).toEqual(['sources[0]: unknown field(s) "timezone"']);
  });

  it('reports a missing environment variable by name', () => {
    expect(problems({ sources: [entry({ credentials: { token: { env: 'NOT_SET_ANYWHERE' } } })] })).toEqual([
      'sources[0].credentials.token: environment variable NOT_SET_ANYWHERE is not set',
    ]);
  });

  it('rejects duplicate keys, bad keys, and an empty or malformed file', () => {
    expect(problems({ sources: [entry(), entry()] })).toEqual(['sources[1].key: duplicate source key "cp"']);
    expect(problems({ sources: [entry({ key: 'Bad Key' })] })[0]).toMatch(/^sources\[0\]\.key: /);
    expect(problems({ sources: [] })[0]).toMatch(/^sources: /);
    expect(problems({ source: [] })[0]).toMatch(/unknown field|sources/);
    expect(problems('nope')[0]).toMatch(/^\(root\)/);
  });
});
