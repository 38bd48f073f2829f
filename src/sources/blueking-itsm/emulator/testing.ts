/**
 * For the emulator's own tests: the emulator on 127.0.0.1:0 and its raw ESB calls. Nothing of the
 * adapter side: the adapter-on-emulator helper is ../testing.ts.
 */
import type { Emulator } from '../../../emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from '../../../emulator/listen.js';
import { createBluekingItsmEmulator, ESB_ITSM_PREFIX, type BluekingEmulatorOptions } from './index.js';

export interface EsbAnswer<T = unknown> {
  status: number;
  body: { result: boolean; code: number; message: string; data: T };
}

export interface RunningEsb {
  emulator: Emulator;
  listening: ListeningEmulator;
  /** The demo credentials as ESB parameters. */
  auth: Record<string, string>;
  /** One raw ESB call: params go in the body (POST) or query (GET), auth added unless `auth: null`. */
  esb<T = unknown>(method: 'GET' | 'POST', api: string, params?: Record<string, unknown>, options?: { auth?: Record<string, string> | null; rawBody?: string }): Promise<EsbAnswer<T>>;
  close(): Promise<void>;
}

export async function startEsb(options: BluekingEmulatorOptions = {}): Promise<RunningEsb> {
  const emulator = createBluekingItsmEmulator(options);
  const listening = await listenEmulator(emulator);
  const creds = emulator.credentials as Record<string, string>;
  const auth = { bk_app_code: String(creds.appCode), bk_app_secret: String(creds.appSecret), bk_username: String(creds.username) };
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
    close: () => listening.close(),
  };
}
