// How roadmap things read, shared by its pages: a status in the workspace's
// words or the catalogue's, a percentage, a date range, an agency.
import type { Messages } from '../../platform/i18n/messages.ts';
import type { InitiativeStatus } from './roadmap-statuses.ts';

export const roadmapHref = (planId: string) => `/plans/${planId}/roadmap`;
export const initiativeHref = (planId: string, initiativeId: string) =>
  `/plans/${planId}/roadmap/${initiativeId}`;

export function statusLabel(messages: Messages, status: InitiativeStatus): string {
  return status.label ?? messages.t(`roadmap.status.${status.key}`);
}

/** "45%": whole percentages, as people report progress. */
export const percent = (messages: Messages, value: number) =>
  messages.number(value / 100, { style: 'percent', maximumFractionDigits: 0 });

export function datesText(
  messages: Messages,
  { startsOn, endsOn }: { startsOn: string | null; endsOn: string | null },
): string {
  if (!startsOn && !endsOn) return messages.t('roadmap.dates.none');
  return messages.t('roadmap.dates.range', {
    from: startsOn ? messages.date(startsOn) : '…',
    to: endsOn ? messages.date(endsOn) : '…',
  });
}

export const agencyName = (agency: { name: string; acronym: string | null }) =>
  agency.acronym ?? agency.name;
