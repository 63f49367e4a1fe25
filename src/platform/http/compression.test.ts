import { describe, expect, it } from 'vitest';
import { chosenEncoding, varyOnEncoding } from './compression.ts';

describe('the encoding a client gets', () => {
  it('is brotli for a browser that accepts it, gzip for one that does not', () => {
    expect(chosenEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chosenEncoding('br, gzip')).toBe('br');
    expect(chosenEncoding('gzip, deflate')).toBe('gzip');
    expect(chosenEncoding('GZIP')).toBe('gzip');
  });

  it('is none for a client that asks for none, or only for encodings we do not make', () => {
    expect(chosenEncoding(undefined)).toBeUndefined();
    expect(chosenEncoding('')).toBeUndefined();
    expect(chosenEncoding('identity')).toBeUndefined();
    expect(chosenEncoding('deflate, zstd')).toBeUndefined();
  });

  it('follows the client’s q-values, and refuses what it gives q=0', () => {
    expect(chosenEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(chosenEncoding('br;q=0, gzip;q=0.1')).toBe('gzip');
    expect(chosenEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(chosenEncoding('*')).toBe('br');
    expect(chosenEncoding('br;q=0, *')).toBe('gzip');
  });
});

describe('the Vary header of a compressed answer', () => {
  it('names accept-encoding beside what it named, once', () => {
    expect(varyOnEncoding(undefined)).toBe('accept-encoding');
    expect(varyOnEncoding('accept-language, cookie')).toBe(
      'accept-language, cookie, accept-encoding',
    );
    expect(varyOnEncoding('Accept-Encoding')).toBe('Accept-Encoding');
    expect(varyOnEncoding('*')).toBe('*');
  });
});
