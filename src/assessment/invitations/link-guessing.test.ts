import { describe, expect, it } from 'vitest';
import { LinkGuessing, MAX_UNKNOWN_LINKS, WINDOW_MS } from './link-guessing.ts';

describe('guessing invitation links', () => {
  it('blocks an address after too many unknown links, and only that address', () => {
    const guessing = new LinkGuessing();
    for (let i = 0; i < MAX_UNKNOWN_LINKS - 1; i++) guessing.recordUnknownLink('10.0.0.1', 1000);
    expect(guessing.isBlocked('10.0.0.1', 1000)).toBe(false);
    guessing.recordUnknownLink('10.0.0.1', 1000);
    expect(guessing.isBlocked('10.0.0.1', 1000)).toBe(true);
    expect(guessing.isBlocked('10.0.0.2', 1000)).toBe(false);
  });

  it('forgets failures once the window has passed', () => {
    const guessing = new LinkGuessing();
    for (let i = 0; i < MAX_UNKNOWN_LINKS; i++) guessing.recordUnknownLink('10.0.0.1', 0);
    expect(guessing.isBlocked('10.0.0.1', WINDOW_MS - 1)).toBe(true);
    expect(guessing.isBlocked('10.0.0.1', WINDOW_MS)).toBe(false);
  });
});
