// The page a reader sees when something they asked for cannot be shown.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { ErrorCode, FieldProblem } from '../errors.ts';
import { errorCodes } from './errors.ts';
import { Layout } from './layout.tsx';

/** `fields`: the values refused, each named (by the last part of its path) on the page. */
export function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields: readonly FieldProblem[] = [],
) {
  const { messages } = request;
  const { t } = messages;
  const title = t(`${errorCodes[code].messageKey}.title`);
  const html = renderToString(
    <Layout
      messages={messages}
      title={title}
      path={request.url.split('?')[0] ?? '/'}
      signedIn={request.signedIn}
    >
      <h1>{title}</h1>
      <p>{t(`${errorCodes[code].messageKey}.body`)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.path}>
              {t('error.invalidField', { field: field.path.split('.').pop() ?? field.path })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </Layout>,
  );
  return reply.header('content-type', 'text/html; charset=utf-8').send(`<!doctype html>${html}`);
}
