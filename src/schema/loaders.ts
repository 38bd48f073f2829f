/**
 * Batch loading by (source, number). One loader call gets every key asked for in one tick,
 * across sources; each source is asked once per batch (in chunks of its declared maximum),
 * all sources in parallel. One source failing fails only its own keys.
 */
import type { GatewayContext } from '../context.js';
import type { Comment, Ticket, Topic } from '../model.js';
import type { SourceAdapter } from '../sources/adapter.js';
import { SourceInputError } from '../sources/errors.js';
import { isValidIdentifier, type IdentifierKind } from '../sources/identifiers.js';
import { listedTicketsOf } from '../federation/streams.js';
import { splitIdParts } from './global-id.js';

/** Pothos' loader types have no slot for "not found"; DataLoader and GraphQL handle null fine. */
function missing<T>(): T {
  return null as unknown as T;
}

interface Grouped {
  adapter: SourceAdapter;
  /** index into the keys array, with the id parts after the source key */
  entries: { index: number; parts: string[] }[];
}

/**
 * Keys grouped by source. A number or comment id of a shape the source never has gets an
 * INVALID_ID error in its slot (`invalid`) and never reaches the adapter.
 */
function groupBySource(
  keys: readonly string[],
  partCount: number,
  ctx: GatewayContext,
  checked: { kinds: readonly IdentifierKind[]; invalid: unknown[] } | null,
): Map<string, Grouped> {
  const groups = new Map<string, Grouped>();
  keys.forEach((key, index) => {
    const parts = splitIdParts(key, partCount);
    const adapter = parts ? ctx.sources.get(parts[0] as string) : undefined;
    if (!parts || !adapter) return;
    const bad = checked?.kinds.find((kind, i) => !isValidIdentifier(adapter.identifiers, kind, parts[i + 1] as string));
    if (checked && bad) {
      checked.invalid[index] = new SourceInputError({
        source: adapter.key,
        code: 'INVALID_ID',
        message: `[${adapter.key}] is not a valid ${bad === 'ticketNumber' ? 'ticket number' : 'comment id'} for this source`,
      });
      return;
    }
    let group = groups.get(adapter.key);
    if (!group) groups.set(adapter.key, (group = { adapter, entries: [] }));
    group.entries.push({ index, parts: parts.slice(1) });
  });
  return groups;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function loadTickets(keys: readonly string[], ctx: GatewayContext): Promise<(Ticket | Error)[]> {
  const results: (Ticket | Error)[] = keys.map(() => missing<Ticket>());
  const options = { signal: ctx.deadline.signal };
  await Promise.all(
    [...groupBySource(keys, 2, ctx, { kinds: ['ticketNumber'], invalid: results }).values()].map(async ({ adapter, entries }) => {
      // Tickets this request already listed are not fetched again.
      const listed = listedTicketsOf(ctx.listings, adapter.key);
      const unlisted = entries.filter((entry) => {
        const ticket = listed?.get(entry.parts[0] as string);
        if (ticket) results[entry.index] = ticket;
        return !ticket;
      });
      if (unlisted.length === 0) return;
      const size = adapter.capabilities.batchLookup?.maxBatchSize ?? unlisted.length;
      await Promise.all(
        chunk(unlisted, Math.max(1, size)).map(async (batch) => {
          try {
            const tickets = await adapter.getTickets(batch.map((e) => e.parts[0] as string), options);
            batch.forEach((entry, i) => {
              results[entry.index] = tickets[i] ?? missing<Ticket>();
            });
          } catch (error) {
            for (const entry of batch) results[entry.index] = toError(error);
          }
        }),
      );
    }),
  );
  return results;
}

export async function loadComments(keys: readonly string[], ctx: GatewayContext): Promise<(Comment | Error)[]> {
  const results: (Comment | Error)[] = keys.map(() => missing<Comment>());
  await Promise.all(
    [...groupBySource(keys, 3, ctx, { kinds: ['ticketNumber', 'commentId'], invalid: results }).values()].flatMap(({ adapter, entries }) =>
      entries.map(async ({ index, parts: [ticketNumber, commentId] }) => {
        try {
          results[index] = (await adapter.getComment(ticketNumber as string, commentId as string, { signal: ctx.deadline.signal })) ?? missing<Comment>();
        } catch (error) {
          results[index] = toError(error);
        }
      }),
    ),
  );
  return results;
}

export async function loadTopics(keys: readonly string[], ctx: GatewayContext): Promise<(Topic | Error)[]> {
  const results: (Topic | Error)[] = keys.map(() => missing<Topic>());
  await Promise.all(
    [...groupBySource(keys, 2, ctx, null).values()].map(async ({ adapter, entries }) => {
      if (!adapter.capabilities.topics) return;
      try {
        const topics = await adapter.listTopics({ signal: ctx.deadline.signal });
        for (const { index, parts } of entries) results[index] = topics.find((t) => t.key === parts[0]) ?? missing<Topic>();
      } catch (error) {
        for (const { index } of entries) results[index] = toError(error);
      }
    }),
  );
  return results;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
