import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './kit.js';

export interface ListeningEmulator {
  /** The listening origin, e.g. `http://127.0.0.1:38211`. */
  origin: string;
  /** The source's `baseUrl`: origin plus the emulator's base path. */
  baseUrl: string;
  server: Server;
  close(): Promise<void>;
}

/** Emulators never listen on import; this is the one place that opens a port for them. */
export async function listenEmulator(
  emulator: Emulator,
  { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {},
): Promise<ListeningEmulator> {
  const server = createServer(emulator.handler);
  // Keep-alive sockets from the gateway's pools must not hold close() open forever.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const origin = `http://${host}:${actualPort}`;
  return {
    origin,
    baseUrl: origin + (emulator.basePath ?? ''),
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
