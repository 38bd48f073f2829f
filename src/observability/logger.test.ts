import { describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../config.js';
import { createLogger, credentialSecrets, redactSecrets } from './logger.js';

const config = {
  sources: [
    { kind: 'blueking-itsm', credentials: { appCode: 'ticketgraph', appSecret: 'bk-secret-value-1', username: 'admin' } },
    { kind: 'ticketing-module', credentials: { token: 'tok"with\\quotes-2', tenantId: 'tenant-0001', realm: 'northwind' } },
  ],
} as unknown as GatewayConfig;

describe('secret redaction in logs', () => {
  it('takes the credential fields each kind declares secret, and only those', () => {
    expect(new Set(credentialSecrets(config))).toEqual(new Set(['tok"with\\quotes-2', 'bk-secret-value-1']));
  });

  it('scrubs every configured secret from each line, JSON-escaped ones included', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: credentialSecrets(config), destination: { write: (l: string) => void lines.push(l) } });
    logger.info({ detail: 'upstream said bk-secret-value-1 is wrong', raw: 'tok"with\\quotes-2' }, 'failed with bk-secret-value-1');
    const text = lines.join('');
    expect(text).not.toContain('bk-secret-value-1');
    expect(text).not.toContain(JSON.stringify('tok"with\\quotes-2').slice(1, -1));
    expect(JSON.parse(text)).toMatchObject({ msg: 'failed with [REDACTED]', detail: 'upstream said [REDACTED] is wrong', raw: '[REDACTED]', level: 'info' });
    expect(redactSecrets('admin and ticketgraph stay', credentialSecrets(config))).toBe('admin and ticketgraph stay');
  });
});

describe('trace ids in log lines', () => {
  it('are the given trace context\'s traceId/spanId, and nothing without one', async () => {
    const { trace, ROOT_CONTEXT } = await import('@opentelemetry/api');
    const { logTraceFields } = await import('./tracing-context.js');
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const spanId = 'b7ad6b7169203331';
    const traced = trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId, spanId, traceFlags: 1 }));
    logger.info({ first: 1, ...logTraceFields(undefined) }, 'untraced');
    logger.info({ ...logTraceFields(traced) }, 'traced');
    logger.info({ ...logTraceFields(ROOT_CONTEXT) }, 'no span');
    const [untracedLine, tracedLine, noSpan] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(untracedLine?.traceId).toBeUndefined();
    expect(tracedLine).toMatchObject({ traceId, spanId, msg: 'traced' });
    expect(tracedLine?.first).toBeUndefined();
    expect(noSpan?.traceId).toBeUndefined();
    expect(noSpan?.spanId).toBeUndefined();
  });
});
