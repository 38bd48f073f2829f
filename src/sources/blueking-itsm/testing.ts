/**
 * For this folder's tests: the emulator on 127.0.0.1:0 with its raw ESB calls (emulator/testing.ts)
 * and adapters on it. Kept outside emulator/, which never imports the adapter side.
 */
import { createSourceHttp } from '../http.js';
import type { BluekingItsmAdapter, BluekingSettings } from './adapter.js';
import type { BluekingCredentials } from './client.js';
import type { BluekingEmulatorOptions } from './emulator/index.js';
import { startEsb, type RunningEsb } from './emulator/testing.js';
import { bluekingItsm } from './index.js';

export type { EsbAnswer } from './emulator/testing.js';

export interface RunningBlueking extends RunningEsb {
  adapter(overrides?: { credentials?: Partial<BluekingCredentials>; settings?: Partial<BluekingSettings> }): BluekingItsmAdapter;
}

export async function startBlueking(options: BluekingEmulatorOptions = {}): Promise<RunningBlueking> {
  const running = await startEsb(options);
  const { emulator, listening } = running;
  const creds = emulator.credentials as unknown as BluekingCredentials;
  const adapters: BluekingItsmAdapter[] = [];
  return {
    ...running,
    adapter(overrides = {}) {
      const http = createSourceHttp({ source: 'bk', baseUrl: listening.baseUrl, timeoutMs: 5000 });
      const adapter = bluekingItsm.createAdapter(
        {
          key: 'bk',
          kind: 'blueking-itsm',
          name: 'BlueKing ITSM',
          baseUrl: listening.baseUrl,
          timeoutMs: 5000,
          credentials: { ...creds, ...overrides.credentials },
          settings: { timeZone: String(emulator.settings?.timeZone ?? 'Asia/Shanghai'), ...overrides.settings },
        },
        http,
      ) as BluekingItsmAdapter;
      adapters.push(adapter);
      return adapter;
    },
    async close() {
      await Promise.all(adapters.map((a) => a.close()));
      await running.close();
    },
  };
}
