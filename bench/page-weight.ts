// Page weight: the bytes a page and everything it loads take on the wire,
// compressed as a browser would ask for them (brotli), on the demo workspace.

import { buildApp } from '../src/app.ts';
import { installReferenceCrosswalks } from '../src/assessment/crosswalks/import-crosswalk.ts';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { sumwherePlan } from '../src/demo/sumwhere-plan.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { signInAs } from '../test/accounts.ts';

export interface Figure {
  name: string;
  value: number;
  unit?: string;
}

const pages: [string, string][] = [
  ['home_page_bytes', '/'],
  ['agencies_page_bytes', '/agencies'],
  ['frameworks_page_bytes', '/frameworks'],
  ['framework_dgca_page_bytes', '/frameworks/dgca'],
  ['framework_nine_pillars_page_bytes', '/frameworks/nine-pillars'],
  ['rounds_page_bytes', '/rounds'],
];

export async function pageWeights(): Promise<Figure[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await migrate(database);
  await installReferenceFrameworks(database.db);
  await installReferenceCrosswalks(database.db);
  const demo = await loadDemo(database.db);
  const app = await buildApp({ database });
  // Pages as a signed-in viewer sees them (the navigation and account line included).
  const viewer = await signInAs(database, 'viewer');
  // The recommendations page also as a coordinator sees it: with a decision form per recommendation.
  const coordinator = await signInAs(database, 'coordinator');
  const wireBytes = async (url: string, cookie: string) =>
    (
      await app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'br, gzip', cookie },
      })
    ).rawPayload.length;
  try {
    const figures: Figure[] = [];
    const results = `/rounds/${demo.round.id}/results`;
    const healthMinistry = demo.agencies.find((agency) => agency.acronym === 'MOH');
    for (const [name, url, cookie = viewer.cookie] of [
      ...pages,
      ['round_page_bytes', `/rounds/${demo.round.id}`],
      // The results pages carry their SVG charts inline, with a table each.
      ['results_overview_page_bytes', `${results}?compare=${demo.baseline.round.id}`],
      ['results_agencies_page_bytes', `${results}/agencies`],
      ['results_agency_page_bytes', `${results}/agencies/${healthMinistry?.id}`],
      ['results_items_page_bytes', `${results}/items`],
      ['results_diagnostics_page_bytes', `${results}/diagnostics`],
      // The reading with the most target dimensions and mappings of the three shipped.
      ['results_crosswalk_page_bytes', `${results}/crosswalks?crosswalk=dgca-to-dgra`],
      ['recommendations_page_bytes', `${results}/recommendations`],
      [
        'recommendations_agency_page_bytes',
        `${results}/recommendations?agency=${healthMinistry?.id}`,
      ],
      ['recommendations_page_bytes_coordinator', `${results}/recommendations`, coordinator.cookie],
      ['targets_page_bytes_coordinator', `${results}/targets`, coordinator.cookie],
      // The plan's analysis as an editor sees it: the SWOT with its links, the draft's proposals.
      ['analysis_page_bytes', `/plans/${sumwherePlan.id}/swot`, coordinator.cookie],
      ['analysis_draft_page_bytes', `/plans/${sumwherePlan.id}/swot/draft`, coordinator.cookie],
      ['analysis_pestle_page_bytes', `/plans/${sumwherePlan.id}/pestle`, coordinator.cookie],
      // The vision as an editor sees it: goals with their links and a priority form each.
      ['star_profile_page_bytes', `/plans/${sumwherePlan.id}/star`, coordinator.cookie],
      ['stakeholders_page_bytes', `/plans/${sumwherePlan.id}/stakeholders`, coordinator.cookie],
      ['vision_page_bytes', `/plans/${sumwherePlan.id}/vision`, coordinator.cookie],
      // The roadmap as an editor sees it: 16 projects under 3 programmes, the timeline.
      ['roadmap_page_bytes', `/plans/${sumwherePlan.id}/roadmap`, coordinator.cookie],
    ] as [string, string, string?][]) {
      const { body, statusCode } = await app.inject({
        method: 'GET',
        url,
        headers: { cookie },
      });
      if (statusCode !== 200) throw new Error(`${url} answered ${statusCode}`);
      // Everything the page loads: today a stylesheet; scripts and images count too.
      const assets = [...body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map(
        (match) => match[1] as string,
      );
      if (assets.length === 0)
        throw new Error(`${url} loads no stylesheet: the page did not render`);
      let total = await wireBytes(url, cookie);
      for (const asset of assets) total += await wireBytes(asset, cookie);
      figures.push({ name, value: total, unit: 'bytes' });
    }
    return figures;
  } finally {
    await app.close();
    await database.close();
  }
}
