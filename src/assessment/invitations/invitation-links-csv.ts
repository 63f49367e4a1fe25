// The links of a round's new invitations as one CSV, for a lead to pass on
// when no message could carry them. Only hashes are stored, so the links exist
// only on the page that showed them; that page posts them back to be written
// out here, and nothing keeps them.
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../platform/exports/spreadsheet-safe.ts';

export const invitationLinksCsvColumns = ['agency', 'email', 'language', 'link'];

export interface InvitationLinkRow {
  agency: string;
  email: string;
  language: string;
  link: string;
}

/** The secret of a link as shown (`…/r/<token>`), whatever site address comes before it. */
export function tokenOfLink(link: string): string | undefined {
  const match = /\/r\/([^/?#\s]+)\s*$/.exec(link);
  return match?.[1];
}

export function invitationLinksCsv(rows: readonly InvitationLinkRow[]): string {
  const cells = rows.map((row) =>
    [row.agency, row.email, row.language, row.link].map(spreadsheetSafe),
  );
  return stringify([invitationLinksCsvColumns, ...cells], { record_delimiter: '\r\n' });
}
