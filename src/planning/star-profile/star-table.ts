// The star profile as a table for CSV and XLSX: one row per point of the
// model, with its level, narrative and evidence. Pure.
import type { Table } from '../../platform/exports/table-file.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import { scoreEvidenceText } from './star-evidence.ts';
import type { ScoreChoice } from './star-lookup.ts';
import { modelText, starGroupNames, starLevelName, starPoints } from './star-model.ts';
import type { Evidence, StarPointState } from './star-rules.ts';

function evidenceText(
  messages: Messages,
  evidence: Evidence,
  scores: ReadonlyMap<string, ScoreChoice>,
): string {
  if (evidence.type === 'link') return `${evidence.title} <${evidence.url}>`;
  return scoreEvidenceText(messages, evidence, scores);
}

export function starTable(
  messages: Messages,
  states: readonly StarPointState[],
  scores: ReadonlyMap<string, ScoreChoice>,
): Table {
  const { t, language } = messages;
  return {
    title: t('starProfile.title'),
    headers: [
      t('starProfile.field.group'),
      t('starProfile.field.point'),
      t('starProfile.field.level'),
      t('starProfile.table.levelName'),
      t('starProfile.field.narrative'),
      t('starProfile.field.evidence'),
    ],
    rows: starPoints.map((point) => {
      const state = states.find((candidate) => candidate.point === point.key);
      const level = state?.level ?? null;
      return [
        modelText(starGroupNames[point.group], language),
        modelText(point.name, language),
        level,
        level === null ? t('starProfile.notAssessed') : starLevelName(level, language),
        state?.narrative ?? '',
        (state?.evidence ?? []).map((item) => evidenceText(messages, item, scores)).join('\n'),
      ];
    }),
  };
}
