/**
 * Like stack.ts, but with the gateway options and `gateway` settings the production tests need
 * (captured logs, a tight rate limit, introspection off…). Emulators and gateway on 127.0.0.1
 * ephemeral ports; close it in afterAll.
 */
import { gatewaySettings, type GatewayConfig, type GatewaySettings } from '../../src/config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../../src/embedded.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway.js';
import { listen } from '../../src/listen.js';
import type { SourceKindName } from '../../src/sources/adapter.js';
import type { EmulatorOptions } from '../../src/emulator/kit.js';

export interface LogCapture {
  /** Every line written, raw. */
  readonly text: () => string;
  /** Parsed JSON lines. */
  readonly lines: () => Record<string, unknown>[];
  write(line: string): void;
}

export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  return {
    write: (line) => void chunks.push(line),
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export interface ProductionStack {
  origin: string;
  url: string;
  emulators: EmbeddedEmulators;
  gateway: Gateway;
  config: GatewayConfig;
  logs: LogCapture;
  /** Every response body this stack's helpers read, for the secret grep. */
  responses: string[];
  /** POST JSON to /graphql; the body text is kept in `responses`. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; json: GraphQLBody }>;
  /** Any request to the gateway's origin; the body text is kept in `responses`. */
  fetch(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; text: string }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function startProductionStack(
  options: {
    kinds?: readonly SourceKindName[];
    /** e.g. `{ testMode: true }` for fault injection. */
    emulator?: EmulatorOptions;
    settings?: Partial<GatewaySettings>;
    configure?: (config: GatewayConfig) => GatewayConfig;
    gateway?: Omit<GatewayOptions, 'config' | 'logDestination'>;
  } = {},
): Promise<ProductionStack> {
  const emulators = await startEmbeddedEmulators({ ...(options.kinds ? { kinds: options.kinds } : {}), ...(options.emulator ? { emulator: options.emulator } : {}) });
  const base = structuredClone(emulators.config);
  const configured = options.configure ? options.configure(base) : base;
  const config: GatewayConfig = { ...configured, gateway: gatewaySettings.parse({ logLevel: 'info', ...options.settings }) };
  const logs = captureLogs();
  const gateway = createGateway({ ...options.gateway, config, logDestination: logs });
  const listening = await listen(gateway.yoga);
  const { origin } = listening;
  const responses: string[] = [];
  const doFetch = async (path: string, init?: RequestInit) => {
    const response = await fetch(origin + path, init);
    const text = await response.text();
    responses.push(text);
    return { status: response.status, headers: response.headers, text };
  };
  return {
    origin,
    url: `${origin}/graphql`,
    emulators,
    gateway,
    config,
    logs,
    responses,
    fetch: doFetch,
    async post(body, headers = {}) {
      const response = await doFetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, json: JSON.parse(response.text) as GraphQLBody };
    },
    async close() {
      await listening.close();
      await gateway.close();
      await emulators.close();
    },
  };
}
