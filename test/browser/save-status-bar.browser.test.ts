// Journey: a respondent scrolls the task list and a long section at 1280×900
// and reaches every link and answer: the save status line never lies over
// them — not while it has nothing to say, not once something is saved, whether
// the page is scrolled to its end or a control is brought into view.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildInvitation } from '../factories/invitations.ts';
import { hasChromium, useRunningApp } from './browser.ts';
import { accessibilityViolations } from './questionnaire.ts';

const viewport = { width: 1280, height: 900 };

/** What lies over the centre of `target`, or null when the reader sees the target itself. */
async function coveredBy(target: Locator): Promise<string | null> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!top) return 'off screen';
    if (element === top || element.contains(top) || top.contains(element)) return null;
    // A radio's label stands for it: pressing the label chooses the radio.
    if (top instanceof HTMLLabelElement && top.control === element) return null;
    return top.id ? `#${top.id}` : top.tagName;
  });
}

/** Brings `target` into view the least it takes, as a browser does for a control reached from below. */
const bringIntoView = (target: Locator, block: 'end' | 'nearest') =>
  target.evaluate((element, block) => element.scrollIntoView({ block }), block);

/** What sits at the bottom strip of the window, where a bar would lie. */
const atWindowBottom = (page: Page) =>
  page.evaluate(({ width, height }) => {
    const element = document.elementFromPoint(width / 2, height - 10);
    return element?.closest('#save-status') ? 'save status' : 'content';
  }, viewport);

const scrollToEnd = (page: Page) =>
  page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

describe.skipIf(!hasChromium)('the save status line', { timeout: 120_000 }, () => {
  const context = useRunningApp();

  it('takes no room while there is nothing to say, with JavaScript on or off', async () => {
    const invitation = await buildInvitation(context.database.db);
    for (const javaScriptEnabled of [true, false]) {
      const browserContext = await context.browser.newContext({ viewport, javaScriptEnabled });
      const page = await browserContext.newPage();
      await page.goto(`${context.baseUrl}/r/${invitation.token}`);
      // The task list is taller than the window: its rows reach the bottom edge.
      expect(await atWindowBottom(page)).toBe('content');
      await browserContext.close();
    }
  });

  it('covers neither the last link of the task list nor any answer of a long section', async () => {
    const invitation = await buildInvitation(context.database.db);
    const browserContext = await context.browser.newContext({ viewport });
    const page = await browserContext.newPage();
    page.setDefaultTimeout(10_000);
    const violations: string[] = [];
    const status = page.locator('#save-status');

    // The longest section of the questionnaire, with an answer saved so the line has words.
    await page.goto(`${context.baseUrl}/r/${invitation.token}`);
    const sections = await page
      .locator('a[href*="/s/"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    let longest = { href: '', items: 0 };
    for (const href of sections) {
      await page.goto(href);
      const items = await page.locator('fieldset[data-item]').count();
      if (items > longest.items) longest = { href, items };
    }
    expect(longest.items).toBeGreaterThanOrEqual(10);
    await page.goto(longest.href);
    const options = page.locator('fieldset[data-item] input[type=radio]');
    await options.first().check();
    await expect.poll(() => status.textContent()).toBe('Saved');
    expect(await status.isVisible()).toBe(true);

    await scrollToEnd(page);
    expect(await coveredBy(options.last())).toBeNull();
    expect(await coveredBy(page.getByRole('button', { name: 'Save and continue' }))).toBeNull();
    const covered: string[] = [];
    for (const option of await options.all()) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await bringIntoView(option, 'nearest');
      const cover = await coveredBy(option);
      if (cover) covered.push(`${await option.getAttribute('id')} under ${cover}`);
    }
    expect(covered).toEqual([]);
    violations.push(...(await accessibilityViolations(page)));

    // On the task list the line speaks when a save waits (offline, say); give it those words.
    await page.goto(`${context.baseUrl}/r/${invitation.token}`);
    await status.evaluate((line) => {
      line.textContent = 'Saved on this device – will send when you are back online';
    });
    expect(await status.isVisible()).toBe(true);
    const checkLink = page.getByRole('link', { name: 'Check your answers and submit them' });
    await scrollToEnd(page);
    expect(await coveredBy(checkLink)).toBeNull();
    for (const block of ['end', 'nearest'] as const) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await bringIntoView(checkLink, block);
      expect(await coveredBy(checkLink)).toBeNull();
    }
    violations.push(...(await accessibilityViolations(page)));

    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
