import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersOf, signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { requireWorkspace } from '../workspaces/workspace-store.ts';
import { recordAudit } from './audit-store.ts';

describe('reading the audit log', () => {
  const context = useTestApp();
  let headers: Record<string, string> = {};
  let cookie = '';
  beforeAll(async () => {
    const admin = await signInAs(context.database, 'admin');
    headers = headersOf(admin);
    cookie = admin.cookie;
    const workspace = await requireWorkspace(context.database.db);
    for (let index = 1; index <= 60; index++)
      await recordAudit(context.database.db, {
        workspaceId: workspace.id,
        actor: { system: 'test' },
        action: 'agency.created',
        entityType: 'agency',
        entityId: `agency-${index}`,
        details: { name: index === 60 ? '=SUM(A1:A9)' : `Agency ${index}` },
      });
  });

  it('pages through the log newest first', async () => {
    const first = (
      await context.app.inject({ method: 'GET', url: '/api/audit?limit=25', headers })
    ).json();
    expect(first.entries).toHaveLength(25);
    expect(first.entries[0]).toMatchObject({
      action: 'agency.created',
      entityId: 'agency-60',
      actor: 'test',
    });
    const second = (
      await context.app.inject({
        method: 'GET',
        url: `/api/audit?limit=25&before=${first.next}`,
        headers,
      })
    ).json();
    expect(second.entries[0].entityId).toBe('agency-35');
    const ids = [...first.entries, ...second.entries].map((entry: { id: number }) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('refuses a page size or cursor that is not a number in range', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: '/api/audit?limit=5000&before=x',
      headers,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.limit', 'querystring.before']));
  });

  it('exports the whole log as CSV, a formula kept as text', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/audit/export', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('audit-log.csv');
    const rows = parse(response.body);
    expect(rows[0]).toEqual(['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'details']);
    expect(rows.length).toBeGreaterThanOrEqual(61);
    expect(rows[1]?.[6]).toBe('{"name":"=SUM(A1:A9)"}');
  });

  it('shows the log page in sentences, with a link to older entries and the export', async () => {
    const page = await context.app.inject({ method: 'GET', url: '/audit', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Added the agency “Agency 59”');
    expect(page.body).not.toContain('agency.created');
    expect(page.body).not.toContain('{&quot;name&quot;');
    expect(page.body).toContain('href="/api/audit/export"');
    expect(page.body).toMatch(/href="\/audit\?before=\d+"/);
  });
});
