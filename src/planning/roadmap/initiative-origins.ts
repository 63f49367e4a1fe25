// Where an initiative can start from (issue 14, the chain): a recommendation
// the coordinators accepted, a weakness of the SWOT, or a goal of the vision.
// Starting from one fills the form with what it says and keeps the link, so
// the initiative's page can show the chain back to the scores. Pure.
import type { LocalizedText, Recommendation } from '../../assessment/frameworks/index.ts';
import type { RawInitiativeFields } from './initiative-rules.ts';
import type { Initiative, Origin, OriginKind } from './initiative-store.ts';
import type { RoadmapEvidence } from './roadmap-evidence.ts';

export interface RecommendationOrigin {
  kind: 'recommendation';
  ref: string;
  recommendation: Recommendation;
  subdimensionCode: string;
  dimensionCode: string;
}
export interface SwotOrigin {
  kind: 'swot_entry';
  ref: string;
  text: string;
}
export interface GoalOrigin {
  kind: 'goal';
  ref: string;
  title: string;
  description: string;
}
export type OriginChoice = RecommendationOrigin | SwotOrigin | GoalOrigin;

/** What the plan can start initiatives from: accepted recommendations, SWOT weaknesses, goals. */
export function originChoices(evidence: RoadmapEvidence): OriginChoice[] {
  const choices: OriginChoice[] = [];
  for (const dimension of evidence.framework?.dimensions ?? [])
    for (const subdimension of dimension.subdimensions)
      for (const recommendation of subdimension.recommendations ?? [])
        if (evidence.decisions.get(recommendation.code)?.status === 'accepted')
          choices.push({
            kind: 'recommendation',
            ref: recommendation.code,
            recommendation,
            subdimensionCode: subdimension.code,
            dimensionCode: dimension.code,
          });
  for (const entry of evidence.swotEntries)
    if (entry.quadrant === 'weakness')
      choices.push({ kind: 'swot_entry', ref: entry.id, text: entry.text });
  for (const goal of evidence.goals)
    choices.push({ kind: 'goal', ref: goal.id, title: goal.title, description: goal.description });
  return choices;
}

export function findOrigin(
  evidence: RoadmapEvidence,
  kind: string | undefined,
  ref: string | undefined,
): OriginChoice | undefined {
  return originChoices(evidence).find((choice) => choice.kind === kind && choice.ref === ref);
}

/** The origin as stored: a recommendation keeps the round whose results advised it. */
export const originOf = (choice: OriginChoice, evidence: RoadmapEvidence): Origin => ({
  kind: choice.kind as OriginKind,
  ref: choice.ref,
  roundId: choice.kind === 'recommendation' ? (evidence.round?.id ?? null) : null,
});

/**
 * The form's starting values for an initiative that answers `choice`, serving
 * the goals that already answer the same gap; `text` reads the framework's words.
 */
export function prefillFrom(
  choice: OriginChoice,
  evidence: Pick<RoadmapEvidence, 'goals'>,
  text: (value: LocalizedText) => string,
): RawInitiativeFields {
  return { ...ownFields(choice, text), goalIds: goalsAnswering(choice, evidence) };
}

function goalsAnswering(choice: OriginChoice, { goals }: Pick<RoadmapEvidence, 'goals'>) {
  if (choice.kind === 'goal') return [choice.ref];
  return goals
    .filter((goal) =>
      choice.kind === 'recommendation'
        ? goal.recommendationCodes.includes(choice.ref) ||
          goal.subdimensionCodes.includes(choice.subdimensionCode)
        : goal.swotEntryIds.includes(choice.ref),
    )
    .map((goal) => goal.id);
}

function ownFields(
  choice: OriginChoice,
  text: (value: LocalizedText) => string,
): RawInitiativeFields {
  switch (choice.kind) {
    case 'recommendation':
      return {
        title: text(choice.recommendation.title),
        description: text(choice.recommendation.text),
        horizon: choice.recommendation.horizon,
        codes: [
          { kind: 'recommendation', code: choice.ref },
          { kind: 'subdimension', code: choice.subdimensionCode },
        ],
      };
    case 'swot_entry':
      return { title: choice.text.slice(0, 200), swotEntryIds: [choice.ref] };
    case 'goal':
      return { title: choice.title, description: choice.description };
  }
}

/** The choices no initiative answers yet: started from it, or linked to it. */
export function unanswered(
  choices: readonly OriginChoice[],
  initiatives: readonly Pick<Initiative, 'origin' | 'codes' | 'swotEntryIds' | 'goalIds'>[],
): OriginChoice[] {
  const answered = new Set<string>();
  for (const initiative of initiatives) {
    if (initiative.origin) answered.add(`${initiative.origin.kind}:${initiative.origin.ref}`);
    for (const { kind, code } of initiative.codes)
      if (kind === 'recommendation') answered.add(`recommendation:${code}`);
    for (const id of initiative.swotEntryIds) answered.add(`swot_entry:${id}`);
    for (const id of initiative.goalIds) answered.add(`goal:${id}`);
  }
  return choices.filter((choice) => !answered.has(`${choice.kind}:${choice.ref}`));
}
