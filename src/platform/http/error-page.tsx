// The page a reader sees when something they asked for cannot be shown.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { ErrorCode, FieldProblem } from '../errors.ts';
import { errorCodes } from './errors.ts';
import { Layout } from './layout.tsx';
import { sameSitePath } from './paths.ts';

/** The page a form was sent from, when it is one of this site's (its Referer). */
function formPage(request: FastifyRequest): string | undefined {
  const { referer, host } = request.headers;
  if (!referer || !host) return undefined;
  try {
    const url = new URL(referer);
    // Through URL both ways, so that "host:80" and "host" are the same host.
    const ours = new URL(`${url.protocol}//${host}`).host;
    return url.host === ours ? sameSitePath(`${url.pathname}${url.search}`) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `fields`: the values refused, each named (by the last part of its path) on the page;
 * `sentences`: what is wrong with each, in the reader's words, when known.
 */
export function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields: readonly FieldProblem[] = [],
  sentences?: readonly string[],
) {
  const { messages } = request;
  const { t } = messages;
  const title = t(`${errorCodes[code].messageKey}.title`);
  // An expired form's only field is its hidden token, which means nothing to a reader.
  const listed = code === 'form_expired' ? [] : fields;
  const backToForm = code === 'form_expired' ? formPage(request) : undefined;
  const html = renderToString(
    <Layout
      messages={messages}
      title={title}
      path={request.url.split('?')[0] ?? '/'}
      signedIn={request.signedIn}
      navigation={request.server.navigation}
    >
      <h1>{title}</h1>
      <p>{t(`${errorCodes[code].messageKey}.body`)}</p>
      {sentences && sentences.length > 0 ? (
        <ul>
          {sentences.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : (
        listed.length > 0 && (
          <ul>
            {listed.map((field) => (
              <li key={field.path}>
                {t('error.invalidField', { field: field.path.split('.').pop() ?? field.path })}
              </li>
            ))}
          </ul>
        )
      )}
      {backToForm && (
        <p>
          <a href={backToForm}>{t('error.formExpired.back')}</a>
        </p>
      )}
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </Layout>,
  );
  return reply.header('content-type', 'text/html; charset=utf-8').send(`<!doctype html>${html}`);
}
