// One sub-dimension in the workshop: per item, the distribution of the
// self-assessments as a bar chart with its numbers in the same table, the
// mean, spread and divergence, the current consensus, and the form that
// records it. Plain HTML and CSS: the bars are width classes, as the strict
// CSP forbids inline styles.

import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import type { Framework, Item, Scale } from '../frameworks/index.ts';
import { textOf } from '../frameworks/index.ts';
import { type ConsensusContent, RATIONALE_MAX } from './consensus.ts';
import { divergenceThreshold, type ItemStatistics, shareOf } from './item-statistics.ts';
import type { OpenWorkshop } from './open-workshop.ts';
import type { WorkshopItem } from './workshop.ts';
import type { StoredConsensus } from './workshop-store.ts';
import { ScopeChooser, ScopeNote, workshopHref } from './workshop-views.tsx';

export const NOT_APPLICABLE = 'na';

export const consensusFieldIds = (code: string) => ({
  value: `${code}-value`,
  rationale: `${code}-rationale`,
});

/** The bar's width class: the share rounded to 5%, as styles.css has a class per step. */
function barClass(share: number): string {
  return `bar bar-${Math.round(share * 20) * 5}`;
}

function scaleLabels(scale: Scale, text: ReturnType<typeof textOf>) {
  return scale.type === 'stages'
    ? scale.stages.map((stage) => ({ value: stage.value, label: text(stage.label) }))
    : scale.labels.map((label) => ({ value: label.value, label: text(label.label) }));
}

function Distribution({
  messages,
  code,
  labels,
  statistics,
}: {
  messages: Messages;
  code: string;
  labels: { value: number; label: string }[];
  statistics: ItemStatistics;
}) {
  const { t } = messages;
  const percent = (count: number) =>
    messages.number(shareOf(count, statistics), { style: 'percent', maximumFractionDigits: 0 });
  const rows = [
    ...statistics.counts.map(({ value, count }) => ({
      key: String(value),
      label: `${value} ${labels.find((entry) => entry.value === value)?.label ?? ''}`,
      count,
    })),
    { key: NOT_APPLICABLE, label: t('workshop.notApplicable'), count: statistics.notApplicable },
  ];
  return (
    <table class="distribution">
      <caption>{t('workshop.distribution.caption', { code })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workshop.distribution.answer')}</th>
          <th scope="col" class="numeric">
            {t('workshop.distribution.count')}
          </th>
          <th scope="col" class="numeric">
            {t('workshop.distribution.share')}
          </th>
          <th scope="col">
            <span class="visually-hidden">{t('workshop.distribution.bar')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td class="numeric">{row.count}</td>
            <td class="numeric">{percent(row.count)}</td>
            <td class="bar-cell" aria-hidden="true">
              <span class={barClass(shareOf(row.count, statistics))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Statistics({ messages, statistics }: { messages: Messages; statistics: ItemStatistics }) {
  const { t } = messages;
  const decimal = (value: number | null) =>
    value === null
      ? t('workshop.stats.none')
      : messages.number(value, { maximumFractionDigits: 2 });
  return (
    <dl class="summary item-stats">
      <div>
        <dt>{t('workshop.stats.mean')}</dt>
        <dd>{decimal(statistics.mean)}</dd>
      </div>
      <div>
        <dt>{t('workshop.stats.spread')}</dt>
        <dd>{decimal(statistics.standardDeviation)}</dd>
      </div>
      <div>
        <dt>{t('workshop.stats.answers')}</dt>
        <dd>{statistics.answers}</dd>
      </div>
      <div>
        <dt>{t('workshop.stats.notApplicable')}</dt>
        <dd>{statistics.notApplicable}</dd>
      </div>
    </dl>
  );
}

/** Whether the answers diverge, with the rule beside the verdict so no one has to guess it. */
function Divergence({
  messages,
  scale,
  statistics,
}: {
  messages: Messages;
  scale: Scale;
  statistics: ItemStatistics;
}) {
  const { t } = messages;
  return (
    <p class="divergence">
      {statistics.divergent ? (
        <strong class="tag tag-divergent">{t('workshop.stats.divergent')}</strong>
      ) : (
        t('workshop.stats.notDivergent')
      )}{' '}
      <span class="meta">
        {t('workshop.stats.divergenceRule', {
          threshold: messages.number(divergenceThreshold(scale), {
            minimumFractionDigits: 1,
            maximumFractionDigits: 2,
          }),
        })}
      </span>
    </p>
  );
}

function CurrentConsensus({
  messages,
  consensus,
  labels,
}: {
  messages: Messages;
  consensus: StoredConsensus | undefined;
  labels: { value: number; label: string }[];
}) {
  const { t } = messages;
  if (!consensus) return <p class="meta">{t('workshop.consensus.none')}</p>;
  const value = consensus.notApplicable
    ? t('workshop.notApplicable')
    : `${consensus.value} ${labels.find((entry) => entry.value === consensus.value)?.label ?? ''}`;
  return (
    <div class="current-consensus">
      <p>
        <strong>{t('workshop.consensus.current', { value })}</strong>{' '}
        <span class="meta">
          {t('workshop.consensus.recorded', {
            who: consensus.recordedBy ?? t('workshop.consensus.someone'),
            when: messages.date(consensus.recordedAt),
          })}
        </span>
      </p>
      <blockquote>{consensus.rationale}</blockquote>
    </div>
  );
}

function ConsensusForm(props: {
  messages: Messages;
  action: string;
  csrfToken: string | undefined;
  item: Item;
  scale: Scale;
  labels: { value: number; label: string }[];
  shown: ConsensusContent | undefined;
  errors: FieldErrors;
  submitLabel: string;
}) {
  const { messages, item, scale, labels, shown, errors } = props;
  const { t } = messages;
  const ids = consensusFieldIds(item.code);
  const radio = (value: string, label: string, first: boolean) => {
    const id = first ? ids.value : `${ids.value}-${value}`;
    const checked =
      value === NOT_APPLICABLE ? shown?.notApplicable === true : shown?.value === Number(value);
    return (
      <div class="choice" key={value}>
        <input type="radio" id={id} name="value" value={value} checked={checked} />
        <label for={id}>{label}</label>
      </div>
    );
  };
  return (
    <form method="post" action={props.action} novalidate class="consensus-form">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="itemCode" value={item.code} />
      <fieldset
        class={errors[ids.value] ? 'field-error' : undefined}
        aria-describedby={errors[ids.value] ? `${ids.value}-error` : undefined}
      >
        <legend>{t('workshop.form.value', { code: item.code })}</legend>
        {errors[ids.value] && (
          <p class="error-message" id={`${ids.value}-error`}>
            {errors[ids.value]}
          </p>
        )}
        <div class="choices">
          {labels.map((entry, index) =>
            radio(String(entry.value), `${entry.value} ${entry.label}`, index === 0),
          )}
          {scale.notApplicable && radio(NOT_APPLICABLE, t('workshop.notApplicable'), false)}
        </div>
      </fieldset>
      <div class={errors[ids.rationale] ? 'field field-error' : 'field'}>
        <label for={ids.rationale}>{t('workshop.form.rationale', { code: item.code })}</label>
        <p class="hint" id={`${ids.rationale}-hint`}>
          {t('workshop.form.rationaleHint', { max: RATIONALE_MAX })}
        </p>
        {errors[ids.rationale] && (
          <p class="error-message" id={`${ids.rationale}-error`}>
            {errors[ids.rationale]}
          </p>
        )}
        <textarea
          id={ids.rationale}
          name="rationale"
          rows={3}
          aria-invalid={errors[ids.rationale] ? 'true' : undefined}
          aria-describedby={[
            `${ids.rationale}-hint`,
            errors[ids.rationale] ? `${ids.rationale}-error` : '',
          ]
            .filter(Boolean)
            .join(' ')}
        >
          {shown?.rationale?.slice(0, RATIONALE_MAX) ?? ''}
        </textarea>
      </div>
      <button type="submit" class="button">
        {props.submitLabel}
      </button>
    </form>
  );
}

export interface SubdimensionWorkshopProps {
  messages: Messages;
  workshop: OpenWorkshop;
  framework: Framework;
  dimensionName: string;
  subdimension: { code: string; name: string };
  items: WorkshopItem<StoredConsensus>[];
  /** What the form of one item shows after a refused save: as posted, with its errors. */
  posted?: { itemCode: string; content: ConsensusContent };
  errors: FieldErrors;
  /** The item just saved, to confirm it. */
  saved: string | undefined;
  /** The label of each item's button: where saving leads. */
  submitLabels: ReadonlyMap<string, string>;
  previousHref: string | undefined;
  nextHref: string | undefined;
  csrfToken: string | undefined;
}

export function SubdimensionWorkshopView(props: SubdimensionWorkshopProps) {
  const { messages, workshop, framework, items, posted, errors } = props;
  const { t } = messages;
  const text = textOf(messages, framework);
  const { round } = workshop;
  const agencyId = workshop.agency?.agencyId;
  const here = workshopHref(round.id, { subdimensionCode: props.subdimension.code, agencyId });
  return (
    <>
      <p>
        <a class="back-link" href={workshopHref(round.id, { agencyId })}>
          {t('workshop.backToOverview')}
        </a>
      </p>
      <p class="caption">
        {round.name} · {props.dimensionName}
      </p>
      <h1>{props.subdimension.name}</h1>
      <ScopeChooser messages={messages} workshop={workshop} action={here.split('?')[0] ?? here} />
      <ScopeNote messages={messages} workshop={workshop} />
      {props.saved && <output class="notice">{t('workshop.saved', { code: props.saved })}</output>}
      <ErrorSummary messages={messages} errors={errors} />
      {items.map(({ item, scale, statistics, consensus }) => {
        const labels = scaleLabels(scale, text);
        const itemErrors = posted?.itemCode === item.code ? errors : {};
        return (
          <section
            key={item.code}
            id={`item-${item.code}`}
            class="workshop-item"
            aria-labelledby={`item-${item.code}-title`}
          >
            <h2 id={`item-${item.code}-title`}>
              <span class="code">{item.code}</span> {text(item.statement)}
            </h2>
            <Distribution
              messages={messages}
              code={item.code}
              labels={labels}
              statistics={statistics}
            />
            <Statistics messages={messages} statistics={statistics} />
            <Divergence messages={messages} scale={scale} statistics={statistics} />
            <h3>{t('workshop.consensus.title')}</h3>
            <CurrentConsensus messages={messages} consensus={consensus} labels={labels} />
            <ConsensusForm
              messages={messages}
              action={here}
              csrfToken={props.csrfToken}
              item={item}
              scale={scale}
              labels={labels}
              shown={posted?.itemCode === item.code ? posted.content : consensus}
              errors={itemErrors}
              submitLabel={props.submitLabels.get(item.code) ?? t('workshop.form.save')}
            />
          </section>
        );
      })}
      <nav class="pager" aria-label={t('workshop.pager')}>
        {props.previousHref && (
          <a href={props.previousHref}>{t('workshop.previousSubdimension')}</a>
        )}{' '}
        {props.nextHref && <a href={props.nextHref}>{t('workshop.nextSubdimension')}</a>}
      </nav>
    </>
  );
}
