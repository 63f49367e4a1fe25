// The app Transforma serves: the shell (src/platform/http/app.ts) around the
// features, listed in the order they register. A new feature adds itself here.
import { agencies } from './assessment/agencies/index.ts';
import { crosswalks } from './assessment/crosswalks/index.ts';
import { frameworks } from './assessment/frameworks/index.ts';
import { invitations } from './assessment/invitations/index.ts';
import { questionnaire } from './assessment/questionnaire/index.ts';
import { DEFAULT_MIN_RESPONDENTS, results } from './assessment/results/index.ts';
import { rounds } from './assessment/rounds/index.ts';
import { workshop } from './assessment/workshop/index.ts';
import { home } from './home/index.ts';
import { analysis } from './planning/analysis/index.ts';
import { planCopy } from './planning/plan-copy/index.ts';
import { plans } from './planning/plans/index.ts';
import { roadmap } from './planning/roadmap/index.ts';
import { stakeholders } from './planning/stakeholders/index.ts';
import { starProfile } from './planning/star-profile/index.ts';
import { vision } from './planning/vision/index.ts';
import { accounts } from './platform/accounts/index.ts';
import type { OidcSignIn } from './platform/accounts/oidc.ts';
import { audit } from './platform/audit/index.ts';
import type { Database } from './platform/db/database.ts';
import { createApp } from './platform/http/app.ts';
import type { App, Feature } from './platform/http/feature.ts';
import { outbox } from './platform/mail/index.ts';
import { type MailSetup, outboxOnly } from './platform/mail/mailer.ts';
import { operator } from './platform/operator/index.ts';

export type { App } from './platform/http/feature.ts';

// Accounts first: its hooks decide access for every route registered after them.
export const features: readonly Feature[] = [
  accounts,
  operator,
  home,
  agencies,
  frameworks,
  rounds,
  invitations,
  questionnaire,
  workshop,
  results,
  crosswalks,
  plans,
  analysis,
  planCopy,
  starProfile,
  stakeholders,
  vision,
  roadmap,
  outbox,
  audit,
];

export interface AppOptions {
  database: Database;
  logLevel?: string;
  /** The secret the command line proves itself with (see src/platform/operator/); none: no operator routes. */
  operatorSecret?: string;
  /** Sign-in with the organisation's OpenID Connect provider, when set up. */
  oidc?: OidcSignIn;
  /** How messages go out and the address their links start with; default: kept in the outbox. */
  mail?: MailSetup;
  /** Run the periodic jobs — hourly reminders, pruning of the save log — as the server does; tests call them directly. */
  runJobs?: boolean;
  /** Small-number protection of results: agencies with fewer respondents show only inside totals. */
  resultsMinRespondents?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (see AppShellOptions). */
  trustProxy?: string[];
}

export function buildApp({
  database,
  operatorSecret,
  oidc,
  mail = { mailer: outboxOnly, publicUrl: 'http://localhost:3000' },
  resultsMinRespondents = DEFAULT_MIN_RESPONDENTS,
  ...shell
}: AppOptions): Promise<App> {
  return createApp({
    ...shell,
    features,
    deps: { database, mail, oidc, operatorSecret, resultsMinRespondents },
  });
}
