// Opens the exports of a round for a request: the score tables over the
// agencies a filter chooses, and the raw answers a member may read with the
// agencies they may see named. Shared by the downloads and the API.
import { type Member, roleHas } from '../../../platform/accounts/access.ts';
import type { SignedIn } from '../../../platform/accounts/account-store.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { AgencyFilter } from '../protection/disclosure.ts';
import type { OpenResults } from '../store/open-results.ts';
import { selectResults } from '../store/results-selection.ts';
import { loadConsensusRecords } from '../store/results-store.ts';
import {
  type AnswerExportContext,
  answerReach,
  answerRows,
  answersReleased,
} from './answer-export.ts';
import { type AnswerScope, submittedAnswerBatches } from './answer-export-store.ts';
import { exportFile } from './export-files.ts';
import {
  dimensionScoreLayout,
  dimensionScoreRows,
  type ExportFormat,
  type ExportTable,
  itemScoreLayout,
  itemScoreRows,
} from './exports.ts';

/** The filter of a query, without the fields left out. */
export function requireMember(signedIn: SignedIn | undefined): Member {
  // The access hook has already refused anyone without a membership; this narrows the type.
  if (!signedIn?.member) throw new AppError('forbidden', 'Your role does not allow this');
  return signedIn.member;
}

/** Whether the member may download raw answers (a focal point: their own agencies'). */
export function mayReadAnswers(signedIn: SignedIn | undefined): boolean {
  return signedIn?.member !== undefined && roleHas(signedIn.member.role, 'responses.read');
}

/** A score table: its rows, the selection they come from, and the table as a file. */
export async function scoreTable(
  database: Database,
  table: Exclude<ExportTable, 'answers'>,
  messages: Messages,
  results: OpenResults,
  filter: AgencyFilter,
) {
  const selection = selectResults(results, results.disclosure, filter);
  const { framework } = results;
  if (table === 'item-scores') {
    const consensus = await loadConsensusRecords(database.db, results.round.id);
    const rows = itemScoreRows(messages, framework, selection, consensus);
    const layout = itemScoreLayout(messages, framework, filter);
    return { rows, selection, file: (format: ExportFormat) => exportFile(format, layout, [rows]) };
  }
  const rows = dimensionScoreRows(messages, framework, selection);
  const layout = dimensionScoreLayout(messages, framework, filter);
  return { rows, selection, file: (format: ExportFormat) => exportFile(format, layout, [rows]) };
}

/** Which responses' answers a member reads, and how their rows are made. */
export function answersFor(
  results: OpenResults,
  member: Member,
): { scope: AnswerScope; context: AnswerExportContext } {
  if (!answersReleased(results.round))
    throw new AppError('conflict', 'The answers are released when the round closes', [
      {
        path: 'params.id',
        message: 'is a round still open: its answers are released when it closes',
      },
    ]);
  const everyone = selectResults(results, results.disclosure, {});
  const reach = answerReach(everyone.shown, member);
  return {
    scope: { roundId: results.round.id, agencyIds: reach.agencyIds },
    context: { framework: results.framework, roundId: results.round.id, named: reach.named },
  };
}

/** The rows of the raw answers a member reads, batch by batch as the store reads them. */
export function answerBatches(database: Database, results: OpenResults, member: Member) {
  // Checked before the download starts, so a refusal is an error page, not a broken file.
  const { scope, context } = answersFor(results, member);
  return batchesOf(database, scope, context);
}

async function* batchesOf(database: Database, scope: AnswerScope, context: AnswerExportContext) {
  for await (const batch of submittedAnswerBatches(database.db, scope))
    yield answerRows(batch, context);
}
