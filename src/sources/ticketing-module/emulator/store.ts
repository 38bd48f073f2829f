/**
 * Seeded, deterministic data for two tenants, each with its own realm, agents in teams,
 * requesters and months of tickets. Records have exactly the fields of the seed's ticket
 * example. The API is read-only (the seed documents only the list endpoint); tests add tickets
 * through `addTicket` (a ticket created in the vendor's UI meanwhile), also while clients page.
 */
import { seededRandom, type SeededRandom } from '../../../emulator/kit.js';
import { FIRST_NAMES, LAST_NAMES, TEAMS, TICKET_KINDS } from './catalog.js';

export const NATIVE_STATUSES = ['open', 'in_progress', 'pending', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export type NativeStatus = (typeof NATIVE_STATUSES)[number];
export const NATIVE_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type NativePriority = (typeof NATIVE_PRIORITIES)[number];

export interface NativePerson {
  id: string;
  name: string;
  email: string;
}

export interface Agent extends NativePerson {
  team: string;
}

/** One ticket, field for field as the seed's `data.tickets[]` example. */
export interface TicketRecord {
  id: string;
  ticketNumber: string;
  subject: string;
  description: string;
  status: NativeStatus;
  priority: NativePriority;
  category: string;
  subcategory: string;
  assignee: NativePerson | null;
  requester: NativePerson;
  team: string;
  createdAt: string;
  updatedAt: string;
  dueDate: string | null;
  slaStatus: 'on_track' | 'at_risk' | 'breached' | 'met' | 'not_applicable';
}

export interface TenantData {
  tenantId: string;
  realm: string;
  name: string;
  admin: NativePerson;
  agents: Agent[];
  requesters: NativePerson[];
  /** In creation order (oldest first); createdAt values are all distinct. */
  tickets: TicketRecord[];
}

interface TenantPlan {
  tenantId: string;
  realm: string;
  name: string;
  domain: string;
  tickets: number;
  agentsPerTeam: number;
  requesters: number;
  days: number;
}

/** The first tenant is the demo tenant the emulator's credentials point at. */
const TENANT_PLANS: readonly TenantPlan[] = [
  {
    tenantId: '3f6d2a9e-8c41-4b7a-9e52-1d0c7f4b8a21',
    realm: 'northwind',
    name: 'Northwind Traders',
    domain: 'northwind.example.com',
    tickets: 320,
    agentsPerTeam: 2,
    requesters: 40,
    days: 240,
  },
  {
    tenantId: 'b7e1c9d4-2a63-4f18-8d05-6e9a3c2b1f70',
    realm: 'globex',
    name: 'Globex Corporation',
    domain: 'globex.example.com',
    tickets: 60,
    agentsPerTeam: 1,
    requesters: 12,
    days: 120,
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SLA_HOURS: Record<NativePriority, number> = { critical: 4, high: 24, medium: 72, low: 120 };

export function uuidFrom(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + random.int(0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function weighted<T extends string>(random: SeededRandom, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

function statusForAge(random: SeededRandom, ageDays: number): NativeStatus {
  if (ageDays < 3) {
    return weighted(random, { open: 35, in_progress: 30, pending: 10, on_hold: 5, resolved: 12, closed: 3, cancelled: 5 });
  }
  if (ageDays < 21) {
    return weighted(random, { open: 12, in_progress: 20, pending: 12, on_hold: 8, resolved: 20, closed: 20, cancelled: 8 });
  }
  return weighted(random, { open: 3, in_progress: 4, pending: 3, on_hold: 3, resolved: 12, closed: 67, cancelled: 8 });
}

function makePeople(random: SeededRandom, count: number, domain: string, used: Set<string>): NativePerson[] {
  const people: NativePerson[] = [];
  while (people.length < count) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    if (used.has(name)) continue;
    used.add(name);
    const local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
    people.push({ id: uuidFrom(random), name, email: `${local}@${domain}` });
  }
  return people;
}

function slaStatus(record: Pick<TicketRecord, 'status' | 'updatedAt' | 'dueDate' | 'createdAt'>, now: number): TicketRecord['slaStatus'] {
  if (record.dueDate === null) return 'not_applicable';
  const due = Date.parse(record.dueDate);
  if (record.status === 'resolved' || record.status === 'closed') return Date.parse(record.updatedAt) <= due ? 'met' : 'breached';
  if (due < now) return 'breached';
  const budget = due - Date.parse(record.createdAt);
  return due - now < budget / 4 ? 'at_risk' : 'on_track';
}

function buildTenant(plan: TenantPlan, random: SeededRandom, now: number): TenantData {
  const usedNames = new Set<string>();
  const [admin] = makePeople(random, 1, plan.domain, usedNames) as [NativePerson];
  const agents: Agent[] = TEAMS.flatMap((team) =>
    makePeople(random, plan.agentsPerTeam, plan.domain, usedNames).map((p) => ({ ...p, team })),
  );
  const agentsByTeam = new Map<string, Agent[]>(TEAMS.map((team) => [team, agents.filter((a) => a.team === team)]));
  const requesters = makePeople(random, plan.requesters, plan.domain, usedNames);

  // One random instant inside each of `tickets` equal slots of the window: strictly
  // increasing creation times, so no two tickets tie.
  const slot = (plan.days * DAY) / plan.tickets;
  const start = now - plan.days * DAY;
  const tickets: TicketRecord[] = [];
  for (let i = 0; i < plan.tickets; i++) {
    const createdAt = Math.floor(start + (i + 0.05 + 0.8 * random.next()) * slot);
    const kind = random.pick(TICKET_KINDS);
    const status = statusForAge(random, (now - createdAt) / DAY);
    const priority = weighted<NativePriority>(random, { critical: 8, high: 22, medium: 45, low: 25 });
    const teamAgents = agentsByTeam.get(kind.team) ?? [];
    const unassigned = (status === 'open' && random.chance(0.5)) || (status === 'cancelled' && random.chance(0.3));
    const agent = unassigned ? null : random.pick(teamAgents.length > 0 ? teamAgents : agents);
    const settled = status === 'resolved' || status === 'closed' || status === 'cancelled';
    const maxUpdate = Math.max(0, Math.min(now - 60_000 - createdAt, settled ? 10 * DAY : 5 * DAY));
    const updatedAt = createdAt + Math.floor(random.next() * maxUpdate);
    const dueDate = status === 'cancelled' ? null : new Date(createdAt + SLA_HOURS[priority] * HOUR).toISOString();
    const created = new Date(createdAt);
    const record: TicketRecord = {
      id: uuidFrom(random),
      ticketNumber: ticketNumber(created, i),
      subject: random.pick(kind.subjects),
      description: random.pick(kind.descriptions),
      status,
      priority,
      category: kind.category,
      subcategory: kind.subcategory,
      assignee: agent ? { id: agent.id, name: agent.name, email: agent.email } : null,
      requester: random.pick(requesters),
      team: kind.team,
      createdAt: created.toISOString(),
      updatedAt: new Date(updatedAt).toISOString(),
      dueDate,
      slaStatus: 'on_track',
    };
    record.slaStatus = slaStatus(record, now);
    tickets.push(record);
  }
  return { tenantId: plan.tenantId, realm: plan.realm, name: plan.name, admin, agents, requesters, tickets };
}

/** "TKT-2025-001234" (seed 003): prefix, creation year, six-digit sequence from 1001. */
function ticketNumber(created: Date, index: number): string {
  return `TKT-${created.getUTCFullYear()}-${String(1001 + index).padStart(6, '0')}`;
}

/** The six-digit sequence holds 998,999 tickets per tenant. */
export const MAX_TICKETS = 998_999;
export const DEFAULT_DEMO_TICKETS = 320;

export interface NewTicket {
  /** Defaults to the demo tenant. */
  tenantId?: string;
  subject: string;
  description?: string;
  status?: NativeStatus;
  priority?: NativePriority;
  /** Defaults to one second after the tenant's newest ticket. */
  createdAt?: string;
}

export interface TicketingStore {
  readonly tenants: readonly TenantData[];
  /** The demo tenant: the one `emulator.credentials` point at. */
  readonly demo: TenantData;
  findTenant(tenantId: string): TenantData | undefined;
  /** A ticket created meanwhile (the next number, the tenant's first requester); visible to the next list call. */
  addTicket(input: NewTicket): TicketRecord;
}

/** `demoTickets` (EmulatorOptions.tickets) sizes the demo tenant; Globex keeps its 60. */
export function createTicketingStore(seed: number, now: Date, demoTickets: number = DEFAULT_DEMO_TICKETS): TicketingStore {
  if (!Number.isInteger(demoTickets) || demoTickets < 0 || demoTickets > MAX_TICKETS) {
    throw new RangeError(`tickets must be an integer 0..${MAX_TICKETS}`);
  }
  const plans = TENANT_PLANS.map((plan, index) => (index === 0 ? { ...plan, tickets: demoTickets } : plan));
  const tenants = plans.map((plan, index) => buildTenant(plan, seededRandom(seed + index * 7919), now.getTime()));
  const demo = tenants[0] as TenantData;
  const findTenant = (tenantId: string) => tenants.find((t) => t.tenantId === tenantId.toLowerCase());
  const addTicket = (input: NewTicket): TicketRecord => {
    const tenant = input.tenantId === undefined ? demo : findTenant(input.tenantId);
    if (!tenant) throw new Error(`no tenant ${input.tenantId ?? ''}`);
    const newest = tenant.tickets[tenant.tickets.length - 1];
    const created = new Date(input.createdAt ?? (newest ? Date.parse(newest.createdAt) + 1000 : now.getTime()));
    const requester = tenant.requesters[0] as NativePerson;
    const record: TicketRecord = {
      id: `00000000-0000-4000-8000-${tenant.tickets.length.toString(16).padStart(12, '0')}`,
      ticketNumber: ticketNumber(created, tenant.tickets.length),
      subject: input.subject,
      description: input.description ?? input.subject,
      status: input.status ?? 'open',
      priority: input.priority ?? 'medium',
      category: 'Software',
      subcategory: 'Installation',
      assignee: null,
      requester,
      team: 'operation',
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      dueDate: null,
      slaStatus: 'not_applicable',
    };
    tenant.tickets.push(record);
    // Kept in creation order when a test back-dates a ticket.
    if (newest && record.createdAt < newest.createdAt) tenant.tickets.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return record;
  };
  return { tenants, demo, findTenant, addTicket };
}
