import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { buildInvitation } from '../../../test/factories/invitations.ts';
import { MAX_UNKNOWN_LINKS } from './link-guessing.ts';

describe('an address guessing invitation links', () => {
  const context = useTestApp();

  it('is refused for a while after too many links that do not exist, while every real link still opens', async () => {
    const { token } = await buildInvitation(context.database.db);
    const guess = (n: number) =>
      context.app.inject({
        method: 'GET',
        url: `/r/guess${n}${'x'.repeat(38)}`,
        remoteAddress: '10.6.6.6',
      });
    for (let n = 0; n < MAX_UNKNOWN_LINKS; n++) expect((await guess(n)).statusCode).toBe(404);
    const refused = await guess(MAX_UNKNOWN_LINKS);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Too many attempts');
    // A respondent who shares the guesser's address (one office, one network) is not locked out.
    for (const url of [`/r/${token}`, `/api/respondent/${token}`]) {
      const shared = await context.app.inject({ method: 'GET', url, remoteAddress: '10.6.6.6' });
      expect(shared.statusCode).toBe(200);
    }
    const elsewhere = await context.app.inject({
      method: 'GET',
      url: `/r/${token}`,
      remoteAddress: '10.7.7.7',
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
