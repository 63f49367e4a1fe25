// Journey: a coordinator adds an agency, imports more from a CSV file, then
// creates a round and opens it (confirming first), all through the pages; the
// new pages pass axe-core's checks, with and without errors on them.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../factories/rounds.ts';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (violation) => `${page.url()} ${violation.id}: ${violation.nodes[0]?.target}`,
  );
}

describe.skipIf(!hasChromium)('setting up a round', { timeout: 120_000 }, () => {
  const context = useRunningApp();

  it('adds an agency, imports a CSV, creates and opens a round', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    const violations: string[] = [];
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Agencies' })
      .click();
    await page.getByRole('link', { name: 'Add an agency' }).click();
    await page.getByRole('button', { name: 'Save the agency' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Name: enter the agency’s name');
    violations.push(...(await axeViolations(page)));
    await page.getByLabel('Name', { exact: true }).fill('Sumwhere Space Agency');
    await page.getByLabel('Acronym').fill('SSA');
    await page.getByLabel('National', { exact: true }).check();
    await page.getByLabel('Sector').fill('digital');
    await page.getByLabel('Part of').selectOption({ label: 'Ministry of Digital Affairs' });
    await page.getByRole('button', { name: 'Save the agency' }).click();
    await page.waitForURL(`${context.baseUrl}/agencies`);
    await expect
      .poll(() => page.getByRole('link', { name: 'Sumwhere Space Agency' }).count())
      .toBe(1);

    await page.getByRole('link', { name: 'Import from CSV' }).click();
    violations.push(...(await axeViolations(page)));
    await page.getByLabel('Choose a CSV file').setInputFiles({
      name: 'agencies.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,acronym,level,sector,parent,focal point email\n' +
          'Launch Site Authority,LSA,subnational,infrastructure,SSA,\n' +
          'Orbital Data Unit,,local,digital,Launch Site Authority,data@ssa.gov.example\n',
      ),
    });
    await page.getByRole('button', { name: 'Import agencies' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('2 agencies imported');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Assessment rounds' })
      .click();
    await page.getByRole('link', { name: 'Create a round' }).click();
    violations.push(...(await axeViolations(page)));
    await page.getByLabel('Name').fill('2026 self-assessment');
    await page.getByLabel('Framework').selectOption({ index: 1 });
    await page.getByLabel('Opening date').fill(isoDay(0));
    await page.getByLabel('Closing date').fill(isoDay(30));
    await page.getByRole('button', { name: 'Save the round' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('2026 self-assessment');
    expect(await page.locator('.tag').first().textContent()).toBe('Not yet open');
    violations.push(...(await axeViolations(page)));
    // Opening is asked first, and the page says what it will do.
    await page.getByRole('link', { name: 'Open the round' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Open “2026 self-assessment”?');
    violations.push(...(await axeViolations(page)));
    await page.getByRole('button', { name: 'Yes, open the round' }).click();
    await expect.poll(() => page.locator('.tag').first().textContent()).toBe('Open');
    expect(await page.locator('output.notice').textContent()).toMatch(/^The round is open\./);
    violations.push(...(await axeViolations(page)));
    await page.getByRole('link', { name: 'Close the round' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Close “2026 self-assessment”?');
    violations.push(...(await axeViolations(page)));
    await page.getByRole('link', { name: 'No, go back to the round' }).click();
    await expect.poll(() => page.locator('.tag').first().textContent()).toBe('Open');

    await browserContext.close();
    expect(violations).toEqual([]);
  });

  it('shows the members and audit log pages to an admin, without accessibility violations', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl);
    const violations: string[] = [];
    for (const link of ['Members', 'Audit log']) {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: link })
        .click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(link);
      violations.push(...(await axeViolations(page)));
    }
    await page.goto(`${context.baseUrl}/members?lang=es`);
    violations.push(...(await axeViolations(page)));
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
