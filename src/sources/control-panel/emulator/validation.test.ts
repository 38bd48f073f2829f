import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlPanel, type RunningControlPanel, type WireComment, type WireTicket, type WireTicketList } from './testing.js';

let cp: RunningControlPanel;
let openTicket: WireTicket;
let comment: WireComment;
const FILE = '3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60';
const valid = { summary: 'Disk full', comment_body: 'Please extend the volume' };

beforeAll(async () => {
  cp = await startControlPanel({ limits: { ticketsPerMinute: 1000, commentsPerMinute: 1000 } });
  openTicket = (await cp.call<WireTicketList>('GET', '/tickets?only_opened=true')).json.items[0]!;
  comment = (await cp.call<{ items: WireComment[] }>('GET', `/tickets/${openTicket.number}/comments`)).json.items[0]!;
});
afterAll(() => cp.close());

async function expect400(method: string, path: string, body: unknown, field: string): Promise<void> {
  const res = await cp.call(method, path, { body });
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(res.json.error.code).toBe('validation_error');
  expect(res.json.error.details.map((d) => d.field)).toContain(field);
}

describe('POST /tickets', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['summary missing', { comment_body: 'x' }, 'summary'],
    ['summary empty', { ...valid, summary: '' }, 'summary'],
    ['summary 256 chars', { ...valid, summary: 'a'.repeat(256) }, 'summary'],
    ['summary not a string', { ...valid, summary: 5 }, 'summary'],
    ['comment_body missing', { summary: 'x' }, 'comment_body'],
    ['comment_body empty', { ...valid, comment_body: '' }, 'comment_body'],
    ['comment_body 50001 chars', { ...valid, comment_body: 'a'.repeat(50_001) }, 'comment_body'],
    ['files empty', { ...valid, files: [] }, 'files'],
    ['files 11 items', { ...valid, files: Array.from({ length: 11 }, () => FILE) }, 'files'],
    ['files not UUIDs', { ...valid, files: ['not-a-uuid'] }, 'files.0'],
    ['client_emails empty', { ...valid, client_emails: [] }, 'client_emails'],
    ['client_emails invalid', { ...valid, client_emails: ['ops@example.com', 'nope'] }, 'client_emails.1'],
    ['client_aliased_name empty', { ...valid, client_aliased_name: '' }, 'client_aliased_name'],
    ['client_aliased_name null', { ...valid, client_aliased_name: null }, 'client_aliased_name'],
    ['topic_key empty', { ...valid, topic_key: '' }, 'topic_key'],
    ['topic_key unknown', { ...valid, topic_key: 'gardening' }, 'topic_key'],
  ])('%s -> 400', async (_name, body, field) => {
    await expect400('POST', '/tickets', body, field);
  });

  it('accepts the limits exactly', async () => {
    const res = await cp.call('POST', '/tickets', {
      body: { summary: 'a'.repeat(255), comment_body: 'b'.repeat(50_000), files: Array.from({ length: 10 }, () => FILE) },
    });
    expect(res.status).toBe(200);
  });

  it('reports every broken field at once', async () => {
    const res = await cp.call('POST', '/tickets', { body: {} });
    expect(res.json.error.details.map((d) => d.field).sort()).toEqual(['comment_body', 'summary']);
  });

  it.each([
    ['malformed JSON', '{"summary": '],
    ['a JSON array', '[]'],
    ['a JSON string', '"summary"'],
  ])('%s -> 400 invalid_json', async (_name, rawBody) => {
    const res = await cp.call('POST', '/tickets', { rawBody });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_json');
  });
});

describe('ticket writes', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['PATCH alias empty', '', { client_aliased_name: '' }, 'client_aliased_name'],
    ['PATCH emails invalid', '', { client_emails: ['x'] }, 'client_emails.0'],
    ['PATCH emails null', '', { client_emails: null }, 'client_emails'],
    ['close score 0', '/close', { score: 0 }, 'score'],
    ['close score 11', '/close', { score: 11 }, 'score'],
    ['close score 2.5', '/close', { score: 2.5 }, 'score'],
    ['close comment empty', '/close', { comment: '', score: 5 }, 'comment'],
    ['close comment without score', '/close', { comment: 'thanks' }, 'score'],
    ['vote score missing', '/vote', {}, 'score'],
    ['vote score 11', '/vote', { score: 11 }, 'score'],
    ['vote score "5"', '/vote', { score: '5' }, 'score'],
    ['vote comment empty', '/vote', { score: 5, comment: '' }, 'comment'],
    ['comment body missing', '/comments', {}, 'body'],
    ['comment body empty', '/comments', { body: '' }, 'body'],
    ['comment body 50001', '/comments', { body: 'a'.repeat(50_001) }, 'body'],
    ['comment files empty', '/comments', { body: 'x', files: [] }, 'files'],
    ['comment files bad uuid', '/comments', { body: 'x', files: [FILE.replace('3', 'g')] }, 'files.0'],
    ['reopen body missing', '/reopen', { files: [FILE] }, 'body'],
  ])('%s -> 400', async (_name, suffix, body, field) => {
    await expect400(suffix === '' ? 'PATCH' : 'POST', `/tickets/${openTicket.number}${suffix}`, body, field);
  });

  it('leaves the ticket untouched after refused writes', async () => {
    const now = (await cp.call<WireTicket>('GET', `/tickets/${openTicket.number}`)).json;
    expect(now).toEqual(openTicket);
  });
});

describe('comment votes', () => {
  it.each<[string, Record<string, unknown>]>([
    ['score 2', { score: 2 }],
    ['score 0', { score: 0 }],
    ['score missing', { comment: 'meh' }],
    ['score "1"', { score: '1' }],
  ])('%s -> 400', async (_name, body) => {
    await expect400('POST', `/comments/${comment.id}/vote`, body, 'score');
  });

  it('accepts 1 and -1', async () => {
    for (const score of [1, -1]) {
      const res = await cp.call('POST', `/comments/${comment.id}/vote`, { body: { score } });
      expect(res.status).toBe(200);
    }
  });
});

describe('GET /tickets parameters', () => {
  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['items_per_page=0', 'items_per_page'],
    ['items_per_page=1001', 'items_per_page'],
    ['q=', 'q'],
    ['only_opened=true&only_closed=true', 'only_closed'],
  ])('%s -> 400', async (query, field) => {
    const res = await cp.call('GET', `/tickets?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_parameter', details: [{ field }] });
  });

  it.each([
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['items_per_page=ten', 'items_per_page'],
    ['only_opened=yes', 'only_opened'],
    ['only_closed=', 'only_closed'],
  ])('%s -> 400 invalid_parameter', async (query, field) => {
    const res = await cp.call('GET', `/tickets?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_parameter', details: [{ field }] });
  });

  it('accepts the bounds and ignores unknown parameters', async () => {
    const res = await cp.call<WireTicketList>('GET', '/tickets?items_per_page=1000&page=1&sort=asc&only_opened=TRUE');
    expect(res.status).toBe(200);
    expect(res.json.items_per_page).toBe(1000);
    expect(res.json.items.every((t) => !t.is_closed)).toBe(true);
  });
});
