// Journey: a coordinator imports a roadmap from a CSV file through the import
// page with JavaScript off, sees what was added, then imports the same file
// again and nothing changes; a file with mistakes lists each one and stores
// nothing. The import page, its refusal and its summary pass axe in English
// and Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

const plan = `/plans/${sumwherePlan.id}`;
const roadmapCsv = [
  'external_id,parent_external_id,level,title,horizon,starts_on,ends_on,status,weight',
  'BR-2,BR-1,project,Once-only data exchange,medium,2027-01-01,2028-06-30,approved,2',
  'BR-1,,programme,Connected government,long,2026-01-01,2030-12-31,in_progress,1',
].join('\n');
const brokenCsv = [
  'external_id,title,horizon,starts_on,ends_on,weight',
  'BR-9,Backwards,short,2027-01-01,2026-01-01,0',
].join('\n');

describe.skipIf(!hasChromium)('roadmap import', () => {
  const context = useRunningApp();

  it('imports a CSV of initiatives through the page, and importing it again changes nothing', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}${plan}/roadmap/import`);
    const upload = async (content: string) => {
      await page.getByLabel('Choose a file (.xlsx or .csv)').setInputFiles({
        name: 'roadmap.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(content),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
    };
    await upload(brokenCsv);
    const summary = page.getByRole('alert');
    expect(await summary.textContent()).toContain(
      'Initiatives, row 2, column ends_on: must not be before the start date',
    );
    expect(await summary.textContent()).toContain('Initiatives, row 2, column weight:');

    await upload(roadmapCsv);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Initiatives: 2 added, 0 changed, 0 unchanged.');
    await page.getByRole('link', { name: 'Import another file' }).click();
    await upload(roadmapCsv);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Initiatives: 0 added, 0 changed, 2 unchanged.');
    await browserContext.close();
  });

  it('re-imports the demo roadmap as exported, every initiative and step unchanged', async () => {
    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const exported = await page.request.get(`${context.baseUrl}${plan}/roadmap/export.xlsx`);
    expect(exported.status()).toBe(200);
    await page.goto(`${context.baseUrl}${plan}/roadmap/import`);
    await page.getByLabel('Choose a file (.xlsx or .csv)').setInputFiles({
      name: 'roadmap.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await exported.body(),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const text = (await page.locator('main').textContent()) ?? '';
    const unchanged = (label: string) =>
      Number(new RegExp(`${label}: 0 added, 0 changed, (\\d+) unchanged\\.`).exec(text)?.[1]);
    // The demo's 16 projects under their programmes, and the steps of its four action plans.
    expect(unchanged('Initiatives')).toBeGreaterThanOrEqual(16);
    expect(unchanged('Action-plan steps')).toBeGreaterThan(0);
    await browserContext.close();
  });

  it('finds no accessibility violations on the import page, its refusal and its summary, in either language', async () => {
    const browserContext = await context.browser.newContext();
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const violations: { path: string; language: string; rules: string[] }[] = [];
    const check = async (path: string, language: string) => {
      const rules = await axeViolations(page);
      if (rules.length > 0) violations.push({ path, language, rules });
    };
    for (const language of ['en', 'es']) {
      const response = await page.goto(`${context.baseUrl}${plan}/roadmap/import?lang=${language}`);
      expect(response?.status()).toBe(200);
      await check('import', language);
      for (const [name, content] of [
        ['refused', brokenCsv],
        ['summary', roadmapCsv],
      ] as const) {
        await page.locator('#file').setInputFiles({
          name: 'roadmap.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(content),
        });
        await page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click();
        await page.waitForLoadState('load');
        await check(name, language);
        if (name === 'refused')
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
      }
    }
    await browserContext.close();
    expect(violations).toEqual([]);
  });
});
