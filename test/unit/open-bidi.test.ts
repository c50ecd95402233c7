// openBidi (model/text-safety.ts) passes over text without any bidirectional control in one scan; every control the
// check knows must still reach it, each alone in a text and each closed again.
import { describe, expect, it } from 'vitest';
import { openBidi } from '../../site/model/text-safety.ts';

const OPENERS = ['\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068'];
const closerOf = (c: string) => (c >= '\u2066' ? '\u2069' : '\u202C');
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`;

describe('openBidi', () => {
  it.each(OPENERS)('finds %j left open, on its line', (c) => {
    expect(openBidi(`Plain first line.\nThe API ${c}answers slowly.\nLast line.`)).toMatchObject({ line: 2, message: expect.stringContaining(hex(c)) });
  });

  it.each(OPENERS)('passes %j closed on its line', (c) => {
    expect(openBidi(`The API ${c}answers${closerOf(c)} slowly.`)).toBeUndefined();
  });

  it('passes text with no control at all, and a closer alone', () => {
    expect(openBidi('Payments are slow in Europe.\nWe post again by 14:00.')).toBeUndefined();
    expect(openBidi('stray \u202C and \u2069 closers')).toBeUndefined();
  });
});
