import { describe, expect, it } from 'vitest';
import { isoToday } from '../../platform/iso-day.ts';
import { decideLink, type LinkFacts } from './invitation-link.ts';
import {
  hashInvitationToken,
  looksLikeInvitationToken,
  newInvitationToken,
} from './invitation-token.ts';

const open: LinkFacts = {
  revokedAt: null,
  round: { status: 'open', opensOn: '2026-03-01', closesOn: '2026-03-31' },
};
const withRound = (round: Partial<LinkFacts['round']>): LinkFacts => ({
  ...open,
  round: { ...open.round, ...round },
});

describe('whether an invitation link opens its questionnaire', () => {
  it('opens on every day from the opening date to the closing date, both included', () => {
    expect(decideLink(open, '2026-03-01')).toBe('valid');
    expect(decideLink(open, '2026-03-15')).toBe('valid');
    expect(decideLink(open, '2026-03-31')).toBe('valid');
  });

  it('says an unknown link is unknown', () => {
    expect(decideLink(undefined, '2026-03-15')).toBe('unknown');
  });

  it('says a revoked link is revoked, even once the round has closed', () => {
    expect(decideLink({ ...open, revokedAt: new Date() }, '2026-03-15')).toBe('revoked');
    expect(decideLink({ ...open, revokedAt: new Date() }, '2026-05-01')).toBe('revoked');
  });

  it('says a draft round, or one before its opening date, is not yet open', () => {
    expect(decideLink(withRound({ status: 'draft' }), '2026-03-15')).toBe('not_yet_open');
    expect(decideLink(open, '2026-02-28')).toBe('not_yet_open');
  });

  it('says a closed round, or one past its closing date, is closed', () => {
    expect(decideLink(withRound({ status: 'closed' }), '2026-03-15')).toBe('closed');
    expect(decideLink(open, '2026-04-01')).toBe('closed');
  });

  it('reads today as a UTC day', () => {
    expect(isoToday(new Date('2026-03-31T23:30:00-05:00'))).toBe('2026-04-01');
  });
});

describe('invitation link secrets', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const first = newInvitationToken();
    const second = newInvitationToken();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.tokenHash).toBe(hashInvitationToken(first.token));
    expect(first.tokenHash).not.toContain(first.token);
  });

  it('refuse strings that cannot be a link secret before any lookup', () => {
    expect(looksLikeInvitationToken(newInvitationToken().token)).toBe(true);
    expect(looksLikeInvitationToken('short')).toBe(false);
    expect(looksLikeInvitationToken('has spaces and ; semicolons in it')).toBe(false);
  });
});
