// The roadmap: `progress_rollup_ms`, rolling progress up a tree of 10,000
// initiatives (100 programmes × 10 projects × 9 activities, with steps and
// cancelled work), pure; and `roadmap_page_ms`, the server's time for the
// roadmap page of a plan of 1,000 initiatives (tree, glance, timeline),
// warm — the median of several requests after two that warm it — on the
// embedded database.

import { buildApp } from '../src/app.ts';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { initiativeFields, insertInitiative } from '../src/planning/roadmap/index.ts';
import { type ProgressNode, rollUpProgress } from '../src/planning/roadmap/progress-rollup.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/workspaces/workspace-store.ts';
import { signInAs } from '../test/accounts.ts';
import type { Figure } from './page-weight.ts';
import { median, timed } from './wog-results.ts';

const RUNS = 9;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** A programme → project → activity tree of `programmes × (1 + projects × (1 + activities))` nodes. */
function tree(programmes: number, projects: number, activities: number): ProgressNode[] {
  const nodes: ProgressNode[] = [];
  const node = (id: string, parentId: string | null, index: number): ProgressNode => ({
    id,
    parentId,
    weight: 1 + (index % 3),
    statusKind: index % 17 === 0 ? 'cancelled' : index % 5 === 0 ? 'completed' : 'active',
    defaultProgress: 25,
    reported: index % 4 === 0 ? (index * 7) % 100 : null,
    steps: { done: index % 3, total: index % 2 === 0 ? 4 : 0 },
  });
  for (let p = 0; p < programmes; p++) {
    nodes.push(node(`p${p}`, null, p));
    for (let j = 0; j < projects; j++) {
      nodes.push(node(`p${p}j${j}`, `p${p}`, j));
      for (let a = 0; a < activities; a++) nodes.push(node(`p${p}j${j}a${a}`, `p${p}j${j}`, a));
    }
  }
  return nodes;
}

export function progressRollup(): Figure[] {
  const nodes = tree(100, 10, 9);
  if (nodes.length < 10_000) throw new Error('The tree is smaller than 10,000 initiatives');
  const times: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const start = performance.now();
    const progress = rollUpProgress(nodes);
    times.push(performance.now() - start);
    if (progress.size !== nodes.length) throw new Error('Some initiatives got no progress');
  }
  return [{ name: 'progress_rollup_ms', value: round(median(times.slice(2))), unit: 'ms' }];
}

const day = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

export async function roadmapPage(): Promise<Figure[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  const app = await buildApp({ database });
  try {
    const { db } = database;
    await migrate(database);
    await installReferenceFrameworks(db);
    await createWorkspace(db, {
      id: 'bench',
      name: 'Bench',
      defaultLanguage: 'en',
      languages: ['en'],
    });
    const { id: planId } = await db
      .insertInto('plans')
      .values({ workspace_id: 'bench', title: 'Bench plan', starts_year: 2026, ends_year: 2030 })
      .returning('id')
      .executeTakeFirstOrThrow();
    // 20 programmes of 49 projects each, and 20 more projects on their own: 1,000.
    await db.transaction().execute(async (tx) => {
      const statuses = ['proposed', 'approved', 'in_progress', 'completed', 'cancelled'];
      let count = 0;
      const add = (parentId: string | null, level: 'programme' | 'project', index: number) =>
        insertInitiative(
          tx,
          planId,
          initiativeFields({
            externalId: `i${++count}`,
            parentId,
            level,
            title: `${level} ${count}`,
            horizon: (['short', 'medium', 'long'] as const)[index % 3] ?? 'short',
            startsOn: day(2026 + (index % 4), (index * 37) % 300),
            endsOn: day(2027 + (index % 4), (index * 53) % 300),
            status: statuses[index % statuses.length] ?? 'proposed',
            progress: index % 2 === 0 ? (index * 13) % 100 : null,
            weight: 1 + (index % 3),
          }),
          null,
          null,
        );
      for (let p = 0; p < 20; p++) {
        const programmeId = await add(null, 'programme', p);
        for (let j = 0; j < 49; j++) await add(programmeId, 'project', j);
      }
      for (let j = 0; j < 20; j++) await add(null, 'project', j);
    });
    const viewer = await signInAs(database, 'viewer');
    const get = async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/plans/${planId}/roadmap`,
        headers: { cookie: viewer.cookie },
      });
      if (response.statusCode !== 200)
        throw new Error(`The roadmap answered ${response.statusCode}`);
      if (!response.body.includes('1,000') && !response.body.includes('980 projects'))
        throw new Error('The roadmap page does not show the 1,000 initiatives');
    };
    await get();
    await get();
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) times.push(await timed(get));
    return [{ name: 'roadmap_page_ms', value: round(median(times)), unit: 'ms' }];
  } finally {
    await app.close();
    await database.close();
  }
}
