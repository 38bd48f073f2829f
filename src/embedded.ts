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
import { DEFAULT_TIMEOUT_MS } from './config.js';

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
  close(): Promise<void>;
}

export async function startEmbeddedEmulators(
  options: { kinds?: readonly SourceKindName[]; emulator?: EmulatorOptions; host?: string } = {},
): Promise<EmbeddedEmulators> {
  const kinds = availableSourceKinds().filter((k) => !options.kinds || options.kinds.includes(k.kind));
  const emulators: RunningEmulator[] = [];
  try {
    for (const kind of kinds) {
      const emulator = kind.createEmulator(options.emulator);
      const listening = await listenEmulator(emulator, { host: options.host ?? '127.0.0.1', port: 0 });
      emulators.push({ key: kind.defaultKey, kind: kind.kind, emulator, listening });
    }
  } catch (error) {
    await Promise.allSettled(emulators.map((e) => e.listening.close()));
    throw error;
  }
  const config: GatewayConfig = {
    sources: emulators.map((e) => {
      const kind = kinds.find((k) => k.kind === e.kind);
      return {
        key: e.key,
        kind: e.kind,
        name: kind?.defaultName ?? e.kind,
        baseUrl: e.listening.baseUrl,
        credentials: { ...e.emulator.credentials },
        timeoutMs: DEFAULT_TIMEOUT_MS,
        // Through the kind's own schema, exactly as a config file's settings would go.
        settings: (kind ? kind.settings.parse({ ...e.emulator.settings }) : { ...e.emulator.settings }) as Record<string, unknown>,
      };
    }),
  };
  return {
    config,
    emulators,
    byKey(key) {
      const found = emulators.find((e) => e.key === key);
      if (!found) throw new Error(`no embedded emulator for source "${key}"`);
      return found;
    },
    close: async () => {
      await Promise.allSettled(emulators.map((e) => e.listening.close()));
    },
  };
}

/** The config as a JSON document in the file format (settings flattened beside the common fields). */
export function toConfigDocument(config: GatewayConfig): { sources: Record<string, unknown>[] } {
  return {
    sources: config.sources.map((s) => ({
      key: s.key,
      kind: s.kind,
      name: s.name,
      baseUrl: s.baseUrl,
      credentials: s.credentials,
      timeoutMs: s.timeoutMs,
      ...s.settings,
    })),
  };
}
