/**
 * The platform's HTTP conventions: the session cookie, the CSRF header, versioned media
 * types, and query parameter parsing. See ../README.md for each choice and its seed line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../../emulator/kit.js';

/** JSON media types we can produce, best first (seed: Accept lists v72, v80, v81). */
export const JSON_MEDIA_TYPES = [
  'application/vnd.soa.v81+json',
  'application/vnd.soa.v80+json',
  'application/vnd.soa.v72+json',
  'application/json',
] as const;

/**
 * The media type to answer with, or null (406) when the client accepts none we produce —
 * e.g. only the seed's `+xml` variants. No Accept, or a wildcard, gets plain JSON.
 */
export function negotiate(accept: string | undefined): string | null {
  if (accept === undefined || accept.trim() === '') return 'application/json';
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter((r) => r.type !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of ranges) {
    if (type === '*/*' || type === 'application/*') return 'application/json';
    const exact = JSON_MEDIA_TYPES.find((t) => t === type);
    if (exact) return exact;
  }
  return null;
}

/**
 * For the write calls, which answer `produced` (text/html or text/plain): acceptable when the
 * client takes it, `text/*` or anything; no Accept takes anything. null (406) otherwise.
 */
export function negotiateText(accept: string | undefined, produced: 'text/html' | 'text/plain'): string | null {
  if (accept === undefined || accept.trim() === '') return produced;
  const ok = accept.split(',').some((part) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (q === undefined || Number(q.slice(2)) > 0) && (type === produced || type === 'text/*' || type === '*/*');
  });
  return ok ? produced : null;
}

export function sendText(res: ServerResponse, status: number, text: string, mediaType: string): void {
  res.writeHead(status, { 'content-type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

export function isJsonBody(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

/** The platform's error body: `{"code": <status>, "message": "…"}`. */
export function sendError(res: ServerResponse, status: number, message: string, mediaType = 'application/json'): void {
  sendJson(res, status, { code: status, message }, {}, mediaType);
}

export class BadParameter extends Error {}

export function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new BadParameter(`${name} must be true or false`);
}

export function integerParam(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  if (value === null) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new BadParameter(`${name} must be a non-negative integer`);
  return Number(value);
}

export function stringParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}
