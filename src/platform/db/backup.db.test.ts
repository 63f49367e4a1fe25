import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/databases.ts';
import { answerEveryItem, buildResponse } from '../../../test/factories/responses.ts';
import { buildRound } from '../../../test/factories/rounds.ts';
import { checkIntegrity, restoreSnapshot, writeSnapshot } from './backup.ts';
import { openDatabase } from './database.ts';

// The embedded database's own backup; a PostgreSQL server uses pg_dump.
describe('backing up the embedded database while answers are being saved', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase('empty');
    // 40 submitted responses of four agencies, each answering all 94 items: 3,760 answers.
    const round = await buildRound(database.db, { status: 'closed', agencyCount: 4 });
    for (let n = 0; n < 40; n++)
      await buildResponse(database.db, {
        round,
        agencyId: round.agencyIds[n % 4]!,
        answers: answerEveryItem((n % 5) + 1),
      });
    dir = await mkdtemp(path.join(tmpdir(), 'transforma-backup-'));
  });
  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(process.env.TRANSFORMA_TEST_DB !== 'pglite')(
    'restores to a database that passes the integrity check and holds every answer acknowledged before the backup began',
    async () => {
      const { db } = database;
      const responses = await db.selectFrom('responses').select('id').limit(40).execute();
      // Respondents keep saving comments; each save is acknowledged when its transaction commits.
      const acknowledged: { responseId: string; comment: string; at: number }[] = [];
      let saving = true;
      const savers = responses.map(async ({ id }, n) => {
        for (let i = 0; saving; i++) {
          const comment = `save ${n}-${i}`;
          await db
            .transaction()
            .execute((tx) =>
              tx
                .updateTable('answers')
                .set({ comment })
                .where('response_id', '=', id)
                .where('item_code', '=', 'LEA01')
                .execute(),
            );
          acknowledged.push({ responseId: id, comment, at: performance.now() });
          // Requests arrive through I/O; without this the embedded database, which
          // answers in microtasks, would never let a timer run.
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const backupBegan = performance.now();
      const file = path.join(dir, 'backup.tar.gz');
      await writeSnapshot(database, file);
      await new Promise((resolve) => setTimeout(resolve, 100));
      saving = false;
      await Promise.all(savers);

      const before = acknowledged.filter((save) => save.at < backupBegan);
      expect(before.length).toBeGreaterThan(40);
      // The last acknowledged comment of each response before the backup began, or a later one.
      const lastBefore = new Map(before.map((save) => [save.responseId, save.comment]));
      const order = new Map(acknowledged.map((save, index) => [save.comment, index]));

      const dataDir = path.join(dir, 'pglite');
      const { report } = await restoreSnapshot(file, dataDir);
      expect(report).toMatchObject({ ok: true, problems: [] });
      const restored = await openDatabase({ kind: 'pglite', dataDir });
      try {
        expect((await checkIntegrity(restored)).ok).toBe(true);
        const rows = await restored.db
          .selectFrom('answers')
          .select(['response_id', 'comment'])
          .where('item_code', '=', 'LEA01')
          .where('response_id', 'in', [...lastBefore.keys()])
          .execute();
        const lost = rows.filter(
          (row) =>
            (order.get(row.comment ?? '') ?? -1) <
            (order.get(lastBefore.get(row.response_id)!) ?? 0),
        );
        expect(lost).toEqual([]);
        const answers = await restored.db
          .selectFrom('answers')
          .select(restored.db.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(answers.n).toBe(3_760);
      } finally {
        await restored.close();
      }
    },
  );

  it.skipIf(process.env.TRANSFORMA_TEST_DB !== 'pglite')(
    'refuses a file that is not a backup, changing nothing',
    async () => {
      const file = path.join(dir, 'not-a-backup.tar.gz');
      await import('node:fs/promises').then((fs) => fs.writeFile(file, 'hello'));
      await expect(restoreSnapshot(file, path.join(dir, 'other'))).rejects.toThrow();
    },
  );
});
