// Builds the web application: pages and JSON API in one Fastify instance,
// with the language of each request chosen before any handler runs.

import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { agencyRoutes } from '../../assessment/agencies/agency-routes.tsx';
import { frameworkRoutes } from '../../assessment/frameworks/framework-routes.tsx';
import { invitationApi } from '../../assessment/invitations/invitation-api.ts';
import { invitationRoutes } from '../../assessment/invitations/invitation-routes.tsx';
import { startReminderSchedule } from '../../assessment/invitations/reminder-schedule.ts';
import { questionnaireApi } from '../../assessment/questionnaire/questionnaire-api.ts';
import { questionnaireRoutes } from '../../assessment/questionnaire/questionnaire-routes.tsx';
import { startSaveLogPruning } from '../../assessment/questionnaire/save-log-schedule.ts';
import { DEFAULT_MIN_RESPONDENTS } from '../../assessment/results/disclosure.ts';
import { exportRoutes } from '../../assessment/results/export-routes.ts';
import { methodologyRoutes } from '../../assessment/results/methodology-routes.tsx';
import { resultsApi } from '../../assessment/results/results-api.ts';
import { resultsRoutes } from '../../assessment/results/results-routes.tsx';
import { roundRoutes } from '../../assessment/rounds/round-routes.tsx';
import { workshopApi } from '../../assessment/workshop/workshop-api.ts';
import { workshopRoutes } from '../../assessment/workshop/workshop-routes.tsx';
import { homeRoutes } from '../../home/home-routes.tsx';
import type { Access } from '../accounts/access.ts';
import { apiTokenRoutes } from '../accounts/api-token-routes.tsx';
import { memberRoutes } from '../accounts/member-routes.tsx';
import type { OidcSignIn } from '../accounts/oidc.ts';
import { oidcRoutes } from '../accounts/oidc-routes.tsx';
import { passwordResetRoutes } from '../accounts/password-reset-routes.tsx';
import { registerSessionHooks } from '../accounts/session-hooks.ts';
import { setupRoutes } from '../accounts/setup-routes.tsx';
import { signInRoutes } from '../accounts/sign-in-routes.tsx';
import { auditRoutes } from '../audit/audit-routes.tsx';
import type { Database } from '../db/database.ts';
import { AppError, type ErrorCode, type FieldProblem } from '../errors.ts';
import {
  defaultLanguage,
  isSupportedLanguage,
  languageFromAcceptHeader,
  type Messages,
  messagesFor,
} from '../i18n/messages.ts';
import { describeRefusal } from '../i18n/validation-messages.ts';
import { type MailSetup, outboxOnly } from '../mail/mailer.ts';
import { outboxRoutes } from '../mail/outbox-routes.tsx';
import { operatorRoutes } from '../operator/operator-routes.ts';
import { AfterReply } from './after-reply.ts';
import { BROTLI_QUALITY, GZIP_LEVEL, registerCompression } from './compression.ts';
import { renderErrorPage } from './error-page.tsx';
import { errorCodes } from './errors.ts';
import { isApiRequest } from './paths.ts';
import { securityHeaders } from './security-headers.ts';
import { staticAssets } from './static-assets.ts';
import { unstorableTextAt } from './storable-text.ts';

declare module 'fastify' {
  interface FastifyRequest {
    messages: Messages;
    /** Whether the reader chose the language (a link or its cookie), rather than their browser. */
    languageChosen: boolean;
  }
  interface FastifyContextConfig {
    /** Who may call the route; every route declares it (src/platform/accounts/access.ts). */
    access?: Access;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppOptions {
  database: Database;
  logLevel?: string;
  /** The secret the command line proves itself with (see src/platform/operator/); none: no operator routes. */
  operatorSecret?: string;
  /** Sign-in with the organisation's OpenID Connect provider, when set up. */
  oidc?: OidcSignIn;
  /** How messages go out and the address their links start with; default: kept in the outbox. */
  mail?: MailSetup;
  /**
   * Run the scheduled jobs in this process — hourly reminders, pruning of the
   * save log — as the server does; tests call them directly.
   */
  scheduleReminders?: boolean;
  /** Small-number protection of results: agencies with fewer respondents show only inside totals. */
  resultsMinRespondents?: number;
  /**
   * Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the
   * client: rate limits then count each client, not the proxy. Default: none.
   */
  trustProxy?: string[];
}

const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const publicDir = path.join(import.meta.dirname, '..', '..', '..', 'public');

export async function buildApp({
  database,
  logLevel = 'silent',
  operatorSecret,
  oidc,
  mail = { mailer: outboxOnly, publicUrl: 'http://localhost:3000' },
  scheduleReminders = false,
  resultsMinRespondents = DEFAULT_MIN_RESPONDENTS,
  trustProxy = [],
}: AppOptions): Promise<App> {
  const app = Fastify({
    logger: logLevel === 'silent' ? false : { level: logLevel },
    bodyLimit: 2 * 1024 * 1024,
    // request.ip, which every limit counts by, is then the client behind the proxy.
    ...(trustProxy.length > 0 ? { trustProxy } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(fastifyRateLimit, { global: false });
  // Bodies sent in one piece are compressed by registerCompression; streams
  // (exports) by @fastify/compress, at the same brotli quality (compression.ts).
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    zlibOptions: { level: GZIP_LEVEL },
  });
  registerCompression(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  // File uploads (CSV imports) arrive as form fields, so the CSRF check, which
  // runs after this, finds the token of a multipart form as of any other.
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 20 },
  });
  staticAssets(app, publicDir);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Transforma API',
        description:
          'Agencies, capability frameworks and assessment rounds of a digital government transformation workspace.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token an admin made on Members → API tokens (`tfa_…`), sent as `Authorization: Bearer …`; a request with a token needs no CSRF token. Each operation also answers a signed-in session, and public ones anyone.',
          },
        },
      },
      security: [{ apiToken: [] }, {}],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  // Before any route validates or stores anything (see storable-text.ts).
  app.addHook('preValidation', async (request) => {
    const found =
      unstorableTextAt(request.query, 'querystring') ??
      unstorableTextAt(request.params, 'params') ??
      unstorableTextAt(request.body, 'body');
    if (found)
      throw new AppError('invalid_request', 'The request holds a character that cannot be stored', [
        {
          path: found,
          message: 'contains a character that cannot be stored (NUL, or half of a pair)',
        },
      ]);
  });

  app.decorateRequest('messages', null as unknown as Messages);
  app.decorateRequest('languageChosen', false);
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const chosen = query?.lang;
    if (isSupportedLanguage(chosen)) {
      reply.setCookie(LANGUAGE_COOKIE, chosen, {
        path: '/',
        maxAge: ONE_YEAR_SECONDS,
        sameSite: 'lax',
        httpOnly: true,
      });
    }
    const cookie = request.cookies[LANGUAGE_COOKIE];
    request.languageChosen = isSupportedLanguage(chosen) || isSupportedLanguage(cookie);
    const language = isSupportedLanguage(chosen)
      ? chosen
      : isSupportedLanguage(cookie)
        ? cookie
        : (languageFromAcceptHeader(request.headers['accept-language']) ?? defaultLanguage);
    request.messages = messagesFor(language);
  });

  app.setErrorHandler((error, request, reply) => {
    const { code, message, fields, sentences } = describeError(error, request);
    const { status } = errorCodes[code];
    if (status >= 500) request.log.error(error);
    if (isApiRequest(request.url)) {
      return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
    }
    return renderErrorPage(request, reply.status(status), code, fields, sentences);
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request.url)) {
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: `No route ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    }
    return renderErrorPage(request, reply.status(404), 'not_found');
  });

  app.decorate('afterReply', new AfterReply());
  // Closing waits for work still running after a reply, before the database goes.
  app.addHook('onClose', () => app.afterReply.idle());
  registerSessionHooks(app, database);
  await signInRoutes(app, database, oidc !== undefined);
  await oidcRoutes(app, database, oidc);
  await passwordResetRoutes(app, database, mail);
  await setupRoutes(app, database);
  await operatorRoutes(app, database, operatorSecret);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );

  await homeRoutes(app, database);
  await agencyRoutes(app, database);
  await frameworkRoutes(app, database);
  await roundRoutes(app, database);
  await auditRoutes(app, database);
  await memberRoutes(app, database, mail);
  await apiTokenRoutes(app, database);
  await questionnaireRoutes(app, database);
  await questionnaireApi(app, database);
  await invitationRoutes(app, database, mail);
  await invitationApi(app, database, mail);
  await outboxRoutes(app, database, mail.mailer);
  if (scheduleReminders) {
    const stop = startReminderSchedule({ database, mailer: mail.mailer, log: app.log });
    app.addHook('onClose', stop);
    app.addHook('onClose', startSaveLogPruning({ database, log: app.log }));
  }
  await workshopRoutes(app, database, resultsMinRespondents);
  await resultsRoutes(app, database, resultsMinRespondents);
  await methodologyRoutes(app, database);
  await exportRoutes(app, database, resultsMinRespondents);
  await resultsApi(app, database, resultsMinRespondents);
  await workshopApi(app, database, resultsMinRespondents);
  return app;
}

function describeError(
  error: unknown,
  request: FastifyRequest,
): {
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
  /** The fields' problems as sentences in the reader's language, for a page. */
  sentences?: string[];
} {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'request';
    const source = { body: request.body, querystring: request.query, params: request.params }[
      part as 'body'
    ];
    // Before the language is chosen (a request refused that early), English.
    const messages = request.messages ?? messagesFor(defaultLanguage);
    return {
      code: 'invalid_request',
      ...describeRefusal(messages, part, source, error.validation),
    };
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError.statusCode === 429)
    return { code: 'too_many_requests', message: 'Too many attempts; wait a minute' };
  if (fastifyError.statusCode === 413)
    return { code: 'payload_too_large', message: 'The request body is too large' };
  if (fastifyError.statusCode === 415) {
    return { code: 'unsupported_media_type', message: 'The request body must be JSON or a form' };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { code: 'invalid_request', message: fastifyError.message ?? 'The request is not valid' };
  }
  return { code: 'internal', message: 'Something went wrong on our side; it has been logged' };
}
