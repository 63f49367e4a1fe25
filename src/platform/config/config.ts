// Configuration, read once from the environment at start, validated and typed.
// Nothing else in the code base reads process.env.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TRANSFORMA_DATA_DIR: z.string().min(1).default('data'),
  TRANSFORMA_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be the address people open Transforma at, e.g. https://transforma.gov.example',
    })
    .optional(),
  TRANSFORMA_ADMIN_EMAIL: z.email('must be an email address').optional(),
  TRANSFORMA_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must have at least 12 characters')
    .max(256)
    .optional(),
  TRANSFORMA_ADMIN_NAME: z.string().trim().min(1).max(200).default('Administrator'),
  TRANSFORMA_OIDC_ISSUER: z
    .url({ error: 'must be the issuer URL of your OpenID Connect provider' })
    .optional(),
  TRANSFORMA_OIDC_CLIENT_ID: z.string().min(1).optional(),
  TRANSFORMA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  TRANSFORMA_WORKSPACE_NAME: z.string().trim().min(1).max(200).default('My government'),
  TRANSFORMA_SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'must be an SMTP server address, e.g. smtp://user:password@mail.gov.example:587',
    })
    .optional(),
  TRANSFORMA_MAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .max(320)
    .default('Transforma <transforma@localhost>'),
  TRANSFORMA_RESULTS_MIN_RESPONDENTS: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000)
    .optional(),
  TRANSFORMA_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('warn'),
  TRANSFORMA_TRUST_PROXY: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isProxyAddress), {
      error:
        'must be addresses or ranges of your reverse proxies, separated by commas, e.g. 127.0.0.1,10.0.0.0/8 (or loopback, linklocal, uniquelocal)',
    }),
});

// The names proxy-addr (Fastify's trustProxy) knows for whole groups of addresses.
const PROXY_GROUPS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a range in CIDR notation (10.0.0.0/8, fd00::/8) or a named group. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_GROUPS.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | undefined }
  | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: string;
  /** The name of the workspace created on first start without the demo. */
  workspaceName: string;
  /** The address people reach Transforma at, for links in messages (no trailing slash). */
  publicUrl: string;
  /** Sign-in through an organisation's OpenID Connect provider, when configured. */
  oidc: OidcSettings | undefined;
  /** The first admin, created on first start when both are given; otherwise a setup link is printed. */
  firstAdmin: { email: string; password: string; name: string } | undefined;
  mail: MailConfig;
  /** Agencies with fewer respondents are shown in results only inside totals. */
  resultsMinRespondents: number | undefined;
  /**
   * The reverse proxies whose X-Forwarded-For is believed, as addresses or
   * ranges; empty: the connecting address is the client's.
   */
  trustProxy: string[];
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface MailConfig {
  /** The SMTP server messages go through; none: they stay in the outbox, read in the app. */
  smtpUrl: string | undefined;
  /** The sender of every message, e.g. `Transforma <transforma@gov.example>`. */
  from: string;
}

export class ConfigError extends Error {}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const oidcSettings = [
    env.TRANSFORMA_OIDC_ISSUER,
    env.TRANSFORMA_OIDC_CLIENT_ID,
    env.TRANSFORMA_OIDC_CLIENT_SECRET,
  ];
  if (oidcSettings.some(Boolean) && !oidcSettings.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\nTRANSFORMA_OIDC_ISSUER, TRANSFORMA_OIDC_CLIENT_ID and TRANSFORMA_OIDC_CLIENT_SECRET: set all three or none',
    );
  }
  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(env.TRANSFORMA_DATA_DIR, 'pglite') },
    logLevel: env.TRANSFORMA_LOG_LEVEL,
    mail: { smtpUrl: env.TRANSFORMA_SMTP_URL, from: env.TRANSFORMA_MAIL_FROM },
    workspaceName: env.TRANSFORMA_WORKSPACE_NAME,
    resultsMinRespondents: env.TRANSFORMA_RESULTS_MIN_RESPONDENTS,
    trustProxy: env.TRANSFORMA_TRUST_PROXY,
    publicUrl: (env.TRANSFORMA_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    oidc:
      env.TRANSFORMA_OIDC_ISSUER &&
      env.TRANSFORMA_OIDC_CLIENT_ID &&
      env.TRANSFORMA_OIDC_CLIENT_SECRET
        ? {
            issuer: env.TRANSFORMA_OIDC_ISSUER,
            clientId: env.TRANSFORMA_OIDC_CLIENT_ID,
            clientSecret: env.TRANSFORMA_OIDC_CLIENT_SECRET,
          }
        : undefined,
    firstAdmin:
      env.TRANSFORMA_ADMIN_EMAIL && env.TRANSFORMA_ADMIN_PASSWORD
        ? {
            email: env.TRANSFORMA_ADMIN_EMAIL,
            password: env.TRANSFORMA_ADMIN_PASSWORD,
            name: env.TRANSFORMA_ADMIN_NAME,
          }
        : undefined,
  };
}
