import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { buildInvitation } from '../../test/factories.ts';
import { MAX_UNKNOWN_LINKS } from './link-guessing.ts';

describe('an address guessing invitation links', () => {
  const context = useTestApp('demo');

  it('is refused for a while after too many links that do not exist, while other respondents go on', async () => {
    const { token } = await buildInvitation(context.database.db);
    const guess = (n: number) =>
      context.app.inject({
        method: 'GET',
        url: `/r/guess${n}${'x'.repeat(38)}`,
        remoteAddress: '10.6.6.6',
      });
    for (let n = 0; n < MAX_UNKNOWN_LINKS; n++) expect((await guess(n)).statusCode).toBe(404);
    expect((await guess(MAX_UNKNOWN_LINKS)).statusCode).toBe(429);
    const fromGuesser = await context.app.inject({
      method: 'GET',
      url: `/r/${token}`,
      remoteAddress: '10.6.6.6',
    });
    expect(fromGuesser.statusCode).toBe(429);
    const respondent = await context.app.inject({
      method: 'GET',
      url: `/r/${token}`,
      remoteAddress: '10.7.7.7',
    });
    expect(respondent.statusCode).toBe(200);
  });
});
