// The rows a plan's SWOT and PESTLE export as, with headers and values in the
// reader's language. Pure.
import type { Table } from '../../platform/exports/table-file.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { DescribeEvidence } from './analysis-views.tsx';
import type { PestleFactor } from './pestle-store.ts';
import type { SwotEntry } from './swot-store.ts';

export function analysisTables(messages: Messages, describe: DescribeEvidence) {
  const { t } = messages;
  return {
    swot: (entries: readonly SwotEntry[]): Table => ({
      title: t('swot.title'),
      headers: ['quadrant', 'text', 'importance', 'evidence', 'version'].map((field) =>
        t(`analysis.field.${field}`),
      ),
      rows: entries.map((entry) => [
        t(`swot.quadrant.${entry.quadrant}`),
        entry.text,
        t(`analysis.level.${entry.importance}`),
        (entry.evidence && describe(entry.evidence)?.text) ?? '',
        entry.version,
      ]),
    }),
    pestle: (factors: readonly PestleFactor[]): Table => ({
      title: t('pestle.title'),
      headers: [
        'heading',
        'description',
        'impact',
        'likelihood',
        'trend',
        'horizon',
        'version',
      ].map((field) => t(`analysis.field.${field}`)),
      rows: factors.map((factor) => [
        t(`pestle.heading.${factor.heading}`),
        factor.description,
        t(`analysis.level.${factor.impact}`),
        t(`analysis.level.${factor.likelihood}`),
        t(`pestle.trend.${factor.trend}`),
        t(`pestle.horizon.${factor.horizon}`),
        factor.version,
      ]),
    }),
  };
}
