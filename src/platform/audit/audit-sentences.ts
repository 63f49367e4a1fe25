// An audit entry as a sentence in the reader's language ("Opened the round
// “R”"), from the catalogue key of its action and the details it recorded.
import type { Messages, MessageValues } from '../i18n/messages.ts';

/** The catalogue key of an action's sentence: `audit.sentence.round.opened`. */
export function sentenceKey(action: string): string {
  return `audit.sentence.${action}`;
}

const roles = new Set(['admin', 'coordinator', 'focal_point', 'facilitator', 'viewer']);

export function auditSentence(
  messages: Messages,
  entry: { action: string; details: Record<string, unknown> | null },
): string {
  const details = entry.details ?? {};
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  // Roles and reminder occasions are keys; the sentence names them in words.
  for (const name of ['role', 'was'] as const) {
    const value = details[name];
    if (typeof value === 'string' && roles.has(value))
      values[name] = messages.t(`members.role.${value}`);
  }
  // A rename says what the agency was called before.
  const key =
    entry.action === 'agency.updated' && typeof details.was === 'string'
      ? `${sentenceKey(entry.action)}.renamed`
      : sentenceKey(entry.action);
  try {
    const sentence = messages.t(key, values);
    if (sentence !== key) return sentence;
  } catch {
    // An entry written before its sentence needed a detail lacks it: say what happened plainly.
  }
  return messages.t('audit.sentence.other', { action: entry.action });
}
