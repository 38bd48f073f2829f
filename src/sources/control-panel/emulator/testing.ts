/** For this folder's tests: the emulator on 127.0.0.1:0, called with plain fetch. */
import type { Emulator, EmulatorOptions } from '../../../emulator/kit.js';
import { listenEmulator, type ListeningEmulator } from '../../../emulator/listen.js';
import { CONTROL_PANEL_DEMO_TOKEN, createControlPanelEmulator } from './index.js';
export type { WireComment, WireTicket, WireTicketList, WireVote } from './wire.js';

export interface CallOptions {
  body?: unknown;
  /** Sent as-is when a string (e.g. malformed JSON). */
  rawBody?: string;
  /** `null` sends no X-Token at all. */
  token?: string | null;
}

export interface ErrorBody {
  error: { code: string; message: string; details: { field: string; message: string }[] };
}

export interface CallResult<T> {
  status: number;
  headers: Headers;
  /** The body as the caller expects it to be; tests assert on it, so the cast is the check. */
  json: T;
}

export interface RunningControlPanel {
  emulator: Emulator;
  listening: ListeningEmulator;
  call<T = ErrorBody>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  close(): Promise<void>;
}

export async function startControlPanel(options: EmulatorOptions = {}): Promise<RunningControlPanel> {
  const emulator = createControlPanelEmulator(options);
  const listening = await listenEmulator(emulator);
  return {
    emulator,
    listening,
    async call<T>(method: string, path: string, { body, rawBody, token = CONTROL_PANEL_DEMO_TOKEN }: CallOptions = {}) {
      const headers: Record<string, string> = {};
      if (token !== null) headers['x-token'] = token;
      const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(listening.baseUrl + path, { method, headers, body: payload ?? null });
      return { status: response.status, headers: response.headers, json: (await response.json()) as T };
    },
    close: () => listening.close(),
  };
}
