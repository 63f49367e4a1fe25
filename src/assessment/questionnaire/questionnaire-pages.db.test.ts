// The respondent's questionnaire through its pages, as with JavaScript off:
// forms post, the server saves and redirects, errors re-render beside the field.
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildRound, isoDay } from '../../../test/factories/rounds.ts';
import { readReferenceFramework } from '../../../test/frameworks.ts';
import { BROTLI_QUALITY } from '../../platform/http/compression.ts';
import { frameworkSchema } from '../frameworks/framework-schema.ts';
import { questionnairePages } from './task-list.ts';

const dgca = frameworkSchema.parse(readReferenceFramework('dgca'));
const pages = questionnairePages(dgca);

function form(fields: Record<string, string>) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** Every item of a page answered, with the values 1–5 in turn. */
function pageAnswers(code: string) {
  const page = pages.find((p) => p.code === code)!;
  return Object.fromEntries(
    page.subdimension.items.map((item, index) => [`${item.code}.value`, String((index % 5) + 1)]),
  );
}

/** Where a page's script fetches the questions (client-data.ts). */
function questionsHref(body: string): string {
  const data = body.match(
    /<script type="application\/json" id="questionnaire-data">(.*?)<\/script>/s,
  );
  return JSON.parse(data?.[1] ?? '{}').questions;
}

describe('answering the questionnaire with pages', () => {
  const context = useTestApp();
  const get = (url: string) => context.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string>) =>
    context.app.inject({ method: 'POST', url, ...form(fields) });
  const answersOf = (invitationId: string) =>
    context.database.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .where('responses.invitation_id', '=', invitationId)
      .select(['item_code', 'value', 'not_applicable', 'comment', 'evidence_url', 'status'])
      .orderBy('item_code')
      .execute();

  it('takes a respondent from the task list through all 20 dgca pages, check your answers, submit and confirmation', async () => {
    const invitation = await buildInvitation(context.database.db);
    const start = await get(`/r/${invitation.token}`);
    expect(start.statusCode).toBe(200);
    expect(start.headers['cache-control']).toBe('no-store');
    expect(start.body.match(/tag-not_started/g)).toHaveLength(6 + 20);
    expect(start.body).toContain(`href="/r/${invitation.token}/s/LEA-VIS"`);

    let url = `/r/${invitation.token}/s/${pages[0]!.code}`;
    for (const [index, page] of pages.entries()) {
      expect(url).toBe(`/r/${invitation.token}/s/${page.code}`);
      const shown = await get(url);
      expect(shown.statusCode).toBe(200);
      expect(shown.body.match(/<fieldset/g)).toHaveLength(page.subdimension.items.length);
      const fields = pageAnswers(page.code);
      if (index === 0) {
        fields['LEA01.comment'] = 'Written down in the 2025 plan';
        fields['LEA01.evidence'] = 'https://gov.example/plan.pdf';
      }
      const saved = await post(url, fields);
      expect(saved.statusCode).toBe(303);
      url = saved.headers.location as string;
    }
    expect(url).toBe(`/r/${invitation.token}/check`);

    const midway = await get(`/r/${invitation.token}`);
    expect(midway.body.match(/tag-completed/g)).toHaveLength(6 + 20);
    const check = await get(url);
    expect(check.statusCode).toBe(200);
    expect(check.body.match(/class="check-row"/g)).toHaveLength(94);
    expect(check.body).not.toContain('Not answered');
    expect(check.body).toContain('Written down in the 2025 plan');

    const submitted = await post(`/r/${invitation.token}/submit`, {});
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`/r/${invitation.token}/done`);
    const done = await get(`/r/${invitation.token}/done`);
    expect(done.body).toContain('Answers submitted');

    const stored = await answersOf(invitation.id);
    expect(stored).toHaveLength(94);
    expect(new Set(stored.map((answer) => answer.status))).toEqual(new Set(['submitted']));
    expect(stored.find((answer) => answer.item_code === 'LEA01')).toMatchObject({
      value: 1,
      comment: 'Written down in the 2025 plan',
      evidence_url: 'https://gov.example/plan.pdf',
    });

    // Changing an answer after submitting keeps the response submitted.
    const changed = await post(`/r/${invitation.token}/s/LEA-VIS?return=check`, {
      ...pageAnswers('LEA-VIS'),
      'LEA01.value': 'na',
      'LEA01.comment': 'Written down in the 2025 plan',
      'LEA01.evidence': 'https://gov.example/plan.pdf',
    });
    expect(changed.headers.location).toBe(`/r/${invitation.token}/check`);
    const after = await answersOf(invitation.id);
    expect(after.find((answer) => answer.item_code === 'LEA01')).toMatchObject({
      value: null,
      not_applicable: true,
      status: 'submitted',
    });
  });

  it('opens in the language the respondent was invited in, unless they choose another', async () => {
    const invitation = await buildInvitation(context.database.db, { language: 'es' });
    const page = await context.app.inject({
      method: 'GET',
      url: `/r/${invitation.token}`,
      headers: { 'accept-language': 'en' },
    });
    expect(page.body).toContain('<html lang="es"');
    const chosen = await context.app.inject({
      method: 'GET',
      url: `/r/${invitation.token}?lang=en`,
    });
    expect(chosen.body).toContain('<html lang="en"');
    const remembered = await context.app.inject({
      method: 'GET',
      url: `/r/${invitation.token}`,
      cookies: { lang: 'en' },
    });
    expect(remembered.body).toContain('<html lang="en"');
  });

  it('writes only what a page changes: nothing for an item left blank, nothing when posted again unchanged', async () => {
    const invitation = await buildInvitation(context.database.db);
    const url = `/r/${invitation.token}/s/LEA-VIS`;
    const stored = () =>
      context.database.db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .where('responses.invitation_id', '=', invitation.id)
        .select(['item_code', 'value', 'answers.updated_at'])
        .orderBy('item_code')
        .execute();
    const { 'LEA04.value': _left, ...allButOne } = pageAnswers('LEA-VIS');
    await post(url, allButOne);
    const first = await stored();
    expect(first.map((answer) => answer.item_code)).toEqual(['LEA01', 'LEA02', 'LEA03']);

    expect((await post(url, allButOne)).statusCode).toBe(303);
    expect(await stored()).toEqual(first);

    await post(url, { ...allButOne, 'LEA02.value': '5' });
    const third = await stored();
    expect(third.map((answer) => answer.value)).toEqual([1, 5, 3]);
    expect(third[0]).toEqual(first[0]);
    expect(third[2]).toEqual(first[2]);
    expect(third[1]?.updated_at).not.toEqual(first[1]?.updated_at);
  });

  it('saves every page submitted at the same moment by many respondents, a page twice by one of them, and a page that clears an answer', async () => {
    const round = await buildRound(context.database.db);
    const invitations = await Promise.all(
      Array.from({ length: 12 }, () => buildInvitation(context.database.db, { round })),
    );
    const [twice, clearing] = invitations as [(typeof invitations)[0], (typeof invitations)[0]];
    await post(`/r/${clearing.token}/s/LEA-VIS`, pageAnswers('LEA-VIS'));
    const changed = { ...pageAnswers('LEA-VIS'), 'LEA01.value': '5' };
    const cleared = { ...pageAnswers('LEA-VIS'), 'LEA01.value': '' };
    const submits = await Promise.all([
      ...invitations
        .filter((invitation) => invitation !== clearing)
        .map((invitation) => post(`/r/${invitation.token}/s/LEA-VIS`, pageAnswers('LEA-VIS'))),
      post(`/r/${twice.token}/s/LEA-VIS`, changed),
      post(`/r/${clearing.token}/s/LEA-VIS`, cleared),
    ]);
    for (const submit of submits) {
      expect(submit.statusCode).toBe(303);
      expect(submit.headers.location).toMatch(new RegExp(`/s/${pages[1]!.code}$`));
    }
    const itemCount = Object.keys(pageAnswers('LEA-VIS')).length;
    for (const invitation of invitations) {
      const stored = await answersOf(invitation.id);
      const lea01 = stored.find((answer) => answer.item_code === 'LEA01');
      expect(stored).toHaveLength(itemCount);
      if (invitation === clearing) {
        expect(lea01).toMatchObject({ value: null, not_applicable: false });
      } else {
        // One respondent's two submits are written in turn, neither lost.
        if (invitation === twice) expect([1, 5]).toContain(lea01?.value);
        else expect(lea01?.value).toBe(1);
      }
    }
  });

  it('shows a value outside the scale beside its field, with a summary, and saves nothing of the page', async () => {
    const invitation = await buildInvitation(context.database.db);
    const response = await post(`/r/${invitation.token}/s/LEA-VIS`, {
      ...pageAnswers('LEA-VIS'),
      'LEA02.value': '9',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('class="error-summary"');
    expect(response.body).toContain(
      '<a href="#LEA02-value">Choose one of the answers offered for LEA02</a>',
    );
    expect(response.body).toContain('id="LEA02-value-error"');
    // What the respondent chose stays chosen on the re-rendered page.
    expect(response.body).toMatch(/id="LEA01-value" name="LEA01.value" value="1" checked/);
    expect(await answersOf(invitation.id)).toEqual([]);
  });

  it('refuses an oversized comment and an evidence link that is not a web address, naming each', async () => {
    const invitation = await buildInvitation(context.database.db);
    const response = await post(`/r/${invitation.token}/s/LEA-VIS`, {
      'LEA01.value': '3',
      'LEA01.comment': 'x'.repeat(2001),
      'LEA03.evidence': 'www.example.org',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#LEA01-comment"');
    expect(response.body).toContain(
      'The comment on LEA01 must be 2,000 characters or fewer; it has 2,001',
    );
    expect(response.body).toContain('href="#LEA03-evidence"');
    expect(await answersOf(invitation.id)).toEqual([]);
  });

  it('gives a pasted comment of megabytes back only up to its limit, with the rest of the page kept', async () => {
    const invitation = await buildInvitation(context.database.db);
    const response = await post(`/r/${invitation.token}/s/LEA-VIS`, {
      'LEA01.value': '3',
      'LEA01.comment': `Start ${'x'.repeat(1_500_000)}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('it has 1,500,006');
    expect(response.body.length).toBeLessThan(100_000);
    expect(response.body).toContain(`>Start ${'x'.repeat(1994)}</textarea>`);
    expect(response.body).toMatch(
      /name="LEA01.value"[^>]*value="3"[^>]*checked|value="3"[^>]*checked/,
    );
  });

  it('refuses to submit while statements are unanswered, listing them', async () => {
    const invitation = await buildInvitation(context.database.db);
    await post(`/r/${invitation.token}/s/LEA-VIS`, pageAnswers('LEA-VIS'));
    const response = await post(`/r/${invitation.token}/submit`, {});
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      '<a href="#check-LEA05">Answer LEA05 or choose “not applicable”</a>',
    );
    expect(response.body).not.toContain('href="#check-LEA01"');
    const done = await get(`/r/${invitation.token}/done`);
    expect(done.statusCode).toBe(303);
  });

  it('weighs at most 50 KB on the wire with everything it loads, on the largest dgca page', async () => {
    const invitation = await buildInvitation(context.database.db);
    const headers = { 'accept-encoding': 'br' };
    const page = await context.app.inject({ url: `/r/${invitation.token}/s/LEG-POL`, headers });
    expect(page.headers['content-encoding']).toBe('br');
    let bytes = page.rawPayload.length;
    // The questions too, which the script fetches on the first page.
    const questions = questionsHref(brotliDecompressSync(page.rawPayload).toString());
    for (const asset of ['/assets/styles.css', '/assets/questionnaire.js', questions]) {
      bytes += (await context.app.inject({ url: asset, headers })).rawPayload.length;
    }
    expect(bytes).toBeLessThan(50 * 1024);
  });

  it('leaves the questions out of each page: the script fetches them once, and the browser keeps them', async () => {
    const invitation = await buildInvitation(context.database.db);
    const first = await get(`/r/${invitation.token}/s/LEA-VIS`);
    const second = await get(`/r/${invitation.token}/s/${pages[1]!.code}`);
    const href = questionsHref(first.body);
    expect(href).toMatch(new RegExp(`^/r/${invitation.token}/questions/en/[\\w-]{16}$`));
    expect(questionsHref(second.body)).toBe(href);
    // The page carries its own statements, not every other page's.
    expect(first.body).toContain('LEA01');
    expect(first.body).not.toContain('LEG01');

    const fetched = await get(href);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const questions = fetched.json();
    expect(questions.pages.map((page: { code: string }) => page.code)).toEqual(
      pages.map((page) => page.code),
    );
    expect(questions.pages[0].caption).toBe('Leadership · Page 1 of 20');
    expect(Object.keys(questions.scales)).toEqual(dgca.scales.map((scale) => scale.key));

    const spanish = await get(`/r/${invitation.token}/s/LEA-VIS?lang=es`);
    const inSpanish = await get(questionsHref(spanish.body));
    expect(questionsHref(spanish.body)).toMatch(/\/questions\/es\//);
    expect(inSpanish.json().pages[0].caption).toBe('Liderazgo · Página 1 de 20');

    const revoked = await buildInvitation(context.database.db, { revoked: true });
    expect((await get(`/r/${revoked.token}/questions/en/anything`)).statusCode).toBe(410);
    expect((await get(`/r/${invitation.token}/questions/fr/anything`)).statusCode).toBe(400);
  });

  it('sends the questions compressed at brotli’s best, once for every respondent, the same document as uncompressed', async () => {
    const invitation = await buildInvitation(context.database.db);
    const href = questionsHref((await get(`/r/${invitation.token}/s/LEA-VIS`)).body);
    const plain = await get(href);
    const fetch = (encoding: string) =>
      context.app.inject({ url: href, headers: { 'accept-encoding': encoding } });
    const [brotli, again, gzipped] = [await fetch('br'), await fetch('br'), await fetch('gzip')];
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(again.rawPayload.equals(brotli.rawPayload)).toBe(true);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    // Pages are compressed at quality 4 as they are sent; the questions, sent
    // alike to every respondent, at 11: about a fifth fewer bytes.
    const atPagesQuality = brotliCompressSync(plain.rawPayload, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY },
    });
    expect(brotli.rawPayload.length).toBeLessThan(atPagesQuality.length * 0.85);
  });

  it('lets someone signed in answer through a link, their forms carrying the session’s CSRF token', async () => {
    const invitation = await buildInvitation(context.database.db);
    const { cookie, csrfToken } = await signInAs(context.database, 'focal_point');
    const url = `/r/${invitation.token}/s/LEA-VIS`;
    const page = await context.app.inject({ url, headers: { cookie } });
    expect(page.body).toContain(`<input type="hidden" name="_csrf" value="${csrfToken}"/>`);
    const withToken = { ...form({ ...pageAnswers('LEA-VIS'), _csrf: csrfToken }) };
    const saved = await context.app.inject({
      method: 'POST',
      url,
      payload: withToken.payload,
      headers: { ...withToken.headers, cookie },
    });
    expect(saved.statusCode).toBe(303);
    expect(await answersOf(invitation.id)).toHaveLength(4);
  });

  it('answers an unknown page of a valid link with not found', async () => {
    const invitation = await buildInvitation(context.database.db);
    expect((await get(`/r/${invitation.token}/s/NOPE`)).statusCode).toBe(404);
  });

  it('takes the nine pillars by stage, each stage with its descriptor and no "not applicable"', async () => {
    const invitation = await buildInvitation(context.database.db, {
      roundOverrides: { frameworkKey: 'nine-pillars' },
    });
    const page = await get(`/r/${invitation.token}/s/VLM-G`);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/type="radio"/g)).toHaveLength(4);
    expect(page.body).not.toContain('value="na"');
    expect(page.body.match(/<span class="hint">/g)).toHaveLength(4);
    const refused = await post(`/r/${invitation.token}/s/VLM-G`, { 'VLM01.value': 'na' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('VLM01 cannot be answered “not applicable”');
    const saved = await post(`/r/${invitation.token}/s/VLM-G`, { 'VLM01.value': '3' });
    expect(saved.headers.location).toBe(`/r/${invitation.token}/s/LIF-G`);
  });
});

describe('a link that does not open its questionnaire', () => {
  const context = useTestApp();
  const get = (url: string) => context.app.inject({ method: 'GET', url });

  it.each([
    [
      'an unknown link',
      404,
      'This link does not open a questionnaire',
      async () => 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0',
    ],
    [
      'a revoked link',
      410,
      'This invitation link has been withdrawn',
      async () => (await buildInvitation(context.database.db, { revoked: true })).token,
    ],
    [
      'a round not yet open',
      403,
      'This questionnaire is not open yet',
      async () =>
        (await buildInvitation(context.database.db, { roundOverrides: { opensOn: isoDay(3) } }))
          .token,
    ],
    [
      'a draft round',
      403,
      'This questionnaire is not open yet',
      async () =>
        (await buildInvitation(context.database.db, { roundOverrides: { status: 'draft' } })).token,
    ],
    [
      'a round past its closing date',
      410,
      'This questionnaire has closed',
      async () =>
        (
          await buildInvitation(context.database.db, {
            roundOverrides: { opensOn: isoDay(-30), closesOn: isoDay(-1) },
          })
        ).token,
    ],
    [
      'a closed round',
      410,
      'This questionnaire has closed',
      async () =>
        (await buildInvitation(context.database.db, { roundOverrides: { status: 'closed' } }))
          .token,
    ],
  ])('%s shows why, with status %i, on every page, and saves nothing', async (_, status, title, token) => {
    const secret = await token();
    for (const url of [`/r/${secret}`, `/r/${secret}/s/LEA-VIS`, `/r/${secret}/check`]) {
      const response = await get(url);
      expect(response.statusCode).toBe(status);
      expect(response.body).toContain(`<h1>${title}</h1>`);
    }
    const posted = await context.app.inject({
      method: 'POST',
      url: `/r/${secret}/s/LEA-VIS`,
      ...form({ 'LEA01.value': '3' }),
    });
    expect(posted.statusCode).toBe(status);
    const submitted = await context.app.inject({
      method: 'POST',
      url: `/r/${secret}/submit`,
      ...form({}),
    });
    expect(submitted.statusCode).toBe(status);
  });

  it('refuses a page from a link withdrawn after its first page was saved, in the language it was sent in', async () => {
    const invitation = await buildInvitation(context.database.db, { language: 'es' });
    const post = (code: string) =>
      context.app.inject({
        method: 'POST',
        url: `/r/${invitation.token}/s/${code}`,
        ...form({ [`${code === 'LEA-VIS' ? 'LEA01' : 'LEA05'}.value`]: '3' }),
      });
    expect((await post('LEA-VIS')).statusCode).toBe(303);
    await context.database.db
      .updateTable('invitations')
      .set({ revoked_at: new Date() })
      .where('id', '=', invitation.id)
      .execute();
    const refused = await post(pages[1]!.code);
    expect(refused.statusCode).toBe(410);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toContain('<html lang="es"');
    const saved = await context.database.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .where('responses.invitation_id', '=', invitation.id)
      .select('item_code')
      .execute();
    expect(saved).toEqual([{ item_code: 'LEA01' }]);
  });

  it('tells a respondent of a round that has not opened when it opens, in Spanish too', async () => {
    const round = await buildRound(context.database.db, {
      name: 'Ronda 2027',
      opensOn: '2099-01-04',
      closesOn: '2099-02-01',
    });
    const { token } = await buildInvitation(context.database.db, { round });
    const response = await get(`/r/${token}?lang=es`);
    expect(response.body).toContain('«Ronda 2027» se abre el 4 ene 2099.');
  });
});
