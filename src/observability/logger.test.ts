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
