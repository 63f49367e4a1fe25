// The page a reader sees when something they asked for cannot be shown.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { ErrorCode } from '../errors.ts';
import { errorCodes } from './errors.ts';
import { Layout } from './layout.tsx';

export function renderErrorPage(request: FastifyRequest, reply: FastifyReply, code: ErrorCode) {
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
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </Layout>,
  );
  return reply.header('content-type', 'text/html; charset=utf-8').send(`<!doctype html>${html}`);
}
