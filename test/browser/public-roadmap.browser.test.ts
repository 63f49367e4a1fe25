// Journey: a coordinator publishes the demo plan's roadmap with JavaScript
// off, confirming it; someone who has never signed in reads it at its public
// address, with its timeline and only the public initiatives. The publication
// page and the public page pass axe in English and Spanish.
import { describe, expect, it } from 'vitest';
import { sumwherePlan } from '../../src/demo/sumwhere-plan.ts';
import { saveInitiative } from '../../src/planning/roadmap/initiative-changes.ts';
import type { RawInitiativeFields } from '../../src/planning/roadmap/initiative-rules.ts';
import { currentWorkspace } from '../../src/platform/workspaces/workspace-store.ts';
import { axeViolations, hasChromium, signInThroughPage, useRunningApp } from './browser.ts';

describe.skipIf(!hasChromium)('public roadmap', () => {
  const context = useRunningApp();
  const publication = `/plans/${sumwherePlan.id}/roadmap/publication`;
  let publicPath = '';

  async function addInitiative(fields: RawInitiativeFields): Promise<string> {
    const { db } = context.database;
    const workspace = await currentWorkspace(db);
    const outcome = await saveInitiative(
      db,
      sumwherePlan.id,
      { level: 'project', horizon: 'short', status: 'in_progress', ...fields },
      { workspaceId: workspace?.id ?? '', actor: { system: 'browser test' } },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    return outcome.id;
  }

  it('publishes the roadmap after confirming, and anyone reads it without signing in', async () => {
    const programme = await addInitiative({
      level: 'programme',
      title: 'Digital identity for every resident',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
    });
    const pilot = await addInitiative({
      parentId: programme,
      title: 'ID card pilot in two districts',
      startsOn: '2026-02-01',
      endsOn: '2026-09-30',
    });
    await addInitiative({
      parentId: programme,
      title: 'National rollout',
      startsOn: '2027-01-01',
      endsOn: '2028-12-31',
      dependsOnIds: [pilot],
      horizon: 'medium',
    });
    await addInitiative({ title: 'Vendor negotiations', isPublic: false });
    await addInitiative({ title: 'Open data strategy', horizon: 'long' });
    await context.database.db
      .insertInto('initiative_milestones')
      .values({ initiative_id: pilot, title: 'First cards issued', due_on: '2026-05-31' })
      .execute();

    const browserContext = await context.browser.newContext({ javaScriptEnabled: false });
    const page = await browserContext.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    await page.goto(`${context.baseUrl}${publication}`);
    expect(await page.textContent('main')).toContain('The roadmap is not published.');
    await page.getByLabel('Hide budgets').check();
    await page.getByRole('button', { name: 'Publish the roadmap' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Tick the box to confirm that the roadmap becomes public');
    await page.getByLabel('I understand that anyone with the address can read').check();
    await page.getByRole('button', { name: 'Publish the roadmap' }).click();
    const address = page.getByRole('link', { name: /\/public\/roadmaps\// });
    publicPath = new URL((await address.getAttribute('href')) ?? '').pathname;
    await browserContext.close();

    const stranger = await context.browser.newContext({ javaScriptEnabled: false });
    const publicPage = await stranger.newPage();
    const response = await publicPage.goto(`${context.baseUrl}${publicPath}`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(() => publicPage.getByRole('heading', { level: 1 }).textContent())
      .toBe(sumwherePlan.title);
    expect(await publicPage.getByRole('img', { name: /Timeline/ }).count()).toBe(1);
    const table = publicPage.getByRole('table', { name: /initiatives on the timeline/ });
    expect(await table.textContent()).toContain('First cards issued');
    const text = (await publicPage.textContent('main')) ?? '';
    expect(text).toContain('National rollout');
    expect(text).toContain('Open data strategy');
    expect(text).not.toContain('Vendor negotiations');
    await stranger.close();
  });

  it('finds no accessibility violations on the publication and public pages, in either language', async () => {
    expect(publicPath).not.toBe('');
    const signedIn = await context.browser.newContext();
    const page = await signedIn.newPage();
    await signInThroughPage(page, context.baseUrl, 'coordinator@sumwhere.example');
    const anonymous = await (await context.browser.newContext()).newPage();
    const violations: { path: string; language: string; rules: string[] }[] = [];
    for (const language of ['en', 'es'])
      for (const [who, path] of [
        [page, publication],
        [anonymous, publicPath],
      ] as const) {
        const response = await who.goto(`${context.baseUrl}${path}?lang=${language}`);
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        const rules = await axeViolations(who);
        if (rules.length > 0) violations.push({ path, language, rules });
      }
    await signedIn.close();
    await anonymous.context().close();
    expect(violations).toEqual([]);
  });
});
