// Journey: a respondent loses the connection half-way, keeps answering (the
// next pages are drawn in the browser), and when the connection returns every
// answer reaches the server without them doing anything.
import { describe, expect, it } from 'vitest';
import { buildInvitation } from '../factories/invitations.ts';
import { hasChromium, useRunningApp } from './browser.ts';
import { accessibilityViolations, answerPage, storedAnswers } from './questionnaire.ts';

describe.skipIf(!hasChromium)('answering the questionnaire offline', { timeout: 120_000 }, () => {
  const context = useRunningApp();

  it('keeps answers given offline on the device and sends them all when back online', async () => {
    const invitation = await buildInvitation(context.database.db);
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    const status = page.locator('#save-status');
    const answered: string[] = [];

    await page.goto(`${context.baseUrl}/r/${invitation.token}/s/LEA-VIS`);
    for (let pages = 0; pages < 10; pages++) {
      answered.push(...(await answerPage(page, () => 4)));
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');
      const before = page.url();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL((url) => url.toString() !== before);
    }
    const answeredOnline = answered.length;
    expect((await storedAnswers(context.database, invitation.id)).length).toBe(answeredOnline);

    await browserContext.setOffline(true);
    let heading = '';
    for (let pages = 10; pages < 20; pages++) {
      answered.push(...(await answerPage(page, () => 2)));
      await expect
        .poll(() => status.textContent())
        .toBe('Saved on this device – will send when you are back online');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      heading = (await page.locator('h1').textContent()) ?? '';
      // The page drawn in the browser is as accessible as the one from the server.
      if (pages === 10) expect(await accessibilityViolations(page)).toEqual([]);
    }
    expect(heading).toBe('You have reached the last page');
    expect(answered).toHaveLength(94);
    const pending = await page.evaluate(() =>
      Object.keys(JSON.parse(Object.values({ ...localStorage })[0] ?? '{}')),
    );
    expect(pending.length).toBeGreaterThan(0);
    expect((await storedAnswers(context.database, invitation.id)).length).toBeLessThan(94);

    await browserContext.setOffline(false);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Saved');
    const stored = await storedAnswers(context.database, invitation.id);
    expect(stored.map((answer) => answer.item_code).sort()).toEqual([...answered].sort());
    expect(stored.filter((answer) => answer.value === 2)).toHaveLength(94 - answeredOnline);

    // Back online, the check page shows everything and the response can be submitted.
    await page.getByRole('link', { name: 'Check your answers' }).click();
    expect(await page.getByText('Not answered').count()).toBe(0);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Answers submitted');
    await browserContext.close();
  });

  it('sends answers left on the device when the respondent comes back to the check page later', async () => {
    const invitation = await buildInvitation(context.database.db);
    const browserContext = await context.browser.newContext();
    const first = await browserContext.newPage();
    await first.goto(`${context.baseUrl}/r/${invitation.token}/s/LEA-VIS`);
    await browserContext.setOffline(true);
    const codes = await answerPage(first, () => 5);
    await expect
      .poll(() => first.locator('#save-status').textContent())
      .toBe('Saved on this device – will send when you are back online');
    await first.close();
    expect(await storedAnswers(context.database, invitation.id)).toEqual([]);

    await browserContext.setOffline(false);
    const later = await browserContext.newPage();
    await later.goto(`${context.baseUrl}/r/${invitation.token}/check`);
    await expect
      .poll(async () => (await storedAnswers(context.database, invitation.id)).length)
      .toBe(codes.length);
    // The page reloads once they are in, and shows them answered.
    await expect.poll(() => later.locator('#check-LEA01 .missing').count()).toBe(0);
    await browserContext.close();
  });
});
