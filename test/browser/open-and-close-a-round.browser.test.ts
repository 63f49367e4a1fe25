// Journey: with JavaScript off, a coordinator opens a round and later closes
// it early, each time reading what will happen and confirming (or first going
// back); a respondent's link then says the day the round closed.
import { describe, expect, it } from 'vitest';
import { buildInvitation } from '../factories/invitations.ts';
import { buildRound, isoDay } from '../factories/rounds.ts';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('opening and closing a round', { timeout: 120_000 }, () => {
  const context = useRunningApp();

  it('asks before each change, says it was done, and dates the early close', async () => {
    const round = await buildRound(context.database.db, {
      name: 'Early close round',
      status: 'draft',
      opensOn: isoDay(-1),
      closesOn: isoDay(60),
    });
    const invitation = await buildInvitation(context.database.db, { round });
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    page.setDefaultTimeout(10_000);
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const heading = () => page.locator('h1').textContent();
    const status = () => page.locator('.tag').first().textContent();

    await page.goto(`${context.baseUrl}/rounds/${round.id}`);
    await page.getByRole('link', { name: 'Open the round' }).click();
    expect(await heading()).toBe('Open “Early close round”?');
    expect(await page.locator('main').textContent()).toContain(
      '1 respondent has been invited. Opening sends no new message: their link starts to work.',
    );
    // Going back changes nothing.
    await page.getByRole('link', { name: 'No, go back to the round' }).click();
    expect(await heading()).toBe('Early close round');
    expect(await status()).toBe('Not yet open');

    await page.getByRole('link', { name: 'Open the round' }).click();
    await page.getByRole('button', { name: 'Yes, open the round' }).click();
    expect(await status()).toBe('Open');
    expect(await page.locator('output.notice').textContent()).toMatch(
      /^The round is open\. Respondents with a link can answer until /,
    );
    expect(await page.locator('.caption').first().textContent()).toContain('opened on');

    await page.getByRole('link', { name: 'Close the round' }).click();
    expect(await heading()).toBe('Close “Early close round”?');
    const said = await page.locator('main').textContent();
    expect(said).toContain('Respondents can no longer answer or change their answers');
    expect(said).toContain('closing now ends it early');
    await page.getByRole('button', { name: 'Yes, close the round' }).click();
    expect(await status()).toBe('Closed');
    expect(await page.locator('output.notice').textContent()).toMatch(/^The round is closed\./);
    expect(await page.getByRole('link', { name: 'Close the round' }).count()).toBe(0);

    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(),
    );
    await page.goto(`${context.baseUrl}/r/${invitation.token}`);
    expect(await heading()).toBe('This questionnaire has closed');
    expect(await page.locator('main').textContent()).toContain(
      `“Early close round” closed on ${today}.`,
    );
    await browserContext.close();
  });
});
