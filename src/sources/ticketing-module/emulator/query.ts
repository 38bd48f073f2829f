/**
 * The list endpoint's query language (seed 003, "Request Body Schema" and "Filter Operators"):
 * the `filter` tree, `search`, and sorting. Filters are validated up front so a bad operator
 * answers 422 INVALID_FILTER before anything is read.
 *
 * Comparison rules (the seed names the operators but not their semantics; see README):
 * text columns compare case-insensitively (EQ, NE, IN, LIKE = "contains", GT.. by code point);
 * date columns compare as instants; a null field satisfies only `EQ null`.
 */
import { NATIVE_PRIORITIES, NATIVE_STATUSES, type TicketRecord } from './store.js';

export const COMPARISON_OPERATORS = ['EQ', 'NE', 'GT', 'GE', 'LT', 'LE', 'LIKE', 'IN'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export const LOGICAL_OPERATORS = ['AND', 'OR'] as const;
export type LogicalOperator = (typeof LOGICAL_OPERATORS)[number];

type Value = string | number | null;
type ColumnType = 'text' | 'date';
interface Column {
  type: ColumnType;
  read(ticket: TicketRecord): string | null;
}

const text = (read: Column['read']): Column => ({ type: 'text', read });
const date = (read: Column['read']): Column => ({ type: 'date', read });

export const COLUMNS: Readonly<Record<string, Column>> = {
  id: text((t) => t.id),
  ticketNumber: text((t) => t.ticketNumber),
  subject: text((t) => t.subject),
  description: text((t) => t.description),
  status: text((t) => t.status),
  priority: text((t) => t.priority),
  category: text((t) => t.category),
  subcategory: text((t) => t.subcategory),
  team: text((t) => t.team),
  slaStatus: text((t) => t.slaStatus),
  'assignee.id': text((t) => t.assignee?.id ?? null),
  'assignee.name': text((t) => t.assignee?.name ?? null),
  'assignee.email': text((t) => t.assignee?.email ?? null),
  'requester.id': text((t) => t.requester.id),
  'requester.name': text((t) => t.requester.name),
  'requester.email': text((t) => t.requester.email),
  createdAt: date((t) => t.createdAt),
  updatedAt: date((t) => t.updatedAt),
  dueDate: date((t) => t.dueDate),
};

export type FilterNode =
  | { kind: 'group'; op: LogicalOperator; operand: FilterNode[] }
  | { kind: 'condition'; op: ComparisonOperator; column: Column; operand: Value | Value[] };

/** A filter the endpoint refuses: the message goes into `error.details` of the 422. */
export class FilterError extends Error {}

const MAX_DEPTH = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValue(value: unknown): value is Value {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Seed note 3: "Date values in filters must be in ISO 8601 format (YYYY-MM-DDTHH:mm:ss.sssZ)".
 * `Date.parse` would also take `07/08/2025` (month or day first?), so the shape is checked first;
 * fraction digits and a numeric offset are accepted as ISO 8601 allows.
 */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

const display = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/**
 * Validates the body's `filter`; null when there is nothing to filter on. Throws FilterError.
 * `columns` is what this deployment lets callers filter on (all of COLUMNS by default).
 */
export function parseFilter(raw: unknown, columns: ReadonlySet<string> = new Set(Object.keys(COLUMNS))): FilterNode | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) throw new FilterError('The filter must be an object with op and operand');
  if (raw.column === undefined && raw.operand === undefined) {
    if (raw.op !== undefined && !(LOGICAL_OPERATORS as readonly unknown[]).includes(raw.op)) {
      throw new FilterError(`The logical operator '${display(raw.op)}' is not supported. Supported operators: AND, OR`);
    }
    return null;
  }
  // `filter.op` is optional in the seed's schema table; without it the conditions are ANDed.
  return parseNode(raw.op === undefined ? { ...raw, op: 'AND' } : raw, 1, columns);
}

function parseNode(node: unknown, depth: number, columns: ReadonlySet<string>): FilterNode {
  if (depth > MAX_DEPTH) throw new FilterError(`Filter groups are nested too deeply (at most ${MAX_DEPTH} levels)`);
  if (!isRecord(node)) throw new FilterError('Each filter condition must be an object with op, column and operand');
  if (node.column === undefined && Array.isArray(node.operand)) {
    if (!(LOGICAL_OPERATORS as readonly unknown[]).includes(node.op)) {
      throw new FilterError(`The logical operator '${display(node.op)}' is not supported. Supported operators: AND, OR`);
    }
    return { kind: 'group', op: node.op as LogicalOperator, operand: node.operand.map((child) => parseNode(child, depth + 1, columns)) };
  }
  // The seed's example error, word for word.
  if (!(COMPARISON_OPERATORS as readonly unknown[]).includes(node.op)) {
    throw new FilterError(
      `The operator '${display(node.op)}' is not supported. Supported operators: ${COMPARISON_OPERATORS.join(', ')}`,
    );
  }
  const op = node.op as ComparisonOperator;
  if (node.id !== undefined && typeof node.id !== 'string') throw new FilterError('The condition id must be a string');
  if (typeof node.column !== 'string') throw new FilterError(`The condition with operator '${op}' has no column`);
  const column = Object.hasOwn(COLUMNS, node.column) && columns.has(node.column) ? COLUMNS[node.column] : undefined;
  if (!column) {
    throw new FilterError(`The column '${node.column}' is not supported. Supported columns: ${[...columns].join(', ')}`);
  }
  const operand = node.operand;
  if (op === 'IN') {
    if (!Array.isArray(operand) || operand.length === 0 || !operand.every((v) => isValue(v) && v !== null)) {
      throw new FilterError(`The operator 'IN' on column '${node.column}' requires a non-empty array of values`);
    }
  } else if (!isValue(operand)) {
    throw new FilterError(`The operator '${op}' on column '${node.column}' requires a single value`);
  } else if (operand === null && op !== 'EQ' && op !== 'NE') {
    throw new FilterError(`The operator '${op}' on column '${node.column}' does not accept null`);
  }
  if (column.type === 'date' && op !== 'LIKE') {
    for (const value of Array.isArray(operand) ? operand : [operand]) {
      if (value !== null && (typeof value !== 'string' || !isIsoDateTime(value))) {
        throw new FilterError(
          `The value '${display(value)}' for column '${node.column}' is not an ISO 8601 date (YYYY-MM-DDTHH:mm:ss.sssZ)`,
        );
      }
    }
  }
  return { kind: 'condition', op, column, operand: operand as Value | Value[] };
}

export function matchesNode(ticket: TicketRecord, node: FilterNode): boolean {
  if (node.kind === 'group') {
    return node.op === 'AND' ? node.operand.every((n) => matchesNode(ticket, n)) : node.operand.some((n) => matchesNode(ticket, n));
  }
  const field = node.column.read(ticket);
  const { op, operand } = node;
  if (operand === null) return op === 'EQ' ? field === null : field !== null;
  if (field === null) return false;
  if (op === 'LIKE') return field.toLowerCase().includes(String(operand).toLowerCase());
  const key = (value: string | number): number | string =>
    node.column.type === 'date' ? Date.parse(String(value)) : String(value).toLowerCase();
  const mine = key(field);
  if (op === 'IN') return (operand as Value[]).some((v) => v !== null && key(v) === mine);
  const other = key(operand as string | number);
  switch (op) {
    case 'EQ':
      return mine === other;
    case 'NE':
      return mine !== other;
    case 'GT':
      return mine > other;
    case 'GE':
      return mine >= other;
    case 'LT':
      return mine < other;
    case 'LE':
      return mine <= other;
  }
}

/** "Full-text search across ticket subject, description, and other text fields" (seed note 5). */
export function matchesSearch(ticket: TicketRecord, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [
    ticket.ticketNumber,
    ticket.subject,
    ticket.description,
    ticket.category,
    ticket.subcategory,
    ticket.team,
    ticket.requester.name,
    ticket.requester.email,
    ticket.assignee?.name,
    ticket.assignee?.email,
  ];
  return haystack.some((value) => value !== undefined && value.toLowerCase().includes(needle));
}

export const SORT_COLUMNS = ['createdAt', 'updatedAt', 'priority', 'status', 'dueDate'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ASC' | 'DESC';
export interface SortKey {
  column: SortColumn;
  direction: SortDirection;
}

// Priority sorts by severity and status by workflow position, not alphabetically.
const RANK: Record<'priority' | 'status', Record<string, number>> = {
  priority: Object.fromEntries([...NATIVE_PRIORITIES].reverse().map((p, i) => [p, i])),
  status: Object.fromEntries(NATIVE_STATUSES.map((s, i) => [s, i])),
};

function sortValue(ticket: TicketRecord, column: SortColumn): number | null {
  if (column === 'priority' || column === 'status') return RANK[column][ticket[column]] ?? -1;
  const value = ticket[column];
  return value === null ? null : Date.parse(value);
}

/**
 * Sorts by the keys in order, then by ticketNumber in the first key's direction so equal
 * values (updatedAt, priority, status) still page stably. Null due dates go last either way.
 */
export function sortTickets(tickets: TicketRecord[], keys: readonly SortKey[]): TicketRecord[] {
  const tieDirection = keys[0]?.direction ?? 'DESC';
  return tickets.sort((a, b) => {
    for (const { column, direction } of keys) {
      const x = sortValue(a, column);
      const y = sortValue(b, column);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return direction === 'ASC' ? x - y : y - x;
    }
    const byNumber = a.ticketNumber < b.ticketNumber ? -1 : a.ticketNumber > b.ticketNumber ? 1 : 0;
    return tieDirection === 'ASC' ? byNumber : -byNumber;
  });
}
