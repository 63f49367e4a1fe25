import { describe, expect, it } from 'vitest';
import { invitationLinksCsv, tokenOfLink } from './invitation-links-csv.ts';

describe('the links of new invitations as CSV', () => {
  it('finds the secret at the end of a link, whatever the site address before it', () => {
    expect(tokenOfLink('https://transforma.gov.example/r/abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenOfLink('http://localhost:3000/sub/r/abc ')).toBe('abc');
    expect(tokenOfLink('https://evil.example/phish')).toBeUndefined();
    expect(tokenOfLink('https://x.example/r/abc/more')).toBeUndefined();
    expect(tokenOfLink('')).toBeUndefined();
  });

  it('writes a header and one row per link, with cells a spreadsheet would run written as text', () => {
    const csv = invitationLinksCsv([
      {
        agency: '+Health, "central"',
        email: 'ana@x.example',
        language: 'es',
        link: 'https://t/r/a',
      },
      { agency: '@Finance', email: 'ben@x.example', language: 'en', link: 'https://t/r/b' },
    ]);
    expect(csv).toBe(
      'agency,email,language,link\r\n' +
        `"'+Health, ""central""",ana@x.example,es,https://t/r/a\r\n` +
        "'@Finance,ben@x.example,en,https://t/r/b\r\n",
    );
  });
});
