/**
 * Deterministic seeded tickets: months of history laid back from "now", newest mostly
 * open, oldest mostly finished, each with an operation log (some long) and, for finished
 * ones, often a rating. Every ticket gets its own create_at second.
 */
import type { SeededRandom } from '../../../emulator/kit.js';
import { wallClock as formatWallClock } from './wallclock.js';
import {
  DATABASES, DESCRIPTIONS, DOMAINS, HOSTS, NODE_ACTIONS, OPERATORS, PROJECTS, RATING_TEXTS, SERVICES, SPECS,
  SUSPEND_REASONS, TERMINATE_REASONS, USERS, type Service,
} from './catalog.js';
import { logName, type EmuStatus, type StoredLog, type StoredStep, type StoredTicket } from './store.js';

export const DEFAULT_TICKET_COUNT = 320;
const SPAN_MS = 270 * 86_400_000;
const SECOND = 1000;

/** Ticket numbers as bk-itsm prints them: `REQ20211025000001` or `NO2019091610001755`. */
export function createSnMaker(timeZone: string, rng: SeededRandom): (service: Service, createdAt: number) => string {
  const perDay = new Map<string, number>();
  return (service, createdAt) => {
    const wall = formatWallClock(createdAt, timeZone).replace(/\D/g, '');
    if (service.serviceType === 'request' || service.serviceType === 'question') {
      const day = wall.slice(0, 8);
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      return `REQ${day}${String(seq).padStart(6, '0')}`;
    }
    return `NO${wall}${String(rng.int(0, 99)).padStart(2, '0')}`;
  };
}

function weighted<T extends string>(rng: SeededRandom, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = rng.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) {
    roll -= w;
    if (roll < 0) return value;
  }
  return (entries[entries.length - 1] as [T, number])[0];
}

function statusFor(rng: SeededRandom, ageDays: number): EmuStatus {
  if (ageDays < 3) return weighted<EmuStatus>(rng, { NEW: 20, RUNNING: 40, SUSPENDED: 8, RESOLVED: 12, CONFIRMED: 5, FINISHED: 10, TERMINATED: 3, REVOKED: 2 });
  if (ageDays < 30) return weighted<EmuStatus>(rng, { NEW: 8, RUNNING: 28, SUSPENDED: 8, RESOLVED: 10, CONFIRMED: 7, FINISHED: 30, TERMINATED: 5, REVOKED: 4 });
  return weighted<EmuStatus>(rng, { NEW: 1, RUNNING: 6, SUSPENDED: 4, RESOLVED: 2, CONFIRMED: 3, FINISHED: 68, TERMINATED: 8, REVOKED: 8 });
}

function fill(rng: SeededRandom, template: string, user: string): string {
  return template
    .replaceAll('{project}', rng.pick(PROJECTS))
    .replaceAll('{n}', String(rng.int(2, 12)))
    .replaceAll('{spec}', rng.pick(SPECS))
    .replaceAll('{user}', user)
    .replaceAll('{db}', rng.pick(DATABASES))
    .replaceAll('{host}', rng.pick(HOSTS))
    .replaceAll('{domain}', rng.pick(DOMAINS))
    .replaceAll('{port}', String(rng.pick([443, 3306, 6379, 8080, 9092])));
}

/** Creation instants, newest first then reversed: random gaps, never two in one second. */
function creationTimes(rng: SeededRandom, now: number, count: number): number[] {
  const meanGapS = Math.max(120, Math.floor(SPAN_MS / SECOND / count));
  let t = Math.floor(now / SECOND) * SECOND - rng.int(5 * 60, 90 * 60) * SECOND;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    times.push(t);
    t -= rng.int(60, 2 * meanGapS - 60) * SECOND;
  }
  return times.reverse();
}

export function seedTickets(rng: SeededRandom, nowDate: Date, count: number, makeSn: (service: Service, createdAt: number) => string): StoredTicket[] {
  const now = nowDate.getTime();
  let nextCommentId = 1;
  return creationTimes(rng, now, count).map((createdAt, index) => {
    const service = rng.pick(SERVICES);
    const creator = rng.pick(USERS).username;
    const status = statusFor(rng, (now - createdAt) / 86_400_000);
    const { logs, steps } = buildHistory(rng, service, creator, status, createdAt, now);
    const last = logs[logs.length - 1] as StoredLog;
    const over = status === 'FINISHED' || status === 'TERMINATED' || status === 'REVOKED';
    const ticket: StoredTicket = {
      id: index + 1,
      sn: makeSn(service, createdAt),
      title: fill(rng, rng.pick(service.titles), rng.pick(USERS).username),
      description: fill(rng, rng.pick(DESCRIPTIONS), creator),
      priority: service.serviceType === 'incident' ? weighted(rng, { '1': 50, '2': 40, '3': 10 }) : weighted(rng, { '1': 15, '2': 55, '3': 30 }),
      service,
      status,
      resumeStatus: status === 'SUSPENDED' ? 'RUNNING' : null,
      creator,
      createdAt,
      updatedAt: last.at,
      updatedBy: last.operator,
      endAt: over ? last.at : null,
      bkBizId: rng.chance(0.6) ? -1 : rng.pick([2, 3, 5, 8]),
      steps,
      logs,
      commentId: null,
      rating: null,
    };
    if (status === 'FINISHED') {
      ticket.commentId = nextCommentId++;
      const ratedAt = last.at + rng.int(60, 3 * 86_400) * SECOND;
      if (rng.chance(0.45) && ratedAt < now - 30 * SECOND) {
        const stars = Number(weighted(rng, { '5': 50, '4': 30, '3': 12, '2': 5, '1': 3 }));
        ticket.rating = { stars, comments: rng.pick(RATING_TEXTS), operator: creator, at: ratedAt };
      }
    }
    return ticket;
  });
}

/** The operation log up to the ticket's status, and the step(s) it waits on now. */
function buildHistory(rng: SeededRandom, service: Service, creator: string, status: EmuStatus, createdAt: number, now: number) {
  const entries: Omit<StoredLog, 'at'>[] = [{ operator: creator, message: 'Process started', source: 'SYS' }];
  const nodes = service.nodes;
  const handler = () => rng.pick(OPERATORS);
  const node = (name: string, operator: string, action: string) =>
    entries.push({ operator, message: `${logName(operator)} processed node [${name}] (${action})`, source: rng.chance(0.8) ? 'WEB' : 'MOBILE' });

  if (status !== 'NEW') node('Submit', creator, 'submit');
  let done = 0;
  if (status === 'RUNNING' || status === 'SUSPENDED') done = rng.int(0, Math.max(0, nodes.length - 2));
  else if (status === 'RESOLVED') done = Math.max(0, nodes.length - 1);
  else if (status === 'CONFIRMED' || status === 'FINISHED') done = nodes.length;
  else if (status === 'TERMINATED' || status === 'REVOKED') done = rng.int(0, Math.max(0, nodes.length - 1));

  const busy = rng.chance(0.12);
  for (let i = 0; i < done; i++) {
    const name = nodes[i] as string;
    if (busy && i === Math.min(1, done - 1)) discussion(rng, entries, name);
    const last = i === nodes.length - 1;
    node(name, last ? creator : handler(), last ? 'confirm' : rng.pick(NODE_ACTIONS.slice(0, 2)));
  }
  if (busy && done === 0 && status !== 'NEW') discussion(rng, entries, nodes[0] as string);

  const actor = handler();
  if (status === 'SUSPENDED') entries.push({ operator: actor, message: `${logName(actor)} suspended the ticket: ${rng.pick(SUSPEND_REASONS)}`, source: 'WEB' });
  if (status === 'TERMINATED') entries.push({ operator: actor, message: `${logName(actor)} terminated the ticket: ${rng.pick(TERMINATE_REASONS)}`, source: 'WEB' });
  if (status === 'REVOKED') entries.push({ operator: creator, message: `${logName(creator)} withdrew the ticket`, source: 'WEB' });
  if (status === 'FINISHED') entries.push({ operator: entries[entries.length - 1]?.operator ?? creator, message: 'Process ended', source: 'SYS' });

  const steps: StoredStep[] = [];
  const waitingOn = status === 'CONFIRMED' ? 'Archive' : nodes[Math.min(done, nodes.length - 1)];
  if (waitingOn && ['NEW', 'RUNNING', 'SUSPENDED', 'RESOLVED', 'CONFIRMED'].includes(status)) {
    const confirm = waitingOn === nodes[nodes.length - 1] && nodes.length > 1 && status === 'RESOLVED';
    const processors = confirm ? [creator] : [handler(), ...(rng.chance(0.3) ? [handler()] : [])];
    steps.push({
      stateId: service.flowId * 10 + Math.min(done, nodes.length - 1) + 1,
      name: waitingOn,
      actionType: rng.chance(0.8) ? 'TRANSITION' : 'CLAIM',
      processors: [...new Set(processors)],
      status: status === 'SUSPENDED' ? 'SUSPEND' : 'RUNNING',
    });
  }
  return { logs: timeLogs(rng, entries, createdAt, now), steps };
}

/** Back-and-forth on one node: deliveries, claims and SLA reminders — the long logs. */
function discussion(rng: SeededRandom, entries: Omit<StoredLog, 'at'>[], name: string): void {
  const rounds = rng.int(8, 30);
  for (let i = 0; i < rounds; i++) {
    const who = rng.pick(OPERATORS);
    const roll = rng.next();
    if (roll < 0.4) entries.push({ operator: who, message: `${logName(who)} processed node [${name}] (deliver to ${rng.pick(OPERATORS)})`, source: 'WEB' });
    else if (roll < 0.75) entries.push({ operator: who, message: `${logName(who)} claimed node [${name}]`, source: 'MOBILE' });
    else entries.push({ operator: who, message: `SLA reminder sent for node [${name}]`, source: 'SYS' });
  }
}

/** Spreads the entries after creation, squeezed so the last is before "now". */
function timeLogs(rng: SeededRandom, entries: Omit<StoredLog, 'at'>[], createdAt: number, now: number): StoredLog[] {
  const gaps = entries.map((_, i) => (i === 0 ? 0 : rng.int(20, rng.chance(0.3) ? 36 * 3600 : 3 * 3600)));
  const total = gaps.reduce((a, b) => a + b, 0);
  const room = Math.max(0, Math.floor((now - 60 * SECOND - createdAt) / SECOND));
  // Squeezed histories end at a random point before now, not all on the same second.
  const scale = total > room ? (room * (0.35 + 0.6 * rng.next())) / total : 1;
  let elapsed = 0;
  return entries.map((entry, i) => {
    elapsed += Math.floor((gaps[i] ?? 0) * scale);
    return { ...entry, at: createdAt + elapsed * SECOND };
  });
}
