import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, messagesFor, supportedLanguages } from '../i18n/messages.ts';
import { auditSentence, sentenceKey } from './audit-sentences.ts';

const srcDir = path.join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

/** Every action key an audit entry is written with: the quoted `entity.verb` after `action:`. */
function actionKeysWritten(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    for (const [, expression = ''] of readFileSync(file, 'utf8').matchAll(/\baction:([^\n]*)/g)) {
      for (const [, key = ''] of expression.matchAll(/['"`]([a-z_]+\.[a-z_]+)['"`]/g))
        keys.add(key);
    }
  }
  return [...keys].sort();
}

describe('the audit log in sentences', () => {
  const written = actionKeysWritten();

  it('finds the actions the code writes', () => {
    // A guard on the finder itself: were it to find nothing, every action would pass.
    expect(written).toEqual(
      expect.arrayContaining([
        'agency.created',
        'round.opened',
        'round.closed',
        'consensus.changed',
      ]),
    );
  });

  it.each(
    supportedLanguages,
  )('has a sentence in %s for every action written anywhere in src', (language) => {
    const catalogue = loadCatalogue(language);
    const missing = written.filter((action) => catalogue[sentenceKey(action)] === undefined);
    expect(missing).toEqual([]);
  });

  it('tells what happened in words, with the details that matter', () => {
    const en = messagesFor('en');
    expect(auditSentence(en, { action: 'round.opened', details: { name: 'R' } })).toBe(
      'Opened the round “R”',
    );
    expect(
      auditSentence(en, { action: 'round.created', details: { name: 'Spring', agencies: 1 } }),
    ).toBe('Created the round “Spring” with 1 agency');
    expect(
      auditSentence(en, {
        action: 'membership.changed',
        details: { email: 'a@x.example', role: 'viewer', was: 'focal_point' },
      }),
    ).toBe('Changed the role of a@x.example from Agency focal point to Viewer');
    expect(
      auditSentence(en, { action: 'agency.updated', details: { name: 'New', was: 'Old' } }),
    ).toBe('Renamed the agency “Old” to “New”');
    expect(
      auditSentence(messagesFor('es'), { action: 'round.closed', details: { name: 'R' } }),
    ).toBe('Cerró la ronda «R»');
  });

  it('still says something plain of an entry that lacks a detail or an action it does not know', () => {
    const en = messagesFor('en');
    expect(auditSentence(en, { action: 'round.opened', details: null })).toBe(
      'Another change (round.opened)',
    );
    expect(auditSentence(en, { action: 'robot.danced', details: {} })).toBe(
      'Another change (robot.danced)',
    );
  });
});
