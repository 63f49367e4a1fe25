// The home page over HTTP: a focal point reads their agencies' progress in
// the rounds that matter, as counts, and what to do next.
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import { buildAgency } from '../../test/factories/agencies.ts';
import { buildInvitation } from '../../test/factories/invitations.ts';
import { buildResponse } from '../../test/factories/responses.ts';
import { buildRound } from '../../test/factories/rounds.ts';

describe("a focal point's home page", () => {
  const context = useTestApp();
  let headers: Record<string, string>;
  let agencyId: string;
  let openRoundId: string;
  let closedRoundId: string;
  let respondentEmail: string;

  beforeAll(async () => {
    const { db } = context.database;
    agencyId = (await buildAgency(db, { name: 'Ministry of Health', acronym: 'MOH' })).id;
    await buildAgency(db, { name: 'Ministry of Finance', acronym: 'MOF', sector: 'finance' });
    const open = await buildRound(db, { name: 'Self-assessment 2027', agencyCount: 2 });
    openRoundId = open.id;
    const mine = { round: open, agencyId };
    const submitted = await buildInvitation(db, { ...mine, email: 'officer.a@moh.example' });
    const started = await buildInvitation(db, { ...mine, email: 'officer.b@moh.example' });
    await buildInvitation(db, { ...mine, email: 'officer.c@moh.example' });
    await buildInvitation(db, { ...mine, email: 'officer.d@moh.example', revoked: true });
    respondentEmail = 'officer.a@moh.example';
    await buildResponse(db, { invitation: submitted });
    await buildResponse(db, { invitation: started, status: 'draft' });
    await buildRound(db, { name: 'Draft 2028', status: 'draft', agencyCount: 2 });
    closedRoundId = (
      await buildRound(db, {
        name: 'Self-assessment 2025',
        status: 'closed',
        opensOn: '2025-01-01',
        closesOn: '2025-03-31',
        agencyCount: 2,
      })
    ).id;
    headers = headersOf(
      await signInAs(context.database, 'focal_point', {
        agencyIds: [agencyId],
        name: 'Health focal point',
      }),
    );
  });

  it('shows their agency’s progress as counts and what to do next', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/', headers });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<h2 id="your-agencies">Your agencies</h2>');
    expect(body).toContain('Ministry of Health (MOH)');
    // Only their own agencies.
    expect(body).not.toContain('Ministry of Finance (MOF)');
    const yours = body.slice(body.indexOf('your-agencies'), body.indexOf('class="card-list'));
    expect(yours).toContain('Self-assessment 2027: open until');
    expect(yours).toMatch(/<dt>Invited<\/dt><dd>3<\/dd>/);
    expect(yours).toMatch(/<dt>Started<\/dt><dd>2<\/dd>/);
    expect(yours).toMatch(/<dt>Submitted<\/dt><dd>1<\/dd>/);
    expect(yours).toContain(
      `href="/rounds/${openRoundId}/invitations/${agencyId}">Send a reminder to the 2 respondents who have not submitted`,
    );
    expect(yours).toContain('Invite more respondents');
    expect(yours).toContain('Self-assessment 2025: closed');
    expect(yours).toContain(
      `href="/rounds/${closedRoundId}/results/agencies/${agencyId}">Read this agency’s results`,
    );
    expect(yours).not.toContain('Draft 2028');
    // Counts, never who.
    expect(body).not.toContain(respondentEmail);
  });

  it('is in Spanish for a Spanish reader', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/?lang=es', headers });
    expect(response.body).toContain('Sus instituciones');
    expect(response.body).toContain('Invitar a más personas');
  });

  it('says nothing of agencies to other members', async () => {
    const viewer = headersOf(await signInAs(context.database, 'viewer'));
    const response = await context.app.inject({ method: 'GET', url: '/', headers: viewer });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Your agencies');
  });
});
