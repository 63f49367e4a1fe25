// The action plan's forms — steps, milestones, resources, KPIs, the
// communication plan and the timeline, new, edited and refused — pass axe in
// English and Spanish, on an initiative of the demo plan.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { savePartEntry } from '../../src/planning/roadmap/action-plan/action-plan-changes.ts';
import { partKeys } from '../../src/planning/roadmap/action-plan/action-plan-parts.ts';
import { buildInitiative } from '../factories/initiatives.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('action plan', () => {
  const context = useRunningApp();

  it('finds no accessibility violations on the action plan’s forms, in either language', async () => {
    const { db } = context.database;
    const by = { workspaceId: 'sumwhere', actor: { system: 'test' } };
    const initiativeId = await buildInitiative(
      db,
      sumwherePlan.id,
      { title: 'Once-only principle for civil registration' },
      'sumwhere',
    );
    const initiative = { id: initiativeId, planId: sumwherePlan.id, title: 'Once-only' };
    const step = await savePartEntry(db, 'steps', initiative, { what: 'Map the registers' }, by);
    if (!step.ok) throw new Error('the step was refused');
    const base = `/plans/${sumwherePlan.id}/roadmap/${initiativeId}`;
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    const check = async (path: string, language: string) => {
      const rules = await axeViolations(page);
      if (rules.length > 0) violations.push({ path, language, rules });
    };
    for (const language of ['en', 'es']) {
      for (const path of [
        ...partKeys.map((part) => `${base}/${part}/new`),
        `${base}/steps/${step.id}/edit`,
        `${base}/updates/new`,
      ]) {
        const response = await page.goto(`${context.baseUrl}${path}?lang=${language}`);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        await check(path, language);
      }
      // A refused form: the error summary and every error beside its field.
      await page.goto(`${context.baseUrl}${base}/milestones/new?lang=${language}`);
      await page.locator('form[novalidate] button[type=submit]').click();
      await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
      await check(`${base}/milestones/new (refused)`, language);
    }
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
