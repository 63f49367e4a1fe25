// The boundaries `npm run check` enforces (.dependency-cruiser.cjs), shown to
// fail where they should: on a small tree that breaks each rule once
// (test/boundaries-fixture/), and to pass on src/ itself.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const { forbidden, options } = createRequire(import.meta.url)(
  path.join(root, '.dependency-cruiser.cjs'),
);

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], {
    ...options,
    tsConfig: undefined,
    baseDir,
    validate: true,
    ruleSet: { forbidden },
  });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations.map(
    (violation: IViolation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );
}

describe('the boundaries check', () => {
  it('names every import that breaks a rule, and only those', async () => {
    expect((await violations(path.join(root, 'test', 'boundaries-fixture'))).sort()).toEqual([
      'feature-through-its-entry: src/app.ts → src/assessment/plans/plan-store.ts',
      'feature-through-its-entry: src/app.ts → src/planning/roadmap/priorities/index.ts',
      'feature-to-feature-through-entry: src/assessment/plans/plan-store.ts → src/assessment/maps/map-store.ts',
      'no-cycles: src/home/home-routes.ts → src/home/home-views.ts',
      'part-through-its-entry: src/planning/roadmap/roadmap-views.ts → src/planning/roadmap/priorities/priority-parts.ts',
      'part-to-part-through-entry: src/planning/roadmap/priorities/priority-parts.ts → src/planning/roadmap/publication/publication-store.ts',
      'platform-below-features: src/platform/db/schema.ts → src/assessment/plans/index.ts',
    ]);
  });

  it('finds nothing to say about src/', async () => {
    expect(await violations(root)).toEqual([]);
  }, 30_000);
});
