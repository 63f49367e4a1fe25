// What a feature is: a folder that adds pages, an API, navigation entries and
// jobs to the app, and what the app hands it. The app (src/app.ts) composes a
// list of them; this module imports no feature, so a feature's routes can name
// the app's type without depending on the app that lists them.
import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Access } from '../accounts/access.ts';
import type { OidcSignIn } from '../accounts/oidc.ts';
import type { Database } from '../db/database.ts';
import type { MailSetup } from '../mail/mailer.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * The request and reply a route with this schema hands its handler, typed as
 * they are for a handler written inline (params, querystring and body parsed,
 * what may be sent checked against the responses), so a handler can be a named
 * function apart from the line that registers it. The schema may name only the
 * parts the handler reads.
 */
export type RouteRequest<Schema extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  Schema,
  ZodTypeProvider
>;
export type RouteReply<Schema extends FastifySchema> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  Schema,
  ZodTypeProvider
>;

/** Everything a feature's registration may use: the same object for every registrar. */
export interface FeatureDeps {
  database: Database;
  /** How messages go out and the address their links start with. */
  mail: MailSetup;
  /** Sign-in with the organisation's OpenID Connect provider, when set up. */
  oidc: OidcSignIn | undefined;
  /** The secret the command line proves itself with (src/platform/operator/); none: no operator routes. */
  operatorSecret: string | undefined;
  /** Small-number protection: agencies with fewer respondents show only inside totals. */
  resultsMinRespondents: number;
}

/** An entry of the main navigation, shown only to those who may open it. */
export interface NavigationEntry {
  href: string;
  /** Its label's key in the message catalogue. */
  key: string;
  access: Access;
  /** Entries are listed by this, lowest first: home 0, the cycle's steps 10–49, administration 50 and up. */
  order: number;
}

/** Stops a job. */
export type Stop = () => Promise<void> | void;

export interface Feature {
  /** A short name, for logs and docs. */
  name: string;
  register(app: App, deps: FeatureDeps): Promise<void> | void;
  navigation?: readonly NavigationEntry[];
  /** Periodic work the server runs (tests call the work directly). */
  startJobs?(deps: FeatureDeps, log: FastifyBaseLogger): Stop[];
}
