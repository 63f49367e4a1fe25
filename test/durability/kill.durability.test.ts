// Kill test: respondents autosave against a server on the embedded database;
// the server is killed with SIGKILL in the middle of it. After a restart, every
// save the server acknowledged must be in the database — counted, not sampled.
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkItemCodes } from '../../bench/dgca-items.ts';
import { prepareData, startServer } from '../../bench/server-process.ts';
import { openDatabase } from '../../src/platform/db/database.ts';

interface Acknowledged {
  token: string;
  saveId: string;
  itemCode: string;
  value: number;
  changedAt: string;
}

describe('a server killed while answers are being saved', () => {
  it('holds every acknowledged save after it restarts', async () => {
    const { dataRoot, tokens } = await prepareData(20);
    const server = await startServer(dataRoot);
    const itemCodes = frameworkItemCodes();
    const acknowledged: Acknowledged[] = [];
    let sent = 0;
    let killed = false;

    const respondent = async (token: string, r: number) => {
      for (let i = 0; !killed; i++) {
        const change = {
          itemCode: itemCodes[(r * 7 + i) % itemCodes.length]!,
          value: 1 + ((r + i) % 5),
          changedAt: new Date().toISOString(),
        };
        const saveId = `kill-${r}-${i}-${token.slice(0, 6)}`;
        sent += 1;
        try {
          const response = await fetch(`${server.url}/api/respondent/${token}/answers`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ saveId, answers: [change] }),
          });
          // Acknowledged: the server answered 200, which it does only after the commit.
          if (response.status === 200) acknowledged.push({ token, saveId, ...change });
        } catch {
          return; // the connection died with the server: this save was never acknowledged
        }
      }
    };
    const load = tokens.map((token, r) => respondent(token, r));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(load);
    expect(acknowledged.length).toBeGreaterThan(50);

    // Restart: the server must come up on the killed database, then we read it.
    const restarted = await startServer(dataRoot);
    await restarted.stop();
    // Nothing the server left in its data folder is open to other local users.
    const open = readdirSync(`${dataRoot}/pglite`, { withFileTypes: true, recursive: true })
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => (statSync(path).mode & 0o077) !== 0);
    expect(open).toEqual([]);
    expect(statSync(`${dataRoot}/pglite`).mode & 0o777).toBe(0o700);
    const database = await openDatabase({ kind: 'pglite', dataDir: `${dataRoot}/pglite` });
    try {
      const stored = new Set(
        (await database.db.selectFrom('response_saves').select('save_id').execute()).map(
          (row) => row.save_id,
        ),
      );
      const lost = acknowledged.filter((save) => !stored.has(save.saveId));
      expect({ acknowledged: acknowledged.length, sent, lost }).toEqual({
        acknowledged: acknowledged.length,
        sent,
        lost: [],
      });

      // And the answers themselves: each item holds its latest acknowledged change, or a later one.
      const latest = new Map<string, Acknowledged>();
      for (const save of acknowledged) latest.set(`${save.token}/${save.itemCode}`, save);
      const answers = await database.db
        .selectFrom('answers')
        .innerJoin('responses', 'responses.id', 'answers.response_id')
        .innerJoin('invitations', 'invitations.id', 'responses.invitation_id')
        .select([
          'invitations.token_hash',
          'answers.item_code',
          'answers.value',
          'answers.changed_at',
        ])
        .execute();
      const { hashSecret } = await import('../../src/platform/config/secrets.ts');
      const byKey = new Map(answers.map((row) => [`${row.token_hash}/${row.item_code}`, row]));
      const wrong = [...latest.values()].filter((save) => {
        const row = byKey.get(`${hashSecret(save.token)}/${save.itemCode}`);
        if (!row) return true;
        const storedAt = new Date(row.changed_at).getTime();
        const savedAt = new Date(save.changedAt).getTime();
        return storedAt < savedAt || (storedAt === savedAt && row.value !== save.value);
      });
      expect(wrong).toEqual([]);
    } finally {
      await database.close();
      await rm(dataRoot, { recursive: true, force: true });
    }
    // Preparing the demo and starting the server twice take most of it, longer on a busy machine.
  }, 180_000);
});
