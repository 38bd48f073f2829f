/**
 * `{claims.<name>}` templates: how a caller's verified identity reaches a vendor (identity
 * headers, BlueKing's `bk_username`). A value that could split a header or smuggle a second
 * field (CR, LF, any control or non-visible character) is refused, never sent; so is a
 * template whose claim is absent, because sending the service's identity instead would give
 * the caller its rights.
 */
import { z } from 'zod';

const PLACEHOLDER = /\{claims\.([A-Za-z_][A-Za-z0-9_.:-]{0,63})\}/g;

/** A template with at least one placeholder and otherwise visible ASCII. */
export const claimTemplate = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x20-\x7e]+$/, 'visible ASCII only')
  .refine((template) => new RegExp(PLACEHOLDER.source).test(template), 'must contain a {claims.<name>} placeholder');

/** Visible ASCII and spaces (not leading/trailing), as RFC 9110 field values allow without quoting. */
const SAFE_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]{0,1022}[\x21-\x7e])?$/;

export class ClaimTemplateError extends Error {
  constructor(readonly claim: string) {
    super(`the caller's "${claim}" claim is missing or cannot be sent to a vendor`);
    this.name = 'ClaimTemplateError';
  }
}

export function renderClaimTemplate(template: string, claims: Readonly<Record<string, unknown>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = claims[name];
    const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
    if (text === undefined || !SAFE_VALUE.test(text)) throw new ClaimTemplateError(name);
    return text;
  });
}
