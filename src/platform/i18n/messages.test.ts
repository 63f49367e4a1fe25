import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  languageFromAcceptHeader,
  loadCatalogue,
  messagesFor,
  supportedLanguages,
} from './messages.ts';

const english = loadCatalogue('en');

/** The placeholders a message uses, so translations keep every one of them. */
function placeholders(pattern: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if ('value' in element && typeof element.value === 'string') names.add(element.value);
      if ('options' in element)
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(pattern));
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

describe('message catalogues', () => {
  it.each(
    supportedLanguages,
  )('%s has exactly the keys of English, with the same placeholders', (language) => {
    const catalogue = loadCatalogue(language);
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    for (const [key, pattern] of Object.entries(catalogue)) {
      expect({ key, placeholders: placeholders(pattern) }).toEqual({
        key,
        placeholders: placeholders(english[key]!),
      });
    }
  });

  it('holds every key the code looks up', () => {
    const srcDir = path.join(import.meta.dirname, '..', '..');
    const used = sourceFiles(srcDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !(key in english))).toEqual([]);
  });

  it('formats plurals and numbers the reader’s way', () => {
    expect(messagesFor('en').t('agencies.count', { count: 1 })).toBe('1 agency');
    expect(messagesFor('es').t('agencies.count', { count: 38 })).toBe('38 instituciones');
    expect(messagesFor('es').number(0.778, { style: 'percent' })).toMatch(/^78\s?%$/);
  });
});

describe('choosing a language from the browser', () => {
  it('takes the supported language the browser prefers most', () => {
    expect(languageFromAcceptHeader('fr-CA, es-MX;q=0.8, en;q=0.5')).toBe('es');
    expect(languageFromAcceptHeader('en-GB,en;q=0.9')).toBe('en');
  });

  it('ignores languages refused with q=0 and finds nothing when none is supported', () => {
    expect(languageFromAcceptHeader('es;q=0, en;q=0.1')).toBe('en');
    expect(languageFromAcceptHeader('de, fr')).toBeUndefined();
    expect(languageFromAcceptHeader(undefined)).toBeUndefined();
  });
});
