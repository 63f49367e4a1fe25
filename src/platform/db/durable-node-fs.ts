// The embedded database's files on Node, with commits that reach the disk.
// PGlite starts PostgreSQL with fsync off (`-F`), and even with it on nothing
// would be synced: its Emscripten file system answers fdatasync() with success
// without a system call, and its Node file system has no fsync at all (traced
// with strace: no fsync or fdatasync call in a whole run). Here PostgreSQL runs
// with fsync on and syncs its write-ahead log with fsync(), and the file
// system passes each fsync() to the real file: a commit is acknowledged only
// once its log record is on the disk, as with a PostgreSQL server.
import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

interface NodeFsStream {
  nfd?: number;
}

interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: NodeFsStream) => number } };
}

class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>) {
    const { emscriptenOpts } = await super.init(...args);
    const syncFiles = (module: EmscriptenModule) => {
      module.NODEFS.stream_ops.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        return 0;
      };
    };
    return {
      emscriptenOpts: {
        ...emscriptenOpts,
        preRun: [...(emscriptenOpts.preRun ?? []), syncFiles as never],
      },
    };
  }
}

/** Options that make PGlite sync every commit to the disk of `dataDir`. */
export function durableOptions(dataDir: string): Pick<PGliteOptions, 'fs' | 'startParams'> {
  return {
    fs: new DurableNodeFS(dataDir),
    startParams: [
      ...PGlite.defaultStartParams.filter((parameter) => parameter !== '-F'),
      // fdatasync() is the one call the WASM build cannot pass on; fsync() reaches the file system.
      '-c',
      'wal_sync_method=fsync',
    ],
  };
}

/**
 * Syncs every file and folder of a data folder once. A new folder is written
 * by initdb, whose own file system syncs nothing; the log the database syncs
 * afterwards is only as safe as the files it starts from.
 */
export function syncFolder(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() || entry.isDirectory()) syncPath(join(entry.parentPath, entry.name));
  }
  syncPath(folder);
}

function syncPath(target: string) {
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
