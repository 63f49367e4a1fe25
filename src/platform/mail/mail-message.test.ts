import { describe, expect, it } from 'vitest';
import { htmlFromText, MASK, maskSecrets } from './mail-message.ts';

describe('messages as stored and as sent', () => {
  it('masks every occurrence of every secret in the stored copy', () => {
    const text = 'Open https://x.example/r/abc123 now.\nAgain: https://x.example/r/abc123';
    expect(maskSecrets(text, ['abc123'])).toBe(
      `Open https://x.example/r/${MASK} now.\nAgain: https://x.example/r/${MASK}`,
    );
    expect(maskSecrets(text, [])).toBe(text);
  });

  it('turns paragraphs into HTML, escapes what the reader wrote, and makes a link line clickable', () => {
    const html = htmlFromText(
      'Hello <Ana> & team,\nsecond line\n\nhttps://x.example/r/abc?a=1&b=2',
      'es',
    );
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<p>Hello &lt;Ana&gt; &amp; team,<br>second line</p>');
    expect(html).toContain(
      '<a href="https://x.example/r/abc?a=1&amp;b=2">https://x.example/r/abc?a=1&amp;b=2</a>',
    );
  });
});
