import { listen, type Listening } from '../listen.js';
import type { Emulator } from './kit.js';

export interface ListeningEmulator extends Listening {
  /** The source's `baseUrl`: origin plus the emulator's base path. */
  baseUrl: string;
}

/** Emulators never listen on import; this is the one place that opens a port for them. */
export async function listenEmulator(emulator: Emulator, options: { host?: string; port?: number } = {}): Promise<ListeningEmulator> {
  const listening = await listen(emulator.handler, options);
  return { ...listening, baseUrl: listening.origin + (emulator.basePath ?? '') };
}
