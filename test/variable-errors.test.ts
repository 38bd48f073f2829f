/**
 * Variables the operation's own types refuse are the caller's error, with a code like every
 * other error the gateway answers: BAD_USER_INPUT, reason INVALID_VARIABLE; graphql-js's
 * message and location kept. Over GraphQL and real HTTP against the control-panel emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ kinds: ['control-panel'] });
});
afterAll(() => stack.close());

const PAGE = `query Page($n: Int!) { tickets(first: $n) { edges { node { number } } } }`;

describe('variables the operation refuses', () => {
  it.each([
    ['a string for Int!', { n: 'x' }],
    ['a missing required variable', {}],
    ['null for Int!', { n: null }],
  ])('%s -> BAD_USER_INPUT, INVALID_VARIABLE', async (_name, variables) => {
    const result = await stack.query(PAGE, variables);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors ?? [];
    expect(error?.message).toMatch(/^Variable "\$n"/);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE' });
    expect((error as { locations?: unknown } | undefined)?.locations).toEqual([{ line: 1, column: 12 }]);
  });

  it('leaves a valid request and other errors alone', async () => {
    const ok = await stack.query<{ tickets: { edges: unknown[] } }>(PAGE, { n: 2 });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.tickets.edges).toHaveLength(2);
    const invalid = await stack.query(`{ tickets(first: "x") { edges { node { number } } } }`);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(invalid.errors?.[0]?.extensions).not.toHaveProperty('reason');
  });
});
