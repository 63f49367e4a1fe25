// The name of a sector in the reader's language; a sector the catalogue does
// not know (a workspace's own) is shown as written.
import type { Messages } from '../../platform/i18n/messages.ts';

export function sectorLabel(messages: Messages, sector: string): string {
  const key = `sector.${sector}`;
  const label = messages.t(key);
  return label === key ? sector : label;
}
