/**
 * schema.graphql and client/generated/ are committed; these fail when either no longer
 * matches the code (fix: npm run schema:print && npm run codegen).
 */
import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { printSchemaFile } from '../src/schema/print.js';

describe('generated files', () => {
  it('schema.graphql matches the Pothos schema', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed, 'schema.graphql is stale: run npm run schema:print').toBe(printSchemaFile());
  });

  it('client/generated matches schema.graphql and client/operations.graphql', async () => {
    const outputs = await generate({ ...config, cwd: new URL('..', import.meta.url).pathname, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = await readFile(output.filename, 'utf8').catch(() => '(missing)');
      expect(committed, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
  });
});
