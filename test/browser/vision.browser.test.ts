// Journeys with JavaScript off: a facilitator writes a goal of the demo plan's
// vision — ticks SDG 16, saves to see its targets, ticks 16.6 and a weak
// sub-dimension, then adds a priority; a coordinator starts a plan from
// scratch and gives it the principle of sound policymaking and a goal serving
// SDG 16. Every vision page passes axe in English and Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { readVision } from '../../src/planning/vision/vision-store.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('writing the vision', () => {
  const context = useRunningApp();
  const base = `/plans/${sumwherePlan.id}/vision`;

  it('adds a goal serving SDG target 16.6 and a priority under it, with JavaScript off', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'facilitator@sumwhere.example');
    await page.goto(`${context.baseUrl}/plans/${sumwherePlan.id}`);
    await page
      .getByRole('navigation', { name: 'Parts of the plan' })
      .getByRole('link', { name: 'Vision' })
      .click();
    await page.getByRole('link', { name: 'Add a goal' }).click();
    await page.getByLabel('Title').fill('Institutions people trust online');
    await page.getByLabel('SDG 16: Peace, justice and strong institutions').check();
    await page.getByRole('button', { name: 'Save and choose targets of the goals ticked' }).click();
    await page.getByLabel('16.6 Effective, accountable and transparent institutions').check();
    await page.getByRole('checkbox', { name: /^Citizens and business \(GOV-CAB\)/ }).check();
    await page.getByRole('button', { name: 'Save the goal' }).click();
    const goal = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Institutions people trust online' }),
    });
    expect(await goal.textContent()).toContain(
      '16.6 Effective, accountable and transparent institutions',
    );
    expect(await goal.textContent()).toMatch(
      /Citizens and business \(GOV-CAB\): score \d\.\d\d, target \d\.\d\d, gap \d\.\d\d/,
    );
    await goal.getByLabel('Priority').fill('Publish the register of public services');
    await goal.getByLabel('Long term').check();
    await goal.getByRole('button', { name: 'Save the priority' }).click();
    const saved = (await readVision(context.database.db, sumwherePlan.id)).goals.find(
      (candidate) => candidate.title === 'Institutions people trust online',
    );
    expect(saved).toMatchObject({
      sdgGoals: [16],
      sdgTargets: ['16.6'],
      subdimensionCodes: ['GOV-CAB'],
      priorities: [{ text: 'Publish the register of public services', term: 'long' }],
    });
    await browserContext.close();
  });

  it('writes the vision of a plan started from scratch: sound policymaking and a goal serving SDG 16, with JavaScript off', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}/plans/new`);
    await page.getByLabel('Title').fill('Digital Sumwhere 2031–2035');
    await page.getByLabel('First year').fill('2031');
    await page.getByLabel('Last year').fill('2035');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page
      .getByRole('navigation', { name: 'Parts of the plan' })
      .getByRole('link', { name: 'Vision' })
      .click();
    await page
      .getByLabel('A CEPA principle')
      .selectOption({ label: 'Sound policymaking (effectiveness)' });
    await page.getByRole('button', { name: 'Add the principle' }).click();
    await page.getByLabel('9. Strategic planning and foresight').check();
    await page.getByRole('button', { name: 'Save the principle' }).click();
    await page.getByRole('link', { name: 'Add a goal' }).click();
    await page.getByLabel('Title').fill('Institutions that answer to the people');
    await page.getByLabel('SDG 16: Peace, justice and strong institutions').check();
    await page.getByRole('button', { name: 'Save the goal' }).click();
    const vision = await page.locator('main').textContent();
    expect(vision).toContain('Sound policymaking');
    expect(vision).toContain('9. Strategic planning and foresight');
    expect(vision).toContain('Institutions that answer to the people');
    expect(vision).toContain('SDG 16: Peace, justice and strong institutions');
    // With no baseline round, the goal has no gaps to answer yet, and says so.
    expect(vision).toContain('No gap or recommendation linked yet.');
    await browserContext.close();
  });

  it('finds no accessibility violations on the vision pages, in either language', async () => {
    const vision = await readVision(context.database.db, sumwherePlan.id);
    const cepa = vision.principles.find((principle) => principle.cepaKey);
    const goal = vision.goals[0];
    const priority = goal?.priorities[0];
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const path of [
        base,
        `${base}/statement`,
        `${base}/principles/new`,
        `${base}/principles/${cepa?.id}`,
        `${base}/goals/new`,
        `${base}/goals/${goal?.id}`,
        `${base}/priorities/${priority?.id}`,
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
