/**
 * The config every benched gateway runs with: the emulators' sources and the production
 * defaults (metrics, limits, masked errors, CSRF), the request log at `info`, as `npm start`
 * runs. One client sends everything, so its per-client rate limit is raised out of the way:
 * the bench must not turn into 429s.
 *
 * In-flight sharing of identical reads is off unless asked for (`--shared-reads`): the load
 * sends one query over and over, so at ten connections a sharing gateway sends a tenth of the
 * bare script's native calls, and the rows would measure that, not what the gateway costs.
 * Off, both sides make the same calls under load too (the fan-out rows count them).
 */
import { defaultGatewaySettings, type GatewayConfig } from '../src/config.js';

export function benchGatewayConfig(emulators: GatewayConfig | null, options: { shareInFlightReads?: boolean } = {}): GatewayConfig {
  const config = structuredClone(emulators ?? { sources: [] });
  return {
    ...config,
    gateway: {
      ...defaultGatewaySettings(),
      rateLimit: { windowMs: 60_000, max: 1_000_000_000 },
      logLevel: 'info',
      shareInFlightReads: options.shareInFlightReads ?? false,
    },
  };
}
