import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/accounts.ts';
import { useTestApp } from '../../../test/app.ts';
import { buildFramework } from '../../../test/frameworks.ts';
import { multipart } from '../../../test/multipart.ts';

describe('the framework import page', () => {
  const context = useTestApp();
  let coordinator: Awaited<ReturnType<typeof signInAs>>;
  beforeAll(async () => {
    coordinator = await signInAs(context.database, 'coordinator', { name: 'Cora Coordinator' });
  });

  const upload = (content: string | Buffer | undefined) => {
    const { payload, contentType } = multipart(
      { _csrf: coordinator.csrfToken },
      content === undefined
        ? undefined
        : { name: 'framework.json', content, type: 'application/json' },
    );
    return context.app.inject({
      method: 'POST',
      url: '/frameworks/import',
      headers: { cookie: coordinator.cookie, 'content-type': contentType },
      payload,
    });
  };
  const storedVersions = async (key: string) =>
    (
      await context.database.db
        .selectFrom('frameworks')
        .select('version')
        .where('key', '=', key)
        .execute()
    ).map((row) => row.version);

  it('imports a valid file, says what was imported, and audits it', async () => {
    const response = await upload(
      JSON.stringify(buildFramework({ key: 'city', version: '1.0.0', name: { en: 'City' } })),
    );
    expect(response.statusCode).toBe(201);
    expect(response.body).toContain('City, version 1.0.0, is imported');
    expect(response.body).toContain('2 dimensions, 2 sub-dimensions, 3 items');
    expect(response.body).toContain('href="/frameworks/city?version=1.0.0"');
    expect(await storedVersions('city')).toEqual(['1.0.0']);
    const audit = await context.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('action', '=', 'framework.imported')
      .where('actor_user_id', '=', coordinator.userId)
      .execute();
    expect(audit).toEqual([
      { action: 'framework.imported', actor_label: expect.stringContaining('Cora Coordinator') },
    ]);

    const again = await upload(
      JSON.stringify(buildFramework({ key: 'city', version: '1.0.0', name: { en: 'City' } })),
    );
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('was already imported from this same file; nothing changed');
  });

  it('lists every problem of a broken file with its path, and stores nothing', async () => {
    const broken = buildFramework({ key: 'broken', version: '1.0.0' });
    const [first, second] = broken.dimensions;
    if (!first || !second) throw new Error('buildFramework has two dimensions');
    second.code = first.code;
    (broken as Record<string, unknown>).defaultLanguage = undefined;
    const response = await upload(JSON.stringify(broken));
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatch(/The file has \d+ problems; nothing was imported/);
    expect(response.body).toContain('<code>defaultLanguage</code>: ');
    expect(response.body).toContain(
      '<code>dimensions[1].code</code>: duplicate code &quot;AAA&quot;, first used at dimensions[0].code',
    );
    expect(await storedVersions('broken')).toEqual([]);
  });

  it('says where a file stops being JSON, and asks for a file when none was chosen', async () => {
    const notJson = await upload('{\n  "key": "x",\n  "version": }\n');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain(
      'The file is not valid JSON: it goes wrong at line 3, column 14.',
    );
    const latin1 = await upload(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(latin1.body).toContain('The file is not UTF-8 text');
    const none = await upload(undefined);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose a framework file to import.');
  });

  it('refuses a different file under a version already stored, keeping the stored one', async () => {
    await upload(JSON.stringify(buildFramework({ key: 'fixed', version: '2.0' })));
    const response = await upload(
      JSON.stringify(buildFramework({ key: 'fixed', version: '2.0', name: { en: 'Changed' } })),
    );
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('<code>version</code>: Version 2.0 of framework');
    expect(await storedVersions('fixed')).toEqual(['2.0']);
  });

  it('is offered on the Frameworks page to those who may import, instead of the command line', async () => {
    const page = async (cookie?: string) =>
      (
        await context.app.inject({
          method: 'GET',
          url: '/frameworks',
          headers: cookie ? { cookie } : {},
        })
      ).body;
    const asCoordinator = await page(coordinator.cookie);
    expect(asCoordinator).toContain('href="/frameworks/import"');
    expect(asCoordinator).not.toContain('npx transforma');
    const viewer = await signInAs(context.database, 'viewer');
    const asViewer = await page(viewer.cookie);
    expect(asViewer).not.toContain('href="/frameworks/import"');
    expect(asViewer).toContain('Coordinators and admins can import a framework.');
  });
});
