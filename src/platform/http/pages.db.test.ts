import { brotliCompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { buildWorkspace } from '../../../test/factories/workspace.ts';

const pages = [
  '/',
  '/agencies',
  '/frameworks',
  '/frameworks/dgca',
  '/frameworks/nine-pillars',
  '/rounds',
];

describe('pages of a workspace', () => {
  const context = useTestApp();
  let session: Record<string, string> = {};
  beforeAll(async () => {
    const { db } = context.database;
    await buildWorkspace(db, { name: 'Republic of Testland' });
    session = headersOf(await signInAs(context.database, 'viewer'));
    // As many agencies as a country has, so the weight of full pages is measured:
    // 20 national, 10 subnational, 10 local, every one in the round.
    const agencyIds = [];
    for (const [level, count] of [
      ['national', 20],
      ['subnational', 10],
      ['local', 10],
    ] as const)
      for (let i = 0; i < count; i++) agencyIds.push((await buildAgency(db, { level })).id);
    await buildRound(db, { agencyIds });
  });
  // Requests of a signed-in viewer; a `cookie` header given here adds to the session's.
  const get = (url: string, headers: Record<string, string> = {}) =>
    context.app.inject({
      method: 'GET',
      url,
      headers: {
        ...session,
        ...headers,
        cookie: [session.cookie, headers.cookie].filter(Boolean).join('; '),
      },
    });

  async function roundPath() {
    const rounds = (await get('/api/rounds')).json().rounds;
    return `/rounds/${rounds[0].id}`;
  }

  it.each(pages)('%s answers in English with its language declared', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(response.body).toContain('Republic of Testland');
  });

  it('shows every page, with the stylesheet it loads, in at most 50 KB on the wire', async () => {
    const stylesheet = await get('/assets/styles.css', { 'accept-encoding': 'br' });
    expect(stylesheet.statusCode).toBe(200);
    const stylesheetBytes =
      stylesheet.headers['content-encoding'] === 'br'
        ? stylesheet.rawPayload.length
        : brotliCompressSync(stylesheet.rawPayload).length;
    const weights = [];
    for (const url of [...pages, await roundPath()]) {
      const page = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(page.headers['content-encoding']).toBe('br');
      weights.push({ url, bytes: page.rawPayload.length + stylesheetBytes });
    }
    expect(weights.filter(({ bytes }) => bytes > 50 * 1024)).toEqual([]);
  });

  it('lists all 94 items of dgca, grouped in its dimensions and sub-dimensions', async () => {
    const { body } = await get('/frameworks/dgca');
    expect(body.match(/<li class="item"/g)).toHaveLength(94);
    expect(body.match(/<section[^>]* class="dimension"/g)).toHaveLength(6);
    expect(body.match(/<section[^>]* class="subdimension"/g)).toHaveLength(20);
    expect(body).toContain('id="LEA04"');
  });

  it('shows the nine pillars, each with a descriptor for each of the four stages', async () => {
    const { body } = await get('/frameworks/nine-pillars');
    expect(body.match(/<li class="item"/g)).toHaveLength(9);
    expect(body.match(/<table class="stages">/g)).toHaveLength(9);
    const stageRows = body
      .match(/<table class="stages">[\s\S]*?<\/table>/g)!
      .map((table) => table.match(/<tr>/g)!.length - 1);
    expect(stageRows).toEqual(Array(9).fill(4));
  });

  it('switches to Spanish from the language link and remembers the choice', async () => {
    const switched = await get('/agencies?lang=es');
    expect(switched.body).toMatch(/<html lang="es"/);
    expect(switched.body).toContain('<h1>Instituciones</h1>');
    const cookie = switched.cookies.find((c) => c.name === 'lang');
    expect(cookie).toMatchObject({ value: 'es', httpOnly: true, sameSite: 'Lax' });
    const next = await get('/rounds', { cookie: 'lang=es' });
    expect(next.body).toContain('<h1>Rondas de evaluación</h1>');
  });

  it('follows the browser’s language when the reader has not chosen one', async () => {
    const response = await get('/', { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' });
    expect(response.body).toMatch(/<html lang="es"/);
  });

  it('filters agencies by level and sector with a plain form', async () => {
    const local = await get('/agencies?level=local&sector=');
    expect(local.statusCode).toBe(200);
    const levels = [...local.body.matchAll(/<td>(National|Subnational|Local)<\/td>/g)].map(
      (m) => m[1],
    );
    expect(levels).toEqual(Array(10).fill('Local'));
  });

  it('shows a round’s response counts per agency and in total', async () => {
    const response = await get(await roundPath());
    expect(response.statusCode).toBe(200);
    const rows = response.body.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g);
    expect(rows).toHaveLength(40);
    expect(response.body).toContain('All agencies');
  });

  it('answers an unknown page with a 404 page in the reader’s language', async () => {
    const response = await get('/nowhere', { cookie: 'lang=es' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Página no encontrada');
  });

  it('never links off the site from an address that names another site', async () => {
    const response = await get('//evil.example/x');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('href="//evil.example');
    expect(response.body).toContain('href="/?lang=es"');
  });

  it('answers a malformed address with a 400 page, not a crash', async () => {
    const response = await get('/rounds/not-a-round');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem with the request');
  });
});
