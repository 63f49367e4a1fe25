// The message catalogues (locales/<language>/<area>.json, ICU MessageFormat)
// and the choice of a reader's language. Every user-facing string is looked up
// here by key. A catalogue is split by area so features and translators work
// on separate files; the keys of all files of a language form one catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

export const supportedLanguages = ['en', 'es'] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = 'en';

type Catalogue = Record<string, string>;
const localesDir = path.join(import.meta.dirname, '..', '..', '..', 'locales');

export function loadCatalogue(language: Language): Catalogue {
  const dir = path.join(localesDir, language);
  const catalogue: Catalogue = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const entries = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Catalogue;
    for (const [key, pattern] of Object.entries(entries)) {
      if (key in catalogue)
        throw new Error(`Message key "${key}" is defined twice in locales/${language}`);
      catalogue[key] = pattern;
    }
  }
  return catalogue;
}

const catalogues = Object.fromEntries(
  supportedLanguages.map((language) => [language, loadCatalogue(language)]),
) as Record<Language, Catalogue>;

export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

export interface Messages {
  language: Language;
  t: Translate;
  /** Formats a number the way the reader's language writes it. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(value: Date | string): string;
}

const formatters = new Map<string, IntlMessageFormat>();

// One Messages per language: formats are costly to build and the same for every request.
const messagesByLanguage = new Map<Language, Messages>();

export function messagesFor(language: Language): Messages {
  let messages = messagesByLanguage.get(language);
  if (!messages) {
    messages = buildMessages(language);
    messagesByLanguage.set(language, messages);
  }
  return messages;
}

function buildMessages(language: Language): Messages {
  const catalogue = catalogues[language];
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    language,
    t(key, values) {
      const pattern = catalogue[key] ?? catalogues[defaultLanguage][key];
      // A missing key shows itself rather than breaking the page; a test
      // checks that every key used exists in every catalogue.
      if (pattern === undefined) return key;
      const cacheKey = `${language}\u0000${key}`;
      let formatter = formatters.get(cacheKey);
      if (!formatter) {
        formatter = new IntlMessageFormat(pattern, language);
        formatters.set(cacheKey, formatter);
      }
      return String(formatter.format(values));
    },
    number(value, options) {
      const cacheKey = JSON.stringify(options ?? {});
      let format = numberFormats.get(cacheKey);
      if (!format) {
        format = new Intl.NumberFormat(language, options);
        numberFormats.set(cacheKey, format);
      }
      return format.format(value);
    },
    date(value) {
      return dateFormat.format(typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value);
    },
  };
}

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, by its q-values. */
export function languageFromAcceptHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isSupportedLanguage);
}
