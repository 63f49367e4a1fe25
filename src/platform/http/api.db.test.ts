import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildAgency } from '../../../test/factories/agencies.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';

describe('the JSON API', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  beforeAll(async () => {
    const { db } = context.database;
    headers = headersOf(await signInAs(context.database, 'viewer'));
    const finance = await buildAgency(db, { name: 'Ministry of Finance', sector: 'finance' });
    const region = await buildAgency(db, { name: 'Northern Region', level: 'subnational' });
    const council = await buildAgency(db, {
      name: 'Riverside Council',
      level: 'local',
      parentId: region.id,
    });
    // A closed round: the ministry invited five (one link since revoked), two
    // submitted and one started without submitting; the council invited two,
    // one submitted; the region invited nobody.
    const round = await buildRound(db, {
      status: 'closed',
      agencyIds: [finance.id, region.id, council.id],
    });
    const respond = (agencyId: string, status: 'draft' | 'submitted') =>
      buildResponse(db, { round, agencyId, answers: { LEA01: 3 }, status });
    await respond(finance.id, 'submitted');
    await respond(finance.id, 'submitted');
    await respond(finance.id, 'draft');
    await buildInvitation(db, { round, agencyId: finance.id });
    await buildInvitation(db, { round, agencyId: finance.id, revoked: true });
    await respond(council.id, 'submitted');
    await buildInvitation(db, { round, agencyId: council.id });
  });
  const get = (url: string) => context.app.inject({ method: 'GET', url, headers });

  it('publishes a valid OpenAPI document covering every API route', async () => {
    const response = await get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/agencies',
      '/api/agencies/import',
      '/api/agencies/{id}',
      '/api/audit',
      '/api/audit/export',
      '/api/crosswalks',
      '/api/crosswalks/{key}/versions/{version}',
      '/api/frameworks',
      '/api/frameworks/xlsform',
      '/api/frameworks/{key}',
      '/api/frameworks/{key}/versions/{version}',
      '/api/frameworks/{key}/versions/{version}/xlsform',
      '/api/frameworks/{key}/xlsform',
      '/api/invitations/{id}/revoke',
      '/api/lenses',
      '/api/lenses/{key}/versions/{version}',
      '/api/members',
      '/api/members/{userId}',
      '/api/plans',
      '/api/plans/{id}',
      '/api/plans/{id}/copy',
      '/api/plans/{id}/initiatives',
      '/api/plans/{id}/initiatives/{initiativeId}',
      '/api/plans/{id}/initiatives/{initiativeId}/communications',
      '/api/plans/{id}/initiatives/{initiativeId}/communications/{communicationId}',
      '/api/plans/{id}/initiatives/{initiativeId}/kpis',
      '/api/plans/{id}/initiatives/{initiativeId}/kpis/{kpiId}',
      '/api/plans/{id}/initiatives/{initiativeId}/milestones',
      '/api/plans/{id}/initiatives/{initiativeId}/milestones/{milestoneId}',
      '/api/plans/{id}/initiatives/{initiativeId}/resources',
      '/api/plans/{id}/initiatives/{initiativeId}/resources/{resourceId}',
      '/api/plans/{id}/initiatives/{initiativeId}/scores',
      '/api/plans/{id}/initiatives/{initiativeId}/steps',
      '/api/plans/{id}/initiatives/{initiativeId}/steps/{stepId}',
      '/api/plans/{id}/initiatives/{initiativeId}/updates',
      '/api/plans/{id}/pestle',
      '/api/plans/{id}/pestle/{factorId}',
      '/api/plans/{id}/roadmap/import',
      '/api/plans/{id}/roadmap/priorities',
      '/api/plans/{id}/roadmap/publication',
      '/api/plans/{id}/stakeholders',
      '/api/plans/{id}/stakeholders/{stakeholderId}',
      '/api/plans/{id}/star-profile',
      '/api/plans/{id}/star-profile/{point}',
      '/api/plans/{id}/status',
      '/api/plans/{id}/swot',
      '/api/plans/{id}/swot/proposals',
      '/api/plans/{id}/swot/{entryId}',
      '/api/plans/{id}/vision',
      '/api/plans/{id}/vision/goals',
      '/api/plans/{id}/vision/goals/{entryId}',
      '/api/plans/{id}/vision/goals/{entryId}/priorities',
      '/api/plans/{id}/vision/principles',
      '/api/plans/{id}/vision/principles/{entryId}',
      '/api/plans/{id}/vision/priorities/{entryId}',
      '/api/plans/{id}/vision/statement',
      '/api/public/roadmaps/{slug}',
      '/api/respondent/{token}',
      '/api/respondent/{token}/answers',
      '/api/respondent/{token}/submit',
      '/api/roadmap-settings/criteria',
      '/api/roadmap-settings/statuses',
      '/api/rounds',
      '/api/rounds/{id}',
      '/api/rounds/{id}/close',
      '/api/rounds/{id}/consensus',
      '/api/rounds/{id}/invitations',
      '/api/rounds/{id}/open',
      '/api/rounds/{id}/reminders',
      '/api/rounds/{id}/results',
      '/api/rounds/{id}/results/answers',
      '/api/rounds/{id}/results/crosswalks/{key}',
      '/api/rounds/{id}/results/dimension-scores',
      '/api/rounds/{id}/results/item-scores',
      '/api/rounds/{id}/results/recommendations',
      '/api/rounds/{id}/results/recommendations/{code}',
      '/api/rounds/{id}/results/targets',
      '/api/rounds/{id}/workshop/items',
      '/api/vision/reference',
    ]);
    expect(document.components.schemas).toHaveProperty('Framework');
    expect(document.components.schemas).toHaveProperty('Crosswalk');
    expect(document.components.schemas).toHaveProperty('CrosswalkReading');
  });

  it('lists the agencies at every level of government, each child with its parent’s name', async () => {
    const { agencies } = (await get('/api/agencies')).json();
    expect(agencies).toHaveLength(3);
    expect(new Set(agencies.map((a: { level: string }) => a.level))).toEqual(
      new Set(['national', 'subnational', 'local']),
    );
    const child = agencies.find((a: { parentId: string | null }) => a.parentId);
    expect(child.name).toBe('Riverside Council');
    expect(child.parentName).toBe('Northern Region');
  });

  it('filters agencies and names the field when a filter is wrong', async () => {
    const { agencies } = (await get('/api/agencies?level=subnational')).json();
    expect(agencies.map((a: { name: string }) => a.name)).toEqual(['Northern Region']);
    const wrong = await get('/api/agencies?level=planetary');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'invalid_request',
      fields: [{ path: 'querystring.level' }],
    });
  });

  it('gives a round with counts per agency that add up to its totals', async () => {
    const [round] = (await get('/api/rounds')).json().rounds;
    expect(round).toMatchObject({ status: 'closed', framework: { key: 'dgca' } });
    const overview = (await get(`/api/rounds/${round.id}`)).json();
    const sum = (field: 'invited' | 'started' | 'submitted') =>
      overview.agencies.reduce(
        (total: number, agency: Record<string, number>) => total + agency[field]!,
        0,
      );
    expect(overview.totals).toMatchObject({ invited: 6, started: 4, submitted: 3 });
    expect(overview.totals.invited).toBe(sum('invited'));
    expect(overview.totals.started).toBe(sum('started'));
    expect(overview.totals.submitted).toBe(sum('submitted'));
    expect(overview.totals.responseRate).toBeCloseTo(3 / 6);
  });

  it('refuses text that cannot be stored with a 400 naming the field, and stores nothing', async () => {
    const coordinator = headersOf(await signInAs(context.database, 'coordinator'));
    const before = await get('/api/agencies');
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: coordinator,
      payload: { name: 'Land\u0000Registry', acronym: 'LR0', level: 'national', sector: 'justice' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body.name', message: expect.stringContaining('cannot be stored') },
    ]);
    expect((await get('/api/agencies')).json()).toEqual(before.json());
    const signIn = await context.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: 'a\u0000b@x.example', password: 'whatever' },
    });
    expect(signIn.statusCode).toBe(400);
    // Half of a surrogate pair, as JSON can spell it.
    const lone = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { ...coordinator, 'content-type': 'application/json' },
      payload:
        '{"name":"Land \\ud800 Registry","acronym":"LR1","level":"national","sector":"justice"}',
    });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().error.fields[0].path).toBe('body.name');
  });

  it('answers 404 JSON for an unknown round, agency or route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await get(`/api/rounds/${id}`)).json().error.code).toBe('not_found');
    expect((await get(`/api/agencies/${id}`)).statusCode).toBe(404);
    const route = await get('/api/nothing');
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('not_found');
  });
});
