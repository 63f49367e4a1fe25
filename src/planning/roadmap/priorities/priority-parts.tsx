// What the prioritisation pages share: their addresses, the words for a
// criterion (the workspace's own, or the catalogue's for a default), and how
// a mean and its spread read.
import type { Messages } from '../../../platform/i18n/messages.ts';
import { initiativeHref } from '../roadmap-labels.ts';
import type { AxisScore, Criterion } from './prioritisation.ts';

export const prioritiesHref = (planId: string) => `/plans/${planId}/roadmap/priorities`;
export const scoreHref = (planId: string, initiativeId: string) =>
  `${initiativeHref(planId, initiativeId)}/score`;
export const criteriaSettingsHref = '/roadmap-settings/criteria';
export const statusesSettingsHref = '/roadmap-settings/statuses';

export const criterionLabel = (messages: Messages, criterion: Pick<Criterion, 'key' | 'label'>) =>
  criterion.label ?? messages.t(`priorities.criterion.${criterion.key}`);

/** A score to one decimal, as the reader's language writes it. */
export const scoreText = (messages: Messages, score: number) =>
  messages.number(score, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const spreadText = (messages: Messages, score: AxisScore) =>
  messages.t('priorities.spread', {
    min: scoreText(messages, score.min),
    max: scoreText(messages, score.max),
    deviation: scoreText(messages, score.deviation),
  });
