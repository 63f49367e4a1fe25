import { describe, expect, it } from 'vitest';
import { safeNextPath, sameSitePath } from './paths.ts';

describe('paths of this site', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(sameSitePath('/rounds/1/results?level=local#change')).toBe(
      '/rounds/1/results?level=local#change',
    );
  });

  it('refuses what a browser would read as another site', () => {
    for (const value of [
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example/',
    ])
      expect(sameSitePath(value)).toBeUndefined();
  });

  it('refuses control characters and anything not a path', () => {
    for (const value of ['/a\u0000b', '/\r\nx', 'rounds', '', 42, undefined])
      expect(sameSitePath(value)).toBeUndefined();
  });

  it('percent-encodes what a header cannot carry, and sends anything refused home', () => {
    expect(sameSitePath('/\u3002')).toBe('/%E3%80%82');
    expect(safeNextPath('//evil.example')).toBe('/');
  });
});
