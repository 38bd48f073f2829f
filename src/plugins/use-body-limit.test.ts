import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBodyLimit } from './use-body-limit.js';

const LIMIT = 200;
let server: Server;
let port: number;

beforeAll(async () => {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello(pad: String): String! }', resolvers: { Query: { hello: () => 'world' } } }),
    maxRequestBodySize: false,
    landingPage: false,
    plugins: [useBodyLimit(LIMIT)],
  });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** POSTs `body` in two chunks, with a Content-Length or (chunked) without one. */
function post(body: string, declare: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...(declare ? { 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    req.end(body.slice(half));
  });
}

const query = (pad: number) => JSON.stringify({ query: `{ hello(pad: "${'x'.repeat(pad)}") }` });

describe('useBodyLimit', () => {
  it.each([true, false])('answers a body within the limit (Content-Length declared: %s)', async (declare) => {
    const small = query(10);
    expect(small.length).toBeLessThan(LIMIT);
    const answer = await post(small, declare);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { hello: 'world' } });
  });

  it.each([true, false])('refuses a body over the limit with 413 (Content-Length declared: %s)', async (declare) => {
    const big = query(LIMIT);
    expect(big.length).toBeGreaterThan(LIMIT);
    const answer = await post(big, declare);
    expect(answer.status).toBe(413);
    expect((JSON.parse(answer.text) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });
});
