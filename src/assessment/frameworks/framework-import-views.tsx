// The page that imports a framework file: the upload form, every problem of a
// refused file with its place in the file, and what an import stored.
import { CsrfField } from '../../platform/http/forms.tsx';
import type { Messages } from '../../platform/i18n/messages.ts';
import { countItems, countSubdimensions, localized } from './framework.ts';
import type { StoredFramework } from './framework-store.ts';
import type { UploadProblem } from './framework-upload.ts';
import type { FrameworkProblem } from './validate-framework.ts';
import { type XlsformProblem, xlsformPlaceText, xlsformProblemText } from './xlsform/problems.ts';

/**
 * A problem of a refused file: unreadable as a whole, one value at its path,
 * or, in an XLSForm workbook, one at its sheet, row and column.
 */
export type ImportProblem =
  | { upload: UploadProblem }
  | FrameworkProblem
  | { xlsform: XlsformProblem };

function ProblemText({ messages, problem }: { messages: Messages; problem: ImportProblem }) {
  const { t } = messages;
  if ('xlsform' in problem) {
    const { place } = problem.xlsform;
    const text = xlsformProblemText(messages, problem.xlsform);
    if (!place) return <>{text}</>;
    return (
      <>
        <strong>{xlsformPlaceText(messages, place)}</strong>: {text}
      </>
    );
  }
  if ('upload' in problem) {
    const { upload } = problem;
    if (upload.rule === 'notJson' && upload.line !== undefined)
      return (
        <>{t('frameworks.import.notJsonAt', { line: upload.line, column: upload.column ?? 1 })}</>
      );
    return <>{t(`frameworks.import.${upload.rule}`)}</>;
  }
  if (!problem.path) return <>{problem.message}</>;
  return (
    <>
      <code>{problem.path}</code>: {problem.message}
    </>
  );
}

export function FrameworkImportView({
  messages,
  csrfToken,
  problems,
}: {
  messages: Messages;
  csrfToken: string | undefined;
  problems: readonly ImportProblem[];
}) {
  const { t } = messages;
  const hasProblems = problems.length > 0;
  return (
    <div class="narrow">
      <a class="back-link" href="/frameworks">
        {t('frameworks.import.back')}
      </a>
      {hasProblems && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">
            {t('frameworks.import.refused', { count: problems.length })}
          </h2>
          <ol class="framework-problems">
            {problems.map((problem, index) => (
              <li key={index}>
                <ProblemText messages={messages} problem={problem} />
              </li>
            ))}
          </ol>
          <p>
            <a href="#file">{t('frameworks.import.chooseAgain')}</a>
          </p>
        </div>
      )}
      <h1>{t('frameworks.import.title')}</h1>
      <p>{t('frameworks.import.intro')}</p>
      <p>
        {t('frameworks.import.example')}{' '}
        <a href="/api/frameworks/nine-pillars" download="nine-pillars.json">
          nine-pillars.json
        </a>
        ,{' '}
        <a href="/api/frameworks/dgca" download="dgca.json">
          dgca.json
        </a>
      </p>
      <p>{t('frameworks.import.xlsform')}</p>
      <p>
        {t('frameworks.import.xlsformExample')}{' '}
        <a href="/api/frameworks/nine-pillars/xlsform" download="nine-pillars.xlsx">
          nine-pillars.xlsx
        </a>
        ,{' '}
        <a href="/api/frameworks/dgca/xlsform" download="dgca.xlsx">
          dgca.xlsx
        </a>
      </p>
      <p>{t('frameworks.import.rules')}</p>
      <form method="post" action="/frameworks/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={csrfToken} />
        <div class={hasProblems ? 'field field-error' : 'field'}>
          <label for="file">{t('frameworks.import.file')}</label>
          <p class="hint" id="file-hint">
            {t('frameworks.import.fileHint')}
          </p>
          <input
            id="file"
            name="file"
            type="file"
            accept=".json,application/json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
            aria-invalid={hasProblems ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">
          {t('frameworks.import.submit')}
        </button>
      </form>
    </div>
  );
}

export function FrameworkImportedView({
  messages,
  stored,
  outcome,
}: {
  messages: Messages;
  stored: StoredFramework;
  outcome: 'created' | 'unchanged';
}) {
  const { t, language } = messages;
  const { framework } = stored;
  const name = localized(framework.name, language, framework.defaultLanguage);
  return (
    <>
      <div class="panel">
        <h1>
          {outcome === 'created'
            ? t('frameworks.import.done', { name, version: stored.version })
            : t('frameworks.import.unchanged', { name, version: stored.version })}
        </h1>
        <p>
          {t('frameworks.counts', {
            dimensions: framework.dimensions.length,
            subdimensions: countSubdimensions(framework),
            items: countItems(framework),
          })}
        </p>
      </div>
      <p>{t('frameworks.import.next')}</p>
      <ul>
        <li>
          <a href={`/frameworks/${stored.key}?version=${stored.version}`}>
            {t('frameworks.import.see', { name })}
          </a>
        </li>
        <li>
          <a href="/rounds/new">{t('frameworks.import.createRound')}</a>
        </li>
        <li>
          <a href="/frameworks/import">{t('frameworks.import.another')}</a>
        </li>
      </ul>
    </>
  );
}
