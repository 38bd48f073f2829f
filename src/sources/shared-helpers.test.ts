import { describe, expect, it } from 'vitest';
import type { Comment, Ticket } from '../model.js';
import { windowComments } from './comment-window.js';
import { UpstreamError, UpstreamErrorCode } from './errors.js';
import { afterApplied, readBack } from './read-back.js';
import { lookupEach, lookupInBatches } from './ticket-lookup.js';

const ticket = (number: string) => ({ number }) as Ticket;
const comment = (id: string) => ({ id }) as Comment;

describe('windowComments', () => {
  const thread = ['1', '2', '3', '4', '5'].map(comment);
  it('cuts the window and counts the whole thread', () => {
    expect(windowComments(thread, { offset: 1, limit: 2 })).toEqual({ comments: [comment('2'), comment('3')], totalCount: 5, hasMore: true });
    expect(windowComments(thread, { offset: 3, limit: 2 })).toEqual({ comments: [comment('4'), comment('5')], totalCount: 5, hasMore: false });
    expect(windowComments(thread, { offset: 7, limit: 2 })).toEqual({ comments: [], totalCount: 5, hasMore: false });
    expect(windowComments([], { offset: 0, limit: 10 })).toEqual({ comments: [], totalCount: 0, hasMore: false });
  });
});

describe('lookupInBatches', () => {
  it('asks each acceptable number once, in batches, and answers in the order asked', async () => {
    const calls: string[][] = [];
    const have = new Set(['A1', 'A2', 'A3']);
    const result = await lookupInBatches(['A3', 'x', 'A1', 'A3', 'A9', 'A2'], {
      batchSize: 2,
      accepts: (n) => n.startsWith('A'),
      fetch: async (numbers) => {
        calls.push(numbers);
        return numbers.filter((n) => have.has(n)).reverse().map(ticket);
      },
    });
    expect(calls).toEqual([['A3', 'A1'], ['A9', 'A2']]);
    expect(result).toEqual([ticket('A3'), null, ticket('A1'), ticket('A3'), null, ticket('A2')]);
  });

  it('makes no call when no number is acceptable', async () => {
    let calls = 0;
    const result = await lookupInBatches(['x', 'y'], { batchSize: 5, accepts: () => false, fetch: async () => (calls++, []) });
    expect(result).toEqual([null, null]);
    expect(calls).toBe(0);
  });

  it('answers only the exact number (a vendor IN may ignore case)', async () => {
    const result = await lookupInBatches(['a1'], { batchSize: 5, fetch: async () => [ticket('A1')] });
    expect(result).toEqual([null]);
  });
});

describe('lookupEach', () => {
  it('looks each distinct number up once, under the cap, in the order asked', async () => {
    let inFlight = 0;
    let peak = 0;
    const asked: string[] = [];
    const result = await lookupEach(['3', '1', '3', '2', '4', '5', '1'], 2, async (n) => {
      asked.push(n);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      inFlight--;
      return n === '4' ? null : ticket(n);
    });
    expect(asked.sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(peak).toBe(2);
    expect(result).toEqual([ticket('3'), ticket('1'), ticket('3'), ticket('2'), null, ticket('5'), ticket('1')]);
  });
});

describe('readBack / afterApplied', () => {
  const applied = { ticketNumber: '7', steps: ['create'] };

  it('answers what the re-read found', async () => {
    await expect(readBack('s', applied, async () => ticket('7'))).resolves.toEqual(ticket('7'));
  });

  it('turns a failed re-read into an UpstreamError that says what was applied, keeping the vendor fault', async () => {
    const fault = new UpstreamError({ source: 's', code: UpstreamErrorCode.UPSTREAM_UNAVAILABLE, message: 'down', status: 503, vendorCode: 'V1' });
    const error = await readBack('s', applied, async () => {
      throw fault;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ applied, upstreamCode: 'UPSTREAM_UNAVAILABLE', status: 503, vendorCode: 'V1', sourceKey: 's' });
  });

  it('reports an empty re-read as a bad response with what was applied', async () => {
    const error = await readBack('s', applied, async () => null).catch((e: unknown) => e);
    expect(error).toMatchObject({ applied, upstreamCode: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('keeps the first applied record when an inner step already carries one', async () => {
    const inner = { ticketNumber: '7', commentId: '9', steps: ['comment'] };
    const error = await afterApplied('s', { ticketNumber: '7', steps: ['comment', 'close'] }, () => readBack('s', inner, async () => null)).catch((e: unknown) => e);
    expect(error).toMatchObject({ applied: inner });
  });
});
