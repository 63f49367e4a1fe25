// An initiative's action plan as its page shows it: the steps with their
// status, one-click buttons to move them on and what is overdue; milestones;
// resources with their totals per unit; KPIs; the communication plan; and the
// timeline, newest first. Each list links to its forms for those who may edit.
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../../platform/http/forms.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import type { Plan } from '../../plans/index.ts';
import type { Initiative } from '../initiative-store.ts';
import { milestoneOverdue, stepOverdue } from '../overdue.ts';
import { partHref, valueText } from './action-plan-form-views.tsx';
import type { ActionPlan } from './action-plan-lookup.ts';
import { type PartKey, partSpecs, stepMoves } from './action-plan-parts.ts';
import { totalsByUnit } from './action-plan-rules.ts';
import type { PartEntry } from './action-plan-store.ts';

interface SectionProps {
  messages: Messages;
  plan: Plan;
  initiative: Pick<Initiative, 'id' | 'title' | 'ownerName'>;
  actionPlan: ActionPlan;
  mayEdit: boolean;
  csrfToken: string | undefined;
  /** 'YYYY-MM-DD': what is due before it and not done is overdue. */
  today: string;
}

function Section({
  messages,
  plan,
  initiative,
  part,
  mayEdit,
  empty,
  note,
  children,
}: {
  messages: Messages;
  plan: Plan;
  initiative: { id: string };
  part: PartKey | 'updates';
  mayEdit: boolean;
  empty: boolean;
  /** Said of the list whether it has entries or not. */
  note?: string | undefined;
  children: ComponentChildren;
}) {
  const { t } = messages;
  const id = part === 'updates' ? 'timeline' : part;
  return (
    <section id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`actionPlan.${part}.title`)}</h2>
      {note && <p>{note}</p>}
      {empty ? <p>{t(`actionPlan.${part}.none`)}</p> : children}
      {mayEdit && (
        <p>
          <a class="button secondary" href={`${partHref(plan.id, initiative.id, part)}/new`}>
            {t(`actionPlan.${part}.add`)}
          </a>
        </p>
      )}
    </section>
  );
}

/** A table that scrolls sideways on a narrow screen; keyboard users can focus it to scroll. */
function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/** Step statuses in the colours the roadmap's statuses use; blocked as late work. */
const stepTags = {
  not_started: 'tag-not_started',
  in_progress: 'tag-in_progress',
  done: 'tag-completed',
  blocked: 'tag-late',
} as const;

const Overdue = ({ messages }: { messages: Messages }) => (
  <>
    {' '}
    <span class="tag tag-late">{messages.t('actionPlan.overdue')}</span>
  </>
);

/** An entry's first column: its name, a link to its form for those who may edit. */
function EntryName<K extends PartKey>({
  props,
  part,
  entry,
  name,
}: {
  props: SectionProps;
  part: K;
  entry: PartEntry<K>;
  name: string;
}) {
  const { plan, initiative, mayEdit } = props;
  return mayEdit ? (
    <a href={`${partHref(plan.id, initiative.id, part)}/${entry.id}/edit`}>{name}</a>
  ) : (
    name
  );
}

/** The plain columns of a list: every field but those named, in words. */
function Cells<K extends PartKey>({
  messages,
  part,
  entry,
  skip,
}: {
  messages: Messages;
  part: K;
  entry: PartEntry<K>;
  skip: readonly string[];
}) {
  const stored = entry as unknown as Record<string, unknown>;
  return (
    <>
      {partSpecs[part].fields
        .filter((spec) => !skip.includes(spec.name))
        .map((spec) => (
          <td key={spec.name}>{valueText(messages, part, spec, stored[spec.name])}</td>
        ))}
    </>
  );
}

function Headers({
  messages,
  part,
  skip,
}: {
  messages: Messages;
  part: PartKey;
  skip: readonly string[];
}) {
  return (
    <>
      {partSpecs[part].fields
        .filter((spec) => !skip.includes(spec.name))
        .map((spec) => (
          <th scope="col" key={spec.name}>
            {messages.t(`actionPlan.${part}.field.${spec.name}`)}
          </th>
        ))}
    </>
  );
}

function Steps(props: SectionProps) {
  const { messages, plan, initiative, actionPlan, mayEdit, csrfToken, today } = props;
  const { t } = messages;
  const steps = actionPlan.steps;
  const done = steps.filter((step) => step.status === 'done').length;
  const skip = ['what', 'dueOn', 'status', 'externalId'];
  return (
    <Section {...props} part="steps" empty={steps.length === 0}>
      <p>{t('actionPlan.steps.done', { done, total: steps.length })}</p>
      <TableScroll label={t('actionPlan.steps.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('actionPlan.steps.field.what')}</th>
              <Headers messages={messages} part="steps" skip={skip} />
              <th scope="col">{t('actionPlan.steps.field.dueOn')}</th>
              <th scope="col">{t('actionPlan.steps.field.status')}</th>
              {mayEdit && <th scope="col">{t('actionPlan.steps.move')}</th>}
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.id}>
                <th scope="row">
                  <EntryName props={props} part="steps" entry={step} name={step.what} />
                </th>
                <Cells messages={messages} part="steps" entry={step} skip={skip} />
                <td>
                  {step.dueOn ? messages.date(step.dueOn) : '—'}
                  {stepOverdue(step, actionPlan.statusKind, today) && (
                    <Overdue messages={messages} />
                  )}
                </td>
                <td>
                  <span class={`tag ${stepTags[step.status]}`}>
                    {t(`actionPlan.steps.status.${step.status}`)}
                  </span>
                </td>
                {mayEdit && (
                  <td>
                    <form
                      method="post"
                      action={`${partHref(plan.id, initiative.id, 'steps')}/${step.id}/status`}
                      class="actions"
                    >
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="version" value={String(step.version)} />
                      {stepMoves(step.status).map((status) => (
                        <button
                          type="submit"
                          name="status"
                          value={status}
                          class="button secondary"
                          key={status}
                        >
                          {t(`actionPlan.steps.moveTo.${status}`)}
                          <span class="visually-hidden">: {step.what}</span>
                        </button>
                      ))}
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function Milestones(props: SectionProps) {
  const { messages, actionPlan, today } = props;
  const { t } = messages;
  return (
    <Section {...props} part="milestones" empty={actionPlan.milestones.length === 0}>
      <TableScroll label={t('actionPlan.milestones.title')}>
        <table>
          <thead>
            <tr>
              <Headers messages={messages} part="milestones" skip={[]} />
            </tr>
          </thead>
          <tbody>
            {actionPlan.milestones.map((milestone) => (
              <tr key={milestone.id}>
                <th scope="row">
                  <EntryName
                    props={props}
                    part="milestones"
                    entry={milestone}
                    name={milestone.title}
                  />
                </th>
                <td>
                  {messages.date(milestone.dueOn)}
                  {milestoneOverdue(milestone, actionPlan.statusKind, today) && (
                    <Overdue messages={messages} />
                  )}
                </td>
                <td>
                  {milestone.reachedOn
                    ? messages.date(milestone.reachedOn)
                    : t('actionPlan.milestones.notYet')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function Resources(props: SectionProps) {
  const { messages, actionPlan } = props;
  const { t } = messages;
  const totals = totalsByUnit(actionPlan.resources);
  const skip = ['description', 'amount', 'unit'];
  return (
    <Section {...props} part="resources" empty={actionPlan.resources.length === 0}>
      <TableScroll label={t('actionPlan.resources.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('actionPlan.resources.field.description')}</th>
              <Headers messages={messages} part="resources" skip={skip} />
              <th scope="col">{t('actionPlan.resources.field.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {actionPlan.resources.map((resource) => (
              <tr key={resource.id}>
                <th scope="row">
                  <EntryName
                    props={props}
                    part="resources"
                    entry={resource}
                    name={resource.description}
                  />
                </th>
                <Cells messages={messages} part="resources" entry={resource} skip={skip} />
                <td>
                  {resource.amount === null
                    ? '—'
                    : `${messages.number(resource.amount)} ${resource.unit ?? ''}`}
                </td>
              </tr>
            ))}
          </tbody>
          {totals.length > 0 && (
            <tfoot>
              {totals.map(({ unit, total }) => (
                <tr key={unit}>
                  <th scope="row" colSpan={2}>
                    {t('actionPlan.resources.total', { unit })}
                  </th>
                  <td>{`${messages.number(total)} ${unit}`}</td>
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      </TableScroll>
    </Section>
  );
}

/** A list shown as a plain table: its first field names the entry, the rest follow in words. */
function PlainList<K extends 'kpis' | 'communications'>({
  props,
  part,
  note,
}: {
  props: SectionProps;
  part: K;
  note?: string;
}) {
  const { messages, actionPlan } = props;
  const entries = actionPlan[part] as unknown as PartEntry<K>[];
  const [first] = partSpecs[part].fields;
  const skip = first ? [first.name] : [];
  return (
    <Section {...props} part={part} empty={entries.length === 0} note={note}>
      <TableScroll label={messages.t(`actionPlan.${part}.title`)}>
        <table>
          <thead>
            <tr>
              <th scope="col">{first && messages.t(`actionPlan.${part}.field.${first.name}`)}</th>
              <Headers messages={messages} part={part} skip={skip} />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <EntryName
                    props={props}
                    part={part}
                    entry={entry}
                    name={String((entry as unknown as Record<string, unknown>)[first?.name ?? ''])}
                  />
                </th>
                <Cells messages={messages} part={part} entry={entry} skip={skip} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function Timeline(props: SectionProps) {
  const { messages, actionPlan } = props;
  const { t } = messages;
  return (
    <Section {...props} part="updates" empty={actionPlan.timeline.length === 0}>
      <ol>
        {actionPlan.timeline.map((entry) => (
          <li key={entry.id}>
            <strong>{messages.date(entry.happenedOn)}</strong>
            {entry.progress !== null &&
              ` · ${t('actionPlan.updates.progressAt', { progress: entry.progress })}`}
            <p>{entry.text}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** The initiative's action plan and timeline, for its page: each part under an h2. */
export function ActionPlanSections(props: SectionProps) {
  const { messages, initiative } = props;
  const { t } = messages;
  return (
    <>
      <p>
        {t('actionPlan.owner')} <strong>{initiative.ownerName ?? t('actionPlan.noOwner')}</strong>
      </p>
      <Steps {...props} />
      <Milestones {...props} />
      <Resources {...props} />
      <PlainList props={props} part="kpis" note={t('actionPlan.kpis.becomeIndicators')} />
      <PlainList props={props} part="communications" />
      <Timeline {...props} />
    </>
  );
}
