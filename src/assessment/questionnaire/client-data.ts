// What the questionnaire script needs to keep answering without a network.
// Each page embeds, as a JSON data block (never executed, so a strict
// Content-Security-Policy allows it), what is the respondent's: the answers as
// stored, the words the script shows, and where to fetch the questions. The
// questions — every page's items and scales in the reader's language, two
// thirds of a page's bytes — are a document of their own, fetched by the
// script and kept by the browser: a framework version never changes, so a
// respondent downloads them once instead of with every page, and one
// answering without JavaScript never does.
import { createHash } from 'node:crypto';

import type { Messages } from '../../platform/i18n/messages.ts';
import type { Framework } from '../frameworks/index.ts';
import { localized } from '../frameworks/index.ts';
import { COMMENT_MAX, EVIDENCE_URL_MAX } from './answer.ts';
import type { StoredAnswer } from './save-decision.ts';
import { questionnairePages } from './task-list.ts';

/** The keys of the words the script shows, each from the catalogue. */
const scriptWords = {
  saved: 'questionnaire.save.saved',
  savedLocally: 'questionnaire.save.savedLocally',
  sending: 'questionnaire.save.sending',
  invalid: 'questionnaire.save.invalid',
  refused: 'questionnaire.save.refused',
  notApplicable: 'questionnaire.notApplicable',
  comment: 'questionnaire.comment',
  evidence: 'questionnaire.evidence',
  evidenceHint: 'questionnaire.evidenceHint',
  saveAndContinue: 'questionnaire.saveAndContinue',
  previousPage: 'questionnaire.previousPage',
  offlineEndTitle: 'questionnaire.offlineEnd.title',
  offlineEndBody: 'questionnaire.offlineEnd.body',
  checkAnswers: 'questionnaire.check.title',
} as const;

/**
 * For the task list and check page: only what it takes to send answers still
 * waiting on the device (the script then reloads the page to show them).
 */
export function syncData(messages: Messages, token: string): string {
  const words = Object.fromEntries(
    Object.entries(scriptWords).map(([name, key]) => [name, messages.t(key)]),
  );
  const data = {
    token,
    limits: { comment: COMMENT_MAX, evidence: EVIDENCE_URL_MAX },
    answers: {},
    words,
  };
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}

interface Questions {
  json: string;
  /** Changes whenever the questions do: part of their address, so the browser may keep them for good. */
  version: string;
}

// By framework and language: a stored framework version never changes (one
// object per version is kept, framework-store.ts), and the words only with a
// new release, which starts a new process.
const questionsCache = new WeakMap<Framework, Map<string, Questions>>();

/** Every page's items and scales in the reader's language, for the script to draw pages offline. */
export function questions(framework: Framework, messages: Messages): Questions {
  let byLanguage = questionsCache.get(framework);
  if (!byLanguage) {
    byLanguage = new Map();
    questionsCache.set(framework, byLanguage);
  }
  let cached = byLanguage.get(messages.language);
  if (!cached) {
    const json = questionsJson(framework, messages);
    const version = createHash('sha256').update(json).digest('base64url').slice(0, 16);
    cached = { json, version };
    byLanguage.set(messages.language, cached);
  }
  return cached;
}

/** Where the script fetches the questions of `framework` in the reader's language. */
export function questionsHref(token: string, framework: Framework, messages: Messages): string {
  return `/r/${token}/questions/${messages.language}/${questions(framework, messages).version}`;
}

function questionsJson(framework: Framework, messages: Messages): string {
  const text = (value: Parameters<typeof localized>[0]) =>
    localized(value, messages.language, framework.defaultLanguage);
  const pages = questionnairePages(framework);
  return JSON.stringify({
    pages: pages.map((page) => ({
      code: page.code,
      caption: `${text(page.dimension.name)} · ${messages.t('questionnaire.pageOf', {
        number: page.number,
        total: pages.length,
      })}`,
      name: text(page.subdimension.name),
      description: text(page.subdimension.description),
      items: page.subdimension.items.map((item) => ({
        code: item.code,
        statement: text(item.statement),
        help: text(item.help),
        scale: item.scale,
        descriptors: item.descriptors
          ? Object.fromEntries(
              Object.entries(item.descriptors).map(([stage, descriptor]) => [
                stage,
                text(descriptor),
              ]),
            )
          : undefined,
      })),
    })),
    scales: Object.fromEntries(
      framework.scales.map((scale) => [
        scale.key,
        {
          notApplicable: scale.notApplicable,
          choices:
            scale.type === 'stages'
              ? scale.stages.map((stage) => ({
                  value: stage.value,
                  label: text(stage.label),
                  stage: stage.key,
                }))
              : scale.labels.map((label) => ({ value: label.value, label: text(label.label) })),
        },
      ]),
    ),
  });
}

/** For a page of the questionnaire: the respondent's answers, the words, and where the questions are. */
export function clientData(options: {
  messages: Messages;
  token: string;
  framework: Framework;
  answers: ReadonlyMap<string, StoredAnswer>;
}): string {
  const { messages, token, framework, answers } = options;
  const data = {
    token,
    limits: { comment: COMMENT_MAX, evidence: EVIDENCE_URL_MAX },
    questions: questionsHref(token, framework, messages),
    answers: Object.fromEntries(
      [...answers].map(([code, answer]) => [
        code,
        {
          value: answer.value,
          notApplicable: answer.notApplicable,
          comment: answer.comment,
          evidenceUrl: answer.evidenceUrl,
          changedAt: answer.changedAt.toISOString(),
        },
      ]),
    ),
    words: Object.fromEntries(
      Object.entries(scriptWords).map(([name, key]) => [name, messages.t(key)]),
    ),
  };
  // "<" escaped so no text in the framework can close the data block early.
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
