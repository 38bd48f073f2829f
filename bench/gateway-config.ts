/**
 * The config every benched gateway runs with: the emulators' sources and the production
 * defaults (metrics, limits, masked errors, CSRF), the request log at `info`, as `npm start`
 * runs. One client sends everything, so its per-client rate limit is raised out of the way:
 * the bench must not turn into 429s.
 *
 * In-flight sharing of identical reads is on, as deployed, unless a target turns it off
 * (`createGateway`'s `shareInFlightReads`): the load sends one query over and over, so at ten
 * connections a sharing gateway sends far fewer native calls than the bare script. The fan-out
 * rows count each side's calls, and at ten connections a gateway with sharing off is measured
 * beside it (the like-for-like row).
 */
import { defaultGatewaySettings, type GatewayConfig } from '../src/config.js';

export function benchGatewayConfig(emulators: GatewayConfig | null): GatewayConfig {
  const config = structuredClone(emulators ?? { sources: [] });
  return { ...config, gateway: { ...defaultGatewaySettings(), rateLimit: { windowMs: 60_000, max: 1_000_000_000 }, logLevel: 'info' } };
}
