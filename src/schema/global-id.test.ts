import { describe, expect, it } from 'vitest';
import { joinIdParts, splitIdParts } from './global-id.js';

describe('joinIdParts', () => {
  it('joins plain parts as they are and encodes the rest', () => {
    expect(joinIdParts('cp', '100231')).toBe('cp:100231');
    expect(joinIdParts('bk', 'REQ-2026.01_x')).toBe('bk:REQ-2026.01_x');
    expect(joinIdParts('akana', 'a:b/c d%e')).toBe('akana:a%3Ab%2Fc%20d%25e');
    expect(joinIdParts('tm', 'é?#&=+')).toBe('tm:%C3%A9%3F%23%26%3D%2B');
    expect(joinIdParts('coc', '')).toBe('coc:');
  });

  it('writes every printable ASCII character as encodeURIComponent does (the encoding ids have always had)', () => {
    for (let code = 0x20; code <= 0x7e; code++) {
      const char = String.fromCharCode(code);
      expect(joinIdParts('s', char), JSON.stringify(char)).toBe(`s:${encodeURIComponent(char)}`);
    }
  });

  it('round-trips through splitIdParts', () => {
    const parts = ['cp', 'a:b', '50%', "it's (x)"];
    expect(splitIdParts(joinIdParts(...parts), parts.length)).toEqual(parts);
  });
});
