// Journey: a viewer reads the results of the demo's latest round without
// JavaScript — overview, a filter, the agencies, one agency, the answers by
// item, the diagnostics — and every results page, the readings through each
// shipped crosswalk included, passes axe in English and Spanish, with no
// content blocked by the Content-Security-Policy.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('reading the results', () => {
  const context = useRunningApp();

  async function latestRound() {
    return context.database.db
      .selectFrom('rounds')
      .select(['id', 'name'])
      .orderBy('opens_on', 'desc')
      .executeTakeFirstOrThrow();
  }

  it('goes from the round to its results and through every results page with JavaScript off', async () => {
    const round = await latestRound();
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'viewer@sumwhere.example');
    await page.goto(`${context.baseUrl}/rounds/${round.id}`);
    await page.getByRole('link', { name: 'See the results' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Results');
    expect(await page.getByRole('img', { name: 'Scores by dimension' }).count()).toBe(1);

    await page.getByLabel('Level').selectOption('national');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(page.url()).toContain('level=national');
    const nationalAgencies = await page
      .locator('.summary div', { hasText: 'Agencies with a score' })
      .locator('dd')
      .textContent();
    expect(Number(nationalAgencies)).toBeGreaterThan(0);

    const results = page.getByRole('navigation', { name: 'Results' });
    await results.getByRole('link', { name: 'Agencies' }).click();
    expect(page.url()).toContain('level=national');
    await expect
      .poll(() => page.getByRole('img', { name: 'Scores by agency and sub-dimension' }).count())
      .toBe(1);
    await page.getByRole('link', { name: /^Ministry of Finance/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Ministry of Finance/);
    expect(await page.getByRole('columnheader', { name: 'Whole of government' }).count()).toBe(1);

    await results.getByRole('link', { name: 'Answers by item' }).click();
    await page.getByLabel('Dimension').selectOption({ label: 'Technology' });
    await page.getByRole('button', { name: 'Show' }).click();
    expect(page.url()).toContain('dimension=TEC');
    expect(await page.locator('#item-TEC01').count()).toBe(1);

    await results.getByRole('link', { name: 'Diagnostics' }).click();
    await page.locator('.findings a').first().click();
    expect(page.url()).toMatch(/\/results\/items.*#item-[A-Z]{3}\d\d$/);
    await browserContext.close();
  });

  it('finds no accessibility violations and nothing blocked on any results page, in either language', async () => {
    const round = await latestRound();
    const earlier = await context.database.db
      .selectFrom('rounds')
      .select('id')
      .where('id', '!=', round.id)
      .orderBy('opens_on', 'desc')
      .executeTakeFirst();
    const agency = await context.database.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', 'Ministry of Health')
      .executeTakeFirstOrThrow();
    const base = `/rounds/${round.id}/results`;
    const paths = [
      base,
      `${base}?level=local`,
      ...(earlier
        ? [`${base}?compare=${earlier.id}`, `${base}/agencies?compare=${earlier.id}`]
        : []),
      `${base}/agencies`,
      `${base}/agencies/${agency.id}`,
      `${base}/items`,
      `${base}/diagnostics`,
    ];
    const { violations, blocked } = await checkPages(paths);
    expect(violations).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('finds no accessibility violations and nothing blocked reading through each shipped crosswalk, in either language', async () => {
    const base = `/rounds/${(await latestRound()).id}/results/crosswalks`;
    const { violations, blocked } = await checkPages([
      `${base}?crosswalk=dgca-to-dgra`,
      `${base}?crosswalk=dgca-to-nine-pillars&level=local`,
      `${base}?crosswalk=dgca-to-oecd-dgi`,
    ]);
    expect(violations).toEqual([]);
    expect(blocked).toEqual([]);
  });

  /** Each page in English and Spanish: axe's violations, and what the Content-Security-Policy blocked. */
  async function checkPages(paths: readonly string[]) {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await signInThroughPage(page, context.baseUrl, 'viewer@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es']) {
      for (const path of paths) {
        const response = await page.goto(
          `${context.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`,
        );
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const found = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        if (found.violations.length > 0)
          violations.push({
            path,
            language,
            rules: found.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
          });
      }
    }
    await browserContext.close();
    return { violations, blocked };
  }
});
