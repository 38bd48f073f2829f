/**
 * Structured JSON logs (pino). Nothing the gateway logs is meant to hold a credential (no
 * headers, bodies or query strings are logged), and as a last line of defence every line is
 * scrubbed of the configured credential values before it is written: an error from a library
 * could quote anything.
 */
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';
import type { GatewayConfig } from '../config.js';
import { sourceRegistry, type SourceRegistry } from '../sources/registry.js';

export type { DestinationStream, Logger };

import { redactor } from './redact.js';

export { REDACTED, redactSecrets } from './redact.js';

/** Shorter values would match ordinary words in log lines. */
const MIN_SECRET_LENGTH = 6;

/**
 * The configured secret credential values, longest first (so no part of one survives another's
 * replacement). Each kind declares which of its credential fields are secrets
 * (`SourceKind.secretCredentials`; usernames, tenant ids and app codes are not); a source whose
 * kind the registry does not know has every credential treated as secret.
 */
export function credentialSecrets(config: GatewayConfig, registry: SourceRegistry = sourceRegistry): string[] {
  const values = new Set<string>();
  for (const source of config.sources) {
    const declared = registry.find(source.kind)?.secretCredentials;
    for (const [field, value] of Object.entries(source.credentials)) {
      const secret = declared ? declared.includes(field) : true;
      if (secret && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) values.add(value);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}


export interface FlushableDestination extends DestinationStream {
  /** Writes what is buffered now (process exit). */
  flushSync(): void;
}

/**
 * What `npm start` logs to: stdout, asynchronously (sonic-boom buffers and writes off the
 * request path; a synchronous write per request line blocked the event loop on a slow pipe).
 * Buffered lines are written on exit: server.ts flushes after draining, and a last `exit`
 * hook flushes whatever is left.
 */
export function stdoutDestination(): FlushableDestination {
  return bufferedDestination(1);
}

/** How long a line may wait in the buffer, at most (ms). */
export const LOG_FLUSH_INTERVAL_MS = 100;

/**
 * A log destination written in batches: lines wait until 4 KiB are buffered or
 * LOG_FLUSH_INTERVAL_MS has passed, so a busy gateway makes one write for a dozen request lines
 * instead of one per request (a write per line was about 8 µs of each request's CPU in the
 * `{ __typename }` profile). Flushed synchronously on exit.
 */
export function bufferedDestination(dest: number | string): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest, sync: false, minLength: 4096, periodicFlush: LOG_FLUSH_INTERVAL_MS, mkdir: typeof dest === 'string' });
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Not open yet or already closed: nothing buffered to lose.
    }
  });
  return destination;
}

/**
 * Writes a log line on a later turn of the event loop, off a request's path. A destination
 * closed by then (an application ending its log stream after the gateway's close, with a
 * request still finishing) throws there, outside any request: the line is dropped rather than
 * the process.
 */
export function logLater(write: () => void): void {
  setImmediate(() => {
    try {
      write();
    } catch {
      // Nowhere left to log it.
    }
  });
}

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Where lines go. @default stderr */
  destination?: DestinationStream;
  /** Values never written (see credentialSecrets). @default [] */
  secrets?: readonly string[];
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level,
      base: { service: 'ticketgraph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: secrets.length > 0 ? { streamWrite: redactor(secrets) } : {},
    },
    options.destination ?? pino.destination(2),
  );
}

/**
 * Yoga's own logger, onto pino. Yoga logs every error it masks at `error`; the masking function
 * (mask-error.ts) already logs those with the request id, so Yoga's copy goes to `debug`.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const child = logger.child({ component: 'yoga' });
  const at =
    (level: 'debug' | 'info' | 'warn') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) child[level]({ err: first }, 'yoga');
      else child[level](rest.length > 0 ? { args: rest } : {}, typeof first === 'string' ? first : 'yoga');
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('debug') };
}
