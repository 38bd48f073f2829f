/**
 * The embedded default: every available emulator started in-process on 127.0.0.1 with an
 * ephemeral port, described in the config format so the gateway (or a manifest file) can use
 * it exactly like real upstreams.
 */
import type { GatewayConfig } from './config.js';
import type { Emulator, EmulatorOptions } from './emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from './emulator/listen.js';
import type { SourceKindName } from './sources/adapter.js';
import { availableSourceKinds } from './sources/registry.js';
import { DEFAULT_TIMEOUT_MS, defaultGatewaySettings } from './config.js';
import { demoAuthSettings, mintDemoTokens, startDemoIdp, type DemoIdp } from './auth/demo-idp.js';
import { DEFAULT_EMULATOR_SEED } from './emulator/kit.js';

export interface RunningEmulator {
  key: string;
  kind: SourceKindName;
  emulator: Emulator;
  listening: ListeningEmulator;
}

export interface EmbeddedEmulators {
  config: GatewayConfig;
  emulators: RunningEmulator[];
  byKey(key: string): RunningEmulator;
  /** With `demoAuth`: the identity provider and a token per demo user. */
  demo?: { idp: DemoIdp; tokens: Record<string, string> };
  close(): Promise<void>;
}

/** The demo's two tenants share one kind: each has its own COC instance (own data, own token). */
const DEMO_TENANT_KIND: SourceKindName = 'huawei-coc';
const DEMO_TENANTS = ['northwind', 'contoso'] as const;

export async function startEmbeddedEmulators(
  options: {
    kinds?: readonly SourceKindName[];
    emulator?: EmulatorOptions;
    host?: string;
    /** Also a demo identity provider, `gateway.auth` over it, and a second tenant's source (README, Securing it). */
    demoAuth?: boolean;
  } = {},
): Promise<EmbeddedEmulators> {
  const kinds = availableSourceKinds().filter((k) => !options.kinds || options.kinds.includes(k.kind));
  const emulators: RunningEmulator[] = [];
  const tenants = new Map<string, string>();
  let idp: DemoIdp | undefined;
  try {
    for (const kind of kinds) {
      const emulator = kind.createEmulator(options.emulator);
      const listening = await listenEmulator(emulator, { host: options.host ?? '127.0.0.1', port: 0 });
      emulators.push({ key: kind.defaultKey, kind: kind.kind, emulator, listening });
      if (options.demoAuth && kind.kind === DEMO_TENANT_KIND) {
        tenants.set(kind.defaultKey, DEMO_TENANTS[0]);
        // Another seed: other tickets and another IAM token, as a second customer's account would have.
        const second = kind.createEmulator({ ...options.emulator, seed: (options.emulator?.seed ?? DEFAULT_EMULATOR_SEED) + 1 });
        const key = `${kind.defaultKey}-${DEMO_TENANTS[1]}`;
        emulators.push({ key, kind: kind.kind, emulator: second, listening: await listenEmulator(second, { host: options.host ?? '127.0.0.1', port: 0 }) });
        tenants.set(key, DEMO_TENANTS[1]);
      }
    }
    if (options.demoAuth) idp = await startDemoIdp(options.host ? { host: options.host } : {});
  } catch (error) {
    await Promise.allSettled([...emulators.map((e) => e.listening.close()), idp?.close()]);
    throw error;
  }
  const config: GatewayConfig = {
    sources: emulators.map((e) => {
      const kind = kinds.find((k) => k.kind === e.kind);
      const tenant = tenants.get(e.key);
      return {
        key: e.key,
        kind: e.kind,
        name: `${kind?.defaultName ?? e.kind}${tenant ? ` (${tenant})` : ''}`,
        ...(tenant ? { tenant } : {}),
        // The demo shows caller identity reaching a vendor (README, Securing it).
        ...(idp && e.kind === 'control-panel' ? { identityHeaders: { 'x-ticketgraph-user': '{claims.preferred_username}' } } : {}),
        baseUrl: e.listening.baseUrl,
        credentials: { ...e.emulator.credentials },
        timeoutMs: DEFAULT_TIMEOUT_MS,
        // Through the kind's own schema, exactly as a config file's settings would go.
        settings: (kind ? kind.settings.parse({ ...e.emulator.settings }) : { ...e.emulator.settings }) as Record<string, unknown>,
      };
    }),
    ...(idp ? { gateway: { ...defaultGatewaySettings(), auth: demoAuthSettings(idp) } } : {}),
  };
  return {
    config,
    emulators,
    ...(idp ? { demo: { idp, tokens: await mintDemoTokens(idp) } } : {}),
    byKey(key) {
      const found = emulators.find((e) => e.key === key);
      if (!found) throw new Error(`no embedded emulator for source "${key}"`);
      return found;
    },
    close: async () => {
      await Promise.allSettled([...emulators.map((e) => e.listening.close()), idp?.close()]);
    },
  };
}

/**
 * The config as a JSON document in the file format (settings flattened beside the common
 * fields); `gateway.auth` and the demo tokens (top-level `demo`, ignored by the gateway) when
 * there are some.
 */
export function toConfigDocument(config: GatewayConfig, demo?: { tokens: Record<string, string> }): { sources: Record<string, unknown>[] } {
  return {
    ...(config.gateway?.auth ? { gateway: { auth: config.gateway.auth } } : {}),
    ...(demo ? { demo: { tokens: demo.tokens } } : {}),
    sources: config.sources.map((s) => ({
      key: s.key,
      kind: s.kind,
      name: s.name,
      baseUrl: s.baseUrl,
      credentials: s.credentials,
      timeoutMs: s.timeoutMs,
      ...(s.tenant ? { tenant: s.tenant } : {}),
      ...(s.identityHeaders && Object.keys(s.identityHeaders).length > 0 ? { identityHeaders: s.identityHeaders } : {}),
      ...s.settings,
    })),
  };
}
