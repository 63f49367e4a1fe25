// Journey: with no mail server set up, a coordinator invites an agency's
// respondents and takes every new link away in one CSV file, with JavaScript
// on and off; the result page passes axe-core's checks.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildRound } from '../factories/rounds.ts';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';
import { accessibilityViolations } from './questionnaire.ts';

describe.skipIf(!hasChromium)('passing on invitation links by hand', { timeout: 120_000 }, () => {
  const context = useRunningApp();

  for (const javaScriptEnabled of [true, false])
    it(`downloads the new links as one CSV (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const round = await buildRound(context.database.db);
      const agencyId = round.agencyIds[0]!;
      const browserContext = await context.browser.newContext({ javaScriptEnabled });
      const page = await browserContext.newPage();
      page.setDefaultTimeout(10_000);
      await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');

      await page.goto(`${context.baseUrl}/rounds/${round.id}/invitations/${agencyId}`);
      await page
        .getByLabel('Email addresses')
        .fill('email,language\nana@health.gov.example,es\nben@health.gov.example,en');
      await page.getByRole('button', { name: 'Send invitations' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Invitations created');
      const shown = await page.locator('.secret-link code').allTextContents();
      expect(shown).toHaveLength(2);
      const violations = javaScriptEnabled ? await accessibilityViolations(page) : [];

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download these links as a spreadsheet (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('invitation-links.csv');
      const rows = parse(await readFile(await download.path())) as string[][];
      const agency = await context.database.db
        .selectFrom('agencies')
        .select('name')
        .where('id', '=', agencyId)
        .executeTakeFirstOrThrow();
      expect(rows).toEqual([
        ['agency', 'email', 'language', 'link'],
        [agency.name, 'ana@health.gov.example', 'es', shown[0]],
        [agency.name, 'ben@health.gov.example', 'en', shown[1]],
      ]);
      // The page with the links is still there to read them from.
      expect(await page.locator('.secret-link code').allTextContents()).toEqual(shown);

      await browserContext.close();
      expect(violations).toEqual([]);
    });
});
