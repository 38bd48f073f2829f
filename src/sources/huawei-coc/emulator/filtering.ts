/**
 * How the emulator reads `ObjectFilterV2` lists, `condition`, `sort_filter` and `count_filters`
 * (seed 002, Tables 1–3). Anything it cannot read is a "Parameter error" (GOM.00007256).
 */
import { z } from 'zod';
import { ConditionSyntaxError, conditionNames, evaluateCondition, parseCondition, type ConditionNode } from './condition.js';
import type { WireRecord } from './store.js';

export const OPERATORS = ['in', 'like', 'startwith', 'endwith', '=', '!=', '>', '<'] as const;

const name = z.string().max(255);
export const ObjectFilterV2 = z.looseObject({
  name: name.optional(),
  field: z.string().min(1).max(255),
  operator: z.enum(OPERATORS),
  values: z.array(z.string().max(1024)).min(1).max(1024),
  group: name.nullish(),
  match_type: name.nullish(),
  priority_type: name.nullish(),
});
export type ObjectFilterV2 = z.infer<typeof ObjectFilterV2>;

/** The sort filter is an ObjectFilterV2 whose operator is the direction (seed example: `"operator": "desc"`). */
export const SortFilter = z.looseObject({
  name: name.optional(),
  field: z.string().min(1).max(255),
  operator: z.enum(['asc', 'desc']),
  values: z.array(z.string().max(1024)).max(1024).optional(),
});

/** int_filters compare integers, still sent as strings ("transferred in character strings"). */
export const IntFilter = ObjectFilterV2.refine((f) => f.values.every((v) => /^-?\d{1,19}$/.test(v)), 'int_filters values must be integers');

export const CountFilterV2 = z.looseObject({ name: name.optional(), filters: z.array(ObjectFilterV2).max(10).optional() });

export class ParameterError extends Error {}

/** The record's value for a field, as text (values travel as strings); undefined when absent. */
function fieldText(record: WireRecord, field: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

const isNumeric = (text: string) => /^-?\d+(?:\.\d+)?$/.test(text);

function compare(a: string, b: string): number {
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One filter against one record. `like`/`startwith`/`endwith` ignore case (a database LIKE under
 * a case-insensitive collation); `=`/`in` are exact; `!=` holds when the value is none of `values`;
 * `>`/`<` compare numerically when both sides are numbers (times are epoch milliseconds).
 */
export function matchesObjectFilter(record: WireRecord, filter: ObjectFilterV2): boolean {
  const actual = fieldText(record, filter.field);
  const lower = actual?.toLowerCase();
  switch (filter.operator) {
    case 'in':
    case '=':
      return actual !== undefined && filter.values.includes(actual);
    case '!=':
      return actual === undefined || !filter.values.includes(actual);
    case 'like':
      return lower !== undefined && filter.values.some((v) => lower.includes(v.toLowerCase()));
    case 'startwith':
      return lower !== undefined && filter.values.some((v) => lower.startsWith(v.toLowerCase()));
    case 'endwith':
      return lower !== undefined && filter.values.some((v) => lower.endsWith(v.toLowerCase()));
    case '>':
      return actual !== undefined && compare(actual, filter.values[0] ?? '') > 0;
    case '<':
      return actual !== undefined && compare(actual, filter.values[0] ?? '') < 0;
  }
}

/**
 * A predicate over records for named filters plus a condition. With no condition every filter
 * must hold ("If this parameter is empty, the preset value of the condition in string_filters
 * is AND"). With one, exactly the filters it names take part, and every name must exist.
 */
export function compilePredicate(filters: readonly ObjectFilterV2[], condition: string | undefined): (record: WireRecord) => boolean {
  if (condition === undefined || condition.trim() === '') {
    return (record) => filters.every((f) => matchesObjectFilter(record, f));
  }
  const byName = new Map<string, ObjectFilterV2>();
  for (const filter of filters) {
    if (filter.name === undefined || filter.name === '') continue;
    if (byName.has(filter.name)) throw new ParameterError(`duplicate filter name ${filter.name}`);
    byName.set(filter.name, filter);
  }
  let tree: ConditionNode;
  try {
    tree = parseCondition(condition);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) throw new ParameterError(error.message);
    throw error;
  }
  const unknown = conditionNames(tree).filter((n) => !byName.has(n));
  if (unknown.length > 0) throw new ParameterError(`condition names unknown filters: ${unknown.join(', ')}`);
  return (record) => evaluateCondition(tree, (n) => matchesObjectFilter(record, byName.get(n) as ObjectFilterV2));
}

export function compareRecords(field: string, direction: 'asc' | 'desc'): (a: WireRecord, b: WireRecord) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = fieldText(a, field);
    const y = fieldText(b, field);
    // Records without the field go last either way; ties fall back on the ticket number.
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return sign * compare(x, y) || String(a.ticket_id ?? '').localeCompare(String(b.ticket_id ?? ''));
  };
}

/** Keeps only `fields` of a record (the request's `fields`); an empty list keeps everything. */
export function projectFields(record: WireRecord, fields: readonly string[] | undefined): WireRecord {
  if (!fields || fields.length === 0) return record;
  return Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));
}
