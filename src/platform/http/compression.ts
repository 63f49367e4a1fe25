// Compression of what the app answers in one piece (pages, JSON): each body
// compressed at once, in one synchronous call, at a quality chosen by
// measurement. Streams (exports) and very large bodies are left to
// @fastify/compress, which compresses them on libuv's thread pool.
//
// Why not @fastify/compress for everything: it pipes every body through a
// stream chain (an async iterator, a peeking stream, a zlib stream working on
// the pool), whose turns of the event loop and pool hops cost far more than
// the compression: measured in-process on a 55 KB questionnaire page on a busy
// 2-core machine, 12.6 ms uncompressed, 26.6 ms with brotli through it, while
// brotli itself takes 0.5 ms. A one-shot call on the pool (zlib.brotliCompress)
// still cost ~5 ms more than none there, waiting for a pool thread to get a
// core; in one synchronous call the page takes the same time as uncompressed.
//
// The quality, measured on the largest pages (Node 20, one core of a busy
// 2-core machine; bytes on the wire and median time to compress):
//
//                        brotli q4       brotli q5       brotli q11      gzip 4          gzip 6
//   results agencies     11.5 KB 0.5 ms  10.3 KB 0.8 ms   8.5 KB 96 ms   12.6 KB 0.3 ms  12.2 KB 0.4 ms
//     (demo 2025, 98 KB)
//   framework dgca       10.3 KB 0.6 ms   9.6 KB 0.8 ms   7.9 KB 33 ms   10.9 KB 0.3 ms  10.4 KB 0.5 ms
//     (39 KB)
//   questionnaire page   10.8 KB 0.5 ms  10.2 KB 0.6 ms        –         12.3 KB 0.4 ms  11.7 KB 0.6 ms
//     (LEG-POL, 56 KB)
//
// Brotli's default quality, 11, costs a hundred times more for 15–25% fewer
// bytes: more than rendering the page. Quality 4 is within 5–12% of 5's bytes
// for two thirds of its time, on the path a respondent without JavaScript
// takes for every page (a submit and the next page). gzip, for clients
// without brotli, at zlib's default level 6: within 10% of brotli's bytes.
import { promisify } from 'node:util';
import {
  type BrotliOptions,
  brotliCompress,
  brotliCompressSync,
  constants,
  gzip,
  gzipSync,
  type ZlibOptions,
} from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 6;

// Below this a body gains less from compression than the work costs, and may
// even grow (a TCP packet carries ~1,400 bytes).
const threshold = 1024;
// Above this (~5 ms of brotli), compressing in one call would hold up every
// other request: a body this large is left to @fastify/compress's stream.
const largest = 1024 * 1024;

const compressible = /^(?:text\/|application\/(?:json|javascript|xml)|image\/svg\+xml|[^;]*\+json)/;

export type Encoding = 'br' | 'gzip';

/** The encoding the client prefers among brotli and gzip, by its Accept-Encoding q-values. */
export function chosenEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  let chosen: Encoding | undefined;
  let chosenWeight = 0;
  let anyWeight: number | undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isNaN(weight)) continue;
    if (name === '*') anyWeight = weight;
    else weights.set(name, weight);
  }
  // brotli first: on a tie it wins, being smaller.
  for (const encoding of ['br', 'gzip'] as const) {
    const weight = weights.get(encoding) ?? anyWeight ?? 0;
    if (weight > chosenWeight) {
      chosen = encoding;
      chosenWeight = weight;
    }
  }
  return chosen;
}

export function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: GZIP_LEVEL });
}

// What is compressed once and sent many times (the static assets, the
// questions a respondent's script fetches) is worth brotli's and gzip's best:
// 15–25% fewer bytes for a hundred times the work, done once.
const bestOptions = (body: Buffer): Record<Encoding, BrotliOptions & ZlibOptions> => ({
  br: {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  },
  gzip: { level: constants.Z_BEST_COMPRESSION },
});

/** `body` at the encoding's best, in one synchronous call. */
export function compressBest(body: Buffer, encoding: Encoding): Buffer {
  const options = bestOptions(body)[encoding];
  return encoding === 'br' ? brotliCompressSync(body, options) : gzipSync(body, options);
}

const brotliOnPool = promisify(brotliCompress);
const gzipOnPool = promisify(gzip);
const compressedOnce = new WeakMap<object, Map<Encoding, Promise<Buffer>>>();

/**
 * Sends `body`, which never changes while `owner` lives, compressed at its
 * encoding's best the first time it is asked for and kept with `owner`. The
 * first compression runs on libuv's pool (quality 11 takes ~60 ms for the
 * dgca questions), so no other request waits for it.
 */
export async function sendCompressedOnce(
  request: FastifyRequest,
  reply: FastifyReply,
  owner: object,
  body: string,
): Promise<FastifyReply> {
  reply.header('vary', varyOnEncoding(reply.getHeader('vary')));
  const encoding = chosenEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(body);
  let byEncoding = compressedOnce.get(owner);
  if (!byEncoding) {
    byEncoding = new Map();
    compressedOnce.set(owner, byEncoding);
  }
  let compressed = byEncoding.get(encoding);
  if (!compressed) {
    const plain = Buffer.from(body);
    const options = bestOptions(plain)[encoding];
    compressed = encoding === 'br' ? brotliOnPool(plain, options) : gzipOnPool(plain, options);
    byEncoding.set(encoding, compressed);
  }
  return reply.header('content-encoding', encoding).send(await compressed);
}

/** Adds `accept-encoding` to the reply's Vary header, keeping what it already names. */
export function varyOnEncoding(vary: string | number | string[] | undefined): string {
  const names = [vary ?? []]
    .flat()
    .flatMap((value) => String(value).split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => name === '*' || name.toLowerCase() === 'accept-encoding'))
    return names.join(', ');
  return [...names, 'accept-encoding'].join(', ');
}

export function registerCompression(app: FastifyInstance) {
  // An app-wide onSend hook runs before the per-route one of @fastify/compress,
  // which leaves alone a body that already has a Content-Encoding.
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !compressible.test(type)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < threshold || body.length > largest) return payload;
    reply.header('vary', varyOnEncoding(reply.getHeader('vary')));
    const encoding = chosenEncoding(request.headers['accept-encoding']);
    if (!encoding) return payload;
    const compressed = compress(body, encoding);
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
}
