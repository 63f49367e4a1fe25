// A commit on the embedded database reaches the disk before it is
// acknowledged: traced at the system-call level, each commit makes an fsync()
// of the write-ahead log. (PGlite alone makes none at all.) Needs strace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', '..');
const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe.skipIf(!hasStrace)('a commit on the embedded database', () => {
  it('is synced to disk before it is acknowledged, one fsync per commit', () => {
    const dataRoot = mkdtempSync(path.join(tmpdir(), 'transforma-fsync-'));
    try {
      const commits = 50;
      // The process marks the commits it counts by writing to a file descriptor
      // strace shows, so set-up (creating the folder, migrations) is left out.
      const script = `
        const { openDatabase } = await import(${JSON.stringify(path.join(root, 'src/platform/db/database.ts'))});
        const { sql } = await import('kysely');
        const database = await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(path.join(dataRoot, 'pglite'))} });
        await sql\`create table saves (id int primary key)\`.execute(database.db);
        await sql\`checkpoint\`.execute(database.db);
        process.stderr.write('COMMITS-START\\n');
        for (let i = 0; i < ${commits}; i++) await sql\`insert into saves values (\${i})\`.execute(database.db);
        process.stderr.write('COMMITS-END\\n');
        await database.close();`;
      const traced = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-e',
          'trace=fsync,fdatasync,write',
          '-e',
          'signal=none',
          process.execPath,
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          script,
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      );
      expect(traced.status).toBe(0);
      const lines = traced.stderr.split('\n');
      const start = lines.findIndex((line) => line.includes('COMMITS-START\\n'));
      const end = lines.findIndex((line) => line.includes('COMMITS-END\\n'));
      expect(start).toBeGreaterThan(-1);
      const syncs = lines
        .slice(start, end)
        .filter((line) => /\b(fsync|fdatasync)\(\d+\)\s+= 0/.test(line));
      expect(syncs.length).toBeGreaterThanOrEqual(commits);
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  }, 120_000);
});
