// The command-line entry: serve, demo, migrate, and framework import/export.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import {
  describeProblem,
  findFramework,
  importFramework,
  readFrameworkFile,
} from './assessment/frameworks/index.ts';
import { loadDemo } from './demo/index.ts';
import { OidcSignIn } from './platform/accounts/oidc.ts';
import { type Config, ConfigError, readConfig } from './platform/config/config.ts';
import { newSecret } from './platform/config/secrets.ts';
import { restoreSnapshot, writeSnapshot } from './platform/db/backup.ts';
import { DataFolderInUse, lockDataFolder } from './platform/db/data-folder-lock.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { AppError } from './platform/errors.ts';
import { createMailer } from './platform/mail/mailer.ts';
import {
  askServer,
  removeServerInfo,
  runningServer,
  type ServerInfo,
  writeServerInfo,
} from './platform/operator/local-control.ts';
import { OPERATOR_HEADER } from './platform/operator/operator-routes.ts';
import { currentWorkspace } from './platform/workspaces/workspace-store.ts';
import { prepareDatabase, startServerDatabase, underStartupLock } from './startup.ts';

const usage = `Usage: transforma <command>

Commands:
  serve [--demo]                         Start Transforma (migrations run first). With --demo,
                                         an empty database gets the Republic of Sumwhere demo.
  demo                                   Create the demo workspace in an empty database.
  migrate                                Apply database migrations and exit.
  backup FILE                            Back up the embedded database, also while Transforma runs.
  restore FILE                           Restore a backup after checking it (Transforma stopped).
  import framework FILE                  Import a framework file (JSON), also while Transforma runs.
  export framework KEY [--version V] [--output FILE]
                                         Print or write a framework file as it was imported,
                                         also while Transforma runs.

Environment: DATABASE_URL (a PostgreSQL server; default: embedded database in
TRANSFORMA_DATA_DIR, ./data), PORT (3000), HOST, TRANSFORMA_WORKSPACE_NAME, TRANSFORMA_LOG_LEVEL.`;

async function prepare(config: Config): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function serve(config: Config, withDemo: boolean) {
  const database = await openDatabase(config.database);
  const { demo, admin } = await startServerDatabase(database, {
    demo: withDemo,
    workspaceName: config.workspaceName,
    firstAdmin: config.firstAdmin,
    publicUrl: config.publicUrl,
  });
  if (demo) {
    console.log(
      `Created the demo workspace "${demo.workspace.name}" with ${demo.agencies.length} agencies.`,
    );
  }
  if (admin.kind === 'created') console.log(`Created the administrator ${admin.email}.`);
  if (admin.kind === 'setup-link') {
    console.log(
      `No administrator yet. Open this link within 24 hours to create one:\n  ${admin.url}`,
    );
  }
  const operatorSecret = newSecret();
  const oidc = config.oidc ? new OidcSignIn(config.oidc, config.publicUrl) : undefined;
  const mailer = createMailer(config.mail);
  const app = await buildApp({
    database,
    logLevel: config.logLevel,
    operatorSecret,
    ...(oidc ? { oidc } : {}),
    trustProxy: config.trustProxy,
    mail: { mailer, publicUrl: config.publicUrl },
    runJobs: true,
    resultsMinRespondents: config.resultsMinRespondents,
  });
  const dataRoot =
    config.database.kind === 'pglite' ? dataRootOf(config.database.dataDir) : undefined;
  const stop = async () => {
    if (dataRoot) removeServerInfo(dataRoot);
    await app.close();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  if (dataRoot)
    writeServerInfo(dataRoot, { pid: process.pid, port: config.port, secret: operatorSecret });
  const where =
    config.database.kind === 'postgres'
      ? 'a PostgreSQL server'
      : `the embedded database in ${config.database.dataDir}`;
  console.log(`Transforma is running at http://localhost:${config.port} on ${where}.`);
}

async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await prepare(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  // Everything Transforma writes — the embedded database above all, backups,
  // exports — holds officers' answers: no other local user may read it.
  process.umask(0o077);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      version: { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  const config = readConfig();
  switch (command) {
    case 'serve':
      return serve(config, values.demo);
    case 'migrate':
      return withDatabase(config, async () => console.log('The database is up to date.'));
    case 'demo':
      return withDatabase(config, async (database) => {
        const demo = await underStartupLock(database, () => loadDemo(database.db));
        console.log(`Created the demo workspace "${demo.workspace.name}".`);
      });
    case 'backup':
      return backup(config, rest[0]);
    case 'restore':
      return restore(config, rest[0]);
    case 'import': {
      const [what, file] = rest;
      if (what !== 'framework' || !file)
        throw new UsageError('Usage: transforma import framework FILE');
      const document = readFrameworkFile(file);
      const { key, version, outcome } = await throughServerOrDatabase(
        config,
        (server) =>
          askServer(server, '/internal/frameworks', { method: 'POST', json: document }) as Promise<{
            key: string;
            version: string;
            outcome: 'created' | 'unchanged';
          }>,
        async (database) => {
          const workspace = await currentWorkspace(database.db);
          const { stored, outcome } = await importFramework(database.db, document, {
            workspaceId: workspace?.id ?? null,
            actor: { system: 'command line' },
          });
          return { key: stored.key, version: stored.version, outcome };
        },
      );
      console.log(
        outcome === 'created'
          ? `Imported framework "${key}" version ${version}.`
          : `Framework "${key}" version ${version} is already there, unchanged.`,
      );
      return;
    }
    case 'export': {
      const [what, key] = rest;
      if (what !== 'framework' || !key)
        throw new UsageError(
          'Usage: transforma export framework KEY [--version V] [--output FILE]',
        );
      const document = await throughServerOrDatabase(
        config,
        (server) =>
          askServer(
            server,
            `/internal/frameworks/${encodeURIComponent(key)}${
              values.version ? `?version=${encodeURIComponent(values.version)}` : ''
            }`,
          ),
        async (database) => {
          const stored = await findFramework(database.db, key, values.version);
          if (!stored)
            throw new AppError(
              'not_found',
              `There is no framework "${key}"${values.version ? ` version ${values.version}` : ''}`,
            );
          return stored.document;
        },
      );
      const text = `${JSON.stringify(document, null, 2)}\n`;
      if (values.output) writeFileSync(values.output, text);
      else process.stdout.write(text);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`);
  }
}

class UsageError extends Error {}

/**
 * A command that must work while Transforma runs: asked of the running server
 * when one runs on the embedded data folder (it alone may open it), done on
 * the database otherwise.
 */
async function throughServerOrDatabase<T>(
  config: Config,
  viaServer: (server: ServerInfo) => Promise<T>,
  onDatabase: (database: Database) => Promise<T>,
): Promise<T> {
  const server =
    config.database.kind === 'pglite'
      ? runningServer(dataRootOf(config.database.dataDir))
      : undefined;
  if (server) return viaServer(server);
  try {
    return await withDatabase(config, onDatabase);
  } catch (error) {
    if (error instanceof DataFolderInUse)
      throw new UsageError(
        'Transforma is running on this data folder; stop it, or import through the web page or the API.',
      );
    throw error;
  }
}

function dataRootOf(dataDir: string | undefined): string {
  return path.dirname(dataDir ?? path.resolve('data', 'pglite'));
}

async function backup(config: Config, file: string | undefined) {
  if (!file) throw new UsageError('Usage: transforma backup FILE');
  if (config.database.kind === 'postgres') {
    throw new UsageError(
      'DATABASE_URL names a PostgreSQL server: back it up with pg_dump -Fc (see the README).',
    );
  }
  const server = runningServer(dataRootOf(config.database.dataDir));
  if (server) {
    // The running server owns the data folder; it takes the snapshot between transactions.
    const response = await fetch(`http://127.0.0.1:${server.port}/internal/backup`, {
      method: 'POST',
      headers: { [OPERATOR_HEADER]: server.secret },
    });
    if (!response.ok)
      throw new UsageError(`The running server refused the backup (HTTP ${response.status}).`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    writeFileSync(file, bytes);
    console.log(`Backed up the running server's database to ${file} (${bytes.length} bytes).`);
    return;
  }
  const database = await openDatabase(config.database);
  try {
    const bytes = await writeSnapshot(database, file);
    console.log(`Backed up the embedded database to ${file} (${bytes} bytes).`);
  } finally {
    await database.close();
  }
}

async function restore(config: Config, file: string | undefined) {
  if (!file) throw new UsageError('Usage: transforma restore FILE');
  if (config.database.kind === 'postgres' || !config.database.dataDir) {
    throw new UsageError(
      'DATABASE_URL names a PostgreSQL server: restore it with pg_restore (see the README).',
    );
  }
  if (runningServer(dataRootOf(config.database.dataDir))) {
    throw new UsageError(
      'Stop Transforma before restoring: the running server uses the data folder.',
    );
  }
  // Held while the folder is replaced, so no server starts on it halfway.
  const lock = lockDataFolder(config.database.dataDir);
  const { report, keptAs } = await restoreSnapshot(file, config.database.dataDir).finally(() =>
    lock.release(),
  );
  if (!report.ok) {
    throw new UsageError(
      `The backup failed its integrity check; nothing was changed:\n  ${report.problems.join('\n  ')}`,
    );
  }
  console.log(
    `Restored ${file}: ${Object.entries(report.counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ')}.`,
  );
  if (keptAs) console.log(`The database it replaced is kept in ${keptAs}.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(error.message);
    for (const problem of error.fields ?? []) console.error(`  ${describeProblem(problem)}`);
  } else if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof DataFolderInUse
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
