// Refusals in plain words, through HTTP: every message from the catalogue,
// naming the field as a person would, next to it on a page with what was typed
// (never a paste of megabytes sent back), and an expired form said as such.
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildRound } from '../../../test/factories/rounds.ts';

describe('refusals in plain words', () => {
  const context = useTestApp();
  let admin: Record<string, string>;
  let cookie: string;
  let csrfToken: string;

  beforeAll(async () => {
    const signedIn = await signInAs(context.database, 'admin');
    admin = headersOf(signedIn);
    cookie = signedIn.cookie;
    csrfToken = signedIn.csrfToken;
  });

  const rawValidatorText =
    /Too (small|big)|Invalid (input|option|UUID)|expected \w+ to be|\(record\)|is not valid$|problem\(s\)/;

  it('names each field of a refused API request and says what is wrong with it', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin,
      payload: { level: 'galactic', sector: 'health', parentId: 'nope' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('invalid_request');
    expect(error.fields).toEqual([
      { path: 'body.name', message: 'is required' },
      { path: 'body.level', message: 'must be one of: national, subnational, local' },
      {
        path: 'body.parentId',
        message: 'must be an identifier such as 3f2a8c1e-0b4d-4e7a-9c1f-2d5e6a7b8c9d',
      },
    ]);
    expect(error.message).toBe(
      '3 values need correcting: Name: is required; Level: must be one of: national, subnational, local; Parent agency: must be an identifier such as 3f2a8c1e-0b4d-4e7a-9c1f-2d5e6a7b8c9d',
    );
  });

  it('says a limit in words, and a wrong address part by its name', async () => {
    const before = await context.app.inject({
      method: 'GET',
      url: '/api/audit?before=0',
      headers: admin,
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().error).toEqual({
      code: 'invalid_request',
      message: 'Older than: must be more than 0',
      fields: [{ path: 'querystring.before', message: 'must be more than 0' }],
    });
    const agency = await context.app.inject({
      method: 'GET',
      url: '/api/agencies/42',
      headers: admin,
    });
    expect(agency.statusCode).toBe(400);
    expect(agency.json().error.message).toBe(
      'Identifier: must be an identifier such as 3f2a8c1e-0b4d-4e7a-9c1f-2d5e6a7b8c9d',
    );
    for (const response of [before, agency]) expect(response.body).not.toMatch(rawValidatorText);
  });

  it('counts the problems of an agency in words', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin,
      payload: { name: '', acronym: 'X'.repeat(30), level: 'national', sector: 'health' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('The agency has 2 problems; nothing was saved');
  });

  it('answers in the reader’s language', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: { ...admin, 'accept-language': 'es' },
      payload: { level: 'national', sector: 'health' },
    });
    expect(response.json().error.message).toBe('Nombre: es obligatorio');
  });

  it('refuses an unknown sector as it refuses an unknown level, on pages and in the API', async () => {
    // A closed round of two health agencies: "health" is a sector it knows.
    const roundId = (await buildRound(context.database.db, { status: 'closed' })).id;
    for (const url of [
      `/rounds/${roundId}/results?sector=unknown`,
      `/rounds/${roundId}/results/agencies?sector=unknown`,
      `/api/rounds/${roundId}/results?sector=unknown`,
    ]) {
      const response = await context.app.inject({ method: 'GET', url, headers: admin });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.body).toContain('sector');
    }
    const level = await context.app.inject({
      method: 'GET',
      url: `/rounds/${roundId}/results?level=unknown`,
      headers: admin,
    });
    expect(level.statusCode).toBe(400);
    expect(level.body).toContain('Level: must be one of: national, subnational, local');
    const health = await context.app.inject({
      method: 'GET',
      url: `/rounds/${roundId}/results?sector=health`,
      headers: admin,
    });
    expect(health.statusCode).toBe(200);
  });

  it('keeps what was typed on a page form when a value is over its limit, cut to the limit', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/new',
      headers: { cookie },
      payload: {
        _csrf: csrfToken,
        name: 'N'.repeat(5000),
        acronym: 'NTA',
        level: 'local',
        sector: 'transport',
        focalPointEmail: 'lead@transport.example',
      },
    });
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('Name: must be at most 200 characters');
    expect(body).toContain(`value="${'N'.repeat(200)}"`);
    expect(body).not.toContain('N'.repeat(201));
    expect(body).toContain('value="NTA"');
    expect(body).toContain('value="transport"');
    expect(body).toContain('value="lead@transport.example"');
    expect(body).toMatch(
      /<input[^>]*value="local"[^>]*checked|<input[^>]*checked[^>]*value="local"/,
    );
  });

  it('never sends a paste of megabytes back', async () => {
    const paste = 'P'.repeat(1_500_000);
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/new',
      headers: { cookie },
      payload: { _csrf: csrfToken, name: paste, level: 'local', sector: 'transport' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body.length).toBeLessThan(100_000);
    const member = await context.app.inject({
      method: 'POST',
      url: '/members',
      headers: { cookie },
      payload: { _csrf: csrfToken, email: paste, name: 'Ana', role: 'viewer' },
    });
    expect(member.statusCode).toBe(400);
    expect(member.body.length).toBeLessThan(100_000);
    expect(member.body).toContain('value="Ana"');
  });

  it('says an expired form has expired, not that the role lacks it, and leads back to it', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/agencies/new',
      headers: { cookie, referer: 'http://localhost:80/agencies/new', host: 'localhost:80' },
      payload: { _csrf: 'from-an-earlier-session', name: 'Port authority' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(response.body).toContain('Your changes were not saved');
    expect(response.body).not.toContain('does not include it');
    expect(response.body).toContain('<a href="/agencies/new">Open the form again</a>');
    // Another site's page is never offered as the way back.
    const elsewhere = await context.app.inject({
      method: 'POST',
      url: '/agencies/new',
      headers: { cookie, referer: 'https://evil.example/agencies/new', host: 'localhost:80' },
      payload: { name: 'Port authority' },
    });
    expect(elsewhere.body).not.toContain('>Open the form again</a>');
  });
});
