import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { BROTLI_QUALITY } from './compression.ts';

describe('compressed pages', () => {
  const context = useTestApp();
  let session: Record<string, string> = {};
  beforeAll(async () => {
    session = headersOf(await signInAs(context.database, 'viewer'));
  });
  const get = (url: string, acceptEncoding?: string) =>
    context.app.inject({
      method: 'GET',
      url,
      headers: { ...session, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    });

  it('sends a page in brotli at the measured quality, the same page once decoded', async () => {
    const plain = await get('/frameworks/dgca');
    const page = await get('/frameworks/dgca', 'gzip, deflate, br');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers.vary).toBe('accept-language, cookie, accept-encoding');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(plain.body);
    const atQuality = brotliCompressSync(plain.rawPayload, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.rawPayload.length,
      },
    });
    expect(page.rawPayload.length).toBe(atQuality.length);
    expect(page.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('sends gzip to a client without brotli, and the page as it is to one that asks for neither', async () => {
    const plain = await get('/frameworks/dgca');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    const page = await get('/frameworks/dgca', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.rawPayload).toString()).toBe(plain.body);
  });

  it('compresses the JSON of the API too', async () => {
    const plain = await get('/api/openapi.json');
    const document = await get('/api/openapi.json', 'br');
    expect(document.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(document.rawPayload).toString())).toEqual(plain.json());
  });
});
