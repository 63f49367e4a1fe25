// The demo plan's analysis as loaded: a PESTLE of a dozen factors and a SWOT
// partly accepted from the draft of the 2025 results, partly written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { listPestleFactors, listSwotEntries } from '../planning/analysis/index.ts';
import { sumwherePlan } from './sumwhere-plan.ts';

describe('the Sumwhere plan’s analysis', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('demo');
  });
  afterAll(() => database.drop());

  it('holds a dozen PESTLE factors under all six headings', async () => {
    const factors = await listPestleFactors(database.db, sumwherePlan.id);
    expect(factors).toHaveLength(12);
    expect(new Set(factors.map((factor) => factor.heading)).size).toBe(6);
  });

  it('holds strengths and weaknesses accepted from the results, each citing its evidence, and written opportunities and threats', async () => {
    const entries = await listSwotEntries(database.db, sumwherePlan.id);
    const drafted = entries.filter((entry) => entry.proposalKey !== null);
    expect(drafted.map((entry) => entry.quadrant).sort()).toEqual([
      'strength',
      'strength',
      'weakness',
      'weakness',
      'weakness',
    ]);
    for (const entry of drafted) {
      expect(entry.evidence).not.toBeNull();
      // Each states the numbers behind it.
      expect(entry.text).toMatch(/\d\.\d/);
    }
    expect(
      drafted.some((entry) =>
        entry.text.endsWith('The workshop traced this to too few specialist staff.'),
      ),
    ).toBe(true);
    const written = entries.filter((entry) => entry.proposalKey === null);
    expect(written.filter((entry) => entry.quadrant === 'opportunity')).toHaveLength(3);
    expect(written.filter((entry) => entry.quadrant === 'threat')).toHaveLength(3);
    expect(written.filter((entry) => entry.evidence?.kind === 'pestle')).toHaveLength(5);
  });
});
