import { describe, expect, it } from 'vitest';
import { isStorableText, unstorableTextAt } from './storable-text.ts';

describe('text that can be stored', () => {
  it('takes any text, emoji and every script included', () => {
    expect(isStorableText('Ministerio de Salud — 保健省 — 🏥')).toBe(true);
  });

  it('refuses a NUL character and half of a surrogate pair', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\uD83Db')).toBe(false);
    expect(isStorableText('\uDE00')).toBe(false);
  });

  it('names the field that holds it, however deep', () => {
    expect(
      unstorableTextAt({ answers: [{ comment: 'fine' }, { comment: 'a\u0000b' }] }, 'body'),
    ).toBe('body.answers[1].comment');
    expect(unstorableTextAt({ email: 'a@b.example', n: 3 }, 'body')).toBeUndefined();
  });
});
