/**
 * The emulator's tickets: seeded, deterministic, in memory. Writes change the same records
 * later reads see. Board items (tickets, comments) share one ID counter, as the seed's
 * adjacent `ticket11622`/`ticket11623` suggest.
 */
import { seededRandom, type SeededRandom } from '../../../emulator/kit.js';
import {
  ADMIN,
  APIS,
  KNOWN_APIS,
  APPS,
  FED_MEMBER_ID,
  REPLIES_FROM_DEVELOPER,
  REPLIES_FROM_SUPPORT,
  TITLES,
  USERS,
  type EmulatedApi,
  type EmulatedUser,
} from './vocabulary.js';
import { LABELS, WORKFLOW, type ActionName, type State } from './workflow.js';

export interface StoredComment {
  id: string;
  user: EmulatedUser;
  content: string;
  created: Date;
}

export interface StoredTicket {
  id: string;
  api: EmulatedApi | null;
  appId: string | null;
  title: string;
  description: string;
  mediaType: 'text/plain' | 'text/markdown';
  environment: string;
  state: State;
  user: EmulatedUser;
  created: Date;
  /** Last publication: creation, a comment, or a workflow action. Sent as `PubDate`. */
  published: Date;
  labels: string[];
  tags: string[];
  visibility: 'Limited' | 'Public';
  marks: number;
  comments: StoredComment[];
}

export interface NewTicket {
  apiId?: string;
  appId?: string;
  title: string;
  description: string;
  mediaType: 'text/plain' | 'text/markdown';
  environment?: string;
  labels: string[];
  tags: string[];
}

export const SORT_ORDERS = ['com.soa.sort.order.updated', 'com.soa.sort.order.alphabetical', 'com.soa.sort.order.title_sort'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface TicketQuery {
  APIID?: string;
  AppID?: string;
  AuthorID?: string;
  ItemID?: string;
  Tag?: string;
  Label?: string;
  State?: string;
  SortBy?: SortOrder;
}

export class AkanaStore {
  private readonly tickets = new Map<string, StoredTicket>();
  private nextItem: number;
  private clock: number;

  constructor(seed: number, now: Date, ticketCount = 320) {
    const random = seededRandom(seed);
    this.nextItem = 10_400;
    this.clock = now.getTime();
    for (const ticket of generate(random, now, ticketCount, () => this.nextItem++)) this.tickets.set(ticket.id, ticket);
  }

  get(id: string): StoredTicket | undefined {
    return this.tickets.get(id);
  }

  list(query: TicketQuery): StoredTicket[] {
    const matches = [...this.tickets.values()].filter(
      (t) =>
        (query.APIID === undefined || t.api?.versionId === query.APIID || t.api?.apiId === query.APIID) &&
        (query.AppID === undefined || t.appId === query.AppID) &&
        (query.AuthorID === undefined || t.user.id === query.AuthorID) &&
        (query.ItemID === undefined || t.id === query.ItemID) &&
        (query.Tag === undefined || t.tags.includes(query.Tag)) &&
        (query.Label === undefined || t.labels.includes(query.Label)) &&
        (query.State === undefined || t.state === query.State),
    );
    const byCreated = (a: StoredTicket, b: StoredTicket) => b.created.getTime() - a.created.getTime();
    switch (query.SortBy) {
      case 'com.soa.sort.order.updated':
        return matches.sort((a, b) => b.published.getTime() - a.published.getTime() || byCreated(a, b));
      case 'com.soa.sort.order.alphabetical':
      case 'com.soa.sort.order.title_sort':
        return matches.sort((a, b) => a.title.localeCompare(b.title, 'en') || byCreated(a, b));
      default:
        return matches.sort(byCreated);
    }
  }

  create(input: NewTicket): StoredTicket {
    const now = this.tick();
    const ticket: StoredTicket = {
      id: `ticket${this.nextItem++}.${FED_MEMBER_ID}`,
      api: KNOWN_APIS.find((a) => a.versionId === input.apiId) ?? null,
      appId: input.appId ?? null,
      title: input.title,
      description: input.description,
      mediaType: input.mediaType,
      environment: input.environment ?? 'Production',
      state: 'OPEN',
      user: ADMIN,
      created: now,
      published: now,
      labels: input.labels,
      tags: input.tags,
      visibility: 'Limited',
      marks: 0,
      comments: [],
    };
    this.tickets.set(ticket.id, ticket);
    return ticket;
  }

  addComment(ticket: StoredTicket, content: string): StoredComment {
    const comment: StoredComment = { id: `comment${this.nextItem++}.${FED_MEMBER_ID}`, user: ADMIN, content, created: this.tick() };
    ticket.comments.push(comment);
    ticket.published = comment.created;
    return comment;
  }

  /** false when the action is not valid in the ticket's state. */
  act(ticket: StoredTicket, action: ActionName, comments: string | undefined): boolean {
    const next = WORKFLOW[ticket.state][action];
    if (next === undefined) return false;
    ticket.state = next;
    // The action's comment joins the conversation, so a reopen reason stays readable.
    if (comments !== undefined && comments.trim() !== '') this.addComment(ticket, comments);
    ticket.published = this.tick();
    return true;
  }

  /** A strictly increasing clock from the seeded "now", so writes never tie with each other. */
  private tick(): Date {
    this.clock = Math.max(this.clock + 1000, Date.now() - (Date.now() % 1000));
    return new Date(this.clock);
  }
}

const DAY = 86_400_000;

function generate(random: SeededRandom, now: Date, count: number, nextItem: () => number): StoredTicket[] {
  // Creation times laid back from now, at least a minute apart, whole seconds (the seed's format).
  const times: number[] = [];
  let t = now.getTime() - random.int(2, 6) * 3_600_000;
  for (let i = 0; i < count; i++) {
    times.push(t - (t % 1000));
    t -= random.int(60, 2 * DAY / 1000) * 1000;
  }
  times.reverse();
  const developers = USERS.filter((u) => !u.support);
  const support = USERS.filter((u) => u.support);
  return times.map((createdAt) => {
    const template = random.pick(TITLES);
    const api = random.pick(APIS);
    const app = random.pick(APPS);
    const environment = random.chance(0.7) ? 'Production' : 'Sandbox';
    const fill = (s: string) => s.replaceAll('{api}', `${api.name} ${api.version}`).replaceAll('{app}', app.name).replaceAll('{env}', environment);
    const author = random.chance(0.1) ? ADMIN : random.pick(developers);
    const id = `ticket${nextItem()}.${FED_MEMBER_ID}`;
    const created = new Date(createdAt);
    const comments = generateComments(random, created, now, author, support, nextItem);
    const ageDays = (now.getTime() - createdAt) / DAY;
    const state = pickState(random, ageDays);
    const lastComment = comments.at(-1)?.created.getTime() ?? createdAt;
    const actedAt = state === 'OPEN' ? lastComment : Math.min(now.getTime() - 1000, lastComment + random.int(600, 3 * 86_400) * 1000);
    return {
      id,
      api,
      appId: random.chance(0.3) ? app.appId : null,
      title: fill(template.title),
      description: fill(template.body),
      mediaType: template.markdown ? 'text/markdown' : 'text/plain',
      environment,
      state,
      user: author,
      created,
      published: new Date(Math.max(lastComment, actedAt) - (Math.max(lastComment, actedAt) % 1000)),
      labels: random.chance(0.08) ? [] : [random.pick(LABELS)],
      tags: [...template.tags],
      visibility: random.chance(0.85) ? 'Limited' : 'Public',
      marks: random.chance(0.7) ? 0 : random.int(1, 6),
      comments,
    } satisfies StoredTicket;
  });
}

function pickState(random: SeededRandom, ageDays: number): State {
  const roll = random.next();
  if (ageDays > 60) return roll < 0.45 ? 'CLOSED' : roll < 0.75 ? 'RESOLVED' : roll < 0.9 ? 'OPEN' : 'REOPEN';
  return roll < 0.45 ? 'OPEN' : roll < 0.7 ? 'RESOLVED' : roll < 0.85 ? 'CLOSED' : 'REOPEN';
}

function generateComments(
  random: SeededRandom,
  created: Date,
  now: Date,
  author: EmulatedUser,
  support: readonly EmulatedUser[],
  nextItem: () => number,
): StoredComment[] {
  const roll = random.next();
  const count = roll < 0.25 ? 0 : roll < 0.8 ? random.int(1, 5) : roll < 0.95 ? random.int(6, 14) : random.int(20, 45);
  const comments: StoredComment[] = [];
  let at = created.getTime();
  const span = Math.max(60_000, now.getTime() - at);
  for (let i = 0; i < count; i++) {
    const step = Math.max(1000, Math.floor((span / (count + 1)) * random.next() * 1.5));
    at = Math.min(at + step, now.getTime() - (count - i) * 1000);
    at -= at % 1000;
    const fromSupport = i % 2 === 0 ? random.chance(0.85) : random.chance(0.15);
    const user = fromSupport ? random.pick(support) : author;
    const content = random.pick(fromSupport ? REPLIES_FROM_SUPPORT : REPLIES_FROM_DEVELOPER);
    const previous = comments.at(-1)?.created.getTime() ?? created.getTime();
    const stamp = Math.max(at, previous + 1000);
    comments.push({ id: `comment${nextItem()}.${FED_MEMBER_ID}`, user, content, created: new Date(stamp) });
    at = stamp;
  }
  return comments;
}
