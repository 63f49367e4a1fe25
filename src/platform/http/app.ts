// The shell of the web application: pages and JSON API in one Fastify
// instance — security headers, compression, the language of each request,
// errors as pages or JSON — around the features it is given (src/app.ts).

import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Access } from '../accounts/access.ts';
import {
  analyseGrownTables,
  GROWTH_CHECK_EVERY_MS,
  gatherPlannerStatistics,
  STATISTICS_EVERY_MS,
} from '../db/planner-statistics.ts';
import { AppError, type ErrorCode, type FieldProblem } from '../errors.ts';
import {
  defaultLanguage,
  isSupportedLanguage,
  languageFromAcceptHeader,
  type Messages,
  messagesFor,
} from '../i18n/messages.ts';
import { describeRefusal } from '../i18n/validation-messages.ts';
import { startPeriodicJob } from '../periodic-job.ts';
import { AfterReply } from './after-reply.ts';
import { BROTLI_QUALITY, GZIP_LEVEL, registerCompression } from './compression.ts';
import { renderErrorPage } from './error-page.tsx';
import { errorCodes } from './errors.ts';
import type { App, Feature, FeatureDeps, NavigationEntry } from './feature.ts';
import { isApiRequest } from './paths.ts';
import { resolveWorkspace } from './request-workspace.ts';
import { securityHeaders } from './security-headers.ts';
import { staticAssets } from './static-assets.ts';
import { unstorableTextAt } from './storable-text.ts';

declare module 'fastify' {
  interface FastifyRequest {
    messages: Messages;
    /** Whether the reader chose the language (a link or its cookie), rather than their browser. */
    languageChosen: boolean;
  }
  interface FastifyInstance {
    /** The main navigation, gathered from the features. */
    navigation: readonly NavigationEntry[];
  }
  interface FastifyContextConfig {
    /** Who may call the route; every route declares it (src/platform/accounts/access.ts). */
    access?: Access;
  }
}

export interface AppShellOptions {
  /** What the app is made of, in the order they register (src/app.ts). */
  features: readonly Feature[];
  deps: FeatureDeps;
  logLevel?: string;
  /** Run the features' periodic jobs in this process, as the server does; tests call them directly. */
  runJobs?: boolean;
  /**
   * Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the
   * client: rate limits then count each client, not the proxy. Default: none.
   */
  trustProxy?: string[];
}

const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const publicDir = path.join(import.meta.dirname, '..', '..', '..', 'public');

/** The web application: what every request goes through, then each feature's routes. */
export async function createApp({
  features,
  deps,
  logLevel = 'silent',
  runJobs = false,
  trustProxy = [],
}: AppShellOptions): Promise<App> {
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
  resolveWorkspace(app, deps.database);
  app.decorate('navigation', navigationOf(features));
  for (const feature of features) await feature.register(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
  if (runJobs) {
    for (const feature of features)
      for (const stop of feature.startJobs?.(deps, app.log) ?? []) app.addHook('onClose', stop);
    const stopStatistics = startPeriodicJob({
      name: 'planner statistics',
      everyMs: STATISTICS_EVERY_MS,
      // Start-up gathered them (startup.ts).
      firstAfterMs: STATISTICS_EVERY_MS,
      log: app.log,
      run: () => gatherPlannerStatistics(deps.database),
    });
    app.addHook('onClose', stopStatistics);
    const stopGrowthCheck = startPeriodicJob({
      name: 'statistics of grown tables',
      everyMs: GROWTH_CHECK_EVERY_MS,
      log: app.log,
      run: async () => {
        await analyseGrownTables(deps.database);
      },
    });
    app.addHook('onClose', stopGrowthCheck);
  }
  return app;
}

function navigationOf(features: readonly Feature[]): readonly NavigationEntry[] {
  return features.flatMap((feature) => feature.navigation ?? []).sort((a, b) => a.order - b.order);
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
