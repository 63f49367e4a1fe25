import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { pathOf, TEST_PUBLIC_URL, useMailTestApp } from '../../../test/mail-app.ts';

describe('downloading the links of new invitations, when no mail server is set up', () => {
  const context = useMailTestApp({ smtp: false });
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  async function invite(roundId: string, agencyId: string, list: string) {
    const { app, database } = context;
    const lead = await signInAs(database, 'coordinator');
    const response = await app.inject({
      method: 'POST',
      url: `/rounds/${roundId}/invitations/${agencyId}`,
      payload: new URLSearchParams({ _csrf: lead.csrfToken, list, language: 'en' }).toString(),
      headers: { ...formHeaders, cookie: lead.cookie },
    });
    expect(response.statusCode).toBe(200);
    // What the page's download form sends back: every link it shows.
    const links = [...response.body.matchAll(/<input type="hidden" name="link" value="([^"]+)"/g)]
      .map((match) => match[1]!)
      .map((link) => link.replaceAll('&amp;', '&'));
    return { lead, page: response.body, links };
  }

  const download = (
    roundId: string,
    agencyId: string,
    lead: { csrfToken: string; cookie: string },
    links: string[],
  ) => {
    const form = new URLSearchParams({ _csrf: lead.csrfToken });
    for (const link of links) form.append('link', link);
    return context.app.inject({
      method: 'POST',
      url: `/rounds/${roundId}/invitations/${agencyId}/links.csv`,
      payload: form.toString(),
      headers: { ...formHeaders, cookie: lead.cookie },
    });
  };

  it('offers every new link in one CSV with agency, email and language, safe to open in a spreadsheet', async () => {
    const { database } = context;
    const round = await buildRound(database.db);
    const agencyId = round.agencyIds[0]!;
    // A name a spreadsheet would run as a formula.
    await database.db
      .updateTable('agencies')
      .set({ name: '=HYPERLINK("https://evil.example","Health")' })
      .where('id', '=', agencyId)
      .execute();
    const { lead, page, links } = await invite(
      round.id,
      agencyId,
      'email,language\nana@health.gov.example,es\nben@health.gov.example,en\n',
    );
    expect(page).toContain('Download these links as a spreadsheet (CSV)');
    expect(links).toHaveLength(2);
    expect(links.every((link) => page.includes(`<code>${link}</code>`))).toBe(true);

    const file = await download(round.id, agencyId, lead, links);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="invitation-links.csv"');
    expect(file.headers['cache-control']).toBe('no-store');
    const rows = parse(file.body) as string[][];
    expect(rows).toEqual([
      ['agency', 'email', 'language', 'link'],
      [`'=HYPERLINK("https://evil.example","Health")`, 'ana@health.gov.example', 'es', links[0]],
      [`'=HYPERLINK("https://evil.example","Health")`, 'ben@health.gov.example', 'en', links[1]],
    ]);
    // Each link in the file opens its questionnaire.
    for (const link of links) {
      expect(link.startsWith(`${TEST_PUBLIC_URL}/r/`)).toBe(true);
      expect((await context.app.inject({ method: 'GET', url: pathOf(link) })).statusCode).toBe(200);
    }
  });

  it('writes out only working links of that agency and round, never text it was merely sent', async () => {
    const { database } = context;
    const round = await buildRound(database.db);
    const [agencyId, otherAgencyId] = round.agencyIds as [string, string];
    const { lead, links } = await invite(round.id, agencyId, 'cy@health.gov.example');
    const other = await invite(round.id, otherAgencyId, 'dee@finance.gov.example');
    const revoked = await buildInvitation(database.db, { round, revoked: true });

    for (const sent of [
      [...links, 'https://evil.example/phish'],
      [...links, ...other.links],
      [`${TEST_PUBLIC_URL}/r/${revoked.token}`],
      [`${TEST_PUBLIC_URL}/r/${'a'.repeat(43)}`],
    ]) {
      const refused = await download(round.id, agencyId, lead, sent);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).not.toContain('text/csv');
      expect(refused.body).not.toContain('cy@health.gov.example');
    }
    // The same agency's links under another site address are rebuilt on this one.
    const moved = links.map((link) => link.replace(TEST_PUBLIC_URL, 'https://evil.example'));
    const file = await download(round.id, agencyId, lead, moved);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(links[0]);
    expect(file.body).not.toContain('https://evil.example/r/');
  });
});
