/**
 * Relay: the real relay-compiler validates examples/relay (a @connection + @refetchable
 * pagination fragment on `tickets`, a `node(id:)` query and a @refetchable Ticket fragment)
 * against schema.graphql, and fails on a fragment the schema does not allow. Then the operation
 * texts Relay generated run against a live gateway, pages included.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

const relayBinary = createRequire(import.meta.url)('relay-compiler') as string | null;
const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples/relay');

function relayValidate(configPath: string): Promise<{ code: number; output: string }> {
  if (!relayBinary) throw new Error(`relay-compiler ships no binary for ${process.platform}/${process.arch}`);
  return new Promise((resolve) => {
    // Relay resolves the config's paths from the working directory, not from the config file.
    const options = { cwd: dirname(configPath), timeout: 60_000 };
    execFile(relayBinary, ['--validate', '--output', 'quiet-with-errors', configPath], options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe('relay-compiler --validate', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'ticketgraph-relay-'));
    await cp(join(example, 'src'), join(scratch, 'src'), { recursive: true });
    const config = JSON.parse(await readFile(join(example, 'relay.config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(scratch, 'relay.config.json'), JSON.stringify({ ...config, schema: join(root, 'schema.graphql') }));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('accepts the example app, and its committed artifacts are current', async () => {
    const result = await relayValidate(join(example, 'relay.config.json'));
    expect(result.output, 'stale? run: npx relay-compiler examples/relay/relay.config.json').toBe('');
    expect(result.code).toBe(0);
  });

  it('accepts the same app copied elsewhere (so the next case fails only for its fragment)', async () => {
    expect(await relayValidate(join(scratch, 'relay.config.json'))).toEqual({ code: 0, output: '' });
  });

  it.each([
    ['a field Ticket does not have', `fragment Broken_ticket on Ticket { title assigneeTeam }`, /The type `Ticket` has no field `assigneeTeam`/],
    ['@connection on a field that is not a connection', `fragment Broken_query on Query { sources @connection(key: "Broken_sources") { key } }`, /@connection used on invalid field 'sources'/],
    ['an argument of the wrong type', `fragment Broken_query on Query { tickets(first: "ten") { totalCount } }`, /Expected a value of type 'Int'/],
  ])('rejects %s', async (_name, fragment, message) => {
    const file = join(scratch, 'src', 'Broken.ts');
    await writeFile(file, `declare const graphql: (s: TemplateStringsArray) => string;\nexport const broken = graphql\`${fragment}\`;\n`);
    try {
      const result = await relayValidate(join(scratch, 'relay.config.json'));
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(message);
    } finally {
      await rm(file, { force: true });
    }
  });
});

/** The operation text Relay generated into an artifact (what a Relay app sends). */
async function operationText(name: string): Promise<string> {
  const source = await readFile(join(example, 'src/__generated__', `${name}.graphql.ts`), 'utf8');
  const match = /"text": ("(?:[^"\\]|\\.)*")/.exec(source);
  if (!match?.[1]) throw new Error(`no operation text in ${name}`);
  return JSON.parse(match[1]) as string;
}

describe("Relay's generated operations against the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ kinds: ['control-panel'] });
  });
  afterAll(() => stack?.close());

  interface Page {
    tickets: { totalCount: number; edges: { cursor: string; node: { id: string; title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  }

  it('pages the @connection with the generated pagination query and refetches a ticket by node id', async () => {
    const first = await stack.query<Page>(await operationText('TicketListQuery'), { filter: { sources: ['cp'] } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.tickets.edges).toHaveLength(10);
    expect(first.data!.tickets.pageInfo.hasNextPage).toBe(true);

    const next = await stack.query<Page>(await operationText('TicketListPaginationQuery'), {
      filter: { sources: ['cp'] },
      first: 10,
      after: first.data!.tickets.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    const seen = new Set(first.data!.tickets.edges.map((e) => e.node.id));
    expect(next.data!.tickets.edges).toHaveLength(10);
    expect(next.data!.tickets.edges.some((e) => seen.has(e.node.id))).toBe(false);

    const ticket = first.data!.tickets.edges[0]!.node;
    for (const name of ['TicketDetailsQuery', 'TicketDetailsRefetchQuery']) {
      const result = await stack.query<{ node: { __typename: string; id: string; title: string } }>(await operationText(name), { id: ticket.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.node).toMatchObject({ __typename: 'Ticket', id: ticket.id, title: ticket.title });
    }
  });
});
