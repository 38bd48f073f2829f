import { describe, expect, it } from 'vitest';
import { alignedPageSize, mapWithConcurrency, readOffsetWindow } from './paging.js';

const items = Array.from({ length: 95 }, (_, i) => i);
function vendor() {
  const calls: { page: number; pageSize: number }[] = [];
  const fetchPage = async ({ page, pageSize }: { page: number; pageSize: number }) => {
    calls.push({ page, pageSize });
    const start = (page - 1) * pageSize;
    return { items: items.slice(start, start + pageSize), hasMore: start + pageSize < items.length, totalCount: items.length };
  };
  return { calls, fetchPage };
}

describe('readOffsetWindow', () => {
  it.each([
    [0, 10],
    [10, 10],
    [5, 10],
    [40, 21],
    [90, 10],
    [94, 1],
    [93, 50],
  ])('offset %i, limit %i: the right items in one aligned call', async (offset, limit) => {
    const { calls, fetchPage } = vendor();
    const window = await readOffsetWindow(offset, limit, 1000, fetchPage);
    expect(window.items).toEqual(items.slice(offset, offset + limit));
    expect(window.hasMore).toBe(offset + limit < items.length);
    expect(calls).toHaveLength(1);
  });

  it('falls back to two pages when no page size under the maximum lines up', async () => {
    const { calls, fetchPage } = vendor();
    const window = await readOffsetWindow(45, 10, 10, fetchPage);
    expect(window.items).toEqual(items.slice(45, 55));
    expect(calls).toEqual([{ page: 5, pageSize: 10 }, { page: 6, pageSize: 10 }]);
  });

  it('alignedPageSize picks the smallest size that holds the window', () => {
    expect(alignedPageSize(0, 20, 100)).toBe(20);
    expect(alignedPageSize(20, 20, 100)).toBe(20);
    expect(alignedPageSize(5, 10, 100)).toBe(15);
    expect(alignedPageSize(5, 10, 12)).toBeNull();
  });
});

describe('mapWithConcurrency', () => {
  it('keeps order and never exceeds the cap', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 2;
    });
    expect(result).toEqual([10, 2, 8, 4, 6, 0, 12]);
    expect(peak).toBe(3);
  });
});
