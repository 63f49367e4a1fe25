// Configuration, read once from the environment at start, validated and typed.
// Nothing else in the code base reads process.env.
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
  TRANSFORMA_WORKSPACE_NAME: z.string().trim().min(1).max(200).default('My government'),
  TRANSFORMA_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('warn'),
});

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
  /** The first admin, created on first start when both are given; otherwise a setup link is printed. */
  firstAdmin: { email: string; password: string; name: string } | undefined;
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
  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(env.TRANSFORMA_DATA_DIR, 'pglite') },
    logLevel: env.TRANSFORMA_LOG_LEVEL,
    workspaceName: env.TRANSFORMA_WORKSPACE_NAME,
    publicUrl: (env.TRANSFORMA_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
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
