/**
 * Tickets by number, the two ways vendors allow: many numbers in one native call (a batch
 * filter), or one call per number in parallel under a cap. Either way each number is asked for
 * once, and the answer keeps the caller's order with null where the vendor has no such ticket.
 */
import type { Ticket } from '../model.js';
import { mapWithConcurrency } from './paging.js';

export interface BatchLookup {
  /** Numbers per native call. */
  batchSize: number;
  /** Numbers that cannot name a ticket of this vendor are answered null without a call. */
  accepts?: (number: string) => boolean;
  /** The tickets the vendor has among `numbers` (any order; missing ones simply absent). */
  fetch: (numbers: string[]) => Promise<readonly Ticket[]>;
}

export async function lookupInBatches(numbers: readonly string[], lookup: BatchLookup): Promise<(Ticket | null)[]> {
  const wanted = [...new Set(numbers)].filter((n) => lookup.accepts?.(n) ?? true);
  const found = new Map<string, Ticket>();
  for (let i = 0; i < wanted.length; i += lookup.batchSize) {
    for (const ticket of await lookup.fetch(wanted.slice(i, i + lookup.batchSize))) found.set(ticket.number, ticket);
  }
  // Only the exact number answers for itself (a vendor's IN may compare case-insensitively).
  return numbers.map((n) => found.get(n) ?? null);
}

/** One lookup per distinct number, at most `concurrency` in flight. */
export async function lookupEach(
  numbers: readonly string[],
  concurrency: number,
  fetchOne: (number: string) => Promise<Ticket | null>,
): Promise<(Ticket | null)[]> {
  const wanted = [...new Set(numbers)];
  const answers = await mapWithConcurrency(wanted, concurrency, fetchOne);
  const byNumber = new Map(wanted.map((n, i) => [n, answers[i] ?? null]));
  return numbers.map((n) => byNumber.get(n) ?? null);
}
