// Journey: a facilitator with JavaScript off opens the collaborative workshop
// from the demo's closed round, is told about a missing rationale beside the
// field, records a consensus and is taken to the next item. (axe needs
// JavaScript, so the accessibility checks run on the same pages with it on.)
import { describe, expect, it } from 'vitest';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';
import { accessibilityViolations } from './questionnaire.ts';

describe.skipIf(!hasChromium)('recording a consensus in the workshop', { timeout: 120_000 }, () => {
  const context = useRunningApp();
  const facilitator = 'facilitator@sumwhere.example';

  it('with JavaScript off, records the consensus of an item and goes on to the next', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    page.setDefaultTimeout(10_000);
    await signInThroughPage(page, context.baseUrl, facilitator);

    await page.goto(`${context.baseUrl}/rounds`);
    await page.getByRole('link', { name: 'Digital capability assessment 2025' }).click();
    await page.getByRole('link', { name: 'Run the collaborative assessment (workshop)' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Collaborative assessment');
    await page.getByRole('link', { name: 'Vision', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Vision');

    const item = page.locator('#item-LEA01');
    expect(await item.getByRole('table').first().textContent()).toContain('Not applicable');

    // A mistake first: a value but no rationale.
    await page.check('#LEA01-value-3');
    await item.getByRole('button', { name: 'Save and go to the next item' }).click();
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    expect(await page.locator('#LEA01-rationale-error').textContent()).toBe(
      'Enter the rationale for the consensus on LEA01',
    );
    expect(await page.isChecked('#LEA01-value-3')).toBe(true);

    await page.locator('.error-summary a').first().click();
    await page.fill('#LEA01-rationale', 'Published, but few officers know it.');
    await page
      .locator('#item-LEA01')
      .getByRole('button', { name: 'Save and go to the next item' })
      .click();
    await page.waitForURL(/saved=LEA01#item-LEA02$/);
    expect(await page.locator('output.notice').textContent()).toBe(
      'The consensus for LEA01 is saved.',
    );
    expect(await page.locator('#item-LEA01 .current-consensus').textContent()).toContain(
      'Agreed: 3 Neither agree nor disagree',
    );

    const stored = await context.database.db
      .selectFrom('consensus')
      .select(['item_code', 'agency_id', 'value', 'not_applicable', 'rationale'])
      .where('item_code', '=', 'LEA01')
      .execute();
    expect(stored).toEqual([
      {
        item_code: 'LEA01',
        agency_id: null,
        value: 3,
        not_applicable: false,
        rationale: 'Published, but few officers know it.',
      },
    ]);
    await browserContext.close();
  });

  it('finds no accessibility violations on the workshop pages, errors shown or not', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, facilitator);
    const round = await context.database.db
      .selectFrom('rounds')
      .select('id')
      .where('status', '=', 'closed')
      .orderBy('opens_on', 'desc')
      .executeTakeFirstOrThrow();
    const agency = await context.database.db
      .selectFrom('round_agencies')
      .select('agency_id')
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    const violations: string[] = [];
    for (const path of [
      `/rounds/${round.id}/workshop`,
      `/rounds/${round.id}/workshop/LEA-VIS`,
      `/rounds/${round.id}/workshop/LEA-VIS?agency=${agency.agency_id}&lang=es`,
    ]) {
      await page.goto(`${context.baseUrl}${path}`);
      violations.push(...(await accessibilityViolations(page)));
    }
    // A refused save: the page with its error summary and errors beside the fields.
    await page.goto(`${context.baseUrl}/rounds/${round.id}/workshop/LEA-VIS?lang=en`);
    await page
      .locator('#item-LEA02')
      .getByRole('button', { name: 'Save and go to the next item' })
      .click();
    await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    violations.push(...(await accessibilityViolations(page)));
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
