// What is late on a roadmap, as of a given day: open initiatives past their
// end, milestones not reached by their date, steps not done by theirs. Work
// under a completed or cancelled initiative is never flagged. Dates are
// 'YYYY-MM-DD', which compare as text. Pure.
import { isOpen, type StatusKind } from './roadmap-statuses.ts';

export const isPast = (date: string | null, today: string) => date !== null && date < today;

export function initiativeOverdue(
  initiative: { endsOn: string | null; statusKind: StatusKind },
  today: string,
): boolean {
  return isOpen(initiative.statusKind) && isPast(initiative.endsOn, today);
}

export function milestoneOverdue(
  milestone: { dueOn: string; reachedOn: string | null },
  initiativeKind: StatusKind,
  today: string,
): boolean {
  return isOpen(initiativeKind) && milestone.reachedOn === null && isPast(milestone.dueOn, today);
}

export function stepOverdue(
  step: { dueOn: string | null; status: string },
  initiativeKind: StatusKind,
  today: string,
): boolean {
  return isOpen(initiativeKind) && step.status !== 'done' && isPast(step.dueOn, today);
}
