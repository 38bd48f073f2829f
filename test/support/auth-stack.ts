/**
 * An authenticated stack for the auth tests: emulators, the demo identity provider, and a
 * gateway with `gateway.auth` over it and a fake clock for token times, on 127.0.0.1 port 0.
 */
import { startDemoIdp, type DemoIdp } from '../../src/auth/demo-idp.js';
import type { AuthSettings } from '../../src/auth/settings.js';
import { defaultGatewaySettings, type GatewayConfig, type GatewaySettings } from '../../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../../src/embedded.js';
import type { EmulatorOptions } from '../../src/emulator/kit.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { listen } from '../../src/listen.js';
import type { SourceKindName } from '../../src/sources/adapter.js';

export interface AuthStack {
  origin: string;
  url: string;
  idp: DemoIdp;
  emulators: EmbeddedEmulators;
  gateway: Gateway;
  /** The time tokens are checked against; tests move it. */
  clock: { now: Date };
  post(body: unknown, token?: string | null, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export const CLOCK_START = new Date('2026-03-01T12:00:00Z');

export async function startAuthStack(options: {
  kinds?: readonly SourceKindName[];
  emulator?: EmulatorOptions;
  auth: (idp: DemoIdp) => AuthSettings;
  gateway?: Partial<GatewaySettings>;
  configure?: (config: GatewayConfig) => GatewayConfig;
  demoTenants?: boolean;
}): Promise<AuthStack> {
  const idp = await startDemoIdp();
  const emulators = await startEmbeddedEmulators({
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.emulator ? { emulator: options.emulator } : {}),
    ...(options.demoTenants ? { demoAuth: true } : {}),
  });
  const base = structuredClone({ ...emulators.config, gateway: { ...defaultGatewaySettings(), ...options.gateway, auth: options.auth(idp) } });
  const config = options.configure ? options.configure(base) : base;
  const clock = { now: CLOCK_START };
  const gateway = createGateway({ config, authClock: () => clock.now });
  const listening = await listen(gateway.yoga);
  const url = `${listening.origin}/graphql`;
  return {
    origin: listening.origin,
    url,
    idp,
    emulators,
    gateway,
    clock,
    async post(body, token, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
    },
    async close() {
      await listening.close();
      await gateway.close();
      await emulators.close();
      await idp.close();
    },
  };
}

/** Upstream requests every emulator has seen so far. */
export function upstreamCalls(stack: AuthStack): number {
  return stack.emulators.emulators.reduce((sum, e) => sum + e.emulator.requests.entries.length, 0);
}
