// A Transforma server in its own process on a fresh embedded database, as a
// stranger would run it, for load and durability measurements: prepared with
// an open round of invitations (in the demo's workspace, or as a new
// workspace's first round), then started and stopped at will.
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { signInAs } from '../test/accounts.ts';
import { buildInvitation } from '../test/factories/invitations.ts';
import { buildRound } from '../test/factories/rounds.ts';
import { buildWorkspace } from '../test/factories/workspace.ts';

const root = path.join(import.meta.dirname, '..');

/** A data folder with an open dgca round, and its respondents' link secrets. */
export interface PreparedRound {
  dataRoot: string;
  tokens: string[];
}

export interface PreparedData extends PreparedRound {
  /** The demo's latest closed round (2025), whose results pages have a realistic size. */
  demoRoundId: string;
  /** The session cookie of a viewer, for the members' pages. */
  viewerCookie: string;
}

/** A data folder with the demo and `respondents` invitations to an open dgca round. */
export function prepareData(respondents: number): Promise<PreparedData> {
  return prepareRound(respondents, async (database) => ({
    demoRoundId: (await loadDemo(database.db)).round.id,
    viewerCookie: (await signInAs(database, 'viewer')).cookie,
  }));
}

/**
 * A data folder with `respondents` invitations to an open dgca round, the
 * first of a new workspace: nothing answered yet, as on the day a government
 * opens its first assessment.
 */
export function prepareFirstRound(respondents: number): Promise<PreparedRound> {
  return prepareRound(respondents, async (database) => {
    await buildWorkspace(database.db);
    return {};
  });
}

/** A data folder with the workspace `prepareWorkspace` makes, and an open round of `respondents` invitations. */
async function prepareRound<Extra extends object>(
  respondents: number,
  prepareWorkspace: (database: Database) => Promise<Extra>,
): Promise<PreparedRound & Extra> {
  const dataRoot = await mkdtemp(path.join(tmpdir(), 'transforma-bench-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataRoot, 'pglite') });
  try {
    await migrate(database);
    await installReferenceFrameworks(database.db);
    const extra = await prepareWorkspace(database);
    const round = await buildRound(database.db, { agencyCount: 38 });
    const tokens: string[] = [];
    for (let i = 0; i < respondents; i++)
      tokens.push((await buildInvitation(database.db, { round })).token);
    return { ...extra, dataRoot, tokens };
  } finally {
    await database.close();
  }
}

/**
 * A copy of a prepared data folder (stopped server), so that each load starts
 * from the same state, not from what the load before it wrote.
 */
export async function copyData<P extends PreparedRound>(prepared: P): Promise<P> {
  const dataRoot = await mkdtemp(path.join(tmpdir(), 'transforma-bench-'));
  await cp(prepared.dataRoot, dataRoot, { recursive: true });
  return { ...prepared, dataRoot };
}

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

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Ends the process with the given signal and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(dataRoot: string): Promise<RunningServer> {
  const port = await freePort();
  // Started as `npm start` starts it, with a young generation big enough
  // that a busy server collects its short-lived garbage less often (README,
  // Configuration).
  const nodeOptions = ['--max-semi-space-size=64'];
  // BENCH_CPU_PROF=<folder>: the server writes a CPU profile there when it
  // stops (node --cpu-prof), to see where a load's time goes.
  const profileFolder = process.env.BENCH_CPU_PROF;
  if (profileFolder) nodeOptions.push('--cpu-prof', `--cpu-prof-dir=${profileFolder}`);
  const entry = path.join(root, 'bin', 'transforma.js');
  const child = spawn(process.execPath, [...nodeOptions, entry, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      TRANSFORMA_DATA_DIR: dataRoot,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRANSFORMA_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Transforma is running')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`The server exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      await exited;
    },
  };
}

/**
 * Runs `work` against a server on a copy of the prepared data, then stops the
 * server and removes the copy (left behind, copies fill the disk run after run).
 */
export async function withServerOn<T, P extends PreparedRound>(
  prepared: P,
  work: (server: RunningServer, data: P) => Promise<T>,
): Promise<T> {
  const data = await copyData(prepared);
  try {
    const server = await startServer(data.dataRoot);
    try {
      return await work(server, data);
    } finally {
      await server.stop();
    }
  } finally {
    await rm(data.dataRoot, { recursive: true, force: true });
  }
}
