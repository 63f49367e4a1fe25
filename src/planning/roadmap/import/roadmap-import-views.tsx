// The roadmap's file pages: the import form (with every problem of a refused
// file listed by sheet, row and column), the summary after an import, and the
// links to the export files for the roadmap's own page.
import { CsrfField } from '../../../platform/http/forms.tsx';
import type { Messages } from '../../../platform/i18n/messages.ts';
import { type Plan, PlanHeading } from '../../plans/index.ts';
import { roadmapHref } from '../roadmap-labels.ts';
import type { ImportCounts } from './roadmap-import-plan.ts';
import type { ImportProblem } from './roadmap-import-rows.ts';
import { initiativeColumns, stepColumns } from './roadmap-table.ts';

export const roadmapImportHref = (planId: string) => `/plans/${planId}/roadmap/import`;
export const roadmapFileHref = (
  planId: string,
  file: 'initiatives.csv' | 'initiatives.xlsx' | 'steps.csv' | 'steps.xlsx' | 'export.xlsx',
) => `/plans/${planId}/roadmap/${file}`;

/** What is wrong, without its place: "must not be before the start date". */
export function importProblemMessage({ t }: Messages, problem: ImportProblem): string {
  return problem.fromRules
    ? t(`roadmap.error.${problem.rule}`, problem.values)
    : t(`roadmapImport.error.${problem.rule}`, problem.values);
}

/** "Initiatives, row 7, column ends_on: must not be before the start date" */
export function importProblemText(messages: Messages, problem: ImportProblem): string {
  const { t } = messages;
  const message = importProblemMessage(messages, problem);
  if (!problem.sheet) {
    return problem.row === undefined
      ? message
      : t('roadmapImport.problemAtLine', { row: problem.row, message });
  }
  const sheet = t(`roadmapImport.sheet.${problem.sheet}`);
  if (problem.column)
    return t('roadmapImport.problemAtCell', {
      sheet,
      row: problem.row ?? 1,
      column: problem.column,
      message,
    });
  return t('roadmapImport.problemAtRow', { sheet, row: problem.row ?? 1, message });
}

export function RoadmapImportView({
  messages,
  plan,
  csrfToken,
  problems,
}: {
  messages: Messages;
  plan: Plan;
  csrfToken: string | undefined;
  problems: readonly ImportProblem[];
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="roadmap"
        title={t('roadmapImport.title')}
      />
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{t('roadmapImport.refused', { count: problems.length })}</h2>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.sheet}-${problem.row}-${problem.column}-${problem.rule}`}>
                <a href="#file">{importProblemText(messages, problem)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="narrow">
        <p>{t('roadmapImport.intro')}</p>
        <p>{t('roadmapImport.matching')}</p>
        <p>
          <strong>{t('roadmapImport.neverDeletes')}</strong>
        </p>
        <form
          method="post"
          action={roadmapImportHref(plan.id)}
          enctype="multipart/form-data"
          novalidate
        >
          <CsrfField token={csrfToken} />
          <div class={problems.length > 0 ? 'field field-error' : 'field'}>
            <label for="file">{t('roadmapImport.file')}</label>
            <p class="hint" id="file-hint">
              {t('roadmapImport.fileHint')}
            </p>
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="file-hint"
            />
          </div>
          <button type="submit" class="button">
            {t('roadmapImport.submit')}
          </button>
        </form>
        <h2>{t('roadmapImport.columnsTitle')}</h2>
        <p>{t('roadmapImport.columnsIntro')}</p>
        <h3>{t('roadmapImport.sheet.initiatives')}</h3>
        <p>
          <code>{initiativeColumns.join(', ')}</code>
        </p>
        <p>{t('roadmapImport.initiativeColumnsHint')}</p>
        <h3>{t('roadmapImport.sheet.steps')}</h3>
        <p>
          <code>{stepColumns.join(', ')}</code>
        </p>
        <p>{t('roadmapImport.stepColumnsHint')}</p>
        <h2>{t('roadmapImport.exportTitle')}</h2>
        <div class="actions">
          <RoadmapFileActions messages={messages} plan={plan} mayImport={false} />
        </div>
      </div>
    </>
  );
}

/**
 * The roadmap's files as buttons for an actions bar: for an editor the import
 * page, then the downloads, each saying its format.
 */
/** The roadmap's files, as a line of links under its actions: downloads for all, the import for editors. */
export function RoadmapFileActions({
  messages,
  plan,
  mayImport,
}: {
  messages: Messages;
  plan: Plan;
  mayImport: boolean;
}) {
  const { t } = messages;
  const links = [
    ...(mayImport ? [{ href: roadmapImportHref(plan.id), text: t('roadmapImport.link') }] : []),
    { href: roadmapFileHref(plan.id, 'export.xlsx'), text: t('roadmapImport.exportWorkbook') },
    {
      href: roadmapFileHref(plan.id, 'initiatives.csv'),
      text: t('roadmapImport.exportInitiativesCsv'),
    },
    { href: roadmapFileHref(plan.id, 'steps.csv'), text: t('roadmapImport.exportStepsCsv') },
  ];
  return (
    <p class="meta">
      {links.map((link, index) => (
        <span key={link.href}>
          {index > 0 && ' · '}
          <a href={link.href}>{link.text}</a>
        </span>
      ))}
    </p>
  );
}

export function RoadmapImportedView({
  messages,
  plan,
  counts,
}: {
  messages: Messages;
  plan: Plan;
  counts: ImportCounts;
}) {
  const { t } = messages;
  return (
    <>
      <PlanHeading
        messages={messages}
        plan={plan}
        current="roadmap"
        title={t('roadmapImport.doneTitle')}
      />
      <div class="panel">
        <p>{t('roadmapImport.doneInitiatives', counts.initiatives)}</p>
        <p>{t('roadmapImport.doneSteps', counts.steps)}</p>
      </div>
      <p>{t('roadmapImport.neverDeletes')}</p>
      <p>
        <a href={roadmapHref(plan.id)}>{t('roadmapImport.seeRoadmap')}</a>
      </p>
      <p>
        <a href={roadmapImportHref(plan.id)}>{t('roadmapImport.importAnother')}</a>
      </p>
    </>
  );
}
