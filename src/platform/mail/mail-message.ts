// A message to one person, as composed from the catalogue: plain text with a
// simple HTML twin, and the secrets it carries, which are masked in the stored
// copy so the outbox never holds a link that opens anything.

export type MailKind = 'invitation' | 'reminder' | 'password_reset';

export interface MailMessage {
  kind: MailKind;
  to: string;
  language: string;
  subject: string;
  /** Paragraphs separated by blank lines; a line may be a bare link. */
  text: string;
  /** Secret values in the text (link tokens), masked wherever the message is stored. */
  secrets: readonly string[];
}

export const MASK = '••••••';

/** The text as stored and shown in the outbox: every secret replaced by a mask. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((masked, secret) => masked.split(secret).join(MASK), text);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * The HTML part: the same paragraphs, with a line that is only a link made
 * clickable. Kept this plain on purpose: it reads in every mail client and
 * says nothing the text part does not.
 */
export function htmlFromText(text: string, language: string): string {
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => {
        const escaped = escapeHtml(line);
        return /^https?:\/\/\S+$/.test(line.trim())
          ? `<a href="${escaped.trim()}">${escaped.trim()}</a>`
          : escaped;
      });
      return `<p>${lines.join('<br>')}</p>`;
    });
  return `<!doctype html><html lang="${escapeHtml(language)}"><body>${paragraphs.join('\n')}</body></html>`;
}
