// The demo's 2025 round read for advice: ranked recommendations for the whole
// of government and for the Ministry of Health, each with the numbers that
// put it there, and the targets beside the scores of the overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../test/accounts.ts';
import { openTestDatabase, type TestDatabase } from '../../test/databases.ts';
import { buildApp } from '../app.ts';
import type { App } from '../platform/http/feature.ts';

describe('the demo’s advice', () => {
  let database: TestDatabase;
  let app: App;
  let headers: Record<string, string>;
  let roundId: string;

  beforeAll(async () => {
    database = await openTestDatabase('demo');
    app = await buildApp({ database });
    await app.ready();
    headers = headersOf(await signInAs(database, 'viewer'));
    roundId = (
      await database.db
        .selectFrom('rounds')
        .select('id')
        .where('name', '=', 'Digital capability assessment 2025')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const json = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  it('ranks recommendations for the whole of government and for the Ministry of Health, each with its numbers', async () => {
    const health = await database.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', 'Ministry of Health')
      .executeTakeFirstOrThrow();
    for (const url of [
      `/api/rounds/${roundId}/results/recommendations`,
      `/api/rounds/${roundId}/results/recommendations?agency=${health.id}`,
    ]) {
      const { weak } = await json(url);
      expect(weak.length, url).toBeGreaterThanOrEqual(3);
      const priorities = weak.map((entry: { priority: number }) => entry.priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
      for (const entry of weak) {
        expect(entry.gap).toBeGreaterThan(0);
        expect(entry.priority).toBeCloseTo(entry.gap * entry.weight, 2);
        expect(entry.target.minScore).toBeGreaterThan(entry.score);
      }
      // Most weak sub-dimensions have something to do at their level.
      const withAdvice = weak.filter(
        (entry: { recommendations: unknown[] }) => entry.recommendations.length > 0,
      );
      expect(withAdvice.length).toBeGreaterThanOrEqual(Math.ceil(weak.length / 2));
    }
    const page = await app.inject({
      method: 'GET',
      url: `/rounds/${roundId}/results/recommendations?agency=${health.id}`,
      headers,
    });
    expect(page.body).toContain('<h1>Recommendations for Ministry of Health');
    expect(page.body).toMatch(
      /Score \d\.\d\d \([A-Za-z]+\); target [A-Za-z]+ \(\d\.\d\d\)[^;]*; gap \d\.\d\d × weight 1\/\d+ = priority [\d.]+\./,
    );
  });

  it('sends the recommendations and targets pages, with their forms and stylesheet, in at most 50 KB on the wire', async () => {
    const coordinator = await signInAs(database, 'coordinator');
    const wire = async (url: string) => {
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: coordinator.cookie, 'accept-encoding': 'br' },
      });
      expect(response.statusCode).toBe(200);
      return response.rawPayload.length;
    };
    const stylesheet = await wire('/assets/styles.css');
    for (const url of [
      `/rounds/${roundId}/results/recommendations`,
      `/rounds/${roundId}/results/targets`,
    ])
      expect(await wire(url), url).toBeLessThan(50 * 1024 - stylesheet);
  });

  it('shows the targets it set beside the scores, the others one level above today', async () => {
    const { targets } = await json(`/api/rounds/${roundId}/results/targets`);
    const byCode = new Map(targets.map((row: { code: string }) => [row.code, row]));
    expect(byCode.get('LEA')).toMatchObject({
      target: { level: 'managed', dueOn: '2028-12-31', source: 'set' },
    });
    expect(byCode.get('LEA-VIS')).toMatchObject({
      target: { level: 'managed', source: 'dimension' },
    });
    expect(byCode.get('TEC-CYB')).toMatchObject({ target: { level: 'managed', source: 'set' } });
    expect(byCode.get('GOV')).toMatchObject({ target: { source: 'default' } });
    const overview = await app.inject({
      method: 'GET',
      url: `/rounds/${roundId}/results`,
      headers,
    });
    expect(overview.body).toContain('<th scope="col">Target</th>');
    expect(overview.body).toContain('Managed (3.40) by Dec 31, 2028');
  });
});
