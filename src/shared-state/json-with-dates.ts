/**
 * JSON for values that hold Dates (tickets, payloads) and go through Redis: a Date is written
 * as `{ "$date": iso }` and read back as a Date, wherever it sits. (JSON.stringify alone turns
 * Dates into strings that come back as strings.)
 */
export function stringifyWithDates(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : replaced;
  });
}

export function parseWithDates<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const date = (value as { $date?: unknown }).$date;
      if (typeof date === 'string' && Object.keys(value).length === 1) return new Date(date);
    }
    return value;
  }) as T;
}
