// Pages where a lead or focal point manages a round's respondents: the
// agencies of the round, one agency's respondents with the form to invite
// more, and the result of inviting, where undelivered links are shown once.

import { CsrfField, ErrorSummary, type FieldErrors } from '../../platform/http/forms.tsx';
import { type Messages, supportedLanguages } from '../../platform/i18n/messages.ts';
import type { AgencyProgress, RoundSummary } from '../rounds/index.ts';
import { MAX_SCHEDULED_REMINDERS, SCHEDULED_EVERY_DAYS } from '../rounds/index.ts';
import type { InvitationOutcome } from './invite-respondents.ts';
import type { SeenInvitation, SeenInvitations } from './progress-visibility.ts';
import { ON_DEMAND_QUIET_HOURS } from './reminders.ts';

function RoundHeading({ messages, round }: { messages: Messages; round: RoundSummary }) {
  return (
    <>
      <p class="caption">
        <a href={`/rounds/${round.id}`}>{round.name}</a>
      </p>
      <h1>{messages.t('invitations.title')}</h1>
    </>
  );
}

function Notice({ text }: { text: string | undefined }) {
  return text ? <output class="notice">{text}</output> : null;
}

function RemindForm({
  messages,
  action,
  label,
  csrfToken,
}: {
  messages: Messages;
  action: string;
  label: string;
  csrfToken: string | undefined;
}) {
  return (
    <form method="post" action={action}>
      <CsrfField token={csrfToken} />
      <p class="hint">
        {messages.t('invitations.remindHint', {
          hours: ON_DEMAND_QUIET_HOURS,
          days: SCHEDULED_EVERY_DAYS,
          max: MAX_SCHEDULED_REMINDERS,
        })}
      </p>
      <button type="submit" class="button secondary">
        {label}
      </button>
    </form>
  );
}

export function RoundInvitationsView({
  messages,
  round,
  agencies,
  csrfToken,
  notice,
}: {
  messages: Messages;
  round: RoundSummary;
  agencies: AgencyProgress[];
  csrfToken: string | undefined;
  notice?: string;
}) {
  const { t } = messages;
  return (
    <>
      <RoundHeading messages={messages} round={round} />
      <Notice text={notice} />
      <p class="lead">{t('invitations.intro')}</p>
      {agencies.length === 0 ? (
        <p>{t('invitations.noAgencies')}</p>
      ) : (
        <>
          <table>
            <caption class="visually-hidden">{t('invitations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.agency')}</th>
                <th scope="col" class="numeric">
                  {t('invitations.invited')}
                </th>
                <th scope="col" class="numeric">
                  {t('invitations.submitted')}
                </th>
                <th scope="col" class="numeric">
                  {t('invitations.notSubmitted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => (
                <tr key={agency.agencyId}>
                  <th scope="row">
                    <a href={`/rounds/${round.id}/invitations/${agency.agencyId}`}>
                      {agency.agencyName}
                    </a>{' '}
                    {agency.acronym && <span class="meta">{agency.acronym}</span>}
                  </th>
                  <td class="numeric">{agency.invited}</td>
                  <td class="numeric">{agency.submitted}</td>
                  <td class="numeric">{agency.invited - agency.submitted}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {round.status === 'open' && (
            <RemindForm
              messages={messages}
              action={`/rounds/${round.id}/reminders`}
              label={t('invitations.remindRound')}
              csrfToken={csrfToken}
            />
          )}
        </>
      )}
    </>
  );
}

function RespondentRow({
  messages,
  invitation,
  csrfToken,
}: {
  messages: Messages;
  invitation: SeenInvitation;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const { progress, remindersSent } = invitation;
  return (
    <tr>
      <th scope="row">{invitation.email}</th>
      <td>{t(`language.${invitation.language}`)}</td>
      <td>
        {invitation.revokedAt ? (
          <strong class="tag tag-closed">{t('invitations.revoked')}</strong>
        ) : (
          t(progress === null ? 'invitations.progress.invited' : `invitations.progress.${progress}`)
        )}
      </td>
      {remindersSent !== null && <td class="numeric">{remindersSent}</td>}
      <td>
        {!invitation.revokedAt && (
          <form method="post" action={`/invitations/${invitation.id}/revoke`}>
            <CsrfField token={csrfToken} />
            <button
              type="submit"
              class="link-button"
              aria-label={t('invitations.revokeLabel', { email: invitation.email })}
            >
              {t('invitations.revoke')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

export interface InviteForm {
  list: string;
  language: string;
}

export function AgencyInvitationsView({
  messages,
  round,
  agency,
  seen,
  csrfToken,
  form,
  errors,
  listProblems = [],
  notice,
}: {
  messages: Messages;
  round: RoundSummary;
  agency: { id: string; name: string };
  /** The agency's invitations as the member may see them, with how many have submitted. */
  seen: SeenInvitations;
  csrfToken: string | undefined;
  form: InviteForm;
  errors: FieldErrors;
  /** Each problem of the list sent, with its row. */
  listProblems?: string[];
  notice?: string;
}) {
  const { t } = messages;
  const base = `/rounds/${round.id}/invitations/${agency.id}`;
  const listError = errors.list;
  const { invitations } = seen;
  return (
    <>
      <ErrorSummary messages={messages} errors={errors} />
      <p class="caption">
        <a href={`/rounds/${round.id}/invitations`}>{t('invitations.backToAgencies')}</a>
      </p>
      <h1>
        {agency.name} <span class="meta">{round.name}</span>
      </h1>
      <Notice text={notice} />
      <h2>{t('invitations.respondents')}</h2>
      {invitations.length > 0 && (
        <p>
          {t(seen.whoSubmitted ? 'invitations.submittedCount' : 'invitations.submittedCountOnly', {
            submitted: seen.submitted,
            invited: seen.invited,
          })}
        </p>
      )}
      {invitations.length === 0 ? (
        <p>{t('invitations.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('invitations.respondents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invitations.email')}</th>
              <th scope="col">{t('invitations.language')}</th>
              <th scope="col">{t('invitations.progress')}</th>
              {seen.whoSubmitted && (
                <th scope="col" class="numeric">
                  {t('invitations.reminders')}
                </th>
              )}
              <th scope="col">
                <span class="visually-hidden">{t('invitations.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <RespondentRow
                key={invitation.id}
                messages={messages}
                invitation={invitation}
                csrfToken={csrfToken}
              />
            ))}
          </tbody>
        </table>
      )}
      {round.status === 'open' && invitations.length > 0 && (
        <RemindForm
          messages={messages}
          action={`${base}/reminders`}
          label={t('invitations.remindAgency')}
          csrfToken={csrfToken}
        />
      )}
      <h2>{t('invitations.add')}</h2>
      {round.status === 'closed' ? (
        <p>{t('invitations.roundClosed')}</p>
      ) : (
        <form method="post" action={base} class="narrow" novalidate>
          <CsrfField token={csrfToken} />
          <div class={listError ? 'field field-error' : 'field'}>
            <label for="list">{t('invitations.list')}</label>
            <p class="hint" id="list-hint">
              {t('invitations.listHint')}
            </p>
            {listError && (
              <div class="error-message" id="list-error">
                <p>{listError}</p>
                <ul>
                  {listProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            )}
            <textarea
              id="list"
              name="list"
              rows={8}
              spellcheck={false}
              aria-invalid={listError ? 'true' : undefined}
              aria-describedby={listError ? 'list-hint list-error' : 'list-hint'}
            >
              {form.list}
            </textarea>
          </div>
          {/* Shown by respondent-list.js, which reads the file into the list above. */}
          <div class="field" id="list-file-field" hidden>
            <label for="list-file">{t('invitations.file')}</label>
            <input id="list-file" type="file" accept=".csv,text/csv,text/plain" />
          </div>
          <div class="field">
            <label for="language">{t('invitations.defaultLanguage')}</label>
            <select id="language" name="language">
              {supportedLanguages.map((language) => (
                <option key={language} value={language} selected={form.language === language}>
                  {t(`language.${language}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {t('invitations.send')}
          </button>
        </form>
      )}
      <script src="/assets/respondent-list.js" defer />
    </>
  );
}

export function InvitationResultView({
  messages,
  round,
  agency,
  outcome,
  csrfToken,
}: {
  messages: Messages;
  round: RoundSummary;
  agency: { id: string; name: string };
  outcome: InvitationOutcome;
  csrfToken: string | undefined;
}) {
  const { t } = messages;
  const sent = outcome.invited.filter((invited) => invited.delivery.sent).length;
  const unsent = outcome.invited.flatMap((invited) =>
    invited.delivery.sent ? [] : [{ email: invited.email, ...invited.delivery }],
  );
  return (
    <>
      <p class="caption">
        {round.name} · {agency.name}
      </p>
      <h1>
        {t(outcome.invited.length > 0 ? 'invitations.result.title' : 'invitations.result.none')}
      </h1>
      {sent > 0 && <p>{t('invitations.result.sent', { count: sent })}</p>}
      {outcome.skipped.length > 0 && (
        <>
          <p>{t('invitations.result.skipped', { count: outcome.skipped.length })}</p>
          <ul>
            {outcome.skipped.map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
        </>
      )}
      {unsent.length > 0 && (
        <>
          <p class="notice">{t('invitations.result.showOnce')}</p>
          <table>
            <caption class="visually-hidden">{t('invitations.result.link')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.email')}</th>
                <th scope="col">{t('invitations.result.link')}</th>
                <th scope="col">{t('invitations.result.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {unsent.map((row) => (
                <tr key={row.email}>
                  <th scope="row">{row.email}</th>
                  <td class="secret-link">
                    <code>{row.link}</code>
                  </td>
                  <td>{t(`invitations.result.why.${row.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* The links exist only on this page (the database holds their hashes):
              the form sends them back to be written out as one file, kept nowhere. */}
          <form method="post" action={`/rounds/${round.id}/invitations/${agency.id}/links.csv`}>
            <CsrfField token={csrfToken} />
            {unsent.map((row) => (
              <input key={row.email} type="hidden" name="link" value={row.link} />
            ))}
            <p class="hint" id="download-hint">
              {t('invitations.result.downloadHint')}
            </p>
            <button type="submit" class="button secondary" aria-describedby="download-hint">
              {t('invitations.result.download')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={`/rounds/${round.id}/invitations/${agency.id}`}>{agency.name}</a>
      </p>
    </>
  );
}
