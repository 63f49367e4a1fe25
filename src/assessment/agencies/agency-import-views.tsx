// The page that imports agencies from a CSV file or pasted text, with every
// problem of a refused file listed by row, and the confirmation of an import.
import { CsrfField } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { problemText } from './agency-form-views.tsx';
import { type ImportProblem, importColumns } from './agency-import.ts';

/** "row 7, level: must be national, subnational or local" */
export function importProblemText(messages: Messages, problem: ImportProblem): string {
  const message = problemText(messages, problem);
  return problem.column
    ? messages.t('agencies.import.problemInColumn', {
        row: problem.row,
        column: problem.column,
        message,
      })
    : messages.t('agencies.import.problemInRow', { row: problem.row, message });
}

const example = [
  importColumns.join(','),
  'Ministry of Health,MOH,national,health,,cio@health.gov.example',
  'Rural Health Directorate,RHD,subnational,health,MOH,',
].join('\n');

export function AgencyImportView({
  messages,
  csrfToken,
  csv,
  problems,
}: {
  messages: Messages;
  csrfToken: string | undefined;
  csv?: string;
  problems: readonly ImportProblem[];
}) {
  const { t } = messages;
  return (
    <div class="narrow">
      <a class="back-link" href="/agencies">
        {t('agencies.back')}
      </a>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">
            {t('agencies.import.refused', { count: problems.length })}
          </h2>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.row}-${problem.column}-${problem.rule}`}>
                <a href="#csv">{importProblemText(messages, problem)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h1>{t('agencies.import.title')}</h1>
      <p>{t('agencies.import.intro')}</p>
      <p>{t('agencies.import.columns', { columns: importColumns.join(', ') })}</p>
      <p>{t('agencies.import.rules')}</p>
      <pre class="code">{example}</pre>
      <form method="post" action="/agencies/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={csrfToken} />
        <div class="field">
          <label for="file">{t('agencies.import.file')}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <div class={problems.length > 0 ? 'field field-error' : 'field'}>
          <label for="csv">{t('agencies.import.paste')}</label>
          <p class="hint" id="csv-hint">
            {t('agencies.import.pasteHint')}
          </p>
          <textarea id="csv" name="csv" rows={10} aria-describedby="csv-hint" spellcheck={false}>
            {csv}
          </textarea>
        </div>
        <button type="submit" class="button">
          {t('agencies.import.submit')}
        </button>
      </form>
    </div>
  );
}

export function AgencyImportedView({
  messages,
  imported,
}: {
  messages: Messages;
  imported: readonly { id: string; name: string }[];
}) {
  const { t } = messages;
  return (
    <>
      <div class="panel">
        <h1>{t('agencies.import.done', { count: imported.length })}</h1>
      </div>
      <ul>
        {imported.map((agency) => (
          <li key={agency.id}>
            <a href={`/agencies/${agency.id}/edit`}>{agency.name}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/agencies">{t('agencies.import.seeAll')}</a>
      </p>
    </>
  );
}
