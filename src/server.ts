/**
 * `npm start`: the gateway on HOST:PORT (default 127.0.0.1:4000), over the sources in
 * TICKETGRAPH_CONFIG, or over the embedded emulators when it is not set (with a demo identity
 * provider and tokens when TICKETGRAPH_DEMO_AUTH=1).
 *
 * SIGTERM/SIGINT drain: stop accepting connections, answer /ready 503 on the connections
 * still open, let in-flight requests finish for up to `gateway.drainTimeoutMs`, then close
 * what is left, flush the logs and exit 0.
 */
import './runtime-flags.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfigFile, type GatewayConfig } from './config.js';
import { startEmbeddedEmulators } from './embedded.js';
import { parseChurnInterval, startChurn } from './emulator/churn.js';
import { createGateway } from './gateway.js';
import { attachWebSockets } from './websocket.js';
import { stdoutDestination } from './observability/logger.js';

/** How often idle keep-alive connections are closed while draining (they would hold close() open). */
const DRAIN_SWEEP_MS = 100;

async function main(): Promise<void> {
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError([`PORT must be 0..65535`]);

  let config: GatewayConfig;
  let stopEmulators = async () => {};
  const configPath = process.env.TICKETGRAPH_CONFIG;
  if (configPath) {
    config = await loadConfigFile(configPath);
  } else {
    const embedded = await startEmbeddedEmulators({ demoAuth: process.env.TICKETGRAPH_DEMO_AUTH === '1' });
    config = embedded.config;
    // TICKETGRAPH_EMULATOR_CHURN=5s: the emulators change over time, so live updates have something to show.
    const churnEvery = process.env.TICKETGRAPH_EMULATOR_CHURN;
    const churnMs = churnEvery ? parseChurnInterval(churnEvery) : null;
    const churn = churnMs === null ? null : startChurn(embedded.config, { intervalMs: churnMs });
    // With churn on, poll about as often as things change (within the 1 s minimum), so the demo moves.
    if (churnMs !== null) config = { ...config, sources: config.sources.map((s) => ({ ...s, pollIntervalMs: Math.min(15_000, Math.max(1_000, churnMs)) })) };
    stopEmulators = async () => {
      await churn?.stop();
      await embedded.close();
    };
    console.log(`embedded emulators: ${embedded.emulators.map((e) => `${e.key} (${e.kind})`).join(', ')}${churn ? ` (churn every ${churnEvery})` : ''}`);
    for (const [user, token] of Object.entries(embedded.demo?.tokens ?? {})) console.log(`demo token ${user}: ${token}`);
  }

  const logDestination = stdoutDestination();
  const gateway = createGateway({
    config,
    // JSON logs (one line per GraphQL request) after the "listening" line, at gateway.logLevel.
    logDestination,
    ...(process.env.TICKETGRAPH_CURSOR_SECRET ? { cursorSecret: process.env.TICKETGRAPH_CURSOR_SECRET } : {}),
  });
  if (!gateway.settings.auth) console.warn('warning: no gateway.auth configured: anyone who can reach this gateway reads and writes every source (README, Securing it)');
  const server = createServer(gateway.yoga);
  // graphql-ws on the same /graphql path (SSE needs nothing: it is plain HTTP).
  const websockets = attachWebSockets(server, gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`ticketgraph listening on http://${shownHost}:${address.port}/graphql`);

  let draining = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    const drainTimeoutMs = gateway.settings.drainTimeoutMs;
    gateway.startDraining();
    // Subscribers reconnect elsewhere (graphql-ws retries); an open socket would hold close() forever.
    void websockets.close();
    gateway.logger.info({ signal, drainTimeoutMs }, 'draining: no new connections, finishing in-flight requests');
    const sweep = setInterval(() => server.closeIdleConnections(), DRAIN_SWEEP_MS);
    const deadline = setTimeout(() => {
      gateway.logger.warn({ drainTimeoutMs }, 'drain timeout: closing the connections still open');
      server.closeAllConnections();
    }, drainTimeoutMs);
    // close() stops accepting now and calls back once every connection has ended.
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      void Promise.allSettled([gateway.close(), stopEmulators()]).then(() => {
        gateway.logger.info('drained; exiting');
        // A stdout nobody reads must not hold the exit (the `exit` hook flushes synchronously).
        setTimeout(() => process.exit(0), 1_000).unref();
        gateway.logger.flush(() => process.exit(0));
      });
    });
    server.closeIdleConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `ticketgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
