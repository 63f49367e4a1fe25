import { describe, expect, it } from 'vitest';
import {
  FAILURES_BEFORE_LOCKOUT,
  lockedUntilAfter,
  lockoutAfter,
  minutesLeft,
} from './sign-in-lockout.ts';

describe('the sign-in lockout', () => {
  it('pauses after five wrong passwords in a row, doubling each time, up to an hour', () => {
    const minutes = Array.from({ length: 14 }, (_, i) => lockoutAfter(i + 1) / 60_000);
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(lockoutAfter(10_000)).toBe(60 * 60_000);
  });

  it('counts the pause from the failure that started it', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(lockedUntilAfter(FAILURES_BEFORE_LOCKOUT - 1, at)).toBeUndefined();
    expect(lockedUntilAfter(FAILURES_BEFORE_LOCKOUT + 1, at)).toEqual(
      new Date('2026-03-01T10:02:00Z'),
    );
  });

  it('tells a person the whole minutes left, never "0 minutes"', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    expect(minutesLeft(new Date('2026-03-01T10:00:01Z'), now)).toBe(1);
    expect(minutesLeft(new Date('2026-03-01T10:01:30Z'), now)).toBe(2);
    expect(minutesLeft(new Date('2026-03-01T10:04:00Z'), now)).toBe(4);
  });
});
