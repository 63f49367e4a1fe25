// Journey: a coordinator reads the demo's recommendations without JavaScript,
// accepts one for the Ministry of Health with a note, and sets a target for a
// dimension; the recommendations and targets pages pass axe in English and
// Spanish.
import { describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('from scores to advice', () => {
  const context = useRunningApp();

  async function latestRound() {
    return context.database.db
      .selectFrom('rounds')
      .select('id')
      .orderBy('opens_on', 'desc')
      .executeTakeFirstOrThrow();
  }

  it('accepts a recommendation for an agency and sets a target, with JavaScript off', async () => {
    const round = await latestRound();
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}/rounds/${round.id}/results`);
    const tabs = page.getByRole('navigation', { name: 'Results' });
    await tabs.getByRole('link', { name: 'Recommendations' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Recommendations for the whole of government');

    await page
      .getByLabel('Recommendations for')
      .selectOption({ label: 'Ministry of Health (MOH)' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Recommendations for Ministry of Health (MOH)');
    const first = page.locator('article.recommendation').first();
    const code = await first.locator('.code').textContent();
    await first
      .getByLabel('Note (why, who, what next)')
      .fill('The health CIO leads it from March.');
    await first.getByRole('button', { name: 'Accept' }).click();
    expect(page.url()).toContain(`#rec-${code}`);
    const accepted = page.locator(`#rec-${code}`);
    await expect
      .poll(() => accepted.locator('.status').textContent())
      .toMatch(/^Accepted on .+ — The health CIO leads it from March\.$/);

    await tabs.getByRole('link', { name: 'Targets' }).click();
    await page
      .getByLabel('Target level for Governance', { exact: true })
      .selectOption({ label: 'Managed' });
    await page.getByLabel('Target date for Governance (optional)').fill('2029-06-30');
    await page.getByRole('button', { name: 'Save the targets' }).click();
    await expect.poll(() => page.locator('output').textContent()).toBe('The targets are saved.');
    const governance = page.getByRole('row', { name: /^Governance\b/ }).first();
    expect(await governance.textContent()).toContain('Set by the workspace');
    await browserContext.close();
  });

  it('finds no accessibility violations on the recommendations and targets pages, in either language', async () => {
    const round = await latestRound();
    const health = await context.database.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', 'Ministry of Health')
      .executeTakeFirstOrThrow();
    const base = `/rounds/${round.id}/results`;
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const path of [
        `${base}/recommendations`,
        `${base}/recommendations?agency=${health.id}`,
        `${base}/targets`,
      ]) {
        const response = await page.goto(
          `${context.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`,
        );
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const rules = await axeViolations(page);
        if (rules.length > 0) violations.push({ path, language, rules });
      }
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
