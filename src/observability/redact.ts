/**
 * Secret redaction shared by log lines, upstream error messages and responses: every configured
 * secret, as written and as it appears inside a JSON string (escaped), becomes `[REDACTED]`.
 * No imports, so the HTTP layer can use it without pulling in the logger or the registry.
 */
export const REDACTED = '[REDACTED]';

/** What to look for: each secret and, where different, its JSON-escaped form; longest first. */
export function secretNeedles(secrets: readonly string[]): string[] {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    needles.add(secret);
    needles.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first: no part of one secret survives another's replacement.
  return [...needles].sort((a, b) => b.length - a.length);
}

/** A redaction function with the needles worked out once (hot paths: log lines, responses). */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const needles = secretNeedles(secrets);
  return (text) => {
    let out = text;
    for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  };
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  return redactor(secrets)(text);
}
