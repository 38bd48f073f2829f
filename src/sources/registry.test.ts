import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseConfig } from '../config.js';
import { credentialSecrets, redactSecrets } from '../observability/logger.js';
import type { SourceKind } from './adapter.js';
import { createSourceRegistry, SOURCE_KINDS, sourceRegistry } from './registry.js';

// A sixth system: one definition, one registry entry. Nothing else in the gateway names it.
const sixth = {
  kind: 'sixth-system',
  defaultKey: 'six',
  defaultName: 'Sixth system',
  credentials: z.strictObject({ account: z.string().min(1), passphrase: z.string().min(1) }),
  secretCredentials: ['passphrase'],
  settings: z.strictObject({ region: z.string().optional() }),
  createAdapter: () => {
    throw new Error('not started in this test');
  },
  createEmulator: () => {
    throw new Error('not started in this test');
  },
} as unknown as SourceKind;

const registry = createSourceRegistry([...sourceRegistry.all(), sixth]);
const document = {
  sources: [
    {
      key: 'six',
      kind: 'sixth-system',
      name: 'Sixth',
      baseUrl: 'http://127.0.0.1:9/',
      credentials: { account: 'ops-account', passphrase: 'six-passphrase-value' },
      region: 'eu',
    },
  ],
};

describe('source registry', () => {
  it('derives the kind list from its table', () => {
    expect([...SOURCE_KINDS]).toEqual(sourceRegistry.names);
    expect(new Set(SOURCE_KINDS)).toEqual(new Set(['control-panel', 'blueking-itsm', 'akana', 'huawei-coc', 'ticketing-module']));
    for (const kind of sourceRegistry.all()) expect(kind.secretCredentials.length).toBeGreaterThan(0);
  });

  it('accepts a kind added to a registry, with its own credential and settings schemas', () => {
    const config = parseConfig(document, {}, registry);
    expect(config.sources[0]).toMatchObject({ key: 'six', kind: 'sixth-system', credentials: { passphrase: 'six-passphrase-value' }, settings: { region: 'eu' } });
    // The default registry does not know it, and the kind's own schemas still apply.
    expect(() => parseConfig(document, {})).toThrow(ConfigError);
    const bad = { sources: [{ ...document.sources[0], credentials: { account: 'x' } }] };
    expect(() => parseConfig(bad, {}, registry)).toThrow(/sources\[0\]\.credentials\.passphrase/);
  });

  it("redacts the kind's declared secret and nothing else", () => {
    const config = parseConfig(document, {}, registry);
    const secrets = credentialSecrets(config, registry);
    // Declared, not guessed from the field name: "passphrase" looks like no secret word.
    expect(secrets).toEqual(['six-passphrase-value']);
    expect(redactSecrets('key six-passphrase-value for ops-account', secrets)).toBe('key [REDACTED] for ops-account');
  });
});
