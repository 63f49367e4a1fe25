// Opens the database: embedded PostgreSQL (PGlite) in a data folder by default,
// a PostgreSQL server when a URL is configured. Both speak the same SQL, so the
// rest of the code sees one Kysely instance and never asks which it has.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/config.ts';
import { lockDataFolder } from './data-folder-lock.ts';
import { durableOptions, syncFolder } from './durable-node-fs.ts';
import type { Schema } from './schema.ts';

/** A raw SQL session inside one transaction, for scripts such as migrations. */
export interface ScriptSession {
  exec(script: string): Promise<void>;
  query<Row>(text: string, parameters?: unknown[]): Promise<Row[]>;
}

export interface Database {
  kind: DatabaseConfig['kind'];
  db: Kysely<Schema>;
  /** Runs `work` in one transaction with a raw session that accepts multi-statement scripts. */
  inScriptTransaction<T>(work: (session: ScriptSession) => Promise<T>): Promise<T>;
  /**
   * The embedded database only: a gzipped tar of its data folder, taken between
   * transactions, so it holds every transaction committed before it began. A
   * PostgreSQL server is backed up with its own tools (pg_dump).
   */
  snapshot?: () => Promise<Blob>;
  close(): Promise<void>;
}

// Both backends return the same JavaScript values: dates as 'YYYY-MM-DD'
// strings (no time-zone shifts), bigints and numerics as numbers (counts and
// means here stay far below 2^53).
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const toNumber = (value: string) => Number(value);
const asIs = (value: string) => value;

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url);
  const { dataDir } = config;
  if (!dataDir) return usePglite(await PGlite.create('memory://', pgliteOptions));
  // The folder is 0700, so while the database runs nobody else can reach its
  // files, whatever modes the WASM file system gives the files it writes;
  // those are made private too, on opening and again on closing.
  const lock = lockDataFolder(dataDir);
  try {
    const created = !existsSync(dataDir);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    makePrivate(dataDir);
    const pglite = await PGlite.create({ ...pgliteOptions, ...durableOptions(dataDir) });
    if (created) syncFolder(dataDir);
    const database = usePglite(pglite);
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
          makePrivate(dataDir);
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Takes group and other access away from a data folder and everything in it:
 * one left readable by an earlier version, or by a process with a looser
 * umask, holds officers' answers. (The command line also sets umask 077.)
 */
function makePrivate(folder: string) {
  chmodSync(folder, 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(path, 0o700);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/** Options every PGlite instance is created with, so values read back alike. */
export const pgliteOptions = {
  parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: asIs },
};

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID.int8 || oid === OID.numeric) return toNumber;
        if (oid === OID.date) return asIs;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // The server may close an idle connection (a restart, a failover, a dropped
  // database); the pool then discards it and opens a new one for the next
  // query. Without a listener that event would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async inScriptTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          exec: async (script) => {
            await client.query(script);
          },
          query: async (text, parameters) => (await client.query(text, parameters)).rows,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

/** Wraps a PGlite instance created with `pgliteOptions`. */
export function usePglite(pglite: PGlite): Database {
  const lock = new Mutex();
  const db = new Kysely<Schema>({ dialect: new SerialPGliteDialect(pglite, lock) });
  return {
    kind: 'pglite',
    db,
    inScriptTransaction: (work) =>
      lock.run(() =>
        pglite.transaction((tx) =>
          work({
            exec: async (script) => {
              await tx.exec(script);
            },
            query: async (text, parameters) => (await tx.query(text, parameters)).rows as never[],
          }),
        ),
      ),
    snapshot: () =>
      lock.run(async () => {
        await pglite.exec('checkpoint');
        return pglite.dumpDataDir('gzip');
      }),
    close: () => db.destroy(),
  };
}

/** A FIFO lock: PGlite has one connection, so each user of it waits its turn. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return acquired;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

// Kysely's PGlite driver hands its single connection to every caller at once,
// so a query issued while another request holds a transaction would run inside
// that transaction. This dialect makes callers take the connection in turn.
class SerialPGliteDialect extends PGliteDialect {
  readonly #lock: Mutex;

  constructor(pglite: PGlite, lock: Mutex) {
    super({ pglite });
    this.#lock = lock;
  }

  override createDriver(): Driver {
    return new SerialDriver(super.createDriver(), this.#lock);
  }
}

class SerialDriver implements Driver {
  readonly #inner: Driver;
  readonly #lock: Mutex;
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(inner: Driver, lock: Mutex) {
    this.#inner = inner;
    this.#lock = lock;
  }

  init() {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#lock.acquire();
    const connection = await this.#inner.acquireConnection();
    this.#releases.set(connection, release);
    return connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.#inner.releaseConnection(connection);
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }

  destroy() {
    return this.#inner.destroy();
  }
}
