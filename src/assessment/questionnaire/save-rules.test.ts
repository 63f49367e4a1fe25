// The table of save-rule cases (test/save-rule-cases.ts) through the
// TypeScript rules; save-rules.db.test.ts runs it through the store's SQL.
import { describe, expect, it } from 'vitest';
import {
  latestChangeByRules,
  latestChangeCases,
  linkCases,
  linkOpensByRules,
  retryByRules,
  retryCases,
} from '../../../test/save-rule-cases.ts';

describe('the save rules in TypeScript', () => {
  it.each(linkCases)('opens a link or not: $name', (link) => {
    expect(linkOpensByRules(link)).toBe(link.opens);
  });

  it.each(latestChangeCases)('keeps the latest change: $name', (latest) => {
    expect(latestChangeByRules(latest)).toEqual(latest.expected);
  });

  it.each(retryCases)('answers a save id sent again with $name', (retry) => {
    expect(retryByRules(retry)).toEqual(retry.expected);
  });
});
