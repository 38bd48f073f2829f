/**
 * The config every benched gateway runs with: the emulators' sources and the production
 * defaults (metrics, limits, masked errors, CSRF), the request log at `info`, as `npm start`
 * runs. One client sends everything, so its per-client rate limit is raised out of the way:
 * the bench must not turn into 429s.
 */
import { defaultGatewaySettings, type GatewayConfig } from '../src/config.js';

export function benchGatewayConfig(emulators: GatewayConfig | null): GatewayConfig {
  const config = structuredClone(emulators ?? { sources: [] });
  return { ...config, gateway: { ...defaultGatewaySettings(), rateLimit: { windowMs: 60_000, max: 1_000_000_000 }, logLevel: 'info' } };
}
