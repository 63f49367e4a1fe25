// The methodology page: how every score is computed, read from docs/scoring.md
// so the page and the document contributors edit can never disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import type { App } from '../../../platform/http/feature.ts';
import { sendPage } from '../../../platform/http/page.tsx';
import { workspaceOf } from '../../../platform/http/request-workspace.ts';

export const METHODOLOGY_PATH = '/methodology';

const docsDir = path.join(import.meta.dirname, '..', '..', '..', '..', 'docs');

/**
 * The document as HTML, once at start. It is our own file, not a reader's, so its
 * HTML is trusted; marked writes no script, and the page's CSP would refuse one.
 */
export function methodologyHtml(): string {
  const source = readFileSync(path.join(docsDir, 'scoring.md'), 'utf8');
  return marked.parse(source, { async: false, gfm: true });
}

export async function methodologyRoutes(app: App) {
  const html = methodologyHtml();
  app.get(
    METHODOLOGY_PATH,
    { schema: { hide: true }, config: { access: 'public' } },
    async (request, reply) => {
      const _workspace = workspaceOf(request);
      const { t, language } = request.messages;
      return sendPage(request, reply, {
        title: t('results.methodology.title'),
        // The document is written in English, whatever the reader's language.
        body: (
          <>
            {language !== 'en' && <p class="notice">{t('results.methodology.inEnglish')}</p>}
            <article
              class="methodology prose"
              lang="en"
              dangerouslySetInnerHTML={{ __html: html }}
            />
          </>
        ),
      });
    },
  );
}
