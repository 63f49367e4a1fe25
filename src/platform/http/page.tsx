// Sends a server-rendered page: the layout around a view, as one HTML string.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout } from './layout.tsx';

export interface PageOptions {
  title: string;
  body: ComponentChildren;
}

export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  { title, body }: PageOptions,
) {
  const path = request.url.split('?')[0] ?? '/';
  const html = renderToString(
    <Layout
      messages={request.messages}
      title={title}
      path={path}
      workspaceName={request.workspace?.name}
      signedIn={request.signedIn}
      navigation={request.server.navigation}
    >
      {body}
    </Layout>,
  );
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', request.messages.language)
    .header('vary', 'accept-language, cookie')
    .send(`<!doctype html>${html}`);
}
