// Who makes the change a request asks for, and in which workspace: what the
// change functions record in the audit log beside the change. Pages and API
// read it alike, so a change is recorded the same way whichever one made it.
import type { FastifyRequest } from 'fastify';
import { workspaceOf } from '../http/request-workspace.ts';
import { type AuditEntry, actorOf } from './audit.ts';

export interface ChangedBy {
  workspaceId: string;
  actor: AuditEntry['actor'];
}

export function changedBy(request: FastifyRequest): ChangedBy {
  return { workspaceId: workspaceOf(request).id, actor: actorOf(request.signedIn) };
}
