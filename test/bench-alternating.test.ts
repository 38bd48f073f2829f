/**
 * The bench's one-connection comparisons (bench/load.ts `runAlternating`): the sides take turns,
 * the order turning round each cycle, each side's answers counted to it alone, and a refused
 * answer counted as a failure, not a latency. Checked on two servers that record what arrives.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAlternating } from '../bench/load.js';

const arrivals: string[] = [];
const servers: Server[] = [];
const urls: string[] = [];
/** The server started `index`th, sent `body` on each request. */
const serverSide = (index: number, body: string) => ({ url: urls[index] as string, bodies: [body] });

beforeAll(async () => {
  for (const [name, status] of [
    ['a', 200],
    ['b', 200],
    ['refusing', 503],
  ] as const) {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        arrivals.push(name);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end('{"data":{}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

it('alternates turns, turning the order round each cycle, and keeps each side its own answers', async () => {
  arrivals.length = 0;
  const turnsSeen: string[] = [];
  const [a, b] = await runAlternating({
    sides: [serverSide(0, '{"query":"{ a }"}'), serverSide(1, '{"query":"{ b }"}')],
    turns: 3,
    turnSeconds: 0,
    beforeTurn: async (side) => void turnsSeen.push(`before ${side}`),
    afterTurn: async (side, requests) => void turnsSeen.push(`after ${side}: ${requests}`),
  });
  expect(arrivals).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
  expect(turnsSeen).toEqual(['before 0', 'after 0: 1', 'before 1', 'after 1: 1', 'before 1', 'after 1: 1', 'before 0', 'after 0: 1', 'before 0', 'after 0: 1', 'before 1', 'after 1: 1']);
  for (const side of [a, b]) {
    expect(side?.requests).toBe(3);
    expect(side?.latencies).toHaveLength(3);
    expect(side?.failures).toBe(0);
    // req/s from the side's own time: one over its mean latency.
    expect(side?.rps).toBeCloseTo(1000 / (side?.mean ?? Number.NaN), 6);
  }
});

it('counts an answer outside 2xx as a failure of its side only', async () => {
  const [ok, refused] = await runAlternating({
    sides: [serverSide(0, '{}'), serverSide(2, '{}')],
    turns: 2,
    turnSeconds: 0,
  });
  expect(ok).toMatchObject({ requests: 2, failures: 0 });
  expect(refused).toMatchObject({ requests: 2, failures: 2, latencies: [] });
});
