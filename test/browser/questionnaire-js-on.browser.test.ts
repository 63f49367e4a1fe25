// Journey: a respondent with JavaScript on answers the whole dgca
// questionnaire; every choice autosaves (the status line says so) before
// "save and continue" is pressed.
import { describe, expect, it } from 'vitest';
import { buildInvitation } from '../factories/invitations.ts';
import { hasChromium, useRunningApp } from './browser.ts';
import { accessibilityViolations, answerPage, storedAnswers } from './questionnaire.ts';

describe.skipIf(!hasChromium)(
  'answering the questionnaire with JavaScript on',
  { timeout: 120_000 },
  () => {
    const context = useRunningApp();

    it('autosaves each change and completes all 20 pages of dgca', async () => {
      const invitation = await buildInvitation(context.database.db);
      const browserContext = await context.browser.newContext();
      const page = await browserContext.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Script errors only: the refused form (400) and the favicon (404) also log.
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          errors.push(message.text());
      });
      page.setDefaultTimeout(10_000);
      const status = page.locator('#save-status');
      const violations: string[] = [];

      await page.goto(`${context.baseUrl}/r/${invitation.token}`);
      violations.push(...(await accessibilityViolations(page)));
      await page.getByRole('link', { name: 'Start' }).click();
      // Answers autosave without the form being posted: reload and they are there.
      await page.check('#LEA01-value-3');
      await page.getByLabel('Comment (optional)').first().fill('The vision is on the intranet');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');
      await expect
        .poll(async () => (await storedAnswers(context.database, invitation.id))[0]?.comment)
        .toBe('The vision is on the intranet');
      await page.reload();
      expect(await page.isChecked('#LEA01-value-3')).toBe(true);
      violations.push(...(await accessibilityViolations(page)));

      // A link that is not a web address is held back from autosave and, on
      // "save and continue", shown beside its field.
      await page.getByLabel('Evidence link (optional)').nth(1).fill('intranet');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
      violations.push(...(await accessibilityViolations(page)));
      await page.getByLabel('Evidence link (optional)').nth(1).fill('');

      let pages = 0;
      while (page.url().includes('/s/')) {
        await answerPage(page, (index) => ((index + pages) % 5) + 1);
        await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Saved');
        const before = page.url();
        await page.getByRole('button', { name: 'Save and continue' }).click();
        await page.waitForURL((url) => url.toString() !== before);
        pages++;
      }
      expect(pages).toBe(20);
      await page.waitForURL(/\/check$/);
      violations.push(...(await accessibilityViolations(page)));
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Answers submitted');
      violations.push(...(await accessibilityViolations(page)));
      await page.goto(`${page.url().replace(/\/done$/, '')}?lang=es`);
      violations.push(...(await accessibilityViolations(page)));

      const stored = await storedAnswers(context.database, invitation.id);
      expect(stored).toHaveLength(94);
      expect(stored.every((answer) => answer.status === 'submitted')).toBe(true);
      // Everything acknowledged: nothing is left waiting on the device.
      const waiting = await page.evaluate(() =>
        Object.values({ ...localStorage }).flatMap((entry) => Object.keys(JSON.parse(entry))),
      );
      expect(waiting).toEqual([]);
      await browserContext.close();
      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
    });

    it('goes through the nine pillars by stage in the same flow', async () => {
      const invitation = await buildInvitation(context.database.db, {
        roundOverrides: { frameworkKey: 'nine-pillars' },
      });
      const browserContext = await context.browser.newContext();
      const page = await browserContext.newPage();
      await page.goto(`${context.baseUrl}/r/${invitation.token}`);
      await page.getByRole('link', { name: 'Start' }).click();
      expect(await accessibilityViolations(page)).toEqual([]);
      while (page.url().includes('/s/')) {
        await answerPage(page, () => 2);
        await page.getByRole('button', { name: 'Save and continue' }).click();
        await page.waitForLoadState();
      }
      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Answers submitted');
      const stored = await storedAnswers(context.database, invitation.id);
      expect(stored.map((answer) => answer.value)).toEqual(Array(9).fill(2));
      await browserContext.close();
    });
  },
);
