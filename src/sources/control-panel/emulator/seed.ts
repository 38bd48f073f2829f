/**
 * Seeded tickets for one Control panel account: ~300 tickets over ~9 months before "now",
 * numbers and comment ids increasing with time (with gaps: the counters are shared with other
 * accounts), conversations between the client and support staff, some votes and splits.
 */
import type { SeededRandom } from '../../../emulator/kit.js';
import * as words from './catalog.js';
import type { CommentRecord, StatusKey, TicketRecord, VoteRecord } from './store.js';

/** Default size of the account; `EmulatorOptions.tickets` changes it (same seed, same data). */
export const DEFAULT_TICKET_COUNT = 300;
const SPAN_DAYS = 275;
const DAY = 86_400;

export function seedTickets(rng: SeededRandom, now: Date, count = DEFAULT_TICKET_COUNT): TicketRecord[] {
  const nowSec = Math.floor(now.getTime() / 1000);
  const tickets: TicketRecord[] = [];
  let number = 100_000 + rng.int(1, 99);
  for (const createdAt of creationTimes(rng, nowSec, Math.max(0, Math.floor(count)))) {
    tickets.push(seedTicket(rng, number, createdAt, nowSec));
    number += rng.int(1, 25);
  }
  linkSplits(rng, tickets);
  assignCommentIds(rng, tickets);
  return tickets;
}

/** Distinct seconds, oldest first, mostly in European working hours. */
function creationTimes(rng: SeededRandom, nowSec: number, count: number): number[] {
  const midnight = nowSec - (nowSec % DAY);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = midnight - rng.int(0, SPAN_DAYS) * DAY;
    const hour = rng.chance(0.8) ? rng.int(6, 17) : rng.int(0, 23);
    times.push(Math.min(day + hour * 3600 + rng.int(0, 3599), nowSec - rng.int(600, 7200)));
  }
  times.sort((a, b) => a - b);
  for (let i = 1; i < times.length; i++) {
    const prev = times[i - 1] ?? 0;
    if ((times[i] ?? 0) <= prev) times[i] = prev + 1;
  }
  return times;
}

function seedTicket(rng: SeededRandom, number: number, createdAt: number, nowSec: number): TicketRecord {
  const isClientAuthor = rng.chance(0.92);
  const template = rng.pick(isClientAuthor ? words.TEMPLATES : words.STAFF_TEMPLATES);
  const fill = placeholderFiller(rng);
  const ageDays = (nowSec - createdAt) / DAY;
  const status = pickStatus(rng, ageDays, isClientAuthor);
  const closedAt =
    status === 'closed' ? Math.min(createdAt + Math.round(600 * Math.pow(2900, rng.next())), nowSec - 60) : null;
  const windowEnd = closedAt ?? createdAt + Math.max(300, Math.round((nowSec - 300 - createdAt) * (0.3 + 0.7 * rng.next())));

  const count = commentCount(rng, status, ageDays);
  const authors = commentAuthors(rng, count, isClientAuthor, status);
  const times = commentTimes(rng, createdAt, windowEnd, count);
  const open = status !== 'closed';
  const comments: CommentRecord[] = authors.map((client, i) => ({
    id: 0,
    ticketNumber: number,
    files: rng.chance(0.1) ? Array.from({ length: rng.int(1, 3) }, () => seededUuid(rng)) : [],
    body: i === 0 ? fill(template.description) : rng.pick(client ? words.CLIENT_REPLIES : words.STAFF_REPLIES),
    isClientAuthor: client,
    isClientRead: client || !(open && i === count - 1 && rng.chance(0.35)),
    sentAt: times[i] ?? createdAt,
    splittedAt: null,
    splittedToTicketNumber: null,
    vote: !client && i > 0 && rng.chance(0.12) ? seedVote(rng, (times[i] ?? createdAt) + rng.int(60, DAY), nowSec, true) : null,
  }));

  const last = comments[comments.length - 1]?.sentAt ?? createdAt;
  const rated = (status === 'closed' && rng.chance(0.45)) || (status === 'resolved' && rng.chance(0.15));
  const vote = rated ? seedVote(rng, closedAt ?? last + rng.int(60, 3600), nowSec, false) : null;
  const emails = rng.next();
  return {
    number,
    summary: fill(template.summary),
    clientAliasedName: rng.chance(0.55) ? rng.pick(words.ALIASED_NAMES) : null,
    clientEmails:
      emails < 0.7
        ? [rng.pick(words.CLIENT_EMAILS)]
        : emails < 0.85
          ? [...new Set([rng.pick(words.CLIENT_EMAILS), rng.pick(words.CLIENT_EMAILS)])]
          : [],
    createdAt,
    updatedAt: Math.max(last, closedAt ?? 0, vote?.createdAt ?? 0),
    closedAt,
    isClientAuthor,
    isResolved: status === 'resolved' || (status === 'closed' && rng.chance(0.85)),
    status,
    splittedFromTicketNumber: null,
    topicKey: rng.chance(0.85) ? template.topic : null,
    vote,
    comments,
  };
}

/** Older tickets are more often closed: about 35% overall. */
function pickStatus(rng: SeededRandom, ageDays: number, isClientAuthor: boolean): StatusKey {
  if (rng.chance(0.1 + (0.55 * ageDays) / SPAN_DAYS)) return 'closed';
  if (isClientAuthor && ageDays < 7 && rng.chance(0.5)) return 'new';
  const roll = rng.int(1, 100);
  if (roll <= 35) return 'in_progress';
  if (roll <= 70) return 'waiting_for_client';
  if (roll <= 92 || !isClientAuthor) return 'resolved';
  return ageDays < 30 ? 'new' : 'in_progress';
}

function commentCount(rng: SeededRandom, status: StatusKey, ageDays: number): number {
  if (status === 'new') return rng.int(1, 2);
  if (ageDays > 5 && rng.chance(0.04)) return rng.int(30, 45);
  const count = 1 + Math.floor(Math.pow(rng.next(), 1.6) * 15);
  return status === 'closed' ? count : Math.max(2, count);
}

/** true = the client wrote it. Replies mostly alternate; the status decides the last word. */
function commentAuthors(rng: SeededRandom, count: number, clientFirst: boolean, status: StatusKey): boolean[] {
  const authors: boolean[] = [clientFirst];
  for (let i = 1; i < count; i++) {
    const prev = authors[i - 1] ?? clientFirst;
    authors.push(rng.chance(0.75) ? !prev : prev);
  }
  if (status === 'new') return authors.map(() => true);
  if (status === 'waiting_for_client' || status === 'resolved') authors[count - 1] = false;
  if (count > 1 && authors.slice(1).every((a) => a)) authors[1] = false;
  return authors;
}

/** Strictly increasing seconds from createdAt, the last one at or before `end` where room allows. */
function commentTimes(rng: SeededRandom, createdAt: number, end: number, count: number): number[] {
  const gaps = Array.from({ length: count }, () => -Math.log(1 - rng.next()));
  const total = gaps.reduce((sum, g) => sum + g, 0);
  const times: number[] = [createdAt];
  let acc = 0;
  for (let i = 1; i < count; i++) {
    acc += gaps[i - 1] ?? 0;
    const at = createdAt + Math.floor((acc / total) * (end - createdAt));
    times.push(Math.max(at, (times[i - 1] ?? createdAt) + 1));
  }
  return times;
}

function seedVote(rng: SeededRandom, at: number, nowSec: number, onComment: boolean): VoteRecord {
  const score = onComment ? (rng.chance(0.85) ? 1 : -1) : rng.chance(0.7) ? rng.int(8, 10) : rng.int(1, 7);
  const comment = rng.chance(onComment ? 0.2 : 0.5) ? rng.pick(words.VOTE_COMMENTS) : null;
  return { score, comment, createdAt: Math.min(at, nowSec - 1) };
}

/** A few tickets began as a client message split out of an earlier ticket. */
function linkSplits(rng: SeededRandom, tickets: TicketRecord[]): void {
  for (let i = 30; i < tickets.length; i++) {
    const target = tickets[i];
    if (!target || !rng.chance(0.04)) continue;
    const source = tickets[i - rng.int(1, 25)];
    const message = source?.comments.find(
      (c, n) => n > 0 && c.isClientAuthor && c.splittedAt === null && c.sentAt < target.createdAt,
    );
    if (!source || !message) continue;
    message.splittedAt = target.createdAt;
    message.splittedToTicketNumber = target.number;
    target.splittedFromTicketNumber = source.number;
  }
}

/** Global ids in the order messages were sent, with gaps for other accounts' messages. */
function assignCommentIds(rng: SeededRandom, tickets: TicketRecord[]): void {
  const all = tickets.flatMap((t) => t.comments);
  all.sort((a, b) => a.sentAt - b.sentAt || a.ticketNumber - b.ticketNumber);
  let id = 2_400_000 + rng.int(1, 999);
  for (const comment of all) {
    comment.id = id;
    id += rng.int(1, 9);
  }
}

function placeholderFiller(rng: SeededRandom): (text: string) => string {
  const host = rng.pick(words.HOSTS);
  const domain = rng.pick(words.DOMAINS);
  const person = rng.pick(words.PEOPLE);
  const values: Record<string, string> = {
    host,
    host2: rng.pick(words.HOSTS.filter((h) => h !== host)),
    domain,
    ip: `185.${rng.int(10, 250)}.${rng.int(0, 255)}.${rng.int(2, 254)}`,
    inv: `INV-2025-${String(rng.int(1000, 9999))}`,
    plan: rng.pick(words.PLANS),
    region: rng.pick(words.REGIONS),
    mailbox: `${person}@${domain}`,
    user: person,
    project: rng.pick(words.PROJECTS),
  };
  return (text) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const HEX = '0123456789abcdef';

function seededUuid(rng: SeededRandom): string {
  // One draw per digit, as always (the same seed keeps the same data), without the arrays.
  let hex = '';
  for (let i = 0; i < 32; i++) hex += HEX[rng.int(0, 15)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
