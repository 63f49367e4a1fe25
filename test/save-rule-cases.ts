// One table of cases for the rules a save of answers applies twice: in
// TypeScript (decideLink, supersedes, repeatedSave, statusAfterWrite) and in
// the SQL that writeSaves runs (linkOpensOn, supersedesSql, the save log). The
// outcome of each case by the TypeScript rules is worked out here;
// save-rules.test.ts checks it against the outcome the case expects, and
// save-rules.db.test.ts runs the same case through writeSaves, on each
// database, and checks that it comes out the same.
import { decideLink, type RoundStatus } from '../src/assessment/invitations/invitation-link.ts';
import type { AnswerChange } from '../src/assessment/questionnaire/answer.ts';
import {
  type ResponseStatus,
  repeatedSave,
  type StoredAnswer,
  saveFingerprint,
  statusAfterWrite,
  supersedes,
} from '../src/assessment/questionnaire/save-decision.ts';

// Whether a link opens on a day.

export interface LinkCase {
  name: string;
  revoked: boolean;
  round: { status: RoundStatus; opensOn: string; closesOn: string };
  today: string;
  opens: boolean;
}

const march = { opensOn: '2026-03-01', closesOn: '2026-03-31' };
const openInMarch = { status: 'open' as const, ...march };
const draftInMarch = { status: 'draft' as const, ...march };
const closedInMarch = { status: 'closed' as const, ...march };

function linkCase(
  name: string,
  round: LinkCase['round'],
  today: string,
  opens: boolean,
  { revoked = false } = {},
): LinkCase {
  return { name, revoked, round, today, opens };
}

export const linkCases: LinkCase[] = [
  linkCase('an open round, a day within its dates', openInMarch, '2026-03-15', true),
  linkCase('an open round, on its opening day', openInMarch, '2026-03-01', true),
  linkCase('an open round, on its closing day', openInMarch, '2026-03-31', true),
  linkCase('an open round, the day before it opens', openInMarch, '2026-02-28', false),
  linkCase('an open round, the day after it closes', openInMarch, '2026-04-01', false),
  linkCase(
    'an open round of one day, on that day',
    { status: 'open', opensOn: '2026-03-15', closesOn: '2026-03-15' },
    '2026-03-15',
    true,
  ),
  linkCase(
    'an open round closing on the last day of a year, the next day',
    { status: 'open', opensOn: '2026-12-01', closesOn: '2026-12-31' },
    '2027-01-01',
    false,
  ),
  linkCase('a draft round, a day within its dates', draftInMarch, '2026-03-15', false),
  linkCase('a draft round, on its opening day', draftInMarch, '2026-03-01', false),
  linkCase('a round closed before its closing date', closedInMarch, '2026-03-15', false),
  linkCase('a revoked link to an open round', openInMarch, '2026-03-15', false, { revoked: true }),
  linkCase('a revoked link to a closed round', closedInMarch, '2026-04-15', false, {
    revoked: true,
  }),
  linkCase('a revoked link, before its round opens', openInMarch, '2026-02-15', false, {
    revoked: true,
  }),
];

export function linkOpensByRules(link: LinkCase): boolean {
  const revokedAt = link.revoked ? new Date('2026-02-01T00:00:00Z') : null;
  return decideLink({ revokedAt, round: link.round }, link.today) === 'valid';
}

// Answers, as a case writes them: an item, a value or "not applicable" or
// neither (cleared), and the time of the change on 10 March 2026.

export interface CaseAnswer {
  item: string;
  value: number | null;
  notApplicable?: boolean;
  /** hh:mm:ss(.mmm), UTC. */
  at: string;
}

export function answerChange(answer: CaseAnswer): AnswerChange {
  return {
    itemCode: answer.item,
    value: answer.value,
    notApplicable: answer.notApplicable ?? false,
    comment: null,
    evidenceUrl: null,
    changedAt: new Date(`2026-03-10T${answer.at}Z`),
  };
}

function storedAnswer(answer: CaseAnswer): StoredAnswer {
  const { itemCode: _, ...stored } = answerChange(answer);
  return stored;
}

// Which change is the latest.

export interface LatestChangeCase {
  name: string;
  /** The response's status before the save. */
  status: ResponseStatus;
  /** The item's answer stored before the save; none when it was never saved. */
  stored?: CaseAnswer;
  change: CaseAnswer;
  expected: LatestChangeOutcome;
}

export interface LatestChangeOutcome {
  /** Whether the change was written. */
  written: boolean;
  /** The item's answer stored after the save. */
  after: { value: number | null; notApplicable: boolean; changedAt: string };
  /** The response's status after the save. */
  status: ResponseStatus;
}

const kept = (value: number | null, at: string, notApplicable = false) => ({
  value,
  notApplicable,
  changedAt: new Date(`2026-03-10T${at}Z`).toISOString(),
});

export const latestChangeCases: LatestChangeCase[] = [
  {
    name: 'the first answer to an item',
    status: 'draft',
    change: { item: 'LEA01', value: 3, at: '10:00:05' },
    expected: { written: true, after: kept(3, '10:00:05'), status: 'draft' },
  },
  {
    name: 'a change newer than the stored answer',
    status: 'draft',
    stored: { item: 'LEA01', value: 2, at: '10:00:04' },
    change: { item: 'LEA01', value: 3, at: '10:00:05' },
    expected: { written: true, after: kept(3, '10:00:05'), status: 'draft' },
  },
  {
    name: 'a change as old as the stored answer',
    status: 'draft',
    stored: { item: 'LEA01', value: 2, at: '10:00:05' },
    change: { item: 'LEA01', value: 3, at: '10:00:05' },
    expected: { written: true, after: kept(3, '10:00:05'), status: 'draft' },
  },
  {
    name: 'a change older than the stored answer',
    status: 'draft',
    stored: { item: 'LEA01', value: 2, at: '10:00:06' },
    change: { item: 'LEA01', value: 3, at: '10:00:05' },
    expected: { written: false, after: kept(2, '10:00:06'), status: 'draft' },
  },
  {
    name: 'a change a millisecond older than the stored answer',
    status: 'draft',
    stored: { item: 'LEA01', value: 2, at: '10:00:05.000' },
    change: { item: 'LEA01', value: 3, at: '10:00:04.999' },
    expected: { written: false, after: kept(2, '10:00:05.000'), status: 'draft' },
  },
  {
    name: 'an answer cleared after it was given',
    status: 'draft',
    stored: { item: 'LEA01', value: 2, at: '10:00:04' },
    change: { item: 'LEA01', value: null, at: '10:00:05' },
    expected: { written: true, after: kept(null, '10:00:05'), status: 'draft' },
  },
  {
    name: 'an answer cleared before it was given again',
    status: 'draft',
    stored: { item: 'LEA01', value: 2, at: '10:00:06' },
    change: { item: 'LEA01', value: null, at: '10:00:05' },
    expected: { written: false, after: kept(2, '10:00:06'), status: 'draft' },
  },
  {
    name: '"not applicable" chosen after a value',
    status: 'draft',
    stored: { item: 'LEA02', value: 4, at: '10:00:04' },
    change: { item: 'LEA02', value: null, notApplicable: true, at: '10:00:05' },
    expected: { written: true, after: kept(null, '10:00:05', true), status: 'draft' },
  },
  {
    name: '"not applicable" chosen before a value',
    status: 'draft',
    stored: { item: 'LEA02', value: 4, at: '10:00:06' },
    change: { item: 'LEA02', value: null, notApplicable: true, at: '10:00:05' },
    expected: { written: false, after: kept(4, '10:00:06'), status: 'draft' },
  },
  {
    name: 'a value chosen after "not applicable"',
    status: 'draft',
    stored: { item: 'LEA02', value: null, notApplicable: true, at: '10:00:04' },
    change: { item: 'LEA02', value: 4, at: '10:00:05' },
    expected: { written: true, after: kept(4, '10:00:05'), status: 'draft' },
  },
  {
    name: 'a submitted response corrected',
    status: 'submitted',
    stored: { item: 'LEA01', value: 2, at: '10:00:04' },
    change: { item: 'LEA01', value: 3, at: '10:00:05' },
    expected: { written: true, after: kept(3, '10:00:05'), status: 'submitted' },
  },
  {
    name: 'a submitted response corrected to "not applicable"',
    status: 'submitted',
    stored: { item: 'LEA02', value: 2, at: '10:00:04' },
    change: { item: 'LEA02', value: null, notApplicable: true, at: '10:00:05' },
    expected: { written: true, after: kept(null, '10:00:05', true), status: 'submitted' },
  },
  {
    name: 'an answer of a submitted response cleared',
    status: 'submitted',
    stored: { item: 'LEA01', value: 2, at: '10:00:04' },
    change: { item: 'LEA01', value: null, at: '10:00:05' },
    expected: { written: true, after: kept(null, '10:00:05'), status: 'draft' },
  },
  {
    name: 'an answer of a submitted response cleared by an older change',
    status: 'submitted',
    stored: { item: 'LEA01', value: 2, at: '10:00:06' },
    change: { item: 'LEA01', value: null, at: '10:00:05' },
    expected: { written: false, after: kept(2, '10:00:06'), status: 'submitted' },
  },
];

export function latestChangeByRules(latest: LatestChangeCase): LatestChangeOutcome {
  const change = answerChange(latest.change);
  const stored = latest.stored && storedAnswer(latest.stored);
  const written = supersedes(change, stored);
  const after = written ? change : stored;
  if (!after) throw new Error(`${latest.name}: nothing stored after the save`);
  return {
    written,
    after: {
      value: after.value,
      notApplicable: after.notApplicable,
      changedAt: after.changedAt.toISOString(),
    },
    status: statusAfterWrite(latest.status, written ? [change] : []),
  };
}

// A save id sent again.

export interface RetryCase {
  name: string;
  /** Answers stored before the first save, each changed at its own time. */
  stored: CaseAnswer[];
  first: CaseAnswer[];
  /** Sent under the first save's id. */
  again: CaseAnswer[];
  expected: RetryOutcome;
}

export type RetryOutcome = { duplicate: boolean; written: string[] } | 'save_id_reused';

export const retryCases: RetryCase[] = [
  {
    name: 'the same answers',
    stored: [],
    first: [{ item: 'LEA01', value: 2, at: '10:00:01' }],
    again: [{ item: 'LEA01', value: 2, at: '10:00:01' }],
    expected: { duplicate: true, written: ['LEA01'] },
  },
  {
    name: 'the same answers, one of which had lost to a later change',
    stored: [{ item: 'LEA02', value: 5, at: '10:00:09' }],
    first: [
      { item: 'LEA01', value: 2, at: '10:00:01' },
      { item: 'LEA02', value: 1, at: '10:00:01' },
    ],
    again: [
      { item: 'LEA01', value: 2, at: '10:00:01' },
      { item: 'LEA02', value: 1, at: '10:00:01' },
    ],
    expected: { duplicate: true, written: ['LEA01'] },
  },
  {
    name: 'the same answer cleared',
    stored: [{ item: 'LEA01', value: 3, at: '10:00:00' }],
    first: [{ item: 'LEA01', value: null, at: '10:00:01' }],
    again: [{ item: 'LEA01', value: null, at: '10:00:01' }],
    expected: { duplicate: true, written: ['LEA01'] },
  },
  {
    name: 'another value',
    stored: [],
    first: [{ item: 'LEA01', value: 2, at: '10:00:01' }],
    again: [{ item: 'LEA01', value: 4, at: '10:00:01' }],
    expected: 'save_id_reused',
  },
  {
    name: 'the same value changed at another time',
    stored: [],
    first: [{ item: 'LEA01', value: 2, at: '10:00:01' }],
    again: [{ item: 'LEA01', value: 2, at: '10:00:02' }],
    expected: 'save_id_reused',
  },
  {
    name: 'the same answers and one more',
    stored: [],
    first: [{ item: 'LEA01', value: 2, at: '10:00:01' }],
    again: [
      { item: 'LEA01', value: 2, at: '10:00:01' },
      { item: 'LEA02', value: 3, at: '10:00:01' },
    ],
    expected: 'save_id_reused',
  },
  {
    name: 'the answer cleared instead of given',
    stored: [],
    first: [{ item: 'LEA01', value: 2, at: '10:00:01' }],
    again: [{ item: 'LEA01', value: null, at: '10:00:01' }],
    expected: 'save_id_reused',
  },
];

export function retryByRules(retry: RetryCase): RetryOutcome {
  const stored = new Map(retry.stored.map((answer) => [answer.item, storedAnswer(answer)]));
  const first = retry.first.map(answerChange);
  const notWritten = first
    .filter((change) => !supersedes(change, stored.get(change.itemCode)))
    .map((change) => change.itemCode);
  const again = retry.again.map(answerChange);
  const repeat = repeatedSave(
    { fingerprint: saveFingerprint(first), notWritten },
    saveFingerprint(again),
    again.map((change) => change.itemCode),
  );
  return repeat === 'save_id_reused' ? repeat : { duplicate: true, written: repeat.written };
}
