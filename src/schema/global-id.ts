/**
 * Global IDs: base64url("Typename:part:part…"), each part URI-encoded so vendor numbers with
 * any characters round-trip. Decoding never throws: a malformed ID decodes to typename
 * `Invalid`, which node/nodes turn into a BAD_USER_INPUT error for that ID alone.
 */
export const INVALID_TYPENAME = 'Invalid';

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(globalId)) return { typename: INVALID_TYPENAME, id: globalId };
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || !/^[A-Z][A-Za-z]+$/.test(text.slice(0, colon))) return { typename: INVALID_TYPENAME, id: globalId };
  return { typename: text.slice(0, colon), id: text.slice(colon + 1) };
}

/** What encodeURIComponent leaves as it is: such a part is joined without the call. */
const URI_SAFE = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** Inner id from parts, e.g. ticketKey('cp', '100231') -> 'cp:100231'. */
export function joinIdParts(...parts: string[]): string {
  // Every ticket of every page gets one (its id, and Pothos' loader key): the plain case skips
  // encodeURIComponent, about 3x faster.
  let joined = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    joined += (i === 0 ? '' : ':') + (URI_SAFE.test(part) ? part : encodeURIComponent(part));
  }
  return joined;
}

/** The parts of an inner id, or null when it doesn't have exactly `count` parts. */
export function splitIdParts(id: string, count: number): string[] | null {
  const parts = id.split(':');
  if (parts.length !== count) return null;
  try {
    return parts.map(decodeURIComponent);
  } catch {
    return null;
  }
}
