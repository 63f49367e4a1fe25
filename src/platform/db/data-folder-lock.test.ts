import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder, lockFileOf } from './data-folder-lock.ts';

describe('the lock of an embedded data folder', () => {
  const folders: string[] = [];
  const newDataDir = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'transforma-lock-'));
    folders.push(root);
    return path.join(root, 'pglite');
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('lets one holder in and tells the next which process holds it, until it is released', () => {
    const dataDir = newDataDir();
    const lock = lockDataFolder(dataDir);
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderInUse);
    expect(() => lockDataFolder(dataDir)).toThrow(`process ${process.pid}`);
    lock.release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    lockDataFolder(dataDir).release();
  });

  it('is taken over when the process holding it was killed', () => {
    const dataDir = newDataDir();
    // A process that takes the lock and is killed before it can release it.
    const killed = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { lockDataFolder } = await import(${JSON.stringify(path.join(import.meta.dirname, 'data-folder-lock.ts'))});
         lockDataFolder(${JSON.stringify(dataDir)});
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { encoding: 'utf8' },
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(lockFileOf(dataDir))).toBe(true);
    const lock = lockDataFolder(dataDir);
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderInUse);
    lock.release();
  });

  it('is taken over when its pid now belongs to another process, started later', () => {
    const dataDir = newDataDir();
    // As after a reboot: the pid is alive, but it is not the process that took the lock.
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: process.pid, started: '1' }));
    lockDataFolder(dataDir).release();
  });

  it('is taken over when its file is unreadable', () => {
    const dataDir = newDataDir();
    writeFileSync(lockFileOf(dataDir), '');
    lockDataFolder(dataDir).release();
  });
});
