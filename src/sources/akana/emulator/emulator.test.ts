// The emulator's wire protocol, spoken to with plain fetch: auth, CSRF, media types, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenEmulator, type ListeningEmulator } from '../../../emulator/listen.js';
import { createAkanaEmulator, type AkanaEmulator } from './index.js';
import { negotiate } from './wire.js';

let emulator: AkanaEmulator;
let listening: ListeningEmulator;
let cookie: string;

beforeAll(async () => {
  emulator = createAkanaEmulator();
  listening = await listenEmulator(emulator);
  cookie = `AtmoAuthToken_${emulator.credentials.fedMemberId}=${emulator.credentials.authToken}`;
});
afterAll(() => listening.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(listening.baseUrl + path, { headers: { cookie, ...headers } });
const csrfHeader = () => `X-Csrf-Token_${emulator.credentials.fedMemberId}`;

describe('session cookie', () => {
  it('answers 401 without the AtmoAuthToken cookie, with a JSON body', async () => {
    const response = await fetch(`${listening.baseUrl}/api/tickets`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 401 });
  });

  it('answers 401 for a wrong token or a cookie named for another federation member', async () => {
    expect((await fetch(`${listening.baseUrl}/api/tickets`, { headers: { cookie: 'AtmoAuthToken_acmepaymentscorp=TokenID=nope' } })).status).toBe(401);
    const otherMember = `AtmoAuthToken_othercorp=${emulator.credentials.authToken}`;
    expect((await fetch(`${listening.baseUrl}/api/tickets`, { headers: { cookie: otherMember } })).status).toBe(401);
  });

  it('finds the cookie among others', async () => {
    expect((await get('/api/tickets?count=1', { cookie: `JSESSIONID=abc; ${cookie}; theme=dark` })).status).toBe(200);
  });
});

describe('CSRF header', () => {
  const post = (headers: Record<string, string>) =>
    fetch(`${listening.baseUrl}/api/tickets`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ APIID: emulator.settings?.defaultApiId, Title: 'x', Description: 'y' }),
    });

  it('is not needed on GET', async () => {
    expect((await get('/api/tickets?count=1')).status).toBe(200);
  });

  it('answers 403 on POST without it or with a wrong one, and writes nothing', async () => {
    const before = emulator.store.list({}).length;
    expect((await post({})).status).toBe(403);
    expect((await post({ [csrfHeader()]: 'wrong' })).status).toBe(403);
    expect(emulator.store.list({}).length).toBe(before);
    expect((await post({ [csrfHeader()]: emulator.credentials.csrfToken ?? '' })).status).toBe(200);
    expect(emulator.store.list({}).length).toBe(before + 1);
  });
});

describe('content negotiation', () => {
  it.each(['application/vnd.soa.v72+json', 'application/vnd.soa.v80+json', 'application/vnd.soa.v81+json', 'application/json'])(
    'echoes %s',
    async (type) => {
      const response = await get('/api/tickets?count=1', { accept: type });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect((await response.json()) as unknown).toHaveProperty('Ticket');
    },
  );

  it('answers plain JSON to */* and to no Accept at all', async () => {
    expect((await get('/api/tickets?count=1', { accept: '*/*' })).headers.get('content-type')).toBe('application/json');
    expect((await get('/api/tickets?count=1', { accept: '' })).headers.get('content-type')).toBe('application/json');
  });

  it('answers 406 when only XML is acceptable', async () => {
    expect((await get('/api/tickets', { accept: 'application/vnd.soa.v72+xml' })).status).toBe(406);
    expect((await get('/api/tickets', { accept: 'application/vnd.soa.v81+xml, application/xml' })).status).toBe(406);
  });

  it('prefers by q and serves JSON when XML is preferred but JSON allowed', () => {
    expect(negotiate('application/vnd.soa.v81+xml, application/vnd.soa.v80+json;q=0.5')).toBe('application/vnd.soa.v80+json');
    expect(negotiate('application/vnd.soa.v72+json;q=0.2, application/vnd.soa.v81+json')).toBe('application/vnd.soa.v81+json');
    expect(negotiate('application/json;q=0')).toBeNull();
  });
});

describe('GET /api/tickets', () => {
  it('applies the documented defaults: 100 results, 2 previewed comments, actions included', async () => {
    const body = (await (await get('/api/tickets')).json()) as { Ticket: { Comments: number; CommentsPreview: { Count: number; Comment: unknown[] }; Action: unknown[] }[] };
    expect(body.Ticket).toHaveLength(100);
    const commented = body.Ticket.find((t) => t.Comments > 2);
    expect(commented?.CommentsPreview.Comment).toHaveLength(2);
    expect(commented?.CommentsPreview.Count).toBe(commented?.Comments);
    expect(body.Ticket.every((t) => t.Action.length > 0)).toBe(true);
  });

  it('honours IncludeComments=false, IncludeActions=false, NumberOfComments', async () => {
    const body = (await (await get('/api/tickets?IncludeComments=false&IncludeActions=false&count=5')).json()) as { Ticket: Record<string, unknown>[] };
    expect(body.Ticket.every((t) => !('CommentsPreview' in t) && !('Action' in t))).toBe(true);
    const five = (await (await get('/api/tickets?NumberOfComments=5&count=100')).json()) as { Ticket: { Comments: number; CommentsPreview: { Comment: unknown[] } }[] };
    expect(five.Ticket.every((t) => t.CommentsPreview.Comment.length === Math.min(5, t.Comments))).toBe(true);
  });

  it('filters by State, Label, Tag, AuthorID, APIID and ItemID', async () => {
    const one = emulator.store.list({})[7];
    if (!one) throw new Error('no data');
    const query = new URLSearchParams({ State: one.state, Tag: one.tags[0] ?? '', AuthorID: one.user.id, APIID: one.api?.versionId ?? '' });
    const body = (await (await get(`/api/tickets?${query}`)).json()) as { Ticket: { TicketID: string; State: string }[] };
    expect(body.Ticket.map((t) => t.TicketID)).toContain(one.id);
    expect(body.Ticket.every((t) => t.State === one.state)).toBe(true);
    const byItem = (await (await get(`/api/tickets?ItemID=${one.id}`)).json()) as { Ticket: { TicketID: string }[] };
    expect(byItem.Ticket.map((t) => t.TicketID)).toEqual([one.id]);
  });

  it('answers the documented 500 with a JSON body for unreadable parameters', async () => {
    for (const bad of ['count=ten', 'start=-1', 'IncludeComments=maybe', 'SortBy=com.soa.sort.order.nonsense']) {
      const response = await get(`/api/tickets?${bad}`);
      expect(response.status, bad).toBe(500);
      expect(await response.json()).toMatchObject({ code: 500 });
    }
  });
});

describe('single ticket and comments', () => {
  it('answers 404 with a JSON body for an unknown ticket', async () => {
    const response = await get('/api/tickets/ticket1.acmepaymentscorp');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 404 });
    expect((await get('/api/tickets/ticket1.acmepaymentscorp/comments')).status).toBe(404);
  });

  it('lists every comment, oldest first', async () => {
    const busy = emulator.store.list({}).find((t) => t.comments.length > 20);
    if (!busy) throw new Error('no busy ticket');
    const body = (await (await get(`/api/tickets/${busy.id}/comments`)).json()) as { Comment: { Created: string }[] };
    expect(body.Comment).toHaveLength(busy.comments.length);
    const created = body.Comment.map((c) => Date.parse(c.Created));
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });
});

describe('writes, as their docs give them', () => {
  const write = (path: string, body: unknown, accept?: string) =>
    fetch(listening.baseUrl + path, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json; charset=UTF-8',
        [csrfHeader()]: emulator.credentials.csrfToken ?? '',
        ...(accept === undefined ? {} : { accept }),
      },
      body: JSON.stringify(body),
    });

  it('creates with the documented `Accept: text/html` and answers the new TicketID as text/html', async () => {
    for (const accept of ['text/html', 'text/html, */*; q=0.01', '*/*']) {
      const response = await write('/api/tickets', { APIID: emulator.settings?.defaultApiId, Title: `Doc sample ${accept}`, Description: 'd' }, accept);
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const id = await response.text();
      expect(id).toMatch(/^ticket\d+\.acmepaymentscorp$/);
      expect(emulator.store.get(id)?.title).toBe(`Doc sample ${accept}`);
    }
  });

  it('answers 406 to a write that accepts only JSON (the answer is text)', async () => {
    const before = emulator.store.list({}).length;
    expect((await write('/api/tickets', { APIID: emulator.settings?.defaultApiId, Title: 't', Description: 'd' }, 'application/vnd.soa.v81+json')).status).toBe(406);
    expect(emulator.store.list({}).length).toBe(before);
  });

  it('runs the documented POST /api/tickets/{TicketID}/actions and answers text/plain; PUT is not allowed', async () => {
    const ticket = emulator.store.list({ State: 'OPEN' })[0]!;
    const put = await fetch(`${listening.baseUrl}/api/tickets/${ticket.id}/actions`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json', [csrfHeader()]: emulator.credentials.csrfToken ?? '' },
      body: JSON.stringify({ ActionName: 'ticket.action.resolve' }),
    });
    expect(put.status).toBe(405);
    expect(ticket.state).toBe('OPEN');
    const response = await write(`/api/tickets/${ticket.id}/actions`, { ActionName: 'ticket.action.resolve', Comments: 'Bug is fixed. Resolving this ticket.' }, '*/*');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(ticket.state).toBe('RESOLVED');
    expect(ticket.comments.at(-1)?.content).toBe('Bug is fixed. Resolving this ticket.');
  });

  it('moves states as the docs name them, and refuses an action not valid now', async () => {
    const ticket = emulator.store.list({ State: 'CLOSED' })[0]!;
    expect((await write(`/api/tickets/${ticket.id}/actions`, { ActionName: 'ticket.action.resolve' }, '*/*')).status).toBe(400);
    expect((await write(`/api/tickets/${ticket.id}/actions`, { ActionName: 'ticket.action.reopen' }, '*/*')).status).toBe(200);
    expect(ticket.state).toBe('REOPEN');
  });

  it('adds a comment and answers its CommentID as text/plain', async () => {
    const ticket = emulator.store.list({})[5]!;
    const response = await write(`/api/tickets/${ticket.id}/comments`, { Content: 'Awesome idea!' }, 'text/plain, */*; q=0.01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe(ticket.comments.at(-1)?.id);
  });
});

describe('EmulatorOptions.tickets', () => {
  it('seeds the asked number deterministically, 5,000 in well under a second', () => {
    const started = performance.now();
    const big = createAkanaEmulator({ tickets: 5000 });
    const elapsed = performance.now() - started;
    expect(big.store.list({})).toHaveLength(5000);
    expect(elapsed).toBeLessThan(1000);
    const again = createAkanaEmulator({ tickets: 5000 });
    expect(again.store.list({}).map((t) => [t.id, t.created.getTime(), t.state])).toEqual(big.store.list({}).map((t) => [t.id, t.created.getTime(), t.state]));
    expect(createAkanaEmulator({ tickets: 12 }).store.list({})).toHaveLength(12);
    expect(createAkanaEmulator().store.list({})).toHaveLength(320);
  });
});

describe("the docs' create sample, verbatim", () => {
  it('is accepted with its own headers (Accept: text/html) and files the ticket it describes', async () => {
    // m_tickets_submitTicket.htm: "Sample request headers" and "Sample request body: application/json".
    const body = `{
  "UserID":"ef676bf9-bbc9-43eb-b5dd-8c1997ce88bf.acmepaymentscorp",
  "Description":"The app allows account access without login if you have the UserID.",
  "Title":"Security issue",
  "Environment":"Production",
  "APIID":"7900ce71-62f7-4113-9e12-0e569a819cda.acmepaymentscorp",
  "AppID":"",
  "Label":[
    "com.soa.ticket.label.priority.high"
  ],
  "Tag":[
    
  ],
  "BoardItemArtifacts":{
    "BoardItemArtifact":[
      
    ]
  },
  "DescriptionMediaType":"text/markdown"
}`;
    const response = await fetch(`${listening.baseUrl}/api/tickets`, {
      method: 'POST',
      headers: { cookie, accept: 'text/html', 'content-type': 'application/json', [csrfHeader()]: emulator.credentials.csrfToken ?? '' },
      body,
    });
    expect(response.status).toBe(200);
    const id = await response.text();
    const stored = emulator.store.get(id);
    expect(stored).toMatchObject({ title: 'Security issue', environment: 'Production', labels: ['com.soa.ticket.label.priority.high'], mediaType: 'text/markdown', appId: null, state: 'OPEN' });
    expect(stored?.api?.versionId).toBe('7900ce71-62f7-4113-9e12-0e569a819cda.acmepaymentscorp');
  });
});
