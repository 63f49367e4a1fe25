// Journeys: a coordinator imports a framework file through the page (a valid
// file, then a broken one whose every problem is listed), and an XLSForm
// workbook (a valid one, then a broken one, in English and Spanish); an admin makes an
// API token, a program uses it over HTTP, and the admin revokes it. The pages
// (plain forms, no script) pass axe-core's checks at each step.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildFramework } from '../frameworks.ts';
import { brokenXlsform, buildXlsform, xlsxOf } from '../xlsform.ts';
import { hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map(
    (violation) => `${page.url()} ${violation.id}: ${violation.nodes[0]?.target}`,
  );
}

const jsonFile = (name: string, document: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(document, null, 2)),
});

describe.skipIf(!hasChromium)('importing a framework and using the API with a token', () => {
  const context = useRunningApp();

  it('imports a valid framework file, then shows every problem of a broken one', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    const violations: string[] = [];
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Frameworks' })
      .click();
    await page.getByRole('link', { name: 'Import a framework' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Import a framework');
    violations.push(...(await axeViolations(page)));

    await page
      .getByLabel('Framework file')
      .setInputFiles(
        jsonFile(
          'city.json',
          buildFramework({ key: 'city-services', version: '1.0', name: { en: 'City services' } }),
        ),
      );
    await page.getByRole('button', { name: 'Import the framework' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('City services, version 1.0, is imported');
    violations.push(...(await axeViolations(page)));
    await page.getByRole('link', { name: 'See City services' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('City services');

    await page.goto(`${context.baseUrl}/frameworks/import`);
    const broken = buildFramework({ key: 'broken', version: '1.0' });
    broken.maturityLevels = [
      { key: 'low', name: { en: 'Low' }, minScore: 2 },
      { key: 'low', name: { en: 'Again' }, minScore: 1 },
    ];
    (broken.dimensions[1] as { code: string }).code = 'AAA';
    await page.getByLabel('Framework file').setInputFiles(jsonFile('broken.json', broken));
    await page.getByRole('button', { name: 'Import the framework' }).click();
    const summary = page.getByRole('alert');
    await expect
      .poll(() => summary.getByRole('heading').textContent())
      .toBe('The file has 4 problems; nothing was imported');
    const problems = await summary.getByRole('listitem').allTextContents();
    expect(problems).toEqual([
      'dimensions[1].code: duplicate code "AAA", first used at dimensions[0].code',
      expect.stringMatching(/^maturityLevels\[0\]\.minScore: /),
      'maturityLevels[1].key: duplicate level key "low"',
      expect.stringMatching(/^maturityLevels\[1\]\.minScore: /),
    ]);
    violations.push(...(await axeViolations(page)));

    const stored = await context.database.db
      .selectFrom('frameworks')
      .select('key')
      .where('key', 'in', ['city-services', 'broken'])
      .execute();
    expect(stored.map((row) => row.key)).toEqual(['city-services']);
    await browserContext.close();
    expect(violations).toEqual([]);
  });

  it('imports an XLSForm workbook, then lists a broken one’s problems by sheet, row and column in English and Spanish', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    const violations: string[] = [];
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const workbook = async (name: string, rows: Parameters<typeof xlsxOf>[0]) => ({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxOf(rows),
    });

    await page.goto(`${context.baseUrl}/frameworks/import`);
    await page
      .getByLabel('Framework file')
      .setInputFiles(await workbook('city.xlsx', buildXlsform()));
    await page.getByRole('button', { name: 'Import the framework' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('City services readiness, version 1.2, is imported');
    await page.getByRole('link', { name: 'See City services readiness' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('City services readiness');
    expect(
      await page
        .getByRole('link', { name: 'Download as XLSForm, for KoboToolbox or ODK (.xlsx)' })
        .getAttribute('href'),
    ).toBe('/api/frameworks/city-readiness/versions/1.2/xlsform');
    violations.push(...(await axeViolations(page)));

    for (const [language, heading, first] of [
      [
        'en',
        'The file has 2 problems; nothing was imported',
        'Sheet survey, row 23, column A (type): ',
      ],
      [
        'es',
        'El archivo tiene 2 problemas; no se importó nada',
        'Hoja survey, fila 23, columna A (type): ',
      ],
    ] as const) {
      await page.goto(`${context.baseUrl}/frameworks/import?lang=${language}`);
      await page.locator('#file').setInputFiles(await workbook('broken.xlsx', brokenXlsform()));
      await page.locator('form[action="/frameworks/import"] button[type="submit"]').click();
      const summary = page.getByRole('alert');
      await expect.poll(() => summary.getByRole('heading').textContent()).toBe(heading);
      const problems = await summary.getByRole('listitem').allTextContents();
      expect(problems).toHaveLength(2);
      expect(problems[0]?.slice(0, first.length)).toBe(first);
      violations.push(...(await axeViolations(page)));
    }
    await browserContext.close();
    expect(violations).toEqual([]);
  });

  it('makes an API token shown once, which a program uses without CSRF until it is revoked', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    const violations: string[] = [];
    await signInThroughPage(page, context.baseUrl);

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Members' })
      .click();
    await page.getByRole('link', { name: 'API tokens for programs that use the API' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('API tokens');
    await page.getByRole('button', { name: 'Make the token' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Name: give the token a name');
    violations.push(...(await axeViolations(page)));

    await page.getByLabel('Name').fill('Agency register sync');
    await page.getByLabel('Role').selectOption({ label: 'Coordinator' });
    await page.getByLabel('In 30 days').check();
    await page.getByRole('button', { name: 'Make the token' }).click();
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^tfa_/);
    violations.push(...(await axeViolations(page)));
    await page.goto(`${context.baseUrl}/members/tokens`);
    expect(await page.getByTestId('new-token').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(token);

    // A program, over real HTTP, as the README's curl example does.
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${context.baseUrl}/api/frameworks`, {
      method: 'POST',
      headers,
      body: JSON.stringify(buildFramework({ key: 'from-a-script', version: '1.0' })),
    });
    expect(created.status).toBe(201);
    const members = await fetch(`${context.baseUrl}/api/members`, { headers });
    expect(members.status).toBe(403);

    await page.goto(`${context.baseUrl}/audit`);
    expect(await page.locator('main').textContent()).toContain(
      'API token “Agency register sync” of',
    );

    await page.goto(`${context.baseUrl}/members/tokens`);
    await page.getByRole('link', { name: 'Revoke “Agency register sync”…' }).click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Revoke the token “Agency register sync”?');
    violations.push(...(await axeViolations(page)));
    await page.getByRole('button', { name: 'Revoke “Agency register sync”' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('The token “Agency register sync” is revoked: it no longer works.');
    violations.push(...(await axeViolations(page)));
    const refused = await fetch(`${context.baseUrl}/api/agencies`, { headers });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthenticated');

    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
