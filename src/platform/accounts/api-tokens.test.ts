import { describe, expect, it } from 'vitest';
import { tokenActsAs } from './access.ts';
import { bearerToken, checkTokenRequest, newApiToken, tokenStanding } from './api-tokens.ts';

const now = new Date('2026-12-02T12:00:00Z');

describe('asking for an API token', () => {
  it('expires after the chosen number of days', () => {
    const checked = checkTokenRequest({ name: ' CI ', role: 'viewer', expires: '30' }, now);
    expect(checked).toEqual({
      ok: true,
      request: { name: 'CI', role: 'viewer', expiresAt: new Date('2027-01-01T12:00:00Z') },
    });
  });

  it('expires at the start of a chosen date, which must be after today and within a year', () => {
    const on = (expiresOn: string) =>
      checkTokenRequest({ name: 'CI', role: 'viewer', expires: 'date', expiresOn }, now);
    expect(on('2027-03-31')).toMatchObject({
      ok: true,
      request: { expiresAt: new Date('2027-03-31T00:00:00Z') },
    });
    expect(on('2026-12-02')).toMatchObject({ ok: false, problems: [{ rule: 'dateNotFuture' }] });
    expect(on('2025-01-01')).toMatchObject({ ok: false, problems: [{ rule: 'dateNotFuture' }] });
    expect(on('2027-12-03')).toMatchObject({ ok: false, problems: [{ rule: 'dateTooFar' }] });
    expect(on('2027-02-30')).toMatchObject({ ok: false, problems: [{ rule: 'dateInvalid' }] });
    expect(on('')).toMatchObject({ ok: false, problems: [{ rule: 'dateInvalid' }] });
    expect(
      checkTokenRequest(
        { name: 'CI', role: 'viewer', expires: '90', expiresOn: '2027-03-31' },
        now,
      ),
    ).toEqual({
      ok: false,
      problems: [{ field: 'expiresOn', rule: 'dateNotChosen', values: { days: 90 } }],
    });
  });

  it('reports every missing or wrong field at once', () => {
    expect(checkTokenRequest({ role: 'focal_point' }, now)).toEqual({
      ok: false,
      problems: [
        { field: 'name', rule: 'nameMissing' },
        { field: 'role', rule: 'roleInvalid' },
        { field: 'expires', rule: 'expiresMissing' },
      ],
    });
    expect(checkTokenRequest({ name: 'x'.repeat(101), role: 'admin', expires: '7' }, now)).toEqual({
      ok: false,
      problems: [
        { field: 'name', rule: 'nameTooLong', values: { max: 100 } },
        { field: 'expires', rule: 'expiresMissing' },
      ],
    });
  });
});

describe('a token presented with a request', () => {
  it('is read from a Bearer header only', () => {
    const { token, hash } = newApiToken();
    expect(token).toMatch(/^tfa_[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token} `)).toBe(token);
    expect(bearerToken('Bearer')).toBe('');
    expect(bearerToken('Bearer two parts')).toBe('two parts');
    expect(bearerToken('Bearertfa_x')).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('works until it expires or is revoked, and only within its maker’s role', () => {
    const token = {
      expiresAt: new Date('2026-12-03T00:00:00Z'),
      revokedAt: null,
      role: 'coordinator' as const,
      makerRole: 'admin' as const,
    };
    expect(tokenStanding(token, now)).toEqual({ ok: true, role: 'coordinator' });
    expect(tokenStanding({ ...token, revokedAt: now }, now)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(tokenStanding(token, new Date('2026-12-03T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(tokenStanding({ ...token, makerRole: 'viewer' }, now)).toEqual({
      ok: false,
      reason: 'makerLacksRole',
    });
    expect(tokenStanding(undefined, now)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('never acts with more than its maker holds', () => {
    expect(tokenActsAs('admin', 'admin')).toBe('admin');
    expect(tokenActsAs('admin', 'coordinator')).toBeUndefined();
    expect(tokenActsAs('coordinator', 'coordinator')).toBe('coordinator');
    expect(tokenActsAs('facilitator', 'coordinator')).toBe('facilitator');
    expect(tokenActsAs('facilitator', 'focal_point')).toBeUndefined();
    expect(tokenActsAs('viewer', 'focal_point')).toBe('viewer');
    expect(tokenActsAs('viewer', undefined)).toBeUndefined();
  });
});
