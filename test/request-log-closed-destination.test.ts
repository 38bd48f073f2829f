/**
 * The request log line is written just after the response (use-request-log.ts), outside the
 * request. An application that ends its log stream once the gateway is closed can still have a
 * request finishing: its line must be dropped, not thrown out of a timer (which ends the process).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../src/embedded.js';
import { createGateway, type Gateway } from '../src/gateway.js';
import { gatewaySettings } from '../src/settings.js';

let emulators: EmbeddedEmulators;
let gateway: Gateway;
let closed = false;
let refusedWrites = 0;
const uncaught: unknown[] = [];
const record = (error: unknown) => void uncaught.push(error);

beforeAll(async () => {
  emulators = await startEmbeddedEmulators();
  const destination = {
    write: () => {
      if (closed) {
        refusedWrites++;
        // What sonic-boom throws once ended.
        throw new Error('SonicBoom destroyed');
      }
    },
  };
  gateway = createGateway({ config: { ...emulators.config, gateway: gatewaySettings.parse({ logLevel: 'info' }) }, logDestination: destination });
  process.on('uncaughtException', record);
});

afterAll(async () => {
  process.off('uncaughtException', record);
  await gateway.close();
  await emulators.close();
});

it('drops the line of a request answered after its log destination closed', async () => {
  const response = await gateway.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  // The line is still to be written: the destination goes away first.
  closed = true;
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  expect(refusedWrites).toBe(1);
  expect(uncaught).toEqual([]);
});
