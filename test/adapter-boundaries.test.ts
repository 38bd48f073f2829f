/**
 * Boundaries every source folder keeps (issue #13): adapters and clients speak only the domain
 * errors of src/sources/errors.ts (never `graphql` or src/errors.ts), emulators are the vendor and
 * never import the adapter side (a shared table would let a wrong mapping pass every test), and
 * all five adapters have one shape.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = join(import.meta.dirname, '..', 'src', 'sources');
const kinds = readdirSync(sources).filter((entry) => statSync(join(sources, entry)).isDirectory());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1]!);
}

describe('source folders', () => {
  it('are the five kinds', () => {
    expect(kinds.sort()).toEqual(['akana', 'blueking-itsm', 'control-panel', 'huawei-coc', 'ticketing-module']);
  });

  it('adapter-side files import neither graphql nor src/errors.ts, nor throw plain Errors', () => {
    const offenders: string[] = [];
    for (const kind of kinds) {
      const files = filesUnder(join(sources, kind)).filter((f) => !f.includes('/emulator/') && !f.endsWith('.test.ts'));
      expect(files.length, kind).toBeGreaterThan(3);
      for (const file of files) {
        const name = relative(sources, file);
        for (const specifier of importsOf(file)) {
          if (specifier === 'graphql' || specifier.startsWith('graphql/') || (/^(\.\.\/)+errors\.js$/.test(specifier) && specifier !== '../errors.js')) {
            offenders.push(`${name} imports ${specifier}`);
          }
        }
        const text = readFileSync(file, 'utf8');
        for (const word of ['GraphQLError', 'userInputError', 'unsupportedOperation', 'new Error(']) {
          if (text.includes(word)) offenders.push(`${name} uses ${word}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('emulators import nothing of the adapter side', () => {
    const adapterSide = /^\.\.\/(?!\.\.\/)/; // ../x from emulator/ is the adapter's folder
    const offenders: string[] = [];
    for (const kind of kinds) {
      const files = filesUnder(join(sources, kind, 'emulator'));
      expect(files.length, kind).toBeGreaterThan(1);
      for (const file of files) {
        const depth = relative(join(sources, kind, 'emulator'), file).split('/').length - 1;
        for (const specifier of importsOf(file)) {
          // Climb out of any subfolder of emulator/ first; landing in the kind's folder is the adapter side.
          const rest = specifier.replace(new RegExp(`^(\\.\\./){${depth}}`), '');
          const climbs = specifier.length !== rest.length || depth === 0;
          if (climbs && adapterSide.test(rest)) offenders.push(`${relative(sources, file)} imports ${specifier}`);
          // Beyond the kind folder only the shared emulator kit is the emulator's own.
          if (/^\.\.\/\.\.\//.test(rest) && !/^\.\.\/\.\.\/\.\.\/emulator\//.test(rest)) offenders.push(`${relative(sources, file)} imports ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('hold one adapter shape: a class implementing SourceAdapter, members in the interface order', () => {
    const order = ['constructor', 'listTickets', 'getTickets', 'listComments', 'getComment', 'loadDescription', 'listTopics', 'createTicket', 'updateTicket', 'closeTicket', 'reopenTicket', 'addComment', 'rateTicket', 'rateComment', 'availableActions', 'transitionTicket', 'describeMappings', 'close'];
    for (const kind of kinds) {
      const text = readFileSync(join(sources, kind, 'adapter.ts'), 'utf8');
      expect(text, kind).toMatch(/^export class \w+Adapter implements SourceAdapter \{$/m);
      const members = [...text.matchAll(/^ {2}(?:async )?(\w+)\(/gm)].map((m) => m[1]!).filter((m) => order.includes(m));
      const sorted = [...members].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      expect(members, kind).toEqual(sorted);
      expect(members, kind).toEqual(expect.arrayContaining(['constructor', 'listTickets', 'getTickets', 'listComments', 'getComment', 'listTopics', 'describeMappings', 'close']));
    }
  });

  it('have READMEs of one structure, each with a Readings list that cites seed lines', () => {
    const headings = ['Sources', 'Config', 'Identifiers', 'Capabilities', 'Status and priority', 'Writes and errors', 'Readings', 'Emulator', 'Tests', 'Changes this round'];
    for (const kind of kinds) {
      const text = readFileSync(join(sources, kind, 'README.md'), 'utf8');
      expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]), kind).toEqual(headings);
      const readings = text.slice(text.indexOf('\n## Readings'), text.indexOf('\n## Emulator'));
      expect(readings, kind).toMatch(/[Ss]eed|line \d+/);
      expect(readings.match(/^(\d+\.|-) /gm)?.length ?? 0, kind).toBeGreaterThanOrEqual(3);
    }
  });
});
