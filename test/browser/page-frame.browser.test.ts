// Journey: the frame of every page at 1280×900 — the main navigation on one
// line in English and Spanish, starting where the content starts and ending
// where it ends — the tab of an agency's results, the link to the
// methodology, a focal point's home and the audit log in sentences; each
// page passes axe.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('the frame of the pages', () => {
  const context = useRunningApp();

  async function axeViolations(page: Page) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target) }));
  }

  async function latestRound() {
    return context.database.db
      .selectFrom('rounds')
      .select(['id', 'name'])
      .orderBy('opens_on', 'desc')
      .executeTakeFirstOrThrow();
  }

  it.each([
    'en',
    'es',
  ] as const)('lines the navigation up with the content, on one line, in %s', async (language) => {
    const browserContext = await context.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: language,
    });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl);
    await page.goto(`${context.baseUrl}/audit?lang=${language}`);
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const found = document.querySelector(selector);
        if (!found) throw new Error(`no ${selector}`);
        return found.getBoundingClientRect().toJSON() as DOMRect;
      };
      const content = document.querySelector('main > *') as HTMLElement;
      const links = [...document.querySelectorAll('.main-nav li')].map((item) =>
        item.getBoundingClientRect().toJSON(),
      ) as DOMRect[];
      return {
        main: box('main'),
        content: content.getBoundingClientRect().toJSON() as DOMRect,
        firstLink: box('.main-nav li:first-child a'),
        signOut: box('.main-nav .account button'),
        tops: [...new Set(links.map((link) => Math.round(link.top)))],
      };
    });
    // One line: every entry, the name and "Sign out" included, on the same top.
    expect(boxes.tops).toHaveLength(1);
    expect(Math.abs(boxes.firstLink.left - boxes.content.left)).toBeLessThanOrEqual(1);
    expect(boxes.firstLink.left).toBeGreaterThan(100);
    expect(Math.abs(boxes.signOut.right - boxes.content.right)).toBeLessThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);
    await browserContext.close();
  });

  it("marks the Agencies tab on an agency's results, and links to the methodology", async () => {
    const round = await latestRound();
    const browserContext = await context.browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'viewer@sumwhere.example');
    await page.goto(`${context.baseUrl}/rounds/${round.id}/results/agencies`);
    await page.getByRole('link', { name: /^Ministry of Finance/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Ministry of Finance/);
    const tabs = page.getByRole('navigation', { name: 'Results' });
    const current = tabs.locator('[aria-current]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toBe('Agencies');
    // Shown as the current tab: the same bar under it as on the Agencies page itself.
    expect(await current.evaluate((link) => getComputedStyle(link).borderBottomWidth)).toBe('4px');
    expect(await axeViolations(page)).toEqual([]);

    await tabs.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'How every number is computed' }).click();
    expect(new URL(page.url()).pathname).toBe('/methodology');
    expect(await page.getByRole('heading', { name: 'Scoring', level: 1 }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Uncertainty' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await browserContext.close();
  });

  it("shows a focal point their agencies' progress on the home page", async () => {
    const browserContext = await context.browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'focal.point@sumwhere.example');
    const yours = page.getByRole('region', { name: 'Your agencies' });
    expect(await yours.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
    expect(await yours.getByRole('term').first().textContent()).toBe('Invited');
    expect(await axeViolations(page)).toEqual([]);
    await browserContext.close();
  });

  it('tells the audit log in sentences', async () => {
    const browserContext = await context.browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl);
    await page.goto(`${context.baseUrl}/audit`);
    const what = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(what.length).toBeGreaterThan(0);
    for (const sentence of what) expect(sentence).not.toMatch(/^[a-z]+\.[a-z]+|\{"/);
    await browserContext.close();
  });
});
