import { describe, expect, it } from 'vitest';
import { gatewaySettings, resilienceSettings } from './settings.js';

describe('gateway settings (issue #12 defaults)', () => {
  it('defaults to the safe values', () => {
    const settings = gatewaySettings.parse({});
    expect(settings.trustProxy).toBe(0);
    expect(settings.cors).toEqual({ origins: [], credentials: false });
    expect(settings.maxUpstreamCalls).toBe(100);
    expect(settings.drainTimeoutMs).toBe(10_000);
    expect(resilienceSettings.parse({}).maxResponseBytes).toBe(8 * 1024 * 1024);
  });

  it('reads trustProxy true/false as 1/0 hops', () => {
    expect(gatewaySettings.parse({ trustProxy: true }).trustProxy).toBe(1);
    expect(gatewaySettings.parse({ trustProxy: false }).trustProxy).toBe(0);
    expect(gatewaySettings.parse({ trustProxy: 3 }).trustProxy).toBe(3);
    expect(gatewaySettings.safeParse({ trustProxy: -1 }).success).toBe(false);
  });

  it('keeps CORS origins as origins and refuses credentials for any origin', () => {
    expect(gatewaySettings.parse({ cors: { origins: ['https://a.example.com/'] } }).cors.origins).toEqual(['https://a.example.com']);
    expect(gatewaySettings.safeParse({ cors: { origins: ['*'], credentials: true } }).success).toBe(false);
    expect(gatewaySettings.safeParse({ cors: { origins: ['not a url'] } }).success).toBe(false);
  });
});
