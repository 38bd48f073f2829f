/** For this folder's tests: the emulator on 127.0.0.1:0, its raw ESB calls, and an adapter on it. */
import type { Emulator } from '../../../emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from '../../../emulator/listen.js';
import { createSourceHttp } from '../../http.js';
import type { BluekingItsmAdapter, BluekingSettings } from '../adapter.js';
import type { BluekingCredentials } from '../client.js';
import { bluekingItsm } from '../index.js';
import { createBluekingItsmEmulator, ESB_ITSM_PREFIX, type BluekingEmulatorOptions } from './index.js';

export interface EsbAnswer<T = unknown> {
  status: number;
  body: { result: boolean; code: number; message: string; data: T };
}

export interface RunningBlueking {
  emulator: Emulator;
  listening: ListeningEmulator;
  /** The demo credentials as ESB parameters. */
  auth: Record<string, string>;
  /** One raw ESB call: params go in the body (POST) or query (GET), auth added unless `auth: null`. */
  esb<T = unknown>(method: 'GET' | 'POST', api: string, params?: Record<string, unknown>, options?: { auth?: Record<string, string> | null; rawBody?: string }): Promise<EsbAnswer<T>>;
  adapter(overrides?: { credentials?: Partial<BluekingCredentials>; settings?: Partial<BluekingSettings> }): BluekingItsmAdapter;
  close(): Promise<void>;
}

export async function startBlueking(options: BluekingEmulatorOptions = {}): Promise<RunningBlueking> {
  const emulator = createBluekingItsmEmulator(options);
  const listening = await listenEmulator(emulator);
  const creds = emulator.credentials as unknown as BluekingCredentials;
  const auth = { bk_app_code: creds.appCode, bk_app_secret: creds.appSecret, bk_username: creds.username };
  const adapters: BluekingItsmAdapter[] = [];
  return {
    emulator,
    listening,
    auth,
    async esb<T>(method: 'GET' | 'POST', api: string, params: Record<string, unknown> = {}, opts: { auth?: Record<string, string> | null; rawBody?: string } = {}) {
      const all = { ...(opts.auth === null ? {} : (opts.auth ?? auth)), ...params };
      let url = `${listening.baseUrl}${ESB_ITSM_PREFIX}${api}/`;
      const init: RequestInit = { method };
      if (method === 'GET') url += `?${new URLSearchParams(Object.entries(all).map(([k, v]) => [k, String(v)]))}`;
      else init.body = opts.rawBody ?? JSON.stringify(all);
      if (method === 'POST') init.headers = { 'content-type': 'application/json' };
      const response = await fetch(url, init);
      return { status: response.status, body: (await response.json()) as EsbAnswer<T>['body'] };
    },
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
      await listening.close();
    },
  };
}
