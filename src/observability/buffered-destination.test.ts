import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { bufferedDestination, LOG_FLUSH_INTERVAL_MS } from './logger.js';

const dir = mkdtempSync(join(os.tmpdir(), 'ticketgraph-log-'));
afterEach(() => vi.useRealTimers());

async function contentBecomes(file: string, expected: string): Promise<void> {
  for (let i = 0; i < 200 && readFileSync(file, 'utf8') !== expected; i++) await delay(5);
  expect(readFileSync(file, 'utf8')).toBe(expected);
}

describe('bufferedDestination', () => {
  it('holds short lines until the flush interval, then writes them together', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const file = join(dir, 'interval.log');
    const destination = bufferedDestination(file);
    await once(destination, 'ready');
    destination.write('{"a":1}\n');
    destination.write('{"b":2}\n');
    await delay(20);
    expect(readFileSync(file, 'utf8')).toBe('');
    vi.advanceTimersByTime(LOG_FLUSH_INTERVAL_MS);
    await contentBecomes(file, '{"a":1}\n{"b":2}\n');
    destination.end();
  });

  it('writes as soon as 4 KiB are buffered', async () => {
    const file = join(dir, 'size.log');
    const destination = bufferedDestination(file);
    await once(destination, 'ready');
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 5; i++) destination.write(line);
    await contentBecomes(file, line.repeat(5));
    destination.end();
  });

  it('flushSync writes what is buffered at once (exit)', async () => {
    const file = join(dir, 'exit.log');
    const destination = bufferedDestination(file);
    await once(destination, 'ready');
    destination.write('last words\n');
    destination.flushSync();
    expect(readFileSync(file, 'utf8')).toBe('last words\n');
    destination.end();
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
