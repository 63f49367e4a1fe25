// What a form or an API call may ask of targets and recommendations, checked
// before anything is written: a known level, a real date, a recommendation of
// the round's framework, a known decision, a note of bounded length.
import type { Framework } from '../../frameworks/index.ts';
import { DECISION_NOTE_MAX, DECISION_STATUSES, type DecisionStatus } from './advice-store.ts';
import { findRecommendation } from './recommendations.ts';

export interface DecisionInput {
  code: string;
  /** `accepted`, `set_aside`, or `open` to take a decision back. */
  status: string;
  note: string;
}

export interface CheckedDecision {
  recommendationCode: string;
  subdimensionCode: string;
  status: DecisionStatus | null;
  note: string;
}

export type DecisionProblem =
  | { field: 'code'; kind: 'unknown'; message: string }
  | { field: 'status'; kind: 'unknown'; message: string }
  | { field: 'note'; kind: 'tooLong'; message: string };

export const REOPEN = 'open';

export function checkDecision(
  framework: Framework,
  input: DecisionInput,
): { ok: true; decision: CheckedDecision } | { ok: false; problem: DecisionProblem } {
  const found = findRecommendation(framework, input.code);
  if (!found)
    return {
      ok: false,
      problem: {
        field: 'code',
        kind: 'unknown',
        message: 'is not a recommendation of this round’s framework',
      },
    };
  const statuses: readonly string[] = [...DECISION_STATUSES, REOPEN];
  if (!statuses.includes(input.status))
    return {
      ok: false,
      problem: {
        field: 'status',
        kind: 'unknown',
        message: `must be one of: ${statuses.join(', ')}`,
      },
    };
  const note = input.note.trim();
  if (note.length > DECISION_NOTE_MAX)
    return {
      ok: false,
      problem: {
        field: 'note',
        kind: 'tooLong',
        message: `must be at most ${DECISION_NOTE_MAX} characters`,
      },
    };
  return {
    ok: true,
    decision: {
      recommendationCode: input.code,
      subdimensionCode: found.subdimensionCode,
      status: input.status === REOPEN ? null : (input.status as DecisionStatus),
      note,
    },
  };
}

export interface TargetInput {
  /** A maturity level's key; empty for the default (one level above today's). */
  level: string;
  /** An ISO date (YYYY-MM-DD), or empty. */
  due: string;
}

export interface CheckedTarget {
  nodeCode: string;
  /** null: no target of its own, the default applies. */
  levelKey: string | null;
  dueOn: string | null;
}

export interface TargetProblem {
  code: string;
  field: 'level' | 'due';
  kind: 'unknownLevel' | 'badDate' | 'dueWithoutLevel' | 'unknownNode';
  message: string;
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Checks targets by node code (a dimension or a sub-dimension), reporting every problem at once. */
export function checkTargets(
  framework: Framework,
  inputs: Readonly<Record<string, TargetInput>>,
): { ok: true; targets: CheckedTarget[] } | { ok: false; problems: TargetProblem[] } {
  const nodes = new Set(
    framework.dimensions.flatMap((d) => [d.code, ...d.subdimensions.map((s) => s.code)]),
  );
  const levels = new Set(framework.maturityLevels.map((level) => level.key));
  const problems: TargetProblem[] = [];
  const targets: CheckedTarget[] = [];
  for (const [code, input] of Object.entries(inputs)) {
    const level = input.level.trim();
    const due = input.due.trim();
    if (!nodes.has(code)) {
      problems.push({
        code,
        field: 'level',
        kind: 'unknownNode',
        message: 'is not a dimension or sub-dimension of this framework',
      });
      continue;
    }
    if (level !== '' && !levels.has(level))
      problems.push({
        code,
        field: 'level',
        kind: 'unknownLevel',
        message: `must be one of the framework's levels: ${[...levels].join(', ')}`,
      });
    if (due !== '' && !isIsoDate(due))
      problems.push({
        code,
        field: 'due',
        kind: 'badDate',
        message: 'must be a date (YYYY-MM-DD)',
      });
    else if (due !== '' && level === '')
      problems.push({
        code,
        field: 'due',
        kind: 'dueWithoutLevel',
        message: 'needs a level: a date alone is no target',
      });
    targets.push({ nodeCode: code, levelKey: level || null, dueOn: due || null });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, targets };
}
