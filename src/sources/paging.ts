/**
 * Offset windows over page-numbered vendor APIs, and bounded parallel lookups. Shared by
 * adapters whose vendor pages by (page, pageSize) rather than by offset.
 */

export interface PageRequest {
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

export interface NativePage<T> {
  items: T[];
  /** Whether the vendor has items after this page (from a total, a next link, or a full page). */
  hasMore: boolean;
  totalCount: number | null;
}

/**
 * Reads items [offset, offset + limit) using at most two native page calls. Prefers one page
 * whose size lines the window up exactly (so page N+1 of a connection is one call), and only
 * falls back to two adjacent pages of size `limit` when no such size fits under `maxPageSize`.
 */
export async function readOffsetWindow<T>(
  offset: number,
  limit: number,
  maxPageSize: number,
  fetchPage: (request: PageRequest) => Promise<NativePage<T>>,
): Promise<NativePage<T>> {
  const pageSize = alignedPageSize(offset, limit, maxPageSize);
  if (pageSize !== null) {
    const page = Math.floor(offset / pageSize) + 1;
    const native = await fetchPage({ page, pageSize });
    const start = offset - (page - 1) * pageSize;
    const items = native.items.slice(start, start + limit);
    const moreInPage = native.items.length > start + limit;
    return { items, hasMore: moreInPage || native.hasMore, totalCount: native.totalCount };
  }
  const first = Math.floor(offset / limit) + 1;
  const a = await fetchPage({ page: first, pageSize: limit });
  const start = offset - (first - 1) * limit;
  if (!a.hasMore) {
    return { items: a.items.slice(start, start + limit), hasMore: false, totalCount: a.totalCount };
  }
  const b = await fetchPage({ page: first + 1, pageSize: limit });
  const combined = [...a.items, ...b.items];
  return {
    items: combined.slice(start, start + limit),
    hasMore: combined.length > start + limit || b.hasMore,
    totalCount: b.totalCount ?? a.totalCount,
  };
}

/** The smallest page size >= limit for which the window sits inside a single page, if any. */
export function alignedPageSize(offset: number, limit: number, maxPageSize: number): number | null {
  if (limit > maxPageSize) return null;
  const last = offset + limit - 1;
  const upper = Math.min(maxPageSize, offset + limit);
  for (let size = limit; size <= upper; size++) {
    if (Math.floor(offset / size) === Math.floor(last / size)) return size;
  }
  return null;
}

/** Runs `task` over `items` with at most `concurrency` in flight; results keep input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
