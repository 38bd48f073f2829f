/**
 * Churn for demos: every interval, one change through a source's own API — a new ticket, a
 * comment, a close, a reopen or a workflow step — so live subscriptions (and GraphiQL) have
 * something to show. It is a client of the emulators (through the adapters, over HTTP), never
 * part of them, and it never stops on an error: a vendor rate limit just skips a turn.
 */
import type { GatewayConfig } from '../config.js';
import { createSourceDirectory } from '../sources/directory.js';
import type { SourceAdapter } from '../sources/adapter.js';
import { seededRandom } from './kit.js';

export interface Churn {
  /** Changes made so far (failed attempts not counted). */
  readonly changes: number;
  stop(): Promise<void>;
}

const TITLES = ['VPN drops every hour', 'Invoice PDF is blank', 'Cannot reset password', 'Disk almost full on db-2', 'New laptop for onboarding', 'SSO loop on the portal'];
const REMARKS = ['Looking into it now.', 'Restarted the service, please check.', 'Same here since this morning.', 'Escalated to the network team.'];

/** `5s`, `500ms`, `2m` or a number of milliseconds. */
export function parseChurnInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) throw new Error(`churn interval "${text}": use e.g. 5s, 500ms, 2m`);
  const unit = match[2] === 'm' ? 60_000 : match[2] === 's' ? 1_000 : 1;
  const value = Number(match[1]) * unit;
  if (!Number.isFinite(value) || value < 100) throw new Error(`churn interval "${text}": at least 100ms`);
  return value;
}

export function startChurn(config: GatewayConfig, options: { intervalMs: number; seed?: number; log?: (line: string) => void }): Churn {
  const directory = createSourceDirectory(config);
  const random = seededRandom(options.seed ?? 7);
  const writable = directory.all.filter((a) => a.capabilities.writes.length > 0);
  const recent: { adapter: SourceAdapter; number: string }[] = [];
  let changes = 0;
  let stopped = false;

  const step = async () => {
    const adapter = random.pick(writable);
    const writes = adapter.capabilities.writes;
    const target = recent.filter((r) => r.adapter === adapter).at(-1);
    try {
      if (!target || random.chance(0.4)) {
        if (!writes.includes('createTicket') || !adapter.createTicket) return;
        const ticket = await adapter.createTicket({ title: random.pick(TITLES), description: 'Filed by the emulators\u2019 churn mode.' });
        recent.push({ adapter, number: ticket.number });
        if (recent.length > 50) recent.shift();
        options.log?.(`churn: created ${adapter.key} ${ticket.number}`);
      } else if (writes.includes('addComment') && adapter.addComment && random.chance(0.5)) {
        await adapter.addComment(target.number, random.pick(REMARKS));
        options.log?.(`churn: commented on ${adapter.key} ${target.number}`);
      } else if (writes.includes('transitionTicket') && adapter.transitionTicket && adapter.availableActions) {
        const [current] = await adapter.getTickets([target.number]);
        const action = current ? random.pick([...adapter.availableActions(current), { key: '', label: '' }]) : undefined;
        if (!action || action.key === '') return;
        await adapter.transitionTicket(target.number, action.key);
        options.log?.(`churn: ${action.key} on ${adapter.key} ${target.number}`);
      } else if (writes.includes('closeTicket') && adapter.closeTicket) {
        await adapter.closeTicket(target.number, {});
        options.log?.(`churn: closed ${adapter.key} ${target.number}`);
      } else {
        return;
      }
      changes++;
    } catch (error) {
      options.log?.(`churn: ${adapter.key} skipped a turn (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  };

  let timer: NodeJS.Timeout | null = null;
  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => void step().finally(loop), options.intervalMs);
  };
  if (writable.length > 0) loop();
  return {
    get changes() {
      return changes;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await directory.close();
    },
  };
}
