// One process at a time on an embedded data folder: a second server is refused,
// the command line goes through the running server, and a killed server does
// not leave the folder locked. Real processes, as a person would start them.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../bench/server-process.ts';

const root = path.join(import.meta.dirname, '..', '..');

/** Runs `transforma …` on a data folder; resolves with its exit code and output. */
function transforma(dataRoot: string, args: string[], port = 0) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'transforma.js'), ...args], {
      cwd: root,
      env: {
        ...process.env,
        TRANSFORMA_DATA_DIR: dataRoot,
        PORT: String(port),
        HOST: '127.0.0.1',
        TRANSFORMA_LOG_LEVEL: 'error',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('an embedded data folder with a server running on it', () => {
  let dataRoot: string;
  afterAll(() => rm(dataRoot, { recursive: true, force: true }));

  it('refuses a second server, serves the command line, and opens again after a kill', async () => {
    dataRoot = await mkdtemp(path.join(tmpdir(), 'transforma-one-process-'));
    const server = await startServer(dataRoot);
    try {
      const second = await transforma(dataRoot, ['serve']);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('Transforma is running on this data folder');
      expect(second.stdout).not.toContain('Transforma is running at');

      // The framework import the Frameworks page recommends, while the server runs.
      const reference = JSON.parse(
        await readFile(path.join(root, 'frameworks', 'nine-pillars.json'), 'utf8'),
      );
      const file = path.join(dataRoot, 'framework.json');
      await writeFile(file, JSON.stringify({ ...reference, version: '9.1.0' }));
      const imported = await transforma(dataRoot, ['import', 'framework', file]);
      expect(imported).toMatchObject({ code: 0, stderr: '' });
      expect(imported.stdout).toContain('Imported framework "nine-pillars" version 9.1.0');

      // A problem is reported as when the command line opens the folder itself.
      await writeFile(file, JSON.stringify({ ...reference, version: '9.1.0', scales: 'none' }));
      const refused = await transforma(dataRoot, ['import', 'framework', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('nothing was imported');
      expect(refused.stderr).toContain('scales');

      // The server itself holds the import: it answers the export.
      const exported = await transforma(dataRoot, [
        'export',
        'framework',
        'nine-pillars',
        '--version',
        '9.1.0',
      ]);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ key: 'nine-pillars', version: '9.1.0' });
    } finally {
      await server.stop('SIGKILL');
    }

    // Killed without a chance to unlock: the folder opens again, with the import in it.
    const afterKill = await transforma(dataRoot, [
      'export',
      'framework',
      'nine-pillars',
      '--version',
      '9.1.0',
    ]);
    expect(afterKill.code).toBe(0);
    expect(JSON.parse(afterKill.stdout)).toMatchObject({ version: '9.1.0' });
    const restarted = await startServer(dataRoot);
    await restarted.stop();
  }, 180_000);
});
