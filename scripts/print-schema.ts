/**
 * `npm run schema:print`: writes schema.graphql from the Pothos schema. `--check` exits 1 when
 * the committed file differs (CI runs the drift test instead; this is for humans).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../src/schema/print.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const printed = printSchemaFile();
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== printed) {
    console.error('schema.graphql is stale: run npm run schema:print');
    process.exit(1);
  }
} else {
  await writeFile(target, printed);
  console.log(`wrote ${target}`);
}
