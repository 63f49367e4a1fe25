// Journey: a respondent with JavaScript off answers the whole dgca
// questionnaire through its pages, is told about a mistake beside the field,
// checks the answers, submits, and changes one afterwards. (axe needs
// JavaScript, so the accessibility checks run in the JavaScript-on journey.)
import { describe, expect, it } from 'vitest';
import { buildInvitation } from '../factories/invitations.ts';
import { hasChromium, useRunningApp } from './browser.ts';
import { answerPage, storedAnswers } from './questionnaire.ts';

describe.skipIf(!hasChromium)(
  'answering the questionnaire with JavaScript off',
  { timeout: 120_000 },
  () => {
    const context = useRunningApp();

    it('completes all 20 pages of dgca, checks the answers and submits them', async () => {
      const invitation = await buildInvitation(context.database.db);
      const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
      const page = await browserContext.newPage();
      page.setDefaultTimeout(10_000);

      await page.goto(`${context.baseUrl}/r/${invitation.token}`);
      await page.getByRole('link', { name: 'Start' }).click();

      // A mistake first: an evidence link that is not a web address.
      await answerPage(page, () => 4);
      await page.getByLabel('Evidence link (optional)').first().fill('our intranet');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
      expect(await page.locator('#LEA01-evidence-error').textContent()).toBe(
        'Enter the evidence link for LEA01 as a web address starting with https:// or http://',
      );
      await page.locator('.error-summary a').first().click();
      await page
        .getByLabel('Evidence link (optional)')
        .first()
        .fill('https://gov.example/vision.pdf');
      await page.getByRole('button', { name: 'Save and continue' }).click();

      let pages = 1;
      while (page.url().includes('/s/') && pages < 25) {
        await answerPage(page, (index) => ((index + pages) % 5) + 1);
        await page.getByRole('button', { name: 'Save and continue' }).click();
        pages++;
      }
      expect(pages).toBe(20);
      expect(page.url()).toMatch(/\/check$/);
      expect(await page.locator('.check-row').count()).toBe(94);
      expect(await page.getByText('Not answered').count()).toBe(0);

      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Answers submitted');

      const stored = await storedAnswers(context.database, invitation.id);
      expect(stored).toHaveLength(94);
      expect(stored.every((answer) => answer.status === 'submitted')).toBe(true);

      // Reopen: change one answer from the check page; the response stays submitted.
      await page.getByRole('link', { name: 'Review or change your answers' }).click();
      await page.getByRole('link', { name: 'Change the answer to LEA02' }).click();
      await page.check('#LEA02-value-na');
      await page.getByRole('button', { name: 'Save and go back to check your answers' }).click();
      expect(page.url()).toMatch(/\/check$/);
      const changed = (await storedAnswers(context.database, invitation.id)).find(
        (answer) => answer.item_code === 'LEA02',
      );
      expect(changed).toMatchObject({ not_applicable: true, value: null, status: 'submitted' });

      await browserContext.close();
    });
  },
);
