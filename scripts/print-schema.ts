/**
 * `npm run schema:print`: writes schema.graphql (the public schema, declaration order) and
 * schema.subgraph.graphql (the Apollo Federation subgraph SDL with @link/@key/@shareable, for a
 * schema registry) from the Pothos schema. `--check` exits 1 when a committed file differs (CI
 * runs the drift test instead; this is for humans).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSchemaFile, printSubgraphSchemaFile } from '../src/schema/print.js';

const files = [
  { target: fileURLToPath(new URL('../schema.graphql', import.meta.url)), printed: printSchemaFile() },
  { target: fileURLToPath(new URL('../schema.subgraph.graphql', import.meta.url)), printed: printSubgraphSchemaFile() },
];
let stale = false;
for (const { target, printed } of files) {
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== printed) {
      console.error(`${target} is stale: run npm run schema:print`);
      stale = true;
    }
  } else {
    await writeFile(target, printed);
    console.log(`wrote ${target}`);
  }
}
if (stale) process.exit(1);
