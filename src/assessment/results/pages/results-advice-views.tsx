// Recommendations and targets: what to do about each sub-dimension below its
// target, with the numbers that put it there, and the targets themselves.

import { CsrfField, ErrorSummary, type FieldErrors } from '../../../platform/http/forms.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import {
  type Framework,
  type MaturityLevel,
  type Recommendation,
  textOf,
} from '../../frameworks/index.ts';
import { DECISION_NOTE_MAX, type RecommendationDecision } from '../advice/advice-store.ts';
import type { RoundAdvice, RoundTargets } from '../advice/open-advice.ts';
import type { WeakSubdimension } from '../advice/recommendations.ts';
import { gapTo, type Target } from '../advice/targets.ts';
import type { Score } from '../scoring/scoring.ts';
import { METHODOLOGY_PATH } from './methodology-routes.tsx';
import { agencyLabel, formatScore, levelName, ResultsHeading } from './results-parts.tsx';

export function recommendationsHref(roundId: string, agencyId?: string): string {
  const path = `/rounds/${roundId}/results/recommendations`;
  return agencyId ? `${path}?agency=${agencyId}` : path;
}

export const targetsHref = (roundId: string) => `/rounds/${roundId}/results/targets`;

/** A recommendation's anchor on its page, where its decision form returns to. */
export const recommendationAnchor = (code: string) => `rec-${code}`;
export const decisionNoteId = (code: string) => `${recommendationAnchor(code)}-note`;

/** "Managed (3.40)", with "by 31 Dec 2028" when the target has a date. */
export function targetText(messages: Messages, framework: Framework, target: Target): string {
  const text = textOf(messages, framework);
  const level = messages.t('results.target.level', {
    level: text(target.level.name),
    score: formatScore(messages, target.level.minScore),
  });
  return target.dueOn
    ? messages.t('results.target.due', { target: level, date: messages.date(target.dueOn) })
    : level;
}

/** The target and the gap cells of a score's row in a results table. */
export function TargetCells({
  messages,
  framework,
  score,
  target,
}: {
  messages: Messages;
  framework: Framework;
  score: Score | undefined;
  target: Target | undefined;
}) {
  const gap = gapTo(score?.value, target);
  return (
    <>
      <td>{target ? targetText(messages, framework, target) : ''}</td>
      <td class="numeric">{gap === undefined ? '' : formatScore(messages, gap)}</td>
    </>
  );
}

/** A decision the server refused, given back with its problems beside its fields. */
export interface PostedDecision {
  code: string;
  note: string;
  errors: FieldErrors;
}

export function RecommendationsView({
  messages,
  advice,
  mayDecide,
  csrfToken,
  posted,
}: {
  messages: Messages;
  advice: RoundAdvice;
  mayDecide: boolean;
  csrfToken: string | undefined;
  posted?: PostedDecision | undefined;
}) {
  const { t } = messages;
  const { results, agency, weak } = advice;
  const { round } = results;
  return (
    <>
      <ResultsHeading
        messages={messages}
        round={round}
        title={
          agency
            ? t('results.recommendations.titleFor', { agency: agencyLabel(agency) })
            : t('results.recommendations.title')
        }
        current="recommendations"
        query={{}}
      />
      <p class="lead">{t('results.recommendations.intro')}</p>
      <p class="hint">
        {t('results.recommendations.method')}{' '}
        <a href={METHODOLOGY_PATH}>{t('results.methodology.link')}</a>{' '}
        <a href={targetsHref(round.id)}>{t('results.recommendations.toTargets')}</a>
      </p>
      <form method="get" action={recommendationsHref(round.id)} class="filters">
        <div class="field">
          <label for="agency">{t('results.recommendations.for')}</label>
          <select id="agency" name="agency">
            <option value="">{t('results.recommendations.wholeOfGovernment')}</option>
            {advice.agencies.map((candidate) => (
              <option
                key={candidate.id}
                value={candidate.id}
                selected={candidate.id === agency?.id}
              >
                {agencyLabel(candidate)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          {t('results.recommendations.show')}
        </button>
      </form>
      {advice.results.disclosure.hidden.size > 0 && (
        <p class="hint">
          {t('results.recommendations.protected', { threshold: results.disclosure.threshold })}
        </p>
      )}
      {weak.length === 0 ? (
        <p class="notice">{t('results.recommendations.none')}</p>
      ) : (
        <ol class="advice">
          {weak.map((entry) => (
            <WeakSubdimensionEntry
              key={entry.subdimensionCode}
              messages={messages}
              advice={advice}
              entry={entry}
              mayDecide={mayDecide}
              csrfToken={csrfToken}
              posted={posted}
            />
          ))}
        </ol>
      )}
    </>
  );
}

function WeakSubdimensionEntry({
  messages,
  advice,
  entry,
  mayDecide,
  csrfToken,
  posted,
}: {
  messages: Messages;
  advice: RoundAdvice;
  entry: WeakSubdimension;
  mayDecide: boolean;
  csrfToken: string | undefined;
  posted: PostedDecision | undefined;
}) {
  const { t } = messages;
  const { framework } = advice.results;
  const text = textOf(messages, framework);
  const dimension = framework.dimensions.find((d) => d.code === entry.dimensionCode);
  const subdimension = dimension?.subdimensions.find((s) => s.code === entry.subdimensionCode);
  const guidance = subdimension?.guidance?.[entry.level.key];
  const next = nextLevelName(messages, framework, entry.level);
  const headingId = `weak-${entry.subdimensionCode}`;
  return (
    <li>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>
          {dimension && text(dimension.name)}: {subdimension && text(subdimension.name)}
        </h2>
        <p>
          {t('results.recommendations.numbers', {
            score: formatScore(messages, entry.score),
            level: text(entry.level.name),
            target: targetText(messages, framework, entry.target),
            gap: formatScore(messages, entry.gap),
            weight: `1/${Math.round(1 / entry.weight)}`,
            priority: messages.number(entry.priority, { maximumFractionDigits: 3 }),
          })}
        </p>
        {entry.basis === 'consensus' && (
          <p class="hint">
            {t('results.recommendations.fromConsensus', {
              selfAssessed: formatScore(messages, entry.selfAssessed),
            })}
          </p>
        )}
        {guidance && (
          <dl class="guidance">
            {guidance.looksLike && (
              <div>
                <dt>{t('results.guidance.looksLike', { level: text(entry.level.name) })}</dt>
                <dd>{text(guidance.looksLike)}</dd>
              </div>
            )}
            {guidance.toReachNext && next && (
              <div>
                <dt>{t('results.guidance.toReachNext', { level: next })}</dt>
                <dd>{text(guidance.toReachNext)}</dd>
              </div>
            )}
          </dl>
        )}
        {entry.recommendations.length === 0 ? (
          <p>{t('results.recommendations.noneAtLevel')}</p>
        ) : (
          entry.recommendations.map((recommendation) => (
            <RecommendationCard
              key={recommendation.code}
              messages={messages}
              advice={advice}
              recommendation={recommendation}
              decision={advice.decisions.get(recommendation.code)}
              mayDecide={mayDecide}
              csrfToken={csrfToken}
              posted={posted?.code === recommendation.code ? posted : undefined}
            />
          ))
        )}
      </section>
    </li>
  );
}

function nextLevelName(messages: Messages, framework: Framework, level: MaturityLevel) {
  const levels = framework.maturityLevels;
  const index = levels.findIndex((candidate) => candidate.key === level.key);
  const next = levels[index + 1];
  return next && textOf(messages, framework)(next.name);
}

function RecommendationCard({
  messages,
  advice,
  recommendation,
  decision,
  mayDecide,
  csrfToken,
  posted,
}: {
  messages: Messages;
  advice: RoundAdvice;
  recommendation: Recommendation;
  decision: RecommendationDecision | undefined;
  mayDecide: boolean;
  csrfToken: string | undefined;
  posted: PostedDecision | undefined;
}) {
  const { t } = messages;
  const text = textOf(messages, advice.results.framework);
  const anchor = recommendationAnchor(recommendation.code);
  const noteId = decisionNoteId(recommendation.code);
  const noteError = posted?.errors[noteId];
  return (
    <article class="recommendation" id={anchor} aria-labelledby={`${anchor}-title`}>
      <h3 id={`${anchor}-title`}>
        <span class="code">{recommendation.code}</span> {text(recommendation.title)}
      </h3>
      <p>{text(recommendation.text)}</p>
      <p class="hint">
        {t('results.recommendations.horizonEffort', {
          horizon: t(`results.recommendations.horizon.${recommendation.horizon}`),
          effort: t(`results.recommendations.effort.${recommendation.effort}`),
        })}
        {recommendation.references && recommendation.references.length > 0 && (
          <>
            {' '}
            {t('results.recommendations.references')}{' '}
            {recommendation.references.map((reference, index) => (
              <span key={reference.url ?? index}>
                {index > 0 && '; '}
                {reference.url ? (
                  <a href={reference.url}>{text(reference.title)}</a>
                ) : (
                  text(reference.title)
                )}
              </span>
            ))}
          </>
        )}
      </p>
      {decision && (
        <p class={decision.status === 'accepted' ? 'status status-accepted' : 'status'}>
          <strong>{t(`results.recommendations.status.${decision.status}`)}</strong>{' '}
          {t('results.recommendations.decidedOn', { date: messages.date(decision.decidedAt) })}
          {decision.note && (
            <>
              {' — '}
              {decision.note}
            </>
          )}
        </p>
      )}
      {mayDecide && (
        <form method="post" action={`/rounds/${advice.results.round.id}/results/recommendations`}>
          <CsrfField token={csrfToken} />
          {posted && <ErrorSummary messages={messages} errors={posted.errors} />}
          <input type="hidden" name="code" value={recommendation.code} />
          {advice.agency && <input type="hidden" name="agency" value={advice.agency.id} />}
          <div class={noteError ? 'field field-error' : 'field'}>
            <label for={noteId}>{t('results.recommendations.note')}</label>
            {noteError && (
              <p class="error-message" id={`${noteId}-error`}>
                {noteError}
              </p>
            )}
            <textarea
              id={noteId}
              name="note"
              rows={2}
              maxLength={DECISION_NOTE_MAX}
              aria-invalid={noteError ? 'true' : undefined}
              aria-describedby={noteError ? `${noteId}-error` : undefined}
            >
              {posted?.note ?? decision?.note ?? ''}
            </textarea>
          </div>
          <div class="actions">
            {decision?.status !== 'accepted' && (
              <button type="submit" name="status" value="accepted" class="button">
                {t('results.recommendations.accept')}
              </button>
            )}
            {decision?.status !== 'set_aside' && (
              <button type="submit" name="status" value="set_aside" class="button secondary">
                {t('results.recommendations.setAside')}
              </button>
            )}
            {decision && (
              <button type="submit" name="status" value="open" class="button secondary">
                {t('results.recommendations.reopen')}
              </button>
            )}
          </div>
        </form>
      )}
    </article>
  );
}

export interface TargetsForm {
  /** Per node code: the level key chosen ('' for the default) and the date typed. */
  values: Record<string, { level: string; due: string }>;
  errors: FieldErrors;
}

export const targetFieldIds = (code: string) => ({ level: `level-${code}`, due: `due-${code}` });

export function TargetsView({
  messages,
  roundTargets,
  mayEdit,
  csrfToken,
  form,
  saved,
}: {
  messages: Messages;
  roundTargets: RoundTargets;
  mayEdit: boolean;
  csrfToken: string | undefined;
  form?: TargetsForm;
  saved: boolean;
}) {
  const { t } = messages;
  const { results, targets, wholeOfGovernment } = roundTargets;
  const { framework, round } = results;
  const text = textOf(messages, framework);
  const setBy = new Map(roundTargets.set.map((target) => [target.nodeCode, target]));
  const rows = framework.dimensions.flatMap((dimension, d) => {
    const dimensionScore = wholeOfGovernment?.dimensions[d];
    return [
      {
        code: dimension.code,
        name: text(dimension.name),
        fullName: text(dimension.name),
        score: dimensionScore,
        isDimension: true,
      },
      ...dimension.subdimensions.map((subdimension, s) => ({
        code: subdimension.code,
        name: text(subdimension.name),
        // Sub-dimensions share names across dimensions ("Data"): a field's label says whose.
        fullName: `${text(dimension.name)}: ${text(subdimension.name)}`,
        score: dimensionScore?.subdimensions[s],
        isDimension: false,
      })),
    ];
  });
  const sourceText = (target: Target | undefined) =>
    target ? t(`results.targets.source.${target.source}`) : t('results.targets.source.none');
  return (
    <>
      <ResultsHeading
        messages={messages}
        round={round}
        title={t('results.targets.title')}
        current="targets"
        query={{}}
      />
      <p class="lead">{t('results.targets.intro', { framework: text(framework.name) })}</p>
      {saved && <output class="notice">{t('results.targets.saved')}</output>}
      {form && <ErrorSummary messages={messages} errors={form.errors} />}
      <form method="post" action={targetsHref(round.id)}>
        <CsrfField token={csrfToken} />
        <div class="table-scroll">
          <table>
            <caption>{t('results.targets.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.targets.node')}</th>
                <th scope="col" class="numeric">
                  {t('results.score.eachAgency')}
                </th>
                <th scope="col">{t('results.level')}</th>
                <th scope="col">{t('results.target')}</th>
                <th scope="col" class="numeric">
                  {t('results.gap')}
                </th>
                {mayEdit && <th scope="col">{t('results.targets.change')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const target = targets.get(row.code);
                const ids = targetFieldIds(row.code);
                const posted = form?.values[row.code];
                const own = setBy.get(row.code);
                const levelError = form?.errors[ids.level];
                const dueError = form?.errors[ids.due];
                return (
                  <tr key={row.code}>
                    <th scope="row" class={row.isDimension ? undefined : 'within'}>
                      {row.name}
                    </th>
                    <td class="numeric">{formatScore(messages, row.score?.value)}</td>
                    <td>{row.score ? levelName(messages, framework, row.score) : ''}</td>
                    <td>
                      {target ? targetText(messages, framework, target) : ''}
                      <br />
                      <span class="hint">{sourceText(target)}</span>
                    </td>
                    <td class="numeric">
                      {(() => {
                        const gap = gapTo(row.score?.value, target);
                        return gap === undefined ? '' : formatScore(messages, gap);
                      })()}
                    </td>
                    {mayEdit && (
                      <td>
                        <div class={levelError ? 'field field-error' : 'field'}>
                          <label for={ids.level}>
                            {t('results.targets.levelFor', { name: row.fullName })}
                          </label>
                          {levelError && (
                            <p class="error-message" id={`${ids.level}-error`}>
                              {levelError}
                            </p>
                          )}
                          <select
                            id={ids.level}
                            name={ids.level}
                            aria-invalid={levelError ? 'true' : undefined}
                            aria-describedby={levelError ? `${ids.level}-error` : undefined}
                          >
                            <option value="">{t('results.targets.default')}</option>
                            {framework.maturityLevels.map((level) => (
                              <option
                                key={level.key}
                                value={level.key}
                                selected={(posted?.level ?? own?.levelKey) === level.key}
                              >
                                {text(level.name)}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div class={dueError ? 'field field-error' : 'field'}>
                          <label for={ids.due}>
                            {t('results.targets.dueFor', { name: row.fullName })}
                          </label>
                          {dueError && (
                            <p class="error-message" id={`${ids.due}-error`}>
                              {dueError}
                            </p>
                          )}
                          <input
                            type="date"
                            id={ids.due}
                            name={ids.due}
                            value={posted?.due ?? own?.dueOn ?? ''}
                            aria-invalid={dueError ? 'true' : undefined}
                            aria-describedby={dueError ? `${ids.due}-error` : undefined}
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {mayEdit && (
          <button type="submit" class="button">
            {t('results.targets.save')}
          </button>
        )}
      </form>
    </>
  );
}
