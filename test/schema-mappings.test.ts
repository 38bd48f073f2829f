/**
 * Source.statusMapping / priorityMapping agree with the tickets the same source returns: a
 * ticket whose native value is listed has the unified value the table gives; and every native
 * status and priority the vendor can produce (taken from each emulator's own vocabulary, never
 * the adapter's tables) has a row, so no vendor value is left undocumented in the graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATES as AKANA_STATES, LABELS as AKANA_LABELS } from '../src/sources/akana/emulator/workflow.js';
import { EMU_STATUSES as BK_STATUSES } from '../src/sources/blueking-itsm/emulator/store.js';
import { STATUS_NAMES as CP_STATUS_NAMES } from '../src/sources/control-panel/emulator/store.js';
import { LEVELS as COC_LEVELS, WORK_FLOW_STATUSES as COC_STATUSES } from '../src/sources/huawei-coc/emulator/catalog.js';
import { NATIVE_PRIORITIES as TM_PRIORITIES, NATIVE_STATUSES as TM_STATUSES } from '../src/sources/ticketing-module/emulator/store.js';
import { startStack, type Stack } from './support/stack.js';

/** Per kind (GraphQL enum value): what the emulator can put in a ticket's status / priority. */
const VENDOR_VALUES: Record<string, { statuses: readonly string[]; priorities: readonly string[] }> = {
  AKANA: { statuses: AKANA_STATES, priorities: AKANA_LABELS },
  // bk-itsm's priority form field: "1" high, "2" medium, "3" low (emulator store.ts `priority`).
  BLUEKING_ITSM: { statuses: BK_STATUSES, priorities: ['1', '2', '3'] },
  // Control-panel tickets carry no priority at all.
  CONTROL_PANEL: { statuses: Object.keys(CP_STATUS_NAMES), priorities: [] },
  HUAWEI_COC: { statuses: Object.keys(COC_STATUSES), priorities: Object.keys(COC_LEVELS) },
  TICKETING_MODULE: { statuses: TM_STATUSES, priorities: TM_PRIORITIES },
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

interface Answer {
  sources: {
    key: string;
    kind: string;
    statusMapping: { native: string; status: string; note: string | null }[];
    priorityMapping: { native: string; priority: string; note: string | null }[];
    tickets: { edges: { node: { status: string; nativeStatus: string; priority: string | null; nativePriority: string | null } }[] };
  }[];
}

describe('mapping tables in the graph', () => {
  it('every listed native value maps as the tickets show, and kinds are enum values', async () => {
    const result = await stack.query<Answer>(`{
      sources {
        key kind
        statusMapping { native status note }
        priorityMapping { native priority note }
        tickets(first: 50) { edges { node { status nativeStatus priority nativePriority } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    for (const source of result.data!.sources) {
      expect(source.kind).toMatch(/^[A-Z][A-Z_]*$/);
      // A conditional row (with a note) may depend on more than the native value.
      const statuses = new Map(source.statusMapping.filter((r) => r.note === null).map((r) => [r.native, r.status]));
      const priorities = new Map(source.priorityMapping.filter((r) => r.note === null).map((r) => [r.native, r.priority]));
      const listed = new Set(source.statusMapping.map((r) => r.native));
      expect(source.tickets.edges.length, source.key).toBeGreaterThan(0);
      for (const { node } of source.tickets.edges) {
        expect(listed, `${source.key} lists ${node.nativeStatus}`).toContain(node.nativeStatus);
        const status = statuses.get(node.nativeStatus);
        if (status !== undefined) expect(node.status, `${source.key} ${node.nativeStatus}`).toBe(status);
        const priority = node.nativePriority === null ? undefined : priorities.get(node.nativePriority);
        if (priority !== undefined) expect(node.priority, `${source.key} ${node.nativePriority}`).toBe(priority);
      }
    }
  });

  it("every native status and priority the vendor produces has a row in the source's tables", async () => {
    const result = await stack.query<Answer>(`{ sources { key kind statusMapping { native status note } priorityMapping { native priority note } } }`);
    expect(result.errors).toBeUndefined();
    const sources = result.data!.sources;
    expect(sources.map((s) => s.kind).sort()).toEqual(Object.keys(VENDOR_VALUES).sort());
    for (const source of sources) {
      const vendor = VENDOR_VALUES[source.kind]!;
      const statusRows = source.statusMapping.map((r) => r.native);
      const priorityRows = source.priorityMapping.map((r) => r.native);
      expect(statusRows.length, source.key).toBeGreaterThan(0);
      for (const native of vendor.statuses) expect(statusRows, `${source.key} status ${native}`).toContain(native);
      for (const native of vendor.priorities) expect(priorityRows, `${source.key} priority ${native}`).toContain(native);
    }
  });
});
