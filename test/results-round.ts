// A closed round with results worth reading, for the tests of the results
// pages and exports: eleven agencies at every level, each answering all of
// dgca through three to five respondents, a workshop's consensus, and an
// earlier round of five of them to compare with. Answers follow one rule, so
// a test can say what they are: see answersOf.
import type { Kysely } from 'kysely';
import type { Schema } from '../src/platform/db/schema.ts';
import { type BuiltAgency, buildAgency } from './factories/agencies.ts';
import { buildConsensus } from './factories/consensus.ts';
import { type Answers, answerEveryItem, buildResponse } from './factories/responses.ts';
import { type BuiltRound, buildRound } from './factories/rounds.ts';

export interface ResultsRound {
  /** "Digital capability assessment 2025", closed. */
  round: BuiltRound;
  /** The 2023 round, closed, of five of the agencies. */
  baseline: BuiltRound;
  /** Each agency by its acronym. */
  byAcronym: (acronym: string) => BuiltAgency;
}

interface AgencyRow {
  name: string;
  acronym: string;
  level: BuiltAgency['level'];
  sector: string;
  parent?: string;
  /** What its respondents answer, give or take one (answersOf). */
  base: number;
  /** In the 2025 round. */
  respondents: number;
  /** Also in the 2023 round, with three respondents. */
  in2023?: true;
}

// biome-ignore format: a table reads best aligned
const agencyRows: AgencyRow[] = [
  { name: 'Ministry of Health',           acronym: 'MOH',  level: 'national',    sector: 'health',                                base: 4, respondents: 5, in2023: true },
  { name: 'Ministry of Finance',          acronym: 'MOF',  level: 'national',    sector: 'finance',                               base: 3, respondents: 4, in2023: true },
  { name: 'Ministry of Education',        acronym: 'MOE',  level: 'national',    sector: 'education',                             base: 3, respondents: 3, in2023: true },
  { name: 'Ministry of Digital Affairs',  acronym: 'MDA',  level: 'national',    sector: 'digital',                               base: 4, respondents: 4 },
  { name: 'National Statistics Office',   acronym: 'NSO',  level: 'national',    sector: 'economy',                               base: 3, respondents: 3 },
  { name: 'Northern Region',              acronym: 'NRG',  level: 'subnational', sector: 'general-administration',                base: 3, respondents: 3, in2023: true },
  { name: 'Southern Region',              acronym: 'SRG',  level: 'subnational', sector: 'general-administration',                base: 3, respondents: 3 },
  { name: 'Northern Region Health Board', acronym: 'NRHB', level: 'subnational', sector: 'health',                 parent: 'NRG', base: 4, respondents: 3 },
  { name: 'Riverside Council',            acronym: 'RSC',  level: 'local',       sector: 'general-administration', parent: 'NRG', base: 3, respondents: 3, in2023: true },
  { name: 'Hilltop Council',              acronym: 'HTC',  level: 'local',       sector: 'general-administration', parent: 'SRG', base: 4, respondents: 3 },
  { name: 'Port Town Council',            acronym: 'PTC',  level: 'local',       sector: 'health',                 parent: 'SRG', base: 3, respondents: 4 },
];

/** How far each respondent of an agency answers from its base, in turn. */
const offsets = [0, -1, 1, 0, -1];

/**
 * The answers of an agency's respondent number `index`: every item its base
 * plus the respondent's offset, but TEC11 one lower (it pulls Technology
 * down), and TEC02 "not applicable" for the first respondent. In 2023 they
 * answered base + offset − 1 on every item, TEC11 included.
 */
function answersOf(base: number, index: number, year: 2023 | 2025): Answers {
  const value = base + (offsets[index % offsets.length] ?? 0) - (year === 2023 ? 1 : 0);
  return {
    ...answerEveryItem(value),
    ...(year === 2025 ? { TEC11: value - 1 } : {}),
    ...(index === 0 ? { TEC02: 'na' as const } : {}),
  };
}

/**
 * The round, its baseline and the workshop's consensus: the whole of
 * government agreed the four items of LEA-VIS (3 each), the Ministry of
 * Health's workshop LEA01 and LEA02 (4 each).
 */
export async function buildResultsRound(db: Kysely<Schema>): Promise<ResultsRound> {
  const agencies: BuiltAgency[] = [];
  const byAcronym = (acronym: string) => {
    const agency = agencies.find((candidate) => candidate.acronym === acronym);
    if (!agency) throw new Error(`No agency ${acronym} in the results round`);
    return agency;
  };
  for (const { name, acronym, level, sector, parent } of agencyRows)
    agencies.push(
      await buildAgency(db, {
        name,
        acronym,
        level,
        sector,
        parentId: parent ? byAcronym(parent).id : null,
      }),
    );
  const round = await buildRound(db, {
    name: 'Digital capability assessment 2025',
    status: 'closed',
    opensOn: '2025-03-01',
    closesOn: '2025-05-31',
    agencyIds: agencies.map((agency) => agency.id),
  });
  const baseline = await buildRound(db, {
    name: 'Digital capability assessment 2023',
    status: 'closed',
    opensOn: '2023-03-01',
    closesOn: '2023-05-31',
    agencyIds: agencyRows.filter((row) => row.in2023).map((row) => byAcronym(row.acronym).id),
  });
  for (const row of agencyRows) {
    const agency = byAcronym(row.acronym);
    for (let r = 0; r < row.respondents; r++)
      await buildResponse(db, {
        round,
        agencyId: agency.id,
        answers: answersOf(row.base, r, 2025),
      });
    if (row.in2023)
      for (let r = 0; r < 3; r++)
        await buildResponse(db, {
          round: baseline,
          agencyId: agency.id,
          answers: answersOf(row.base, r, 2023),
        });
  }
  for (const itemCode of ['LEA01', 'LEA02', 'LEA03', 'LEA04'])
    await buildConsensus(db, { roundId: round.id, itemCode, value: 3 });
  for (const itemCode of ['LEA01', 'LEA02'])
    await buildConsensus(db, {
      roundId: round.id,
      itemCode,
      agencyId: byAcronym('MOH').id,
      value: 4,
    });
  return { round, baseline, byAcronym };
}
