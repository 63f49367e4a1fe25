// How the command line reaches a server running on the same data folder: the
// server writes its port and a secret to data/server.json (readable only by
// the account that runs it) and removes the file when it stops.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerInfo {
  pid: number;
  port: number;
  secret: string;
}

export function serverInfoFile(dataRoot: string): string {
  return path.join(dataRoot, 'server.json');
}

export function writeServerInfo(dataRoot: string, info: ServerInfo): void {
  writeFileSync(serverInfoFile(dataRoot), JSON.stringify(info), { mode: 0o600 });
}

export function removeServerInfo(dataRoot: string): void {
  rmSync(serverInfoFile(dataRoot), { force: true });
}

/** The running server's details, or undefined when none runs on this folder. */
export function runningServer(dataRoot: string): ServerInfo | undefined {
  const file = serverInfoFile(dataRoot);
  if (!existsSync(file)) return undefined;
  const info = JSON.parse(readFileSync(file, 'utf8')) as ServerInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}
