// An initiative's priority on its own page: value and feasibility with their
// spread, the quadrant, how many members scored it, the mean per criterion,
// and the way to score it.
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { Plan } from '../../plans/index.ts';
import type { AxisScore, Criterion } from './prioritisation.ts';
import type { InitiativePriority } from './priority-lookup.ts';
import { criterionLabel, scoreHref, scoreText } from './priority-parts.tsx';

function axisText(messages: Messages, score: AxisScore | undefined) {
  if (!score) return messages.t('priorities.summary.axisNone');
  return messages.t('priorities.summary.axis', {
    mean: scoreText(messages, score.mean),
    min: scoreText(messages, score.min),
    max: scoreText(messages, score.max),
    deviation: scoreText(messages, score.deviation),
  });
}

export function PrioritySummary({
  messages,
  plan,
  initiative,
  priority,
  criteria,
  mayScore,
}: {
  messages: Messages;
  plan: Pick<Plan, 'id'>;
  initiative: { id: string };
  priority: InitiativePriority;
  criteria: readonly Criterion[];
  mayScore: boolean;
}) {
  const { t } = messages;
  return (
    <section aria-labelledby="priority-title">
      <h2 id="priority-title">{t('priorities.summary.title')}</h2>
      {priority.scorers === 0 ? (
        <p>{t('priorities.summary.none')}</p>
      ) : (
        <>
          <dl class="summary">
            <dt>{t('priorities.axis.value')}</dt>
            <dd>{axisText(messages, priority.value)}</dd>
            <dt>{t('priorities.axis.feasibility')}</dt>
            <dd>{axisText(messages, priority.feasibility)}</dd>
            {priority.quadrant && (
              <>
                <dt>{t('priorities.table.quadrant')}</dt>
                <dd>{t(`priorities.quadrant.${priority.quadrant}`)}</dd>
              </>
            )}
          </dl>
          <p>{t('priorities.summary.scorers', { count: priority.scorers })}</p>
          <table>
            <caption>{t('priorities.summary.byCriterion')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('priorities.summary.criterion')}</th>
                <th scope="col">{t('priorities.field.axis')}</th>
                <th scope="col">{t('priorities.summary.weight')}</th>
                <th scope="col">{t('priorities.summary.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((criterion) => {
                const mean = priority.byCriterion.find((entry) => entry.key === criterion.key);
                return (
                  <tr key={criterion.key}>
                    <th scope="row">{criterionLabel(messages, criterion)}</th>
                    <td>{t(`priorities.axis.${criterion.axis}`)}</td>
                    <td>{messages.number(criterion.weight)}</td>
                    <td>
                      {mean?.mean === undefined
                        ? t('priorities.summary.axisNone')
                        : scoreText(messages, mean.mean)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {mayScore && (
        <p>
          <a class="button secondary" href={scoreHref(plan.id, initiative.id)}>
            {t('priorities.summary.score')}
          </a>
        </p>
      )}
    </section>
  );
}
