/**
 * The one configuration format: `TICKETGRAPH_CONFIG` files and the emulators' manifest are
 * both `{ "sources": [ … ] }`. A credential value may be `{ "env": "VAR" }`.
 *
 * Validation errors name the bad field by path and never echo a value: a credential may sit
 * in any field a user mistyped.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SourceConfig } from './sources/adapter.js';
import { sourceRegistry, type SourceRegistry } from './sources/registry.js';
import { claimTemplate } from './auth/claim-template.js';
import { gatewaySettings, resilienceSettings, type GatewaySettings } from './settings.js';
import { DEFAULT_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS } from './live/intervals.js';

export interface GatewayConfig {
  sources: SourceConfig[];
  /** Server-wide settings; every field has a default (see gatewaySettings). */
  gateway?: GatewaySettings;
}

export { gatewaySettings, resilienceSettings, type GatewaySettings, type ResilienceSettings } from './settings.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid ticketgraph config:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;

const SOURCE_KEY = /^[a-z][a-z0-9_-]{0,31}$/;

const credentialValue = z.union([z.string().min(1), z.strictObject({ env: z.string().min(1) })]);

/** The fields every source has; `kind` is one of the registry's names. */
const commonFieldsFor = (registry: SourceRegistry) => z.object({
  key: z.string().regex(SOURCE_KEY, 'must be 1-32 characters: a lowercase letter, then letters, digits, _ or -'),
  kind: z.enum(registry.names as [string, ...string[]]),
  name: z.string().min(1).max(200),
  baseUrl: z.url({ protocol: /^https?$/ }),
  credentials: z.record(z.string(), credentialValue),
  timeoutMs: z.number().int().min(1).max(300_000).default(DEFAULT_TIMEOUT_MS),
  /** How often live subscriptions poll this source for changes (only while someone subscribes). */
  pollIntervalMs: z.number().int().min(MIN_POLL_INTERVAL_MS).max(3_600_000).default(DEFAULT_POLL_INTERVAL_MS),
  resilience: resilienceSettings.default(resilienceSettings.parse({})),
  /**
   * Caller identity passthrough: incoming request header -> header sent to this source, e.g.
   * { "x-cp-user-token": "x-token" } lets each caller use their own vendor token.
   */
  forwardHeaders: z.record(z.string().regex(/^[a-z0-9-]+$/, 'lowercase header name'), z.string().regex(/^[A-Za-z0-9-]+$/)).default({}),
  /** With `gateway.auth.tenantClaim`: only callers of this tenant see this source. */
  tenant: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, '1-64 letters, digits, _ . or -').optional(),
  /**
   * Header sent to this source -> template over the caller's verified claims, e.g.
   * { "x-ticketgraph-user": "{claims.preferred_username}" } (src/auth/claim-template.ts).
   */
  identityHeaders: z.record(z.string().regex(/^[a-z0-9-]+$/, 'lowercase header name'), claimTemplate).default({}),
});
const COMMON_KEYS = new Set(Object.keys(commonFieldsFor(sourceRegistry).shape));

/** `demo` holds the emulators' demo tokens (README, Securing it); the gateway ignores it. */
const fileShape = z.strictObject({ sources: z.array(z.unknown()).min(1), gateway: z.unknown().optional(), demo: z.unknown().optional() });

export type Environment = Record<string, string | undefined>;

/** Validates a parsed config document and resolves `{ env }` credentials. */
export function parseConfig(document: unknown, env: Environment = process.env, registry: SourceRegistry = sourceRegistry): GatewayConfig {
  const commonFields = commonFieldsFor(registry);
  const file = fileShape.safeParse(document);
  if (!file.success) throw new ConfigError(describeIssues(file.error, []));

  const problems: string[] = [];
  const sources: SourceConfig[] = [];
  const seenKeys = new Set<string>();
  file.data.sources.forEach((entry, index) => {
    const path: (string | number)[] = ['sources', index];
    const common = commonFields.safeParse(entry);
    if (!common.success) {
      problems.push(...describeIssues(common.error, path));
      return;
    }
    const { key, kind } = common.data;
    if (seenKeys.has(key)) problems.push(`${formatPath([...path, 'key'])}: duplicate source key "${key}"`);
    seenKeys.add(key);

    const before = problems.length;
    const credentials = resolveCredentials(common.data.credentials, env, [...path, 'credentials'], problems);
    const unresolved = problems.length > before;
    const definition = registry.find(kind);
    if (!definition) {
      problems.push(`${formatPath([...path, 'kind'])}: source kind "${kind}" is not available in this build`);
      return;
    }
    const typedCredentials = definition.credentials.safeParse(credentials);
    // A missing env var was reported already; its "expected string" would only repeat it.
    if (!typedCredentials.success && !unresolved) problems.push(...describeIssues(typedCredentials.error, [...path, 'credentials']));

    const extra = Object.fromEntries(Object.entries(entry as object).filter(([name]) => !COMMON_KEYS.has(name)));
    const settings = definition.settings.safeParse(extra);
    if (!settings.success) problems.push(...describeIssues(settings.error, path));

    if (typedCredentials.success && settings.success) {
      sources.push({
        key,
        kind: kind as SourceConfig['kind'],
        name: common.data.name,
        baseUrl: common.data.baseUrl,
        timeoutMs: common.data.timeoutMs,
        credentials: typedCredentials.data as Record<string, string>,
        settings: settings.data as Record<string, unknown>,
        resilience: common.data.resilience,
        forwardHeaders: common.data.forwardHeaders,
        pollIntervalMs: common.data.pollIntervalMs,
        identityHeaders: common.data.identityHeaders,
        ...(common.data.tenant === undefined ? {} : { tenant: common.data.tenant }),
      });
    }
  });
  const gateway = gatewaySettings.safeParse(file.data.gateway ?? {});
  if (!gateway.success) problems.push(...describeIssues(gateway.error, ['gateway']));
  else problems.push(...unknownAccessSources(gateway.data, seenKeys));
  if (problems.length > 0 || !gateway.success) throw new ConfigError(problems);
  const redis = gateway.data.redis;
  if (redis && gateway.data.cursorSecret === undefined) {
    // Replicas sharing state must also share the cursor key, or a cursor fails on the next one.
    throw new ConfigError(['gateway.cursorSecret: required when gateway.redis is set (every replica must sign cursors with the same key)']);
  }
  if (redis && typeof redis.url !== 'string') {
    const url = env[redis.url.env];
    if (!url) throw new ConfigError([`gateway.redis.url: environment variable ${redis.url.env} is not set`]);
    gateway.data.redis = { ...redis, url };
  }
  const cursorSecret = gateway.data.cursorSecret;
  if (cursorSecret !== undefined && typeof cursorSecret !== 'string') {
    const value = env[cursorSecret.env];
    if (!value) throw new ConfigError([`gateway.cursorSecret: environment variable ${cursorSecret.env} is not set`]);
    return { sources, gateway: { ...gateway.data, cursorSecret: value } };
  }
  return { sources, gateway: gateway.data };
}

export async function loadConfigFile(path: string, env: Environment = process.env): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}`]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch {
    // JSON.parse's message can quote the text around the fault, which may be a secret.
    throw new ConfigError([`${path} is not valid JSON`]);
  }
  return parseConfig(document, env);
}

/** An access rule naming a source that is not configured is a typo that would silently grant nothing. */
function unknownAccessSources(gateway: GatewaySettings, keys: ReadonlySet<string>): string[] {
  return (gateway.auth?.access ?? []).flatMap((rule, index) =>
    rule.sources === '*'
      ? []
      : rule.sources.filter((key) => !keys.has(key)).map((key) => `gateway.auth.access[${index}].sources: unknown source "${key}"`),
  );
}

function resolveCredentials(
  raw: Record<string, string | { env: string }>,
  env: Environment,
  path: (string | number)[],
  problems: string[],
): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') {
      resolved[name] = value;
      continue;
    }
    const fromEnv = env[value.env];
    if (fromEnv === undefined || fromEnv === '') {
      problems.push(`${formatPath([...path, name])}: environment variable ${value.env} is not set`);
    } else {
      resolved[name] = fromEnv;
    }
  }
  return resolved;
}

function describeIssues(error: z.ZodError, prefix: (string | number)[]): string[] {
  // Only the path and zod's message: zod messages describe the expectation, not the value.
  return error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]);
    const message =
      issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return `${path || '(root)'}: ${message}`;
  });
}

function formatPath(path: (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Settings for a config that has none (the embedded set-up, tests). */
export function defaultGatewaySettings(): GatewaySettings {
  return gatewaySettings.parse({});
}
