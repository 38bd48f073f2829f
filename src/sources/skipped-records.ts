/**
 * A vendor record an adapter could not understand is skipped (or mapped with a documented
 * fallback) rather than failing the whole page. Skips are reported here; the gateway's
 * production wiring turns them into a warning log line and a metric.
 */
export interface SkippedRecord {
  source: string;
  /** What kind of record, e.g. `ticket`, `comment`. */
  record: string;
  /** Why, naming the field (never its value: it may hold anything). */
  reason: string;
}

type Listener = (skipped: SkippedRecord) => void;
const listeners = new Set<Listener>();

export function reportSkippedRecord(skipped: SkippedRecord): void {
  for (const listener of listeners) listener(skipped);
}

/** Returns the unsubscribe function. */
export function onSkippedRecord(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
