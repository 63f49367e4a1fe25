// Journey: a coordinator turns the demo's accepted partnership recommendation
// into an initiative under a programme, scores it, gives it an action plan
// with a KPI and two steps, marks a step done, and sees the progress roll up
// to its goal and its programme — with JavaScript off. The roadmap, an
// initiative's page and its form pass axe in English and Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('from an accepted recommendation to progress on the roadmap', () => {
  const context = useRunningApp();
  const plan = `/plans/${sumwherePlan.id}`;

  it('turns a recommendation into an initiative with an action plan whose progress rolls up, with JavaScript off', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}${plan}`);
    await page
      .getByRole('navigation', { name: 'Parts of the plan' })
      .getByRole('link', { name: 'Roadmap' })
      .click();
    expect(await page.textContent('.glance')).toContain('16 projects');
    await page.getByText('2 decisions waiting for an initiative').click();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'GOV-PAR-R1' })
      .getByRole('link', { name: 'Create an initiative' })
      .click();
    expect(await page.getByLabel('Title').inputValue()).toBe(
      'Map potential partners and launch one joint initiative',
    );
    await page
      .getByLabel('Part of')
      .selectOption({ label: 'Government working as one (Programme)' });
    await page.getByLabel('Start date').fill('2027-01-15');
    await page.getByLabel('End date').fill('2027-12-15');
    await page.getByLabel('Status').selectOption({ label: 'In progress' });
    await page.getByRole('button', { name: 'Save the initiative' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Map potential partners and launch one joint initiative');
    expect(await page.textContent('main')).toContain(
      'Started from a recommendation the coordinators accepted.',
    );
    const programme = page
      .locator('#chain-forward ~ ul li, section[aria-labelledby="chain-forward"] li')
      .filter({ hasText: 'Government working as one' });
    const goal = page
      .locator('section[aria-labelledby="chain-forward"] li')
      .filter({ hasText: 'Partnerships that bring business' });
    const percentOf = async (item: typeof goal) =>
      Number(/(\d+)%/.exec((await item.first().textContent()) ?? '')?.[1]);
    const programmeBefore = await percentOf(programme);
    const goalBefore = await percentOf(goal);

    await page.getByRole('link', { name: 'Score this initiative' }).click();
    for (const criterion of ['Public value', 'Impact on people left behind'])
      await page.getByRole('group', { name: criterion }).getByLabel('5 — very high').check();
    await page.getByRole('group', { name: 'Cost' }).getByLabel('4 — high').check();
    await page.getByRole('button', { name: 'Save my scores' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Do first');

    await page.getByRole('link', { name: 'Add a KPI' }).click();
    await page.getByLabel('KPI', { exact: true }).fill('Joint initiatives with partners');
    await page.getByLabel('Unit').fill('initiatives');
    await page.getByLabel('Baseline').fill('0');
    await page.getByLabel('Target', { exact: true }).fill('3');
    await page.getByRole('button', { name: /^Save/ }).click();
    await expect
      .poll(() => page.locator('section[aria-labelledby="chain-forward"]').textContent())
      .toContain('Joint initiatives with partners');

    for (const step of ['Map the potential partners', 'Sign the first partnership agreement']) {
      await page.getByRole('link', { name: 'Add a step' }).click();
      await page.getByLabel('Step', { exact: true }).fill(step);
      await page.getByRole('button', { name: /^Save/ }).click();
    }
    await page.getByRole('button', { name: /^Mark done\s*: Map the potential partners$/ }).click();
    await expect.poll(() => page.textContent('main')).toContain('1 of 2 steps done');
    expect(await page.textContent('main')).toContain('50%');
    // An in-progress project at its status's 25% is now at 50%: its programme and goal rise.
    expect(await percentOf(programme)).toBeGreaterThan(programmeBefore);
    expect(await percentOf(goal)).toBeGreaterThan(goalBefore);
    await browserContext.close();
  });

  it('finds no accessibility violations on the roadmap, an initiative and its form, in either language', async () => {
    const identity = await context.database.db
      .selectFrom('initiatives')
      .select('id')
      .where('plan_id', '=', sumwherePlan.id)
      .where('title', '=', 'Digital identity and e-authentication')
      .executeTakeFirstOrThrow();
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const path of [
        `${plan}/roadmap`,
        `${plan}/roadmap?by=dimension`,
        `${plan}/roadmap/${identity.id}`,
        `${plan}/roadmap/${identity.id}/edit`,
        `${plan}/roadmap/new?from=recommendation&ref=GOV-PAR-R1`,
      ]) {
        const response = await page.goto(
          `${context.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`,
        );
        expect(response?.status(), path).toBe(200);
        const rules = await axeViolations(page);
        if (rules.length > 0) violations.push({ path, language, rules });
      }
    expect(violations).toEqual([]);
    await browserContext.close();
  });
});
