// Several servers starting at once on one empty PostgreSQL database, as a
// deployment with several app processes does: every one must come up, and
// the frameworks, lenses and crosswalks, the demo, the workspace and the
// first admin exist once.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseUrl } from '../databases.ts';

const root = path.join(import.meta.dirname, '..', '..');
const adminUrl = process.env.TRANSFORMA_TEST_POSTGRES_URL;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts `transforma serve`; resolves once it listens, or with its output if it dies first. */
function serve(url: string, port: number, args: string[], env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'transforma.js'), 'serve', ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        TRANSFORMA_LOG_LEVEL: 'error',
      },
    },
  );
  const ready = new Promise<{ running: boolean; output: string }>((resolve) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Transforma is running')) resolve({ running: true, output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', () => resolve({ running: false, output }));
  });
  return { child, ready };
}

describe.skipIf(!adminUrl)('servers starting at once on one empty PostgreSQL database', () => {
  const children: ChildProcess[] = [];
  let name: string | undefined;
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    if (name) {
      const dropped = name;
      await withAdmin((client) => client.query(`drop database if exists ${dropped} with (force)`));
    }
  });

  async function startTogether(count: number, args: string[], env: Record<string, string> = {}) {
    name = `transforma_start_${randomBytes(5).toString('hex')}`;
    const created = name;
    await withAdmin((client) => client.query(`create database ${created}`));
    const url = databaseUrl(adminUrl as string, created);
    const ports = await Promise.all(Array.from({ length: count }, freePort));
    const servers = ports.map((port) => serve(url, port, args, env));
    children.push(...servers.map((server) => server.child));
    const outcomes = await Promise.all(servers.map((server) => server.ready));
    const database = new pg.Client({ connectionString: url });
    await database.connect();
    return { outcomes, database };
  }

  it('all come up with the demo, loaded once', async () => {
    const { outcomes, database } = await startTogether(4, ['--demo']);
    try {
      expect(outcomes.filter((outcome) => !outcome.running)).toEqual([]);
      const counts = await database.query(
        `select (select count(*) from workspaces)::int as workspaces,
                (select count(*) from frameworks)::int as frameworks,
                (select count(*) from (select key, version from frameworks group by 1, 2) as k)::int as versions,
                (select count(*) from lenses)::int as lenses,
                (select count(*) from crosswalks)::int as crosswalks,
                (select count(*) from schema_migrations)::int - (select count(distinct name) from schema_migrations)::int as repeated`,
      );
      expect(counts.rows[0]).toEqual({
        workspaces: 1,
        frameworks: 2,
        versions: 2,
        lenses: 2,
        crosswalks: 3,
        repeated: 0,
      });
      expect(
        outcomes.filter((outcome) => outcome.output.includes('Created the demo')),
      ).toHaveLength(1);
    } finally {
      await database.end();
    }
  }, 240_000);

  it('all come up with the first admin from the environment, created once', async () => {
    const { outcomes, database } = await startTogether(3, [], {
      TRANSFORMA_ADMIN_EMAIL: 'first.admin@gov.example',
      TRANSFORMA_ADMIN_PASSWORD: 'a long enough password',
    });
    try {
      expect(outcomes.filter((outcome) => !outcome.running)).toEqual([]);
      const admins = await database.query(
        `select users.email from users join memberships on memberships.user_id = users.id
         where memberships.role = 'admin'`,
      );
      expect(admins.rows).toEqual([{ email: 'first.admin@gov.example' }]);
      expect((await database.query('select id from workspaces')).rows).toEqual([{ id: 'default' }]);
      expect(
        outcomes.filter((outcome) => outcome.output.includes('Created the administrator')),
      ).toHaveLength(1);
    } finally {
      await database.end();
    }
  }, 240_000);
});
