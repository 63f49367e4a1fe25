// The star profile's page: the star (radar) of the levels with its table,
// and each point with its narrative and evidence.
import { radarChart } from '../../platform/charts/radar-chart.ts';
import type { Messages } from '../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../plans/index.ts';
import { scoreEvidenceText } from './star-evidence.ts';
import type { ScoreChoice } from './star-lookup.ts';
import {
  modelText,
  STAR_LEVEL_MAX,
  STAR_LEVEL_MIN,
  type StarPoint,
  starGroupNames,
  starGroups,
  starLevelName,
  starLevels,
  starPoints,
} from './star-model.ts';
import { type Evidence, notAssessed, type StarPointState } from './star-rules.ts';

export const starHref = (planId: string) => `/plans/${planId}/star`;

/** A level in words: "3 — Developing", or "not assessed yet". */
export function levelText(messages: Messages, level: number | null): string {
  return level === null
    ? messages.t('starProfile.notAssessed')
    : messages.t('starProfile.levelValue', {
        level,
        name: starLevelName(level, messages.language),
      });
}

export function EvidenceItem({
  messages,
  evidence,
  scores,
}: {
  messages: Messages;
  evidence: Evidence;
  scores: ReadonlyMap<string, ScoreChoice>;
}) {
  if (evidence.type === 'link')
    return (
      <a href={evidence.url} rel="noopener noreferrer">
        {evidence.title}
      </a>
    );
  return (
    <a href={`/rounds/${evidence.roundId}/results`}>
      {scoreEvidenceText(messages, evidence, scores)}
    </a>
  );
}

function PointSection({
  messages,
  planId,
  point,
  state,
  scores,
  mayEdit,
}: {
  messages: Messages;
  planId: string;
  point: StarPoint;
  state: StarPointState;
  scores: ReadonlyMap<string, ScoreChoice>;
  mayEdit: boolean;
}) {
  const { t, language } = messages;
  return (
    <section class="star-point" aria-labelledby={`point-${point.key}`}>
      <h3 id={`point-${point.key}`}>{modelText(point.name, language)}</h3>
      <p class="hint">{modelText(point.description, language)}</p>
      <p>
        <strong>{t('starProfile.field.level')}:</strong> {levelText(messages, state.level)}
      </p>
      {state.narrative && <p class="narrative">{state.narrative}</p>}
      {state.evidence.length > 0 && (
        <>
          <h4>{t('starProfile.field.evidence')}</h4>
          <ul>
            {state.evidence.map((evidence, index) => (
              <li key={index}>
                <EvidenceItem messages={messages} evidence={evidence} scores={scores} />
              </li>
            ))}
          </ul>
        </>
      )}
      {mayEdit && (
        <p>
          <a href={`${starHref(planId)}/${point.key}/edit`}>
            {t('starProfile.editPoint', { point: modelText(point.name, language) })}
          </a>
        </p>
      )}
    </section>
  );
}

export function StarProfileView({
  messages,
  plan,
  states,
  scores,
  mayEdit,
}: {
  messages: Messages;
  plan: Plan;
  /** Every point of the model, assessed or not, in the model's order. */
  states: readonly StarPointState[];
  scores: ReadonlyMap<string, ScoreChoice>;
  mayEdit: boolean;
}) {
  const { t, language } = messages;
  const href = starHref(plan.id);
  const stateOf = (key: string) => states.find((state) => state.point === key);
  const svg = radarChart({
    id: 'star-profile',
    title: t('starProfile.chart.title'),
    description: t('starProfile.chart.description', {
      assessed: states.filter((state) => state.level !== null).length,
      points: starPoints.length,
    }),
    formatNumber: (value) => messages.number(value, { maximumFractionDigits: 0 }),
    axes: starPoints.map((point) => modelText(point.name, language)),
    scale: { min: STAR_LEVEL_MIN, max: STAR_LEVEL_MAX },
    series: [
      {
        name: t('starProfile.chart.series'),
        values: starPoints.map((point) => stateOf(point.key)?.level ?? undefined),
      },
    ],
  });
  return (
    <>
      <PlanHeading messages={messages} plan={plan} current="star" title={t('starProfile.title')} />
      <p class="lead">{t('starProfile.intro')}</p>
      <div class="actions">
        <a class="button secondary" href={`${href}/export.csv`}>
          {t('starProfile.export.csv')}
        </a>
        <a class="button secondary" href={`${href}/export.xlsx`}>
          {t('starProfile.export.xlsx')}
        </a>
      </div>
      <figure class="chart">
        {/* The SVG is built by src/platform/charts from escaped labels. */}
        <div class="chart-image" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>{t('starProfile.chart.caption')}</figcaption>
        <table>
          <caption class="visually-hidden">{t('starProfile.chart.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('starProfile.field.point')}</th>
              <th scope="col">{t('starProfile.field.group')}</th>
              <th scope="col">{t('starProfile.field.level')}</th>
              <th scope="col">{t('starProfile.field.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {starPoints.map((point) => {
              const state = stateOf(point.key);
              return (
                <tr key={point.key}>
                  <th scope="row">
                    <a href={`#point-${point.key}`}>{modelText(point.name, language)}</a>
                  </th>
                  <td>{modelText(starGroupNames[point.group], language)}</td>
                  <td>{levelText(messages, state?.level ?? null)}</td>
                  <td>{state?.evidence.length ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </figure>
      <details>
        <summary>{t('starProfile.levels')}</summary>
        <dl>
          {starLevels.map((level) => (
            <div key={level.value}>
              <dt>{levelText(messages, level.value)}</dt>
              <dd>{modelText(level.description, language)}</dd>
            </div>
          ))}
        </dl>
      </details>
      {starGroups.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{modelText(starGroupNames[group], language)}</h2>
          {starPoints
            .filter((point) => point.group === group)
            .map((point) => (
              <PointSection
                key={point.key}
                messages={messages}
                planId={plan.id}
                point={point}
                state={stateOf(point.key) ?? notAssessed(point.key)}
                scores={scores}
                mayEdit={mayEdit}
              />
            ))}
        </section>
      ))}
    </>
  );
}
