// The files of public/ under /assets/: read and compressed once, at start, at
// brotli's and gzip's best (quality 11 takes ~12 ms for the stylesheet, once,
// instead of quality 4 on every request that misses the browser's cache:
// styles.css 12.7 KB → 3.0 KB, questionnaire.js 14.1 KB → 3.8 KB), then sent
// from memory with an ETag per encoding, so a browser's revalidation is a 304.
// A file changed on disk (while developing) is read and compressed again on
// its next request.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { chosenEncoding, compressBest, type Encoding } from './compression.ts';
import type { App } from './feature.ts';

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const compressible = new Set(['.css', '.js', '.json', '.svg', '.txt']);
// Below this a file gains nothing worth a header (one TCP packet either way).
const threshold = 1024;

interface Asset {
  type: string;
  modified: number;
  size: number;
  lastModified: string;
  plain: { body: Buffer; etag: string };
  encoded: Partial<Record<Encoding, { body: Buffer; etag: string }>>;
}

function readAsset(file: string, modified: number, size: number): Asset {
  const extension = path.extname(file);
  const body = readFileSync(file);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const encoded: Asset['encoded'] = {};
  if (compressible.has(extension) && body.length >= threshold) {
    encoded.br = { body: compressBest(body, 'br'), etag: `"${hash}-br"` };
    encoded.gzip = { body: compressBest(body, 'gzip'), etag: `"${hash}-gz"` };
  }
  return {
    type: contentTypes[extension] ?? 'application/octet-stream',
    modified,
    size,
    lastModified: new Date(modified).toUTCString(),
    plain: { body, etag: `"${hash}"` },
    encoded,
  };
}

const assetParams = z.object({ name: z.string().max(200) });

export function staticAssets(app: App, folder: string) {
  const assets = new Map<string, Asset>();

  /** The file as last read, read again if it changed; undefined if there is none. */
  function assetNamed(name: string): Asset | undefined {
    // One file directly in the folder: no path, nothing hidden.
    if (!/^[\w-][\w.-]*$/.test(name)) return undefined;
    const file = path.join(folder, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      assets.delete(name);
      return undefined;
    }
    const known = assets.get(name);
    if (known && known.modified === stat.mtimeMs && known.size === stat.size) return known;
    const asset = readAsset(file, stat.mtimeMs, stat.size);
    assets.set(name, asset);
    return asset;
  }

  for (const name of readdirSync(folder)) assetNamed(name);

  app.get(
    '/assets/:name',
    {
      schema: { hide: true, params: assetParams },
      config: { access: 'public' },
      // Compressed already, or not worth it.
      compress: false,
    },
    async (request, reply) => {
      const asset = assetNamed(request.params.name);
      if (!asset) return reply.callNotFound();
      const encoding = chosenEncoding(request.headers['accept-encoding']);
      const chosen = (encoding && asset.encoded[encoding]) || asset.plain;
      reply
        .header('content-type', asset.type)
        .header('cache-control', 'public, max-age=86400')
        .header('last-modified', asset.lastModified)
        .header('etag', chosen.etag);
      if (Object.keys(asset.encoded).length > 0) reply.header('vary', 'accept-encoding');
      if (chosen !== asset.plain && encoding) reply.header('content-encoding', encoding);
      const known = request.headers['if-none-match'];
      if (known?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === chosen.etag))
        return reply.code(304).send();
      return reply.send(chosen.body);
    },
  );
}
