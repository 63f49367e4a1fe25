// How saves combine when they race or repeat: the latest change of each item
// wins, whatever order the saves arrive in, and a repeated save changes nothing.
// The store applies these decisions inside one transaction per save, with the
// response row locked, so two tabs saving at once are decided one after the other.
import { type AnswerChange, type AnswerContent, isAnswered, sameContent } from './answer.ts';
import type { AnswersByItem } from './task-list.ts';

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

/** The changes of a save that are written; the others lose to a later change already stored. */
export function changesToWrite(
  changes: readonly AnswerChange[],
  stored: ReadonlyMap<string, StoredAnswer>,
): AnswerChange[] {
  return changes.filter((change) => supersedes(change, stored.get(change.itemCode)));
}

/**
 * A page posted without JavaScript sends every item on it; only the items
 * whose content differs from what is stored are changes, so posting the same
 * form twice writes nothing the second time.
 */
export function changedOnPage(
  posted: readonly AnswerChange[],
  stored: AnswersByItem,
): AnswerChange[] {
  return posted.filter((answer) => !sameContent(answer, stored.get(answer.itemCode)));
}

export type ResponseStatus = 'draft' | 'submitted';

/**
 * A submitted response may still be changed until the round closes. A change
 * keeps it submitted while every item is still answered (it is a correction,
 * not a new draft); a change that leaves an item unanswered returns it to draft,
 * so a submitted response is always complete.
 */
export function statusAfterChange(
  status: ResponseStatus,
  answers: AnswersByItem,
  itemCodes: readonly string[],
): ResponseStatus {
  if (status === 'draft') return 'draft';
  return itemCodes.every((code) => isAnswered(answers.get(code))) ? 'submitted' : 'draft';
}
