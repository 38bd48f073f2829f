/**
 * schema.graphql, schema.subgraph.graphql and client/generated/ are committed; these fail when
 * any no longer matches the code (fix: npm run schema:print && npm run codegen).
 */
import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { printSchemaFile, printSubgraphSchemaFile } from '../src/schema/print.js';

describe('generated files', () => {
  it('schema.graphql matches the Pothos schema', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed, 'schema.graphql is stale: run npm run schema:print').toBe(printSchemaFile());
  });

  it('schema.subgraph.graphql matches the subgraph the gateway serves', async () => {
    const committed = await readFile(new URL('../schema.subgraph.graphql', import.meta.url), 'utf8');
    expect(committed, 'schema.subgraph.graphql is stale: run npm run schema:print').toBe(printSubgraphSchemaFile());
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    expect(committed).toMatch(/type Ticket implements Node\s+@key\(fields: "id"\)/);
    expect(committed).toMatch(/type PageInfo\s+@shareable/);
  });

  it('schema.graphql is printed in declaration order, without federation fields', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed.indexOf('type Query')).toBeLessThan(committed.indexOf('type Ticket '));
    // `id` first in Ticket; `ticket(source:, number:)` in that order.
    expect(committed).toMatch(/type Ticket implements Node \{\s+"""[^"]*"""\s+id: ID!/);
    expect(committed).toMatch(/ticket\(\s+"""[^"]*"""\s+source: String!\s+"""[^"]*"""\s+number: String!/);
    expect(committed).not.toContain('_entities');
    expect(committed).not.toContain('_service');
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
