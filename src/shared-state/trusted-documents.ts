/**
 * Trusted documents (`gateway.persistedDocuments.file`): a JSON object of sha256 hex -> query
 * text, the `persisted-documents.json` graphql-codegen's client preset writes. Read once at
 * start; a hash that is not the sha256 of its text is refused, so the file cannot smuggle in a
 * document under another's name.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';
import { sha256Hex } from '../plugins/use-persisted-queries.js';

export function loadTrustedDocuments(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw new ConfigError([`gateway.persistedDocuments.file: cannot read ${file} as JSON`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(['gateway.persistedDocuments.file: expected an object of sha256 hash -> document text']);
  }
  const documents: Record<string, string> = {};
  for (const [hash, text] of Object.entries(parsed)) {
    if (typeof text !== 'string' || sha256Hex(text) !== hash.toLowerCase()) {
      throw new ConfigError([`gateway.persistedDocuments.file: entry "${hash.slice(0, 16)}…" is not the sha256 of its text`]);
    }
    documents[hash.toLowerCase()] = text;
  }
  return documents;
}
