// The messages a respondent gets, written from the catalogue in their
// language: the invitation with its secret link, and reminders. A reminder
// carries no link: the secret exists only in the invitation, and issuing a new
// one would strand answers a respondent keeps offline under the old link.

import { defaultLanguage, isSupportedLanguage, messagesFor } from '../../platform/i18n/messages.ts';
import type { MailMessage } from '../../platform/mail/mail-message.ts';

export interface InvitationContext {
  workspaceName: string;
  roundName: string;
  agencyName: string;
  closesOn: string;
}

function messagesOf(language: string) {
  return messagesFor(isSupportedLanguage(language) ? language : defaultLanguage);
}

/** The link of an invitation, from the public address and the link's secret. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/r/${token}`;
}

export function invitationMessage(
  context: InvitationContext,
  respondent: { email: string; language: string; token: string },
  publicUrl: string,
): MailMessage {
  const { t, date, language } = messagesOf(respondent.language);
  const values = { ...context, closesOn: date(context.closesOn) };
  return {
    kind: 'invitation',
    to: respondent.email,
    language,
    subject: t('invitationMail.subject', values),
    text: [
      t('invitationMail.greeting'),
      t('invitationMail.why', values),
      t('invitationMail.open'),
      invitationLink(publicUrl, respondent.token),
      t('invitationMail.deadline', values),
      t('invitationMail.personal'),
      t('invitationMail.signature', values),
    ].join('\n\n'),
    secrets: [respondent.token],
  };
}

export function reminderMessage(
  context: InvitationContext,
  respondent: { email: string; language: string; invitedAt: Date },
): MailMessage {
  const { t, date, language } = messagesOf(respondent.language);
  const values = {
    ...context,
    closesOn: date(context.closesOn),
    invitedOn: date(respondent.invitedAt),
    invitationSubject: t('invitationMail.subject', {
      ...context,
      closesOn: date(context.closesOn),
    }),
  };
  return {
    kind: 'reminder',
    to: respondent.email,
    language,
    subject: t('reminderMail.subject', values),
    text: [
      t('invitationMail.greeting'),
      t('reminderMail.why', values),
      t('reminderMail.findLink', values),
      t('reminderMail.lostLink'),
      t('invitationMail.signature', values),
    ].join('\n\n'),
    secrets: [],
  };
}
