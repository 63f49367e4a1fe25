// One process at a time on an embedded data folder. PGlite keeps the database
// in its own memory and writes pages back when it likes: a second process on
// the same folder sees only its own writes and overwrites the first's files,
// so the saves made through one of them are lost. A lock file beside the
// folder names the process holding it; a process that was killed cannot
// remove it, so a lock whose process is gone is taken over.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  /** When the process started, as Linux counts it: tells a reused pid from the holder. */
  started: string | undefined;
}

export class DataFolderInUse extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(
      `Transforma is running on this data folder (process ${holder.pid}); stop it first: only one process at a time may open an embedded database.`,
    );
    this.holder = holder;
  }
}

export interface DataFolderLock {
  release(): void;
}

/** The lock file beside a data folder, however the folder is named (a symbolic link, a relative path). */
export function lockFileOf(dataDir: string): string {
  const parent = path.dirname(path.resolve(dataDir));
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  return path.join(realpathSync(parent), `${path.basename(dataDir)}.lock`);
}

/** Takes the lock of `dataDir`, or throws DataFolderInUse naming the process that holds it. */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = lockFileOf(dataDir);
  const mine: LockHolder = { pid: process.pid, started: startTimeOf(process.pid) };
  const content = JSON.stringify(mine);
  // Two tries: the second follows the removal of a lock left by a dead process.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, content)) {
      return {
        release() {
          // Only our own lock: never one another process took over meanwhile.
          if (readHolder(file)?.pid === mine.pid) rmSync(file, { force: true });
        },
      };
    }
    const holder = readHolder(file);
    if (holder && isAlive(holder)) throw new DataFolderInUse(holder);
    takeOverStale(file, holder);
  }
  const holder = readHolder(file);
  throw new DataFolderInUse(holder ?? { pid: 0, started: undefined });
}

/**
 * Creates the lock file with its whole content or not at all: written under a
 * name of its own, then linked into place, which fails if the lock exists. A
 * reader therefore never sees a half-written lock and mistakes it for stale.
 */
function tryCreate(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Removes a lock whose process is gone. Two processes starting together after
 * a kill could both find it stale; the takeover is itself exclusive (a
 * `.takeover` file made the same way), and the lock is read again under it,
 * so only one removes the dead process's lock and the other finds the new one.
 */
function takeOverStale(file: string, stale: LockHolder | undefined) {
  const takeover = `${file}.takeover`;
  if (!tryCreate(takeover, JSON.stringify({ pid: process.pid }))) {
    // Another process is taking over right now; one left by a process killed
    // in those few milliseconds is cleared, and the next start succeeds.
    const other = readHolder(takeover);
    if (!other || !isAlive(other)) rmSync(takeover, { force: true });
    return;
  }
  try {
    const current = readHolder(file);
    if (current?.pid === stale?.pid && current?.started === stale?.started)
      rmSync(file, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return undefined;
    return { pid: parsed.pid, started: parsed.started ?? undefined };
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another account.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A pid is reused after a reboot or a long time: the holder is alive only
  // if the process with that pid is the one that started then.
  const started = startTimeOf(holder.pid);
  return holder.started === undefined || started === undefined || started === holder.started;
}

/** The start time of a process in clock ticks since boot (Linux), or undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}
