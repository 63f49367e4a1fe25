// Journey: a facilitator rates a point of the demo plan's star profile and
// adds a stakeholder, with JavaScript off; the star profile and stakeholder
// pages and their forms pass axe in English and Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('star profile and stakeholder map', () => {
  const context = useRunningApp();
  const plan = `/plans/${sumwherePlan.id}`;

  it('rates a point of the star and adds a stakeholder, with JavaScript off', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'facilitator@sumwhere.example');
    await page.goto(`${context.baseUrl}${plan}`);
    const tabs = page.getByRole('navigation', { name: 'Parts of the plan' });
    await tabs.getByRole('link', { name: 'Star profile' }).click();
    await page.getByRole('link', { name: 'Assess “Envisioning the future”' }).click();
    await page.getByLabel('3 — Developing').check();
    await page.getByLabel('Narrative').fill('Objectives drafted at the March workshop.');
    // The first slot holds the demo's score from the 2025 round; the next is free.
    await page.getByLabel('Title of evidence 2').fill('Workshop notes');
    await page.getByLabel('Web address of evidence 2').fill('https://sumwhere.example/notes');
    await page.getByRole('button', { name: 'Save the point' }).click();
    const point = page.locator('section.star-point', { has: page.locator('#point-envisioning') });
    await expect.poll(() => point.textContent()).toContain('3 — Developing');
    expect(await point.textContent()).toContain('Workshop notes');

    await tabs.getByRole('link', { name: 'Stakeholders' }).click();
    await page.getByRole('link', { name: 'Add a stakeholder' }).click();
    await page.getByLabel('Name').fill('Association of Municipalities');
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Government agencies' });
    await page.getByRole('group', { name: 'Interest' }).getByLabel('4').check();
    await page.getByRole('group', { name: 'Influence' }).getByLabel('3').check();
    await page.getByLabel('Collaborate').check();
    await page.getByRole('button', { name: 'Save the stakeholder' }).click();
    const row = page.getByRole('row', { name: /Association of Municipalities/ });
    await expect.poll(() => row.textContent()).toContain('Manage closely');
    await browserContext.close();
  });

  it('finds no accessibility violations on the star profile and stakeholder pages, in either language', async () => {
    const stakeholder = await context.database.db
      .selectFrom('stakeholders')
      .select('id')
      .where('plan_id', '=', sumwherePlan.id)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const path of [
        `${plan}/star`,
        `${plan}/star/leadership-commitment/edit`,
        `${plan}/stakeholders`,
        `${plan}/stakeholders/new`,
        `${plan}/stakeholders/${stakeholder.id}/edit`,
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
