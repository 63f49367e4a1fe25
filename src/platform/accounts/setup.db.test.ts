import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createWorkspace } from '../workspaces/workspace-store.ts';
import { ensureFirstAdmin } from './first-admin.ts';

describe('setting up the first admin of a new installation', () => {
  const context = useTestApp();
  const publicUrl = 'http://transforma.test';

  async function setupLink() {
    await createWorkspace(context.database.db, {
      id: 'new',
      name: 'New government',
      defaultLanguage: 'en',
      languages: ['en'],
    });
    const outcome = await ensureFirstAdmin(context.database.db, 'new', {
      firstAdmin: undefined,
      publicUrl,
    });
    if (outcome.kind !== 'setup-link')
      throw new Error(`expected a setup link, got ${outcome.kind}`);
    return outcome.url.slice(publicUrl.length);
  }

  it('prints a one-time link that creates the admin, signs them in, and then stops working', async () => {
    const link = await setupLink();
    expect((await context.app.inject({ method: 'GET', url: link })).statusCode).toBe(200);

    const mistakes = await context.app.inject({
      method: 'POST',
      url: link,
      payload: { name: '', email: 'not an email', password: 'short', confirmPassword: 'short' },
    });
    expect(mistakes.statusCode).toBe(400);
    expect(mistakes.body).toContain('Enter your name');
    expect(mistakes.body).toContain('Enter an email address like');
    expect(mistakes.body).toContain('Choose a password of at least 12 characters');

    const created = await context.app.inject({
      method: 'POST',
      url: link,
      payload: {
        name: 'Ana Lead',
        email: 'lead@gov.example',
        password: 'correct horse battery',
        confirmPassword: 'correct horse battery',
      },
    });
    expect(created.statusCode).toBe(303);
    const session = created.cookies.find((cookie) => cookie.name === 'transforma_session')!.value;
    const rounds = await context.app.inject({
      method: 'GET',
      url: '/api/rounds',
      cookies: { transforma_session: session },
    });
    expect(rounds.statusCode).toBe(200);

    expect((await context.app.inject({ method: 'GET', url: link })).statusCode).toBe(410);
    const second = await ensureFirstAdmin(context.database.db, 'new', {
      firstAdmin: undefined,
      publicUrl,
    });
    expect(second.kind).toBe('exists');
  });

  it('refuses a link that was never issued', async () => {
    const response = await context.app.inject({ method: 'GET', url: `/setup/${'x'.repeat(43)}` });
    expect(response.statusCode).toBe(410);
    expect(response.body).toContain('This link no longer works');
  });
});
