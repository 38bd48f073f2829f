/**
 * `npm run emulators -- --manifest <file> [--tickets N] [--churn 5s]`: every emulator on 127.0.0.1 ephemeral ports, and a
 * manifest in the config format (demo credentials included) that works as TICKETGRAPH_CONFIG.
 * Also a demo identity provider: the manifest turns `gateway.auth` on and carries a token per
 * demo user under `demo` (README, Securing it); `--no-auth` leaves both out. Runs until
 * SIGINT/SIGTERM.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startEmbeddedEmulators, toConfigDocument } from './embedded.js';
import { parseChurnInterval, startChurn } from './emulator/churn.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { manifest: { type: 'string' }, latency: { type: 'string' }, tickets: { type: 'string' }, churn: { type: 'string' }, 'no-auth': { type: 'boolean' } },
    strict: true,
  });
  const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency must be a non-negative number of ms');
  const tickets = values.tickets === undefined ? undefined : Number(values.tickets);
  if (tickets !== undefined && (!Number.isSafeInteger(tickets) || tickets < 0)) throw new Error('--tickets must be a non-negative whole number (tickets seeded per source)');
  const embedded = await startEmbeddedEmulators({ emulator: { latencyMs, ...(tickets !== undefined ? { tickets } : {}) }, demoAuth: !values['no-auth'] });
  const manifest = `${JSON.stringify(toConfigDocument(embedded.config, embedded.demo), null, 2)}
`;
  if (values.manifest) {
    await writeFile(values.manifest, manifest, { mode: 0o600 });
    console.log(`manifest written to ${values.manifest}`);
  }
  for (const e of embedded.emulators) console.log(`${e.key} (${e.kind}) on ${e.listening.baseUrl}`);
  if (embedded.demo) {
    console.log(`demo identity provider: ${embedded.demo.idp.jwksUrl} (tokens in the manifest's "demo" block; --no-auth for an open gateway)`);
  }
  // --churn 5s: a change every 5 s through the vendors' own APIs, for live-update demos.
  const churn = values.churn === undefined ? null : startChurn(embedded.config, { intervalMs: parseChurnInterval(values.churn), log: (line) => console.log(line) });
  if (churn) console.log(`churn: one change every ${values.churn}`);
  console.log('emulators ready; Ctrl-C to stop');
  const stop = () => void Promise.allSettled([churn?.stop(), embedded.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`emulators failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
