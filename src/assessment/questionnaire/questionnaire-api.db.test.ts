// The respondent's JSON API: autosave batches that are all-or-nothing,
// idempotent, and end with the latest change of each item.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { isoDay } from '../../../test/factories/rounds.ts';
import { dgcaItemCodes } from '../../../test/frameworks.ts';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, second)).toISOString();

function change(itemCode: string, value: number | null, changedAt: string, extra = {}) {
  return {
    itemCode,
    value,
    notApplicable: false,
    comment: null,
    evidenceUrl: null,
    changedAt,
    ...extra,
  };
}

describe('the respondent API', () => {
  const context = useTestApp();
  let saves = 0;
  const save = (token: string, answers: unknown[], saveId = `save-${++saves}-${Date.now()}`) =>
    context.app.inject({
      method: 'PUT',
      url: `/api/respondent/${token}/answers`,
      payload: { saveId, answers },
    });
  const read = async (token: string) =>
    (await context.app.inject({ method: 'GET', url: `/api/respondent/${token}` })).json();
  const rowsOf = (invitationId: string) =>
    context.database.db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .where('responses.invitation_id', '=', invitationId)
      .select(['item_code', 'value', 'comment'])
      .orderBy('item_code')
      .execute();

  it('saves a batch and reads it back, creating the response on the first save', async () => {
    const invitation = await buildInvitation(context.database.db);
    expect((await read(invitation.token)).status).toBe('not_started');
    const response = await save(invitation.token, [
      change('LEA01', 4, at(1), { comment: 'Yes', evidenceUrl: 'https://gov.example/v' }),
      change('LEA02', null, at(1), { notApplicable: true }),
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      duplicate: false,
      written: ['LEA01', 'LEA02'],
      status: 'draft',
    });
    const stored = await read(invitation.token);
    expect(stored.status).toBe('draft');
    expect(stored.answers).toEqual([
      expect.objectContaining({
        itemCode: 'LEA01',
        value: 4,
        comment: 'Yes',
        evidenceUrl: 'https://gov.example/v',
      }),
      expect.objectContaining({ itemCode: 'LEA02', value: null, notApplicable: true }),
    ]);
  });

  it('does not duplicate or regress when a save is retried with the same save id', async () => {
    const invitation = await buildInvitation(context.database.db);
    const first = await save(invitation.token, [change('LEA01', 2, at(1))], 'tab-a-0001');
    await save(invitation.token, [change('LEA01', 5, at(2))], 'tab-a-0002');
    const retried = await save(invitation.token, [change('LEA01', 2, at(1))], 'tab-a-0001');
    expect(first.json().duplicate).toBe(false);
    expect(retried.statusCode).toBe(200);
    // The outcome of the save it repeats, which wrote LEA01 then.
    expect(retried.json()).toMatchObject({ duplicate: true, written: ['LEA01'] });
    expect(await rowsOf(invitation.id)).toEqual([{ item_code: 'LEA01', value: 5, comment: null }]);
    const responses = await context.database.db
      .selectFrom('responses')
      .where('invitation_id', '=', invitation.id)
      .select('id')
      .execute();
    expect(responses).toHaveLength(1);
  });

  it('answers a retry with the outcome of the save it repeats, items that lost included', async () => {
    const invitation = await buildInvitation(context.database.db);
    await save(invitation.token, [change('LEA02', 5, at(9))]);
    const answers = [change('LEA01', 2, at(1)), change('LEA02', 1, at(1))];
    const first = await save(invitation.token, answers, 'tab-b-0001');
    expect(first.json()).toMatchObject({ duplicate: false, written: ['LEA01'] });
    // The same answers, keys in another order and times in another form.
    const reordered = answers.map(({ changedAt, ...rest }) => ({
      changedAt: changedAt.replace('Z', '+00:00'),
      ...rest,
    }));
    const retried = await save(invitation.token, reordered, 'tab-b-0001');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({
      saveId: 'tab-b-0001',
      duplicate: true,
      written: ['LEA01'],
      status: 'draft',
    });
  });

  it('refuses a save id reused for other answers with 409 naming the field, and writes nothing', async () => {
    const invitation = await buildInvitation(context.database.db);
    await save(invitation.token, [change('LEA01', 2, at(1))], 'tab-c-0001');
    for (const other of [
      [change('LEA01', 4, at(2))],
      [change('LEA01', null, at(2))], // clearing the answer
      [change('LEA01', 2, at(1)), change('LEA02', 3, at(1))],
    ]) {
      const reused = await save(invitation.token, other, 'tab-c-0001');
      expect(reused.statusCode).toBe(409);
      expect(reused.json().error).toMatchObject({
        code: 'conflict',
        fields: [{ path: 'body.saveId', message: expect.any(String) }],
      });
    }
    expect(await rowsOf(invitation.id)).toEqual([{ item_code: 'LEA01', value: 2, comment: null }]);
    // The same id through another link is another save altogether.
    const elsewhere = await buildInvitation(context.database.db);
    expect(
      (await save(elsewhere.token, [change('LEA01', 4, at(2))], 'tab-c-0001')).statusCode,
    ).toBe(200);
  });

  it('does not regress when the same content is sent again under a new save id', async () => {
    const invitation = await buildInvitation(context.database.db);
    await save(invitation.token, [change('LEA01', 2, at(1))]);
    await save(invitation.token, [change('LEA01', 3, at(2))]);
    const again = await save(invitation.token, [change('LEA01', 2, at(1))]);
    expect(again.json().written).toEqual([]);
    expect(await rowsOf(invitation.id)).toEqual([{ item_code: 'LEA01', value: 3, comment: null }]);
  });

  it('ends with the latest change of each item when two tabs save at once', async () => {
    const invitation = await buildInvitation(context.database.db);
    // Tab A changed LEA01 last and LEA02 first; tab B the other way round.
    const tabA = [change('LEA01', 1, at(30)), change('LEA02', 1, at(10))];
    const tabB = [change('LEA01', 5, at(20)), change('LEA02', 5, at(40))];
    const results = await Promise.all([
      save(invitation.token, tabA),
      save(invitation.token, tabB),
      save(invitation.token, tabA),
      save(invitation.token, tabB),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(await rowsOf(invitation.id)).toEqual([
      { item_code: 'LEA01', value: 1, comment: null },
      { item_code: 'LEA02', value: 5, comment: null },
    ]);
  });

  it('keeps the latest of many saves racing for one item, in whatever order they arrive', async () => {
    const invitation = await buildInvitation(context.database.db);
    const seconds = [7, 3, 19, 11, 2, 17, 5, 13];
    await Promise.all(
      seconds.map((second) =>
        save(invitation.token, [
          change('LEA03', (second % 5) + 1, at(second), { comment: `at ${second}` }),
        ]),
      ),
    );
    expect(await rowsOf(invitation.id)).toEqual([
      { item_code: 'LEA03', value: 5, comment: 'at 19' },
    ]);
  });

  it('refuses a whole batch with any invalid answer, naming each field, and writes nothing', async () => {
    const invitation = await buildInvitation(context.database.db);
    const response = await save(invitation.token, [
      change('LEA01', 3, at(1)),
      change('LEA02', 7, at(1)),
      change('NOPE01', 3, at(1)),
      change('LEA04', 3, at(1), { comment: 'x'.repeat(2001) }),
      change('LEA05', 3, at(1), { evidenceUrl: 'javascript:alert(1)' }),
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'invalid_request',
      fields: [
        { path: 'body.answers.1.value', message: 'LEA02: is not a value of the item’s scale' },
        {
          path: 'body.answers.2.itemCode',
          message: 'NOPE01: is not an item of this questionnaire',
        },
        { path: 'body.answers.3.comment', message: 'LEA04: must be at most 2000 characters' },
        {
          path: 'body.answers.4.evidenceUrl',
          message: 'LEA05: must be a web address starting with http:// or https://',
        },
      ],
    });
    expect(await rowsOf(invitation.id)).toEqual([]);
    expect((await read(invitation.token)).status).toBe('not_started');
  });

  it('refuses a malformed body with the field it concerns', async () => {
    const invitation = await buildInvitation(context.database.db);
    const response = await save(invitation.token, [{ itemCode: 'LEA01', value: 'four' }]);
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.answers.0.value', 'body.answers.0.changedAt']),
    );
  });

  it('submits only a complete response, keeps it submitted through corrections, and returns it to draft when an answer is cleared', async () => {
    const invitation = await buildInvitation(context.database.db);
    await save(
      invitation.token,
      dgcaItemCodes.slice(0, 90).map((code) => change(code, 3, at(1))),
    );
    const early = await context.app.inject({
      method: 'POST',
      url: `/api/respondent/${invitation.token}/submit`,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      dgcaItemCodes.slice(90),
    );

    await save(
      invitation.token,
      dgcaItemCodes.slice(90).map((code) => change(code, 4, at(1))),
    );
    const submitted = await context.app.inject({
      method: 'POST',
      url: `/api/respondent/${invitation.token}/submit`,
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');

    const corrected = await save(invitation.token, [change('LEA01', 5, at(2))]);
    expect(corrected.json().status).toBe('submitted');
    const cleared = await save(invitation.token, [change('LEA01', null, at(3))]);
    expect(cleared.json().status).toBe('draft');
    expect((await read(invitation.token)).submittedAt).toBeNull();
  });

  it('brings a change dated in the future back to now, so later changes still win', async () => {
    const invitation = await buildInvitation(context.database.db);
    const future = new Date(Date.now() + 3600_000).toISOString();
    await save(invitation.token, [change('LEA01', 1, future)]);
    await save(invitation.token, [change('LEA01', 2, new Date(Date.now() + 1000).toISOString())]);
    expect(await rowsOf(invitation.id)).toEqual([{ item_code: 'LEA01', value: 2, comment: null }]);
  });

  it.each([
    [
      'an unknown link',
      404,
      'invitation_unknown',
      async () => 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0',
    ],
    [
      'a revoked link',
      410,
      'invitation_revoked',
      async () => (await buildInvitation(context.database.db, { revoked: true })).token,
    ],
    [
      'a round not yet open',
      403,
      'round_not_open',
      async () =>
        (await buildInvitation(context.database.db, { roundOverrides: { opensOn: isoDay(2) } }))
          .token,
    ],
    [
      'a closed round',
      410,
      'round_closed',
      async () =>
        (await buildInvitation(context.database.db, { roundOverrides: { status: 'closed' } }))
          .token,
    ],
  ])('answers %s with %i and code %s, and saves nothing', async (_, status, code, token) => {
    const secret = await token();
    const saved = await save(secret, [change('LEA01', 3, at(1))]);
    expect(saved.statusCode).toBe(status);
    expect(saved.json().error).toMatchObject({ code, fields: [{ path: 'params.token' }] });
    const read = await context.app.inject({ method: 'GET', url: `/api/respondent/${secret}` });
    expect(read.statusCode).toBe(status);
    const submit = await context.app.inject({
      method: 'POST',
      url: `/api/respondent/${secret}/submit`,
    });
    expect(submit.statusCode).toBe(status);
  });

  it('describes the autosave in the OpenAPI document', async () => {
    const document = (await context.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/respondent/{token}/answers'].put).toBeDefined();
    expect(document.paths['/api/respondent/{token}/submit'].post).toBeDefined();
    expect(document.components.schemas.AnswerChange).toBeDefined();
  });
});
