// How the command line reaches a server running on the same data folder: the
// server writes its port and a secret to data/server.json (readable only by
// the account that runs it) and removes the file when it stops.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorCode, type FieldProblem } from '../errors.ts';
import { OPERATOR_HEADER } from './operator-routes.ts';

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

/**
 * A request to the running server, proved with its secret. An error answer is
 * thrown as the AppError the server raised, so the command line reports it as
 * it would have reported the same problem met on its own.
 */
export async function askServer(
  server: ServerInfo,
  route: string,
  init: { method: 'GET' | 'POST'; json?: unknown } = { method: 'GET' },
): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${server.port}${route}`, {
    method: init.method,
    headers: {
      [OPERATOR_HEADER]: server.secret,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code: ErrorCode; message: string; fields?: FieldProblem[] } }
    | undefined;
  if (!response.ok) {
    const error = body?.error;
    throw new AppError(
      error?.code ?? 'internal',
      error?.message ?? `The running server answered HTTP ${response.status}`,
      error?.fields,
    );
  }
  return body;
}
