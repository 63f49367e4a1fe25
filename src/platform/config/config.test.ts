import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('data', 'pglite') });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://app@db/transforma' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://app@db/transforma',
    });
  });

  it('names each setting that is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      readConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT: /);
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    }
  });

  it('protects agencies with fewer than 3 respondents unless told otherwise', () => {
    // Unset, the results' own default applies (src/assessment/results/protection/disclosure.ts).
    expect(readConfig({}).resultsMinRespondents).toBeUndefined();
    expect(readConfig({ TRANSFORMA_RESULTS_MIN_RESPONDENTS: '5' }).resultsMinRespondents).toBe(5);
    expect(() => readConfig({ TRANSFORMA_RESULTS_MIN_RESPONDENTS: '0' })).toThrow(
      /TRANSFORMA_RESULTS_MIN_RESPONDENTS: must be at least 1/,
    );
  });

  it('believes X-Forwarded-For only from the reverse proxies it is given', () => {
    expect(readConfig({}).trustProxy).toEqual([]);
    expect(
      readConfig({ TRANSFORMA_TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,fd00::/8 ,loopback' })
        .trustProxy,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
    for (const wrong of ['true', '10.0.0.0/33', 'proxy.gov.example', '10.0.0.1/8/8', '::1/129'])
      expect(() => readConfig({ TRANSFORMA_TRUST_PROXY: wrong })).toThrow(
        /TRANSFORMA_TRUST_PROXY: must be addresses or ranges of your reverse proxies/,
      );
  });

  it('builds links from the public address, without a trailing slash', () => {
    expect(readConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(readConfig({ TRANSFORMA_PUBLIC_URL: 'https://transforma.gov.example/' }).publicUrl).toBe(
      'https://transforma.gov.example',
    );
  });

  it('creates the first admin only when both email and password are given', () => {
    expect(readConfig({ TRANSFORMA_ADMIN_EMAIL: 'lead@gov.example' }).firstAdmin).toBeUndefined();
    expect(
      readConfig({
        TRANSFORMA_ADMIN_EMAIL: 'lead@gov.example',
        TRANSFORMA_ADMIN_PASSWORD: 'a long enough secret',
      }).firstAdmin,
    ).toEqual({
      email: 'lead@gov.example',
      password: 'a long enough secret',
      name: 'Administrator',
    });
    expect(() => readConfig({ TRANSFORMA_ADMIN_PASSWORD: 'short' })).toThrow(
      /TRANSFORMA_ADMIN_PASSWORD: must have at least 12/,
    );
  });

  it('keeps messages in the outbox unless an SMTP server is named', () => {
    expect(readConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'Transforma <transforma@localhost>',
    });
    expect(
      readConfig({
        TRANSFORMA_SMTP_URL: 'smtp://user:pass@mail.gov.example:587',
        TRANSFORMA_MAIL_FROM: 'Digital Office <transforma@gov.example>',
      }).mail,
    ).toEqual({
      smtpUrl: 'smtp://user:pass@mail.gov.example:587',
      from: 'Digital Office <transforma@gov.example>',
    });
    expect(() => readConfig({ TRANSFORMA_SMTP_URL: 'http://mail.example' })).toThrow(
      /TRANSFORMA_SMTP_URL: must be an SMTP server address/,
    );
  });
});
