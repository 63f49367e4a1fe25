import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { staticAssets } from './static-assets.ts';

const stylesheet = readFileSync(
  path.join(import.meta.dirname, '..', '..', '..', 'public', 'styles.css'),
);

describe('the static assets', () => {
  const context = useTestApp();
  const get = (url: string, headers: Record<string, string> = {}) =>
    context.app.inject({ method: 'GET', url, headers });

  it('sends the stylesheet compressed once at its smallest, cached a day, the same file decoded', async () => {
    const brotli = await get('/assets/styles.css', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe('public, max-age=86400');
    expect(brotli.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(brotli.rawPayload)).toEqual(stylesheet);
    // Quality 11: under a quarter of the file (quality 4 leaves ~27%).
    expect(brotli.rawPayload.length).toBeLessThan(stylesheet.length / 4);

    const gzip = await get('/assets/styles.css', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload)).toEqual(stylesheet);
    const plain = await get('/assets/styles.css');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload).toEqual(stylesheet);
    expect(new Set([brotli, gzip, plain].map((answer) => answer.headers.etag)).size).toBe(3);
  });

  it('answers a browser revalidating what it has with 304 and no body', async () => {
    const first = await get('/assets/questionnaire.js', { 'accept-encoding': 'br' });
    expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const again = await get('/assets/questionnaire.js', {
      'accept-encoding': 'br',
      'if-none-match': String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // Another encoding is another representation: sent in full.
    const other = await get('/assets/questionnaire.js', {
      'accept-encoding': 'gzip',
      'if-none-match': String(first.headers.etag),
    });
    expect(other.statusCode).toBe(200);
  });

  it('knows only the files of the folder', async () => {
    expect((await get('/assets/nothing.css')).statusCode).toBe(404);
    expect((await get('/assets/..%2Fpackage.json')).statusCode).toBe(404);
    expect((await get('/assets/.hidden')).statusCode).toBe(404);
  });

  it('reads a file again once it changed on disk', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'transforma-assets-'));
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    try {
      const file = path.join(folder, 'site.css');
      writeFileSync(file, `body { color: black; }\n${'.a { margin: 0 }\n'.repeat(100)}`);
      staticAssets(app, folder);
      const before = await app.inject({ url: '/assets/site.css' });
      expect(before.body).toContain('color: black');
      writeFileSync(file, `body { color: navy; }\n${'.a { margin: 0 }\n'.repeat(100)}`);
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      const after = await app.inject({
        url: '/assets/site.css',
        headers: { 'accept-encoding': 'br' },
      });
      expect(brotliDecompressSync(after.rawPayload).toString()).toContain('color: navy');
    } finally {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
