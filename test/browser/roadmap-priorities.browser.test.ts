// Journey: a facilitator scores an initiative of the demo plan with JavaScript
// off and finds it ranked on the priorities page; a coordinator renames a
// status. The priorities, scoring and settings pages pass axe in English and
// Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { saveInitiative } from '../../src/planning/roadmap/initiative-changes.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('roadmap priorities', () => {
  const context = useRunningApp();
  const plan = `/plans/${sumwherePlan.id}`;

  async function addInitiative(title: string): Promise<string> {
    const { db } = context.database;
    const workspace = await db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow();
    const outcome = await saveInitiative(
      db,
      sumwherePlan.id,
      { title, level: 'project', horizon: 'short', status: 'approved', weight: 1 },
      { workspaceId: workspace.id, actor: { system: 'test' } },
    );
    if (!outcome.ok) throw new Error(`The initiative was refused: ${JSON.stringify(outcome)}`);
    return outcome.id;
  }

  it('scores an initiative and finds it ranked, with JavaScript off', async () => {
    await addInitiative('Once-only principle for business registration');
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'facilitator@sumwhere.example');
    await page.goto(`${context.baseUrl}${plan}/roadmap/priorities`);
    await page
      .getByRole('link', { name: 'Score “Once-only principle for business registration”' })
      .click();
    for (const criterion of [
      'Public value',
      'Impact on people left behind',
      'Trust and transparency',
    ])
      await page.getByRole('group', { name: criterion }).getByLabel('4 — high').check();
    for (const criterion of ['Cost', 'Institutional capacity'])
      await page.getByRole('group', { name: criterion }).getByLabel('2 — low').check();
    await page.getByRole('button', { name: 'Save my scores' }).click();
    await page.waitForURL(`${context.baseUrl}${plan}/roadmap/priorities`);
    const row = page.getByRole('row', { name: /Once-only principle/ });
    await expect.poll(() => row.textContent()).toContain('Plan carefully');
    expect(await row.textContent()).toContain('4.0');
    expect(await page.locator('svg[role="img"] circle').count()).toBeGreaterThan(0);
    await browserContext.close();
  });

  it('renames a status as a coordinator', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}/roadmap-settings/statuses`);
    const approved = page.getByRole('group', { name: /Status 2: Approved/ });
    await approved.getByLabel('Label').fill('Approved by the board');
    await page.getByRole('button', { name: 'Save the statuses' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Saved.');
    expect(await page.getByRole('group', { name: /Status 2: Approved by the board/ }).count()).toBe(
      1,
    );
    await browserContext.close();
  });

  it('finds no accessibility violations on the priorities, scoring and settings pages, in either language', async () => {
    const id = await addInitiative('Shared cloud for agencies');
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const path of [
        `${plan}/roadmap/priorities`,
        `${plan}/roadmap/${id}/score`,
        '/roadmap-settings/criteria',
        '/roadmap-settings/statuses',
      ]) {
        const response = await page.goto(`${context.baseUrl}${path}?lang=${language}`);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const rules = await axeViolations(page);
        if (rules.length > 0) violations.push({ path, language, rules });
      }
    // A refused save, with its errors beside the fields.
    await page.goto(`${context.baseUrl}/roadmap-settings/criteria?lang=en`);
    await page.getByLabel('Weight').first().fill('0');
    await page.getByRole('button', { name: 'Save the criteria' }).click();
    await expect.poll(() => page.textContent('main')).toContain('enter a number above 0');
    const refused = await axeViolations(page);
    if (refused.length > 0)
      violations.push({ path: 'criteria refused', language: 'en', rules: refused });
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
