// How a goal's evidence reads: the weak sub-dimensions it answers with the
// numbers the recommendations page publishes, the recommendations with the
// decision taken on them, and the plan's SWOT entries.
import { type Framework, textOf } from '../../assessment/frameworks/index.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { VisionEvidence } from './vision-evidence.ts';

/** The quadrants the plan has entries in, in the order the analysis lists them. */
export const swotQuadrantsOf = (evidence: VisionEvidence) => [
  ...new Set(evidence.swotEntries.map((entry) => entry.quadrant)),
];

const score = (messages: Messages, value: number) =>
  messages.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function subdimensionOf(framework: Framework | undefined, code: string) {
  return framework?.dimensions
    .flatMap((dimension) => dimension.subdimensions)
    .find((subdimension) => subdimension.code === code);
}

function recommendationOf(framework: Framework | undefined, code: string) {
  return framework?.dimensions
    .flatMap((dimension) => dimension.subdimensions)
    .flatMap((subdimension) => subdimension.recommendations ?? [])
    .find((recommendation) => recommendation.code === code);
}

/** "Digital skills (CAP02): 2.10, target 3.00, gap 0.90" — the numbers as the recommendations page publishes them. */
export function subdimensionText(messages: Messages, evidence: VisionEvidence, code: string) {
  const { t } = messages;
  const subdimension = subdimensionOf(evidence.framework, code);
  const name =
    subdimension && evidence.framework
      ? textOf(messages, evidence.framework)(subdimension.name)
      : '';
  const weak = evidence.weak.find((each) => each.subdimensionCode === code);
  return weak
    ? t('vision.evidence.weak', {
        name,
        code,
        score: score(messages, weak.score),
        target: score(messages, weak.target.level.minScore),
        gap: score(messages, weak.gap),
      })
    : t('vision.evidence.notWeak', { name, code });
}

export function swotText(messages: Messages, evidence: VisionEvidence, id: string) {
  const entry = evidence.swotEntries.find((candidate) => candidate.id === id);
  return entry
    ? messages.t('vision.evidence.swot', {
        quadrant: messages.t(`vision.swotQuadrant.${entry.quadrant}`),
        text: entry.text,
      })
    : '';
}

export function recommendationText(messages: Messages, evidence: VisionEvidence, code: string) {
  const recommendation = recommendationOf(evidence.framework, code);
  const title =
    recommendation && evidence.framework
      ? textOf(messages, evidence.framework)(recommendation.title)
      : '';
  const status = evidence.decisions.get(code)?.status ?? 'open';
  return messages.t('vision.evidence.recommendation', {
    title,
    code,
    status: messages.t(`vision.decision.${status}`),
  });
}
