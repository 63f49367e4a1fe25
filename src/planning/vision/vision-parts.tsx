// Pieces the vision's pages share: names of reference data in the reader's
// language, a long-text field, the hidden version of an entry, problems beside
// their fields, and the notice shown when someone else saved first.
import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { findCepaPrinciple, nameIn } from './cepa-principles.ts';
import { findSdgGoal, findSdgTarget } from './sdg-goals.ts';
import type { VisionProblem } from './vision-rules.ts';
import type { VisionPrinciple } from './vision-store.ts';

export const visionHref = (planId: string) => `/plans/${planId}/vision`;
export const goalHref = (planId: string, goalId: string) => `${visionHref(planId)}/goals/${goalId}`;
export const goalAnchor = (goalId: string) => `goal-${goalId}`;

export function principleName(
  messages: Messages,
  principle: Pick<VisionPrinciple, 'cepaKey' | 'title'>,
) {
  const cepa = principle.cepaKey ? findCepaPrinciple(principle.cepaKey) : undefined;
  return cepa ? nameIn(cepa.name, messages.language) : (principle.title ?? '');
}

export function strategyText(messages: Messages, cepaKey: string, number: number) {
  const strategy = findCepaPrinciple(cepaKey)?.strategies.find((each) => each.number === number);
  return messages.t('vision.strategy', {
    number,
    name: strategy ? nameIn(strategy.name, messages.language) : '',
  });
}

export function sdgText(messages: Messages, number: number) {
  const goal = findSdgGoal(number);
  return messages.t('vision.sdg', {
    number,
    name: goal ? nameIn(goal.name, messages.language) : '',
  });
}

export function sdgTargetText(messages: Messages, code: string) {
  const target = findSdgTarget(code);
  return messages.t('vision.sdgTarget', {
    code,
    name: target ? nameIn(target.name, messages.language) : '',
  });
}

/** Problems as a form shows them: one per field, the field's label first. */
export function visionFormErrors(
  messages: Messages,
  problems: readonly VisionProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems)
    errors[problem.field] ??=
      `${messages.t(`vision.field.${problem.field}`)}: ${visionProblemText(messages, problem)}`;
  return errors;
}

export function visionProblemText(messages: Messages, problem: VisionProblem): string {
  return messages.t(`vision.error.${problem.rule}`, problem.values);
}

export function VersionField({ version }: { version: string | number | undefined }) {
  return version === undefined ? null : (
    <input type="hidden" name="version" value={String(version)} />
  );
}

/** What another person saved while this form was open, or that they deleted the entry. */
export function ConflictNotice({
  messages,
  deleted,
  children,
}: {
  messages: Messages;
  deleted: boolean;
  children?: ComponentChildren;
}) {
  const { t } = messages;
  return (
    <div class="notice" role="alert">
      <h2>{t('vision.conflict.title')}</h2>
      <p>{deleted ? t('vision.conflict.deleted') : t('vision.conflict.text')}</p>
      {children}
    </div>
  );
}
