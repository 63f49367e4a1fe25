// How saves combine when they race or repeat: the latest change of each item
// wins, whatever order the saves arrive in, and a repeated save changes nothing.
// The store (save-store.ts) applies these decisions with the response row
// locked, so two tabs saving at once are decided one after the other; the
// latest-change rule it applies inside its statement, as written in
// save-decision-sql.ts, and test/save-rule-cases.ts holds the two equal.
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { type AnswerChange, type AnswerContent, isAnswered } from './answer.ts';

export interface StoredAnswer extends AnswerContent {
  changedAt: Date;
}

/**
 * A change replaces the stored answer unless the stored one was changed later.
 * Equal times replace: a retried save then writes the same content again,
 * which is harmless.
 */
export function supersedes(change: AnswerChange, stored: StoredAnswer | undefined): boolean {
  return stored === undefined || change.changedAt.getTime() >= stored.changedAt.getTime();
}

/**
 * The time a change is recorded at. Changes made with JavaScript carry the
 * browser's clock (so an answer given offline keeps the moment it was given);
 * a clock running ahead is brought back to the server's now, so it cannot pin
 * an answer against every later change.
 */
export function recordedAt(clientTime: Date, now: Date): Date {
  return clientTime.getTime() > now.getTime() ? now : clientTime;
}

export type ResponseStatus = 'draft' | 'submitted';

/**
 * A submitted response may still be changed until the round closes. The
 * changes a save wrote keep it submitted while each of them answers its item
 * (a correction, not a new draft); one that leaves its item unanswered returns
 * it to draft. A response is submitted only once complete, so the items a save
 * wrote are the only ones it can leave unanswered, and no other answer needs
 * reading: a submitted response stays complete.
 */
export function statusAfterWrite(
  status: ResponseStatus,
  written: readonly AnswerContent[],
): ResponseStatus {
  return status === 'submitted' && written.every(isAnswered) ? 'submitted' : 'draft';
}

/**
 * What a save carried, in a few bytes: the same answers give the same
 * fingerprint, whatever the order of their keys or the form of their times.
 * Taken of the answers as the client sent them, before the server capped
 * their times, so a retry made later still matches.
 */
export function saveFingerprint(
  answers: readonly (AnswerContent & { itemCode: string; changedAt: string | Date })[],
): string {
  const canonical = answers.map((answer) => [
    answer.itemCode,
    answer.value,
    answer.notApplicable,
    answer.comment,
    answer.evidenceUrl,
    new Date(answer.changedAt).toISOString(),
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}

/** A save id already in the save log, as recorded by the save that used it first. */
export interface LoggedSave {
  fingerprint: string | null;
  notWritten: string[] | null;
}

/**
 * A save whose id is already logged: a retry (same answers) gets the outcome
 * of the save it repeats, the items it wrote; an id reused for other answers
 * is refused, since its answers would otherwise be dropped without a word.
 * A save logged before fingerprints were kept counts as a retry.
 */
export function repeatedSave(
  logged: LoggedSave,
  fingerprint: string,
  itemCodes: readonly string[],
): { written: string[] } | 'save_id_reused' {
  if (logged.fingerprint !== null && logged.fingerprint !== fingerprint) return 'save_id_reused';
  const notWritten = new Set(logged.notWritten ?? []);
  return { written: itemCodes.filter((code) => !notWritten.has(code)) };
}

/** The refusal of a save id used before for other answers, naming the field. */
export function saveIdReusedError(): AppError {
  return new AppError(
    'conflict',
    'This save id was already used for other answers; nothing was saved. Send each new save with a new id',
    [{ path: 'body.saveId', message: 'was already used for other answers' }],
  );
}
