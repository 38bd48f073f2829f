import { describe, expect, it } from 'vitest';
import { requestPath } from './request-path.js';

describe('requestPath', () => {
  // Expected values written out by hand (what WHATWG URL parsing gives), not computed with URL.
  it.each([
    ['http://127.0.0.1:4000/graphql', '/graphql'],
    ['http://127.0.0.1:4000/graphql?query=%7B__typename%7D', '/graphql'],
    ['http://localhost/health#x', '/health'],
    ['http://localhost', '/'],
    ['http://localhost?x=/graphql', '/'],
    ['http://localhost/a/../health', '/health'],
    ['http://localhost/./metrics', '/metrics'],
    ['http://localhost/%67raphql', '/%67raphql'],
    ['http://localhost\\ready', '/ready'],
    ['http://localhost/graphql//', '/graphql//'],
    ['http://user@localhost:1/ready?', '/ready'],
  ])('%s -> %s', (url, path) => {
    // A bare object: `new Request` would normalize the URL before requestPath sees it.
    expect(requestPath({ url } as Request)).toBe(path);
  });
});
