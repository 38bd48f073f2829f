/**
 * The emulator is the vendor, written from seed 003: it must not share the adapter's tables
 * (status/priority maps, columns, date rules), or a wrong table would pass every test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe('ticketing-module emulator independence', () => {
  it('imports only its own files, the shared emulator kit and node built-ins', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(here, file), 'utf8');
      const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const specifier of specifiers) {
        const allowed = specifier.startsWith('./') || specifier.startsWith('node:') || specifier === '../../../emulator/kit.js';
        expect(allowed, `${file} imports ${specifier}`).toBe(true);
      }
    }
  });
});
