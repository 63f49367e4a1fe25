// Journey (issue 13's): a coordinator builds a plan from scratch with
// JavaScript off — starts it on the demo's 2025 round, drafts the SWOT from
// the results and accepts two proposals, adds a PESTLE factor and a
// stakeholder, and writes a vision with a goal serving SDG 16 under the CEPA
// principle of sound policymaking; every step lands in the database.
import { describe, expect, it } from 'vitest';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('a plan from scratch', () => {
  const context = useRunningApp();

  it('goes from a new plan to its analysis and vision, with JavaScript off', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    // A step that cannot happen fails in seconds, naming itself, not at the test's timeout.
    page.setDefaultTimeout(10_000);
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(context.baseUrl);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Plans' })
      .click();
    await page.getByRole('link', { name: 'Start a plan' }).click();
    await page.getByLabel('Title').fill('Sumwhere Connected 2027–2031');
    await page.getByLabel('First year').fill('2027');
    await page.getByLabel('Last year').fill('2031');
    await page.getByLabel('Digital capability assessment 2025').check();
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sumwhere Connected 2027–2031');
    const planId = new URL(page.url()).pathname.split('/')[2] as string;
    const tabs = page.getByRole('navigation', { name: 'Parts of the plan' });

    await tabs.getByRole('link', { name: 'SWOT' }).click();
    await page.getByRole('link', { name: 'Draft from results' }).click();
    const proposals = page.locator('ol.proposals > li');
    for (let accepted = 0; accepted < 2; accepted++)
      await proposals.nth(accepted).getByRole('button', { name: 'Add to the SWOT' }).click();

    await tabs.getByRole('link', { name: 'PESTLE' }).click();
    await page.getByRole('link', { name: 'Add a factor' }).click();
    await page.getByLabel('Heading').selectOption({ label: 'Political' });
    await page.getByLabel('Description').fill('Elections in 2028 may change the cabinet');
    await page.getByLabel('Impact on the plan').selectOption({ label: 'High' });
    await page.getByRole('button', { name: 'Save' }).click();

    await tabs.getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByRole('link', { name: 'Add a stakeholder' }).click();
    await page.getByLabel('Name').fill('Sumwhere Disability Council');
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Vulnerable groups' });
    await page.getByLabel('Vulnerable group').selectOption({ label: 'Persons with disabilities' });
    await page.getByRole('group', { name: 'Interest' }).getByLabel('5').check();
    await page.getByRole('group', { name: 'Influence' }).getByLabel('2').check();
    await page.getByLabel('Involve').check();
    await page.getByRole('button', { name: 'Save the stakeholder' }).click();

    await tabs.getByRole('link', { name: 'Vision' }).click();
    await page
      .getByLabel('A CEPA principle')
      .selectOption({ label: 'Sound policymaking (effectiveness)' });
    await page.getByRole('button', { name: 'Add the principle' }).click();
    await page.getByRole('button', { name: 'Save the principle' }).click();
    await page.getByRole('link', { name: 'Add a goal' }).click();
    await page.getByLabel('Title').fill('Services that include everyone');
    await page.getByLabel('SDG 16: Peace, justice and strong institutions').check();
    await page.getByRole('button', { name: 'Save the goal' }).click();
    const vision = await page.locator('main').textContent();
    expect(vision).toContain('Sound policymaking');
    expect(vision).toContain('Services that include everyone');
    expect(vision).toContain('SDG 16: Peace, justice and strong institutions');
    await browserContext.close();

    const { db } = context.database;
    const count = async (table: 'swot_entries' | 'pestle_factors' | 'stakeholders') =>
      (await db.selectFrom(table).select('id').where('plan_id', '=', planId).execute()).length;
    expect(await count('swot_entries')).toBe(2);
    expect(await count('pestle_factors')).toBe(1);
    expect(await count('stakeholders')).toBe(1);
  }, 120_000);
});
