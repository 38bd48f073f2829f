// At scale: an emulator seeded with 5,000 tickets, paged through by the adapter while writes
// keep coming. Offset paging over a newest-first stream may show a ticket twice when new ones
// arrive on top, but never loses one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEmulator, type ListeningEmulator } from '../../emulator/listen.js';
import type { SourceAdapter } from '../adapter.js';
import { createSourceHttp } from '../http.js';
import { createAkanaEmulator, type AkanaEmulator } from './emulator/index.js';
import { akana } from './index.js';

const TICKETS = 5000;
let emulator: AkanaEmulator;
let listening: ListeningEmulator;
let adapter: SourceAdapter;

beforeAll(async () => {
  emulator = createAkanaEmulator({ tickets: TICKETS });
  listening = await listenEmulator(emulator);
  adapter = akana.createAdapter(
    {
      key: 'akana',
      kind: 'akana',
      name: 'Akana',
      baseUrl: listening.baseUrl,
      credentials: akana.credentials.parse(emulator.credentials),
      timeoutMs: 5000,
      settings: akana.settings.parse(emulator.settings),
    },
    createSourceHttp({ source: 'akana', baseUrl: listening.baseUrl, timeoutMs: 5000 }),
  );
});
afterAll(async () => {
  await adapter.close();
  await listening.close();
});

describe('5,000 tickets, paged while written to', () => {
  it('sees every seeded ticket and every write lands', async () => {
    const seeded = new Set(emulator.store.list({}).map((t) => t.id));
    expect(seeded.size).toBe(TICKETS);
    const seen = new Set<string>();
    const created: string[] = [];
    let offset = 0;
    for (let page = 0, more = true; more; page++) {
      const [result] = await Promise.all([
        adapter.listTickets({ filter: {}, order: { field: 'CREATED_AT', direction: 'DESC' }, offset, limit: 99 }),
        page % 5 === 0 ? adapter.createTicket!({ title: `Written while paging ${page}`, description: 'd' }).then((t) => created.push(t.number)) : undefined,
      ]);
      for (const t of result.tickets) seen.add(t.number);
      offset += result.tickets.length;
      more = result.hasMore;
    }
    expect([...seeded].filter((id) => !seen.has(id))).toEqual([]);
    expect(created.length).toBeGreaterThan(5);
    for (const id of created) expect(emulator.store.get(id)?.state).toBe('OPEN');
  });
});
