// The results store on a real database: results equal to a computation over
// the stored answers, and kept up to date through every change to submitted
// responses (and through none to drafts), including a change that races a
// refresh.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/databases.ts';
import { buildAgency } from '../../../../test/factories/agencies.ts';
import { buildConsensus } from '../../../../test/factories/consensus.ts';
import { buildInvitation } from '../../../../test/factories/invitations.ts';
import { answerEveryItem, buildResponse } from '../../../../test/factories/responses.ts';
import { buildRound } from '../../../../test/factories/rounds.ts';
import { buildFramework } from '../../../../test/frameworks.ts';
import { tallyAnswers } from '../../../../test/tallies.ts';
import type { Schema } from '../../../platform/db/schema.ts';
import { isoToday } from '../../../platform/iso-day.ts';
import { frameworkItems } from '../../frameworks/framework.ts';
import { importFramework } from '../../frameworks/import-framework.ts';
import type { AnswerChange } from '../../questionnaire/answer.ts';
import { submitResponse } from '../../questionnaire/questionnaire-store.ts';
import { openLink } from '../../questionnaire/respondent-link.ts';
import { linkIdsOf, writeSaves } from '../../questionnaire/save-store.ts';
import { agencyTrees, type ScoreTree } from '../scoring/scoring.ts';
import { roundScores } from '../scoring/totals.ts';
import { loadConsensusScores, loadRoundResults, refreshResults } from './results-store.ts';

function itemOf(tree: ScoreTree | undefined, code: string) {
  const found = tree?.dimensions
    .flatMap((d) => d.subdimensions.flatMap((s) => s.items))
    .find((item) => item.itemCode === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
}

/** Every number rounded to 10 decimals: sums taken in another order differ in the last bits. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e10) / 1e10;
  if (value instanceof Map) return new Map([...value].map(([key, entry]) => [key, rounded(entry)]));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rounded(entry)]));
  return value;
}

async function staleAgencies(db: Kysely<Schema>, roundId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('result_staleness')
    .select('agency_id')
    .where('round_id', '=', roundId)
    .execute();
  return rows.map((row) => row.agency_id);
}

describe('the results store', () => {
  let database: TestDatabase;
  let db: Kysely<Schema>;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
    db = database.db;
  });
  afterAll(() => database.drop());

  it('gives a closed round the scores its submitted answers give, computed on first read', async () => {
    const health = await buildAgency(db, { name: 'Ministry of Health' });
    const finance = await buildAgency(db, { name: 'Ministry of Finance', sector: 'finance' });
    const council = await buildAgency(db, { name: 'Riverside Council', level: 'local' });
    const round = await buildRound(db, {
      status: 'closed',
      agencyIds: [health.id, finance.id, council.id],
    });
    const roundId = round.id;
    // Every item answered 4 at the ministry, 2 at finance, 3 at the council,
    // but LEA01: 5, 1 and "not applicable"; 2 and 4; 3, 3 and 3. The council's
    // draft, all 5, counts nowhere.
    const respond = (agencyId: string, all: number, LEA01: number | 'na', status?: 'draft') =>
      buildResponse(db, {
        round,
        agencyId,
        answers: { ...answerEveryItem(all), LEA01 },
        ...(status ? { status } : {}),
      });
    for (const LEA01 of [5, 1, 'na'] as const) await respond(health.id, 4, LEA01);
    for (const LEA01 of [2, 4]) await respond(finance.id, 2, LEA01);
    for (const LEA01 of [3, 3, 3]) await respond(council.id, 3, LEA01);
    await respond(council.id, 5, 5, 'draft');

    expect(new Set(await staleAgencies(db, roundId))).toEqual(
      new Set([health.id, finance.id, council.id]),
    );
    const results = await loadRoundResults(db, roundId);
    expect(await staleAgencies(db, roundId)).toEqual([]);

    const answers = await db
      .selectFrom('answers')
      .innerJoin('responses', 'responses.id', 'answers.response_id')
      .select([
        'responses.agency_id as agencyId',
        'responses.id as responseId',
        'answers.item_code as itemCode',
        'answers.value',
        'answers.not_applicable as notApplicable',
      ])
      .where('responses.round_id', '=', roundId)
      .where('responses.status', '=', 'submitted')
      .execute();
    const expected = roundScores(
      results.framework,
      agencyTrees(results.framework, tallyAnswers(answers), round.agencyIds),
    );
    expect(results.agencies.size).toBe(3);
    expect(results.agencies).toEqual(expected.agencies);
    expect(rounded(results.wholeOfGovernment)).toEqual(rounded(expected.wholeOfGovernment));
    expect(rounded(results.pooled)).toEqual(rounded(expected.pooled));
    expect(results.pooled.respondents).toBe(8);
    expect(results.agencies.get(council.id)).toMatchObject({ value: 3, respondents: 3 });

    // And one item by hand: LEA01 was 5, 1, 2, 4, 3, 3 and 3, with one "not
    // applicable": a mean of 3, squared deviations summing to 10.
    const lea01 = itemOf(results.pooled, 'LEA01');
    expect(lea01).toMatchObject({ value: 3, n: 7, notApplicable: 1 });
    expect(lea01.spread).toBeCloseTo(Math.sqrt(10 / 7), 9);
    expect(await refreshResults(db, roundId)).toBe(0);
  });

  describe('an open round answered through the questionnaire', () => {
    let roundId: string;
    let agencyId: string;
    let token: string;
    const itemCodes: string[] = [];
    const at = (seconds: number) => new Date(Date.now() - 3_600_000 + seconds * 1000);
    let clock = 0;
    const change = (itemCode: string, value: number | null): AnswerChange => ({
      itemCode,
      value,
      notApplicable: false,
      comment: null,
      evidenceUrl: null,
      changedAt: at(++clock),
    });

    async function save(changes: AnswerChange[]) {
      const opened = await openLink(db, token);
      if (opened.state !== 'valid') throw new Error(`link ${opened.state}`);
      const [outcome] = await writeSaves(
        db,
        [{ link: linkIdsOf(opened.invitation), changes, saveId: undefined }],
        isoToday(),
      );
      if (typeof outcome !== 'object') throw new Error(`save ${outcome}`);
      return outcome;
    }

    async function submit() {
      const opened = await openLink(db, token);
      if (opened.state !== 'valid') throw new Error(`link ${opened.state}`);
      return submitResponse(db, opened);
    }

    const agencyTree = async () => (await loadRoundResults(db, roundId)).agencies.get(agencyId);

    beforeAll(async () => {
      const round = await buildRound(db, { agencyCount: 2 });
      roundId = round.id;
      const invitation = await buildInvitation(db, { round });
      agencyId = invitation.agencyId;
      token = invitation.token;
      const opened = await openLink(db, token);
      if (opened.state !== 'valid') throw new Error(`link ${opened.state}`);
      itemCodes.push(...frameworkItems(opened.framework).map(({ item }) => item.code));
    });

    it('shows nothing for drafts, and their saves mark nothing stale', async () => {
      const before = await loadRoundResults(db, roundId);
      expect(before.agencies.size).toBe(2);
      expect(before.wholeOfGovernment).toMatchObject({ value: undefined, respondents: 0 });
      await save(itemCodes.map((code) => change(code, 3)));
      await save([change('LEA01', 4)]);
      expect(await staleAgencies(db, roundId)).toEqual([]);
      expect(await loadRoundResults(db, roundId)).toEqual(before);
    });

    it('counts a response once it is submitted', async () => {
      await submit();
      expect(await staleAgencies(db, roundId)).toEqual([agencyId]);
      const tree = await agencyTree();
      expect(tree).toMatchObject({ respondents: 1, n: itemCodes.length });
      expect(itemOf(tree, 'LEA01')).toMatchObject({ value: 4, counts: [{ value: 4, count: 1 }] });
      expect(itemOf(tree, 'LEA02').value).toBe(3);
    });

    it('follows a change to a submitted response', async () => {
      await save([change('LEA01', 1)]);
      expect(itemOf(await agencyTree(), 'LEA01').value).toBe(1);
    });

    it('drops a response reopened to draft, and takes it back when submitted again', async () => {
      // Clearing an answer makes the response incomplete, so it returns to draft.
      expect((await save([change('LEA02', null)])).status).toBe('draft');
      expect(await agencyTree()).toMatchObject({ value: undefined, respondents: 0, n: 0 });
      await save([change('LEA02', 5)]);
      await submit();
      expect(itemOf(await agencyTree(), 'LEA02').value).toBe(5);
    });

    it('keeps an agency stale when its answers change while a refresh recomputes it', async () => {
      await save([change('LEA03', 2)]);
      await refreshResults(db, roundId, {
        // What a respondent's save does, landing after the refresh's grouped query.
        whileRecomputing: async (tx) => {
          await tx
            .updateTable('answers')
            .set({ value: 5 })
            .where('item_code', '=', 'LEA03')
            .where('response_id', 'in', (eb) =>
              eb.selectFrom('responses').select('id').where('round_id', '=', roundId),
            )
            .execute();
          await tx
            .updateTable('responses')
            .set({ updated_at: sql`now()` })
            .where('round_id', '=', roundId)
            .execute();
        },
      });
      expect(await staleAgencies(db, roundId)).toEqual([agencyId]);
      const stored = await db
        .selectFrom('result_tallies')
        .select('tallies')
        .where('round_id', '=', roundId)
        .where('agency_id', '=', agencyId)
        .executeTakeFirstOrThrow();
      expect(stored.tallies.LEA03).toEqual({ 2: 1 });
      expect(itemOf(await agencyTree(), 'LEA03').value).toBe(5);
      expect(await staleAgencies(db, roundId)).toEqual([]);
    });

    it('drops a deleted response', async () => {
      await db.deleteFrom('responses').where('round_id', '=', roundId).execute();
      expect(await agencyTree()).toMatchObject({ value: undefined, respondents: 0 });
      const tallied = await db
        .selectFrom('result_tallies')
        .select('agency_id')
        .where('round_id', '=', roundId)
        .execute();
      expect(tallied).toEqual([]);
    });
  });

  it('scores a scale whose values do not sort as text (negative and two-digit values)', async () => {
    const values = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    await importFramework(
      db,
      buildFramework({
        key: 'wide-scale',
        scales: [
          {
            key: 'agreement',
            type: 'likert',
            min: -2,
            max: 10,
            labels: values.map((value) => ({ value, label: { en: `Label ${value}` } })),
            notApplicable: true,
          },
        ],
        maturityLevels: [
          { key: 'low', name: { en: 'Low' }, minScore: -2 },
          { key: 'high', name: { en: 'High' }, minScore: 4 },
        ],
      }),
      { workspaceId: null, actor: { system: 'test' } },
    );
    const round = await buildRound(db, { frameworkKey: 'wide-scale', agencyCount: 1 });
    // Three officers of one agency answer AAA01 with 10, −2 and 3.
    for (const value of [10, -2, 3]) {
      const invitation = await buildInvitation(db, { round });
      const opened = await openLink(db, invitation.token);
      if (opened.state !== 'valid') throw new Error(`link ${opened.state}`);
      const answer = (itemCode: string, given: number): AnswerChange => ({
        itemCode,
        value: given,
        notApplicable: false,
        comment: null,
        evidenceUrl: null,
        changedAt: new Date(),
      });
      await writeSaves(
        db,
        [
          {
            link: linkIdsOf(opened.invitation),
            changes: [answer('AAA01', value), answer('AAA02', 0), answer('BBB01', 1)],
            saveId: undefined,
          },
        ],
        isoToday(),
      );
      await submitResponse(db, opened);
    }
    const tree = (await loadRoundResults(db, round.id)).agencies.get(round.agencyIds[0] ?? '');
    expect(itemOf(tree, 'AAA01')).toMatchObject({
      value: 11 / 3,
      counts: [
        { value: -2, count: 1 },
        { value: 3, count: 1 },
        { value: 10, count: 1 },
      ],
    });
  });

  it('gives the consensus of a round as scores of its own', async () => {
    const round = await buildRound(db, { agencyCount: 2 });
    const [ministry = '', council = ''] = round.agencyIds;
    const roundId = round.id;
    await buildConsensus(db, { roundId, itemCode: 'LEA01', value: 4 });
    await buildConsensus(db, { roundId, itemCode: 'LEA02', value: 2 });
    await buildConsensus(db, { roundId, itemCode: 'LEA01', agencyId: ministry, value: 3 });
    const consensus = await loadConsensusScores(db, round.id);
    expect(itemOf(consensus.wholeOfGovernment, 'LEA01')).toMatchObject({ value: 4, n: 1 });
    // Two of the 94 items agreed: no overall score as if all were, and its coverage.
    expect(consensus.wholeOfGovernment).toMatchObject({ value: undefined, answeredItems: 2 });
    expect(itemOf(consensus.agencies.get(ministry)!, 'LEA01')).toMatchObject({ value: 3, n: 1 });
    expect(consensus.agencies.get(ministry)).toMatchObject({ value: undefined, answeredItems: 1 });
    expect(consensus.agencies.get(council)).toMatchObject({ value: undefined, n: 0 });
  });
});
