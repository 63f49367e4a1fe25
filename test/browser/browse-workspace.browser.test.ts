// Journey: a programme lead looks around the demo workspace — home, agencies,
// frameworks, rounds — in English and Spanish, with and without JavaScript.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('browsing the demo workspace', () => {
  const context = useRunningApp();

  async function roundPath() {
    const round = await context.database.db
      .selectFrom('rounds')
      .select('id')
      .orderBy('opens_on', 'desc')
      .executeTakeFirstOrThrow();
    return `/rounds/${round.id}`;
  }

  it('finds no accessibility violations on any page, in either language', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl);
    const paths = [
      '/sign-in',
      '/',
      '/agencies',
      '/frameworks',
      '/frameworks/dgca',
      '/frameworks/nine-pillars',
      '/rounds',
      await roundPath(),
    ];
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es']) {
      for (const path of paths) {
        await page.goto(
          `${context.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${language}`,
        );
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
          .analyze();
        if (results.violations.length > 0) {
          violations.push({
            path,
            language,
            rules: results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
          });
        }
      }
    }
    await browserContext.close();
    expect(violations).toEqual([]);
  });

  it('with JavaScript off, filters agencies, opens a framework and switches language by links and forms', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'viewer@sumwhere.example');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Agencies' })
      .click();
    await page.getByLabel('Level').selectOption('subnational');
    await page.getByRole('button', { name: 'Show agencies' }).click();
    expect(page.url()).toContain('level=subnational');
    const levels = await page.locator('tbody td:nth-child(3)').allTextContents();
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['Subnational']));

    await page.getByRole('link', { name: 'Español' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Instituciones');
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Marcos' })
      .click();
    await page.getByRole('link', { name: /Evaluación de capacidades/i }).click();
    expect(await page.locator('li.item').count()).toBe(94);
    await browserContext.close();
  });

  it('lets a keyboard user skip straight to the content', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await page.goto(`${context.baseUrl}/rounds`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect
      .poll(() => skip.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await browserContext.close();
  });
});
