import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NODE_FLAGS } from './node-flags.js';

const root = new URL('../', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('the node flags a gateway starts with', () => {
  it('`npm start` passes each of them to node', () => {
    const start = packageJson.scripts.start ?? '';
    expect(start.startsWith('node ')).toBe(true);
    for (const flag of GATEWAY_NODE_FLAGS) expect(start.split(' ')).toContain(flag);
  });

  it("the README's production command passes each of them", () => {
    expect(readme).toContain(`node ${GATEWAY_NODE_FLAGS.join(' ')} dist/server.js`);
  });
});
