// The raw answers of a round as a table: one row per answer of a submitted
// response, the respondent under a pseudonym, and the agency named only when
// small-number protection shows it on its own. Pure.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { type Member, memberCoversAgency } from '../../../platform/accounts/access.ts';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { agencyLevels } from '../../agencies/index.ts';
import type { Framework } from '../../frameworks/index.ts';
import { frameworkItems } from '../../frameworks/index.ts';
import type { AgencyProfile } from '../store/results-selection.ts';
import { agencyCells, agencyColumns, type TableLayout } from './exports.ts';

/** One answer of a submitted response, as the store reads it. */
export interface SubmittedAnswer {
  responseId: string;
  agencyId: string;
  itemCode: string;
  value: number | null;
  notApplicable: boolean;
  comment: string | null;
  evidenceUrl: string | null;
}

export const answerRowSchema = z
  .object({
    respondent: z
      .string()
      .describe(
        'A pseudonym of the response: the same on each of its answers, in every export of the round',
      ),
    agency: z
      .string()
      .nullable()
      .describe('null: an agency shown only inside totals, to protect its few respondents'),
    acronym: z.string().nullable(),
    level: z.enum(agencyLevels).nullable(),
    sector: z.string().nullable(),
    item: z.string(),
    value: z.number().int().nullable().describe('null when "not applicable" or left blank'),
    notApplicable: z.boolean(),
    comment: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
  })
  .meta({ id: 'AnswerRow' });
export type AnswerRow = z.infer<typeof answerRowSchema>;

const PSEUDONYM_HEX_DIGITS = 10;

/**
 * A respondent's pseudonym: "R-" and the first 10 hex digits of an
 * HMAC-SHA256 of the response's id, keyed with the round's id.
 *
 * Stable, so two downloads of a round can be joined; different across rounds,
 * where the same officer answers through a new response anyway. Not the
 * response id, and not reversible by a reader: response ids are random UUIDs
 * that no page or API shows, so there is nothing to try against the hash.
 * A secret key would add protection against someone who also holds the
 * database, but this installation keeps no lasting secret of its own (the
 * operator's secret changes at every start, which would change every
 * pseudonym), and whoever holds the database holds the answers anyway.
 * 40 bits keep the chance that two of a round's responses share a pseudonym
 * below one in ten thousand up to 10,000 responses.
 */
export function pseudonymOf(responseId: string, roundId: string): string {
  const digest = createHmac('sha256', roundId).update(responseId).digest('hex');
  return `R-${digest.slice(0, PSEUDONYM_HEX_DIGITS)}`;
}

/**
 * Whose answers a member gets, and which agencies are named in them: only the
 * agencies small-number protection shows on their own are named. A focal point
 * gets only their own agencies, and of those only the ones shown: reading only
 * their agency's rows, they would know whose answers an unnamed row holds.
 * Others get every agency's answers, the hidden ones mixed under one label.
 */
export function answerReach(
  shown: readonly { agency: AgencyProfile }[],
  member: Member,
): { named: Map<string, AgencyProfile>; agencyIds: string[] | undefined } {
  const named = new Map(shown.map(({ agency }) => [agency.id, agency]));
  return {
    named,
    agencyIds:
      member.role === 'focal_point'
        ? [...named.keys()].filter((agencyId) => memberCoversAgency(member, agencyId))
        : undefined,
  };
}

export interface AnswerExportContext {
  framework: Framework;
  roundId: string;
  /** The agencies small-number protection shows on their own; any other stays unnamed. */
  named: ReadonlyMap<string, AgencyProfile>;
}

const unnamedAgency = { agency: null, acronym: null, level: null, sector: null };

/**
 * The rows of a batch of answers, in the batch's order of responses and, within
 * a response, in the framework's order of items (items it lacks last).
 */
export function answerRows(
  answers: readonly SubmittedAnswer[],
  context: AnswerExportContext,
): AnswerRow[] {
  const position = new Map(frameworkItems(context.framework).map(({ item }, i) => [item.code, i]));
  const positionOf = (answer: SubmittedAnswer) =>
    position.get(answer.itemCode) ?? Number.MAX_SAFE_INTEGER;
  const responseOrder = new Map<string, number>();
  for (const answer of answers)
    if (!responseOrder.has(answer.responseId))
      responseOrder.set(answer.responseId, responseOrder.size);
  const ordered = [...answers].sort(
    (a, b) =>
      (responseOrder.get(a.responseId) ?? 0) - (responseOrder.get(b.responseId) ?? 0) ||
      positionOf(a) - positionOf(b) ||
      a.itemCode.localeCompare(b.itemCode),
  );
  const pseudonyms = new Map<string, string>();
  return ordered.map((answer) => {
    let respondent = pseudonyms.get(answer.responseId);
    if (!respondent) {
      respondent = pseudonymOf(answer.responseId, context.roundId);
      pseudonyms.set(answer.responseId, respondent);
    }
    const agency = context.named.get(answer.agencyId);
    return {
      respondent,
      ...(agency ? agencyCells(agency) : unnamedAgency),
      item: answer.itemCode,
      value: answer.value,
      notApplicable: answer.notApplicable,
      comment: answer.comment,
      evidenceUrl: answer.evidenceUrl,
    };
  });
}

export function answerLayout(messages: Messages): TableLayout<AnswerRow> {
  const { t } = messages;
  const yes = t('resultsExport.yes');
  const no = t('resultsExport.no');
  const unnamed = t('resultsExport.agenciesWithFewRespondents');
  return {
    title: t('resultsExport.answers.title'),
    columns: [
      { key: 'respondent', header: t('resultsExport.column.respondent') },
      ...agencyColumns<AnswerRow>(messages, unnamed),
      { key: 'item', header: t('resultsExport.column.item') },
      { key: 'value', header: t('resultsExport.column.value') },
      {
        key: 'notApplicable',
        header: t('resultsExport.column.answeredNotApplicable'),
        cell: (row) => (row.notApplicable ? yes : no),
      },
      { key: 'comment', header: t('resultsExport.column.comment') },
      { key: 'evidenceUrl', header: t('resultsExport.column.evidenceUrl') },
    ],
  };
}

/**
 * Answers under pseudonyms are released once the round is closed. While
 * officers still submit, the pseudonym that appears just after one of them
 * submits is hers, to anyone who sees who has submitted (focal points,
 * coordinators); once the round is closed the set of responses no longer
 * changes and the order of pseudonyms says nothing of who answered when.
 */
export function answersReleased(round: { status: string }): boolean {
  return round.status === 'closed';
}
