import { describe, expect, it } from 'vitest';
import { scrubSecrets, vendorText } from './http.js';

describe('vendorText', () => {
  it('keeps a short reason as it is', () => {
    expect(vendorText("The column 'x' is not supported")).toBe("The column 'x' is not supported");
    expect(vendorText(undefined)).toBeUndefined();
    expect(vendorText(' \n ')).toBeUndefined();
  });

  it('keeps the first line only, without control characters', () => {
    expect(vendorText('boom\n    at handler (/srv/app.js:1:1)\n    at next')).toBe('boom');
    expect(vendorText('a\u0000b\tc')).toBe('a b c');
  });

  it('cuts long text at 200 characters', () => {
    const cut = vendorText('x'.repeat(5_000));
    expect(cut).toHaveLength(200);
    expect(cut?.endsWith('…')).toBe(true);
  });
});

describe('scrubSecrets', () => {
  it('replaces each secret, also JSON-escaped, longest first', () => {
    const secrets = ['abc"def-long', 'abc"def'];
    expect(scrubSecrets('x abc"def-long y abc\\"def z', secrets)).toBe('x [REDACTED] y [REDACTED] z');
  });
});
