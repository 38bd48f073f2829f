import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** e.g. `http://127.0.0.1:38211` */
  origin: string;
  server: Server;
  /** Stops listening and drops kept-alive connections, so close never hangs. */
  close(): Promise<void>;
}

/** A handler on host:port (default 127.0.0.1, an ephemeral port): emulators and test gateways. */
export async function listen(handler: RequestListener, { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {}): Promise<Listening> {
  const server = createServer(handler);
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
  return {
    origin: `http://${host}:${actualPort}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
