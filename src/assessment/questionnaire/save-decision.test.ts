import { describe, expect, it } from 'vitest';
import type { AnswerChange } from './answer.ts';
import {
  recordedAt,
  repeatedSave,
  type StoredAnswer,
  saveFingerprint,
  statusAfterWrite,
  supersedes,
} from './save-decision.ts';

const at = (time: string) => new Date(`2026-03-10T${time}Z`);
const change = (itemCode: string, value: number, time: string): AnswerChange => ({
  itemCode,
  value,
  notApplicable: false,
  comment: null,
  evidenceUrl: null,
  changedAt: at(time),
});
const stored = (value: number, time: string): StoredAnswer => {
  const { itemCode: _, ...rest } = change('X', value, time);
  return rest;
};

describe('which save wins', () => {
  it('writes a change over an answer changed earlier, or where there is none', () => {
    expect(supersedes(change('A', 2, '10:00:01'), stored(1, '10:00:00'))).toBe(true);
    expect(supersedes(change('A', 2, '10:00:01'), undefined)).toBe(true);
  });

  it('never lets an older change overwrite a newer one, whatever order they arrive in', () => {
    const newer = change('A', 5, '10:05:00');
    const older = change('A', 1, '10:00:00');
    const afterNewer = stored(newer.value!, '10:05:00');
    expect(supersedes(older, afterNewer)).toBe(false);
    const afterOlder = stored(older.value!, '10:00:00');
    expect(supersedes(newer, afterOlder)).toBe(true);
  });

  it('lets a retried save write the same content again, which changes nothing', () => {
    expect(supersedes(change('A', 3, '10:00:00'), stored(3, '10:00:00'))).toBe(true);
  });

  it('brings a browser clock that runs ahead back to the server’s now', () => {
    const now = at('10:00:00');
    expect(recordedAt(at('11:00:00'), now)).toEqual(now);
    expect(recordedAt(at('09:59:00'), now)).toEqual(at('09:59:00'));
  });
});

describe('the status of a changed response', () => {
  const cleared = { ...stored(1, '10:00:00'), value: null };
  it('keeps a draft a draft', () => {
    expect(statusAfterWrite('draft', [stored(1, '10:00:00')])).toBe('draft');
  });

  it('keeps a submitted response submitted while each change written answers its item', () => {
    expect(statusAfterWrite('submitted', [stored(1, '10:00:00'), stored(2, '10:00:00')])).toBe(
      'submitted',
    );
    expect(statusAfterWrite('submitted', [])).toBe('submitted');
  });

  it('returns a submitted response to draft when a change written leaves an item unanswered', () => {
    expect(statusAfterWrite('submitted', [stored(1, '10:00:00'), cleared])).toBe('draft');
  });
});

describe('a save id seen before', () => {
  const answer = (value: number | null, changedAt: string) => ({
    itemCode: 'LEA01',
    value,
    notApplicable: false,
    comment: null,
    evidenceUrl: null,
    changedAt,
  });

  it('has the fingerprint of the same answers, whatever the form of their times', () => {
    expect(saveFingerprint([answer(3, '2026-01-01T10:00:00Z')])).toBe(
      saveFingerprint([answer(3, '2026-01-01T11:00:00+01:00')]),
    );
    expect(saveFingerprint([answer(3, '2026-01-01T10:00:00Z')])).not.toBe(
      saveFingerprint([answer(4, '2026-01-01T10:00:00Z')]),
    );
    expect(saveFingerprint([answer(3, '2026-01-01T10:00:00Z')])).not.toBe(
      saveFingerprint([answer(3, '2026-01-01T10:00:01Z')]),
    );
  });

  it('repeats the earlier outcome for the same answers and refuses other answers', () => {
    const logged = { fingerprint: 'same', notWritten: ['LEA02'] };
    expect(repeatedSave(logged, 'same', ['LEA01', 'LEA02'])).toEqual({ written: ['LEA01'] });
    expect(repeatedSave(logged, 'other', ['LEA01', 'LEA02'])).toBe('save_id_reused');
    // Logged before fingerprints were kept: taken as a retry.
    expect(repeatedSave({ fingerprint: null, notWritten: null }, 'any', ['LEA01'])).toEqual({
      written: ['LEA01'],
    });
  });
});
