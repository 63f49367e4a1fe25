// Links to evidence in words: what an entry's link names (with the results
// page to read it on) and the choices the entry form offers, in the reader's
// language. Pure, over the sources evidence-store.ts reads.
import { textOf } from '../../assessment/frameworks/index.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { DescribeEvidence, EvidenceChoices } from './analysis-views.tsx';
import type { EvidenceSources } from './evidence-store.ts';
import { type EvidenceLink, evidenceValue } from './swot-rules.ts';

const LABEL_MAX = 90;
const shorten = (text: string) =>
  text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1).trimEnd()}…` : text;

function roundNodes(messages: Messages, round: EvidenceSources['rounds'][number]) {
  const text = textOf(messages, round.framework);
  const nodes: { link: EvidenceLink; label: string }[] = [];
  const link = (kind: 'dimension' | 'subdimension' | 'item' | 'recommendation', code: string) => ({
    kind,
    roundId: round.id,
    code,
  });
  for (const dimension of round.framework.dimensions) {
    nodes.push({
      link: link('dimension', dimension.code),
      label: messages.t('swot.link.dimension', {
        code: dimension.code,
        name: text(dimension.name),
      }),
    });
    for (const sub of dimension.subdimensions) {
      nodes.push({
        link: link('subdimension', sub.code),
        label: messages.t('swot.link.subdimension', { code: sub.code, name: text(sub.name) }),
      });
      for (const item of sub.items)
        nodes.push({
          link: link('item', item.code),
          label: messages.t('swot.link.item', { code: item.code, name: text(item.statement) }),
        });
      for (const node of [sub, ...sub.items])
        for (const recommendation of node.recommendations ?? [])
          nodes.push({
            link: link('recommendation', recommendation.code),
            label: messages.t('swot.link.recommendation', {
              code: recommendation.code,
              name: text(recommendation.title),
            }),
          });
    }
  }
  return nodes;
}

export function evidenceLabels(
  messages: Messages,
  sources: EvidenceSources,
  /** The rounds offered in the form: the plan's baseline. */
  offeredRoundIds: readonly string[],
): { describe: DescribeEvidence; choices: EvidenceChoices } {
  const labels = new Map<string, { text: string; href?: string }>();
  const groups: EvidenceChoices['groups'] = [];
  for (const round of sources.rounds) {
    const nodes = roundNodes(messages, round);
    for (const node of nodes) {
      const href =
        node.link.kind === 'recommendation'
          ? `/rounds/${round.id}/results/recommendations`
          : `/rounds/${round.id}/results`;
      labels.set(evidenceValue(node.link), { text: `${round.name}: ${node.label}`, href });
    }
    if (offeredRoundIds.includes(round.id))
      groups.push({
        label: round.name,
        options: nodes.map((node) => ({
          value: evidenceValue(node.link),
          label: shorten(node.label),
        })),
      });
  }
  for (const agency of sources.agencies)
    labels.set(evidenceValue({ kind: 'agency', agencyId: agency.id }), {
      text: messages.t('swot.link.agency', { name: agency.name }),
    });
  if (sources.agencies.length > 0)
    groups.push({
      label: messages.t('swot.link.agencies'),
      options: sources.agencies.map((agency) => ({
        value: evidenceValue({ kind: 'agency', agencyId: agency.id }),
        label: agency.name,
      })),
    });
  for (const factor of sources.factors)
    labels.set(evidenceValue({ kind: 'pestle', factorId: factor.id }), {
      text: messages.t('swot.link.pestle', { name: shorten(factor.description) }),
    });
  if (sources.factors.length > 0)
    groups.push({
      label: messages.t('swot.link.factors'),
      options: sources.factors.map((factor) => ({
        value: evidenceValue({ kind: 'pestle', factorId: factor.id }),
        label: shorten(factor.description),
      })),
    });
  return { describe: (link) => labels.get(evidenceValue(link)), choices: { groups } };
}
