// The rules a point of a star profile meets, for the form and the API alike:
// a level on the model's scale (or none yet), a narrative of bounded length,
// and evidence — each a web page with its title, or a score of one of the
// plan's baseline rounds named by its code. Pure.
import { STAR_LEVEL_MAX, STAR_LEVEL_MIN } from './star-model.ts';

export const NARRATIVE_MAX = 4000;
export const EVIDENCE_MAX = 10;
export const EVIDENCE_TITLE_MAX = 200;
export const URL_MAX = 2000;

export type Evidence =
  | { type: 'link'; title: string; url: string }
  | { type: 'score'; roundId: string; code: string };

export interface StarPointFields {
  level: number | null;
  narrative: string;
  evidence: Evidence[];
}

/** A point as it stands: stored, or not assessed yet (version 0). */
export interface StarPointState {
  point: string;
  level: number | null;
  narrative: string;
  evidence: Evidence[];
  version: number;
}

export const notAssessed = (point: string): StarPointState => ({
  point,
  level: null,
  narrative: '',
  evidence: [],
  version: 0,
});

/** One piece of evidence as typed: a form's slot (any part may be blank) or the API's. */
export interface RawEvidence {
  title?: string | undefined;
  url?: string | undefined;
  roundId?: string | undefined;
  code?: string | undefined;
}

export interface RawStarPointFields {
  level?: string | number | null | undefined;
  narrative?: string | undefined;
  evidence?: readonly RawEvidence[] | undefined;
}

/**
 * One thing wrong with one field; `field` is `level`, `narrative` or
 * `evidence.<n>.<part>` (n counting from 0); `rule` names a message
 * `starProfile.error.<rule>`.
 */
export interface StarProblem {
  field: string;
  rule: string;
  values?: Record<string, string | number>;
}

/** The key a baseline score is known by: its round and its code. */
export const scoreKey = (roundId: string, code: string) => `${roundId}|${code}`;

function levelOf(raw: string | number | null | undefined): number | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (text === '') return null;
  if (!/^\d+$/.test(text)) return 'invalid';
  const level = Number(text);
  return level >= STAR_LEVEL_MIN && level <= STAR_LEVEL_MAX ? level : 'invalid';
}

/** A web address a reader can open: http or https, with a host. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

function checkEvidence(
  raw: RawEvidence,
  index: number,
  scores: ReadonlySet<string>,
  problems: StarProblem[],
): Evidence | undefined {
  const title = (raw.title ?? '').trim().replace(/\s+/g, ' ');
  const url = (raw.url ?? '').trim();
  const roundId = (raw.roundId ?? '').trim();
  const code = (raw.code ?? '').trim();
  const at = (part: string) => `evidence.${index}.${part}`;
  const isLink = title !== '' || url !== '';
  const isScore = roundId !== '' || code !== '';
  if (isLink && isScore) {
    problems.push({ field: at('score'), rule: 'evidenceBoth' });
    return undefined;
  }
  if (isScore) {
    if (!scores.has(scoreKey(roundId, code))) {
      problems.push({ field: at('score'), rule: 'scoreUnknown' });
      return undefined;
    }
    return { type: 'score', roundId, code };
  }
  const before = problems.length;
  if (title === '') problems.push({ field: at('title'), rule: 'titleMissing' });
  else if (title.length > EVIDENCE_TITLE_MAX)
    problems.push({ field: at('title'), rule: 'tooLong', values: { max: EVIDENCE_TITLE_MAX } });
  if (url === '') problems.push({ field: at('url'), rule: 'urlMissing' });
  else if (url.length > URL_MAX)
    problems.push({ field: at('url'), rule: 'tooLong', values: { max: URL_MAX } });
  else if (!isWebAddress(url)) problems.push({ field: at('url'), rule: 'urlInvalid' });
  return problems.length === before ? { type: 'link', title, url } : undefined;
}

/** True for a slot of the form left wholly blank: it is no evidence, not a wrong one. */
const isBlank = (raw: RawEvidence) =>
  [raw.title, raw.url, raw.roundId, raw.code].every((part) => (part ?? '').trim() === '');

/**
 * Checks a point's fields; `scores` are the keys (scoreKey) of the scores the
 * plan's baseline rounds have, which alone may be cited.
 */
export function checkStarPoint(
  raw: RawStarPointFields,
  scores: ReadonlySet<string>,
): { fields?: StarPointFields; problems: StarProblem[] } {
  const problems: StarProblem[] = [];
  const level = levelOf(raw.level);
  if (level === 'invalid')
    problems.push({
      field: 'level',
      rule: 'levelInvalid',
      values: { min: STAR_LEVEL_MIN, max: STAR_LEVEL_MAX },
    });
  const narrative = (raw.narrative ?? '').trim();
  if (narrative.length > NARRATIVE_MAX)
    problems.push({ field: 'narrative', rule: 'tooLong', values: { max: NARRATIVE_MAX } });
  const given = raw.evidence ?? [];
  const evidence: Evidence[] = [];
  given.forEach((item, index) => {
    if (isBlank(item)) return;
    const checked = checkEvidence(item, index, scores, problems);
    if (checked) evidence.push(checked);
  });
  if (given.filter((item) => !isBlank(item)).length > EVIDENCE_MAX)
    problems.push({ field: 'evidence', rule: 'evidenceTooMany', values: { max: EVIDENCE_MAX } });
  if (problems.length > 0 || level === 'invalid') return { problems };
  return { fields: { level, narrative, evidence }, problems };
}
