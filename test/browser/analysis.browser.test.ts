// Journey: a coordinator drafts the demo plan's SWOT from its 2025 results
// with JavaScript off, accepts two proposals (one reworded), and adds a PESTLE
// factor; every SWOT and PESTLE page passes axe in English and Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('situation analysis', () => {
  const context = useRunningApp();
  const plan = `/plans/${sumwherePlan.id}`;

  it('drafts the SWOT from the results, accepts two proposals and adds a PESTLE factor, with JavaScript off', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}${plan}`);
    const tabs = page.getByRole('navigation', { name: 'Parts of the plan' });
    await tabs.getByRole('link', { name: 'SWOT' }).click();
    await page.getByRole('link', { name: 'Draft from results' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Draft from results');

    const proposals = page.locator('ol.proposals > li');
    const firstText = await proposals.first().locator('textarea').inputValue();
    expect(firstText).toMatch(/\d\.\d/);
    await proposals.first().getByRole('button', { name: 'Add to the SWOT' }).click();
    const reworded = 'Leaders back the change: the results show it plainly.';
    await proposals.first().locator('textarea').fill(reworded);
    await proposals.first().getByRole('button', { name: 'Add to the SWOT' }).click();

    await page.getByRole('link', { name: 'Back to the SWOT' }).click();
    const swot = await page.locator('main').textContent();
    expect(swot).toContain(firstText);
    expect(swot).toContain(reworded);

    await tabs.getByRole('link', { name: 'PESTLE' }).click();
    await page.getByRole('link', { name: 'Add a factor' }).click();
    await page.getByLabel('Heading').selectOption({ label: 'Economic' });
    await page.getByLabel('Description').fill('Remittances fund more mobile payments each year');
    await page.getByLabel('Impact on the plan').selectOption({ label: 'High' });
    await page.getByRole('button', { name: 'Save' }).click();
    const matrix = page.getByRole('table', { name: 'Factors by heading and impact on the plan' });
    const economic = matrix.getByRole('row', { name: /^Economic/ });
    expect(await economic.textContent()).toContain('Remittances fund more mobile payments');
    await browserContext.close();
  });

  it('finds no accessibility violations on the SWOT and PESTLE pages, in either language', async () => {
    const ids = async (table: 'swot_entries' | 'pestle_factors') =>
      (
        await context.database.db
          .selectFrom(table)
          .select('id')
          .where('plan_id', '=', sumwherePlan.id)
          .executeTakeFirstOrThrow()
      ).id;
    const entry = await ids('swot_entries');
    const factor = await ids('pestle_factors');
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const path of [
        `${plan}/swot`,
        `${plan}/swot/draft`,
        `${plan}/swot/new`,
        `${plan}/swot/${entry}/edit`,
        `${plan}/pestle`,
        `${plan}/pestle/new`,
        `${plan}/pestle/${factor}/edit`,
      ]) {
        const response = await page.goto(`${context.baseUrl}${path}?lang=${language}`);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const rules = await axeViolations(page);
        if (rules.length > 0) violations.push({ path, language, rules });
      }
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
