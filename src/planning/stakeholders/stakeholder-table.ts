// The stakeholder map as a table for CSV and XLSX: one row per stakeholder,
// numbered as on the grid, with the engagement its place suggests. Pure.
import type { Table } from '../../platform/exports/table-file.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import { quadrantOf, suggestedEngagement } from './stakeholder-rules.ts';
import type { Stakeholder } from './stakeholder-store.ts';

export function stakeholderTable(messages: Messages, stakeholders: readonly Stakeholder[]): Table {
  const { t } = messages;
  return {
    title: t('stakeholders.title'),
    headers: [
      t('stakeholders.table.number'),
      t('stakeholders.field.name'),
      t('stakeholders.field.group'),
      t('stakeholders.field.vulnerableGroup'),
      t('stakeholders.field.interest'),
      t('stakeholders.field.influence'),
      t('stakeholders.table.quadrant'),
      t('stakeholders.field.engagement'),
      t('stakeholders.table.suggested'),
      t('stakeholders.field.needs'),
      t('stakeholders.field.ownerId'),
    ],
    rows: stakeholders.map((stakeholder, index) => [
      index + 1,
      stakeholder.name,
      t(`stakeholders.group.${stakeholder.group}`),
      stakeholder.vulnerableGroup
        ? t(`stakeholders.vulnerable.${stakeholder.vulnerableGroup}`)
        : '',
      stakeholder.interest,
      stakeholder.influence,
      t(`stakeholders.quadrant.${quadrantOf(stakeholder.interest, stakeholder.influence)}`),
      t(`stakeholders.engagement.${stakeholder.engagement}`),
      t(
        `stakeholders.engagement.${suggestedEngagement(stakeholder.interest, stakeholder.influence)}`,
      ),
      stakeholder.needs,
      stakeholder.ownerName ?? '',
    ]),
  };
}
