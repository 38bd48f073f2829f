import type { SourceDirectory } from '../context.js';
import { ErrorCode, userInputError } from '../errors.js';
import type { GatewayConfig } from '../config.js';
import type { Dispatcher } from 'undici';
import type { SourceAdapter } from './adapter.js';
import { credentialSecrets } from '../observability/logger.js';
import { sharingReads } from './shared-reads.js';
import { createSourceHttp, type SourceHttp, type UpstreamObserver } from './http.js';
import { findSourceKind } from './registry.js';
import type { CircuitState } from './resilience.js';

export function createSourceDirectory(
  config: GatewayConfig,
  options: {
    dispatcher?: (sourceKey: string) => Dispatcher | undefined;
    observer?: UpstreamObserver;
    /** Share identical reads in flight (GatewayOptions.shareInFlightReads). @default true */
    shareInFlightReads?: boolean;
  } = {},
): SourceDirectory & { close(): Promise<void>; circuitStates(): Record<string, CircuitState> } {
  const https = new Map<string, SourceHttp>();
  // Every source's secrets, not only its own: a vendor that echoes a request could be sent
  // another source's token by a misconfigured forward, and scrubbing costs nothing.
  const secrets = credentialSecrets(config);
  const adapters: SourceAdapter[] = config.sources.map((source) => {
    const kind = findSourceKind(source.kind);
    if (!kind) throw new Error(`source kind "${source.kind}" is not available in this build`);
    const dispatcher = options.dispatcher?.(source.key);
    const http = createSourceHttp({
      source: source.key,
      baseUrl: source.baseUrl,
      timeoutMs: source.timeoutMs,
      ...(dispatcher ? { dispatcher } : {}),
      ...(source.resilience ? { resilience: source.resilience } : {}),
      ...(source.forwardHeaders ? { forwardHeaders: source.forwardHeaders } : {}),
      ...(source.identityHeaders ? { identityHeaders: source.identityHeaders } : {}),
      ...(options.observer ? { observer: options.observer } : {}),
      secrets,
    });
    https.set(source.key, http);
    const shared =
      options.shareInFlightReads === false
        ? http
        : sharingReads(http, {
            forwardHeaders: Object.keys(source.forwardHeaders ?? {}),
            perCaller: Object.keys(source.identityHeaders ?? {}).length > 0,
          });
    return kind.createAdapter(source, shared);
  });
  return {
    ...directoryOf(adapters, () => true),
    circuitStates: () => Object.fromEntries([...https].map(([key, http]) => [key, http.circuitState()])),
    close: async () => {
      await Promise.allSettled(adapters.map((a) => a.close()));
    },
  };
}

/**
 * The directory as one caller sees it: sources they may not read are absent everywhere (lists,
 * `get`, and `require`'s "unknown source" error, which names only visible keys), so an
 * invisible source behaves exactly like one that is not configured.
 */
export function visibleDirectory(directory: SourceDirectory, access: { readable: ReadonlySet<string>; writable: ReadonlySet<string> }): SourceDirectory {
  return directoryOf(
    directory.all.filter((adapter) => access.readable.has(adapter.key)),
    (key) => access.writable.has(key),
  );
}

function directoryOf(adapters: readonly SourceAdapter[], canWrite: (key: string) => boolean): SourceDirectory {
  const byKey = new Map(adapters.map((a) => [a.key, a]));
  return {
    all: adapters,
    get: (key) => byKey.get(key),
    require(key) {
      const adapter = byKey.get(key);
      if (!adapter) {
        throw userInputError(`Unknown source "${key}"; configured sources: ${[...byKey.keys()].join(', ') || 'none'}`, {
          argument: 'source',
          reason: ErrorCode.UNKNOWN_SOURCE,
        });
      }
      return adapter;
    },
    canWrite: (key) => byKey.has(key) && canWrite(key),
  };
}
