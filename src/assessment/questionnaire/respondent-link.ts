// Opening a questionnaire from its link: the invitation, the decision whether
// it may be answered today, and the framework it is answered against.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { isoToday } from '../../platform/iso-day.ts';
import type { Framework } from '../frameworks/index.ts';
import { loadFramework } from '../frameworks/index.ts';
import {
  decideLink,
  findInvitationByToken,
  type Invitation,
  type LinkState,
} from '../invitations/index.ts';
import {
  findInvitationWithResponse,
  notStartedResponse,
  type StoredResponse,
} from './questionnaire-store.ts';
import { type LinkIds, linkIdsOf } from './save-store.ts';

export type LinkProblem = Exclude<LinkState, 'valid'>;

/** A link that does not open its questionnaire, and why. */
export type RefusedLink = Extract<OpenedLink, { state: LinkProblem }>;

export type OpenedLink =
  | { state: 'valid'; invitation: Invitation; framework: Framework }
  | { state: LinkProblem; invitation: Invitation | undefined };

export async function openLink(db: Kysely<Schema>, token: string): Promise<OpenedLink> {
  return opened(db, await findInvitationByToken(db, token));
}

/** The link opened, and the response as stored when it opens: what every page of the questionnaire reads first. */
export async function openLinkWithResponse(
  db: Kysely<Schema>,
  token: string,
): Promise<{ opened: OpenedLink; response: StoredResponse }> {
  const found = await findInvitationWithResponse(db, token);
  return {
    opened: await opened(db, found?.invitation),
    response: found?.response ?? notStartedResponse(),
  };
}

async function opened(db: Kysely<Schema>, invitation: Invitation | undefined): Promise<OpenedLink> {
  const state = decideLink(invitation, isoToday());
  if (state !== 'valid' || !invitation) return { state: state as LinkProblem, invitation };
  return { state, invitation, framework: await loadFramework(db, invitation.round.frameworkId) };
}

export const linkErrorCodes: Record<LinkProblem, ErrorCode> = {
  unknown: 'invitation_unknown',
  revoked: 'invitation_revoked',
  not_yet_open: 'round_not_open',
  closed: 'round_closed',
};

const linkMessages: Record<LinkProblem, string> = {
  unknown: 'This invitation link is not known; check it was copied whole',
  revoked: 'This invitation link has been withdrawn; ask whoever sent it for a new one',
  not_yet_open: 'The round has not opened yet; answers are taken from its opening date',
  closed: 'The round has closed; answers can no longer be given or changed',
};

/** The API's error for a link that does not open its questionnaire. */
export function linkError(state: LinkProblem): AppError {
  return new AppError(linkErrorCodes[state], linkMessages[state], [
    { path: 'params.token', message: state.replaceAll('_', ' ') },
  ]);
}

/** For the API: the opened questionnaire, or the error that names why not. */
export async function requireOpenLink(db: Kysely<Schema>, token: string) {
  const opened = await openLink(db, token);
  if (opened.state !== 'valid') throw linkError(opened.state);
  return opened;
}

export interface RememberedLink {
  ids: LinkIds;
  framework: Framework;
}

/**
 * What the saves remember of a link that opened: the facts that never change
 * for a token (its invitation, round and agency, and the framework a round
 * keeps once open). Whether the link still opens today is checked again by
 * each save, inside its own transaction (writeSaves), so a save through a
 * remembered link reads nothing before it writes.
 */
export class OpenedLinks {
  static readonly MAX = 50_000;
  readonly #db: Kysely<Schema>;
  readonly #links = new Map<string, RememberedLink>();
  // Saves of one link that arrive together (two tabs, a burst after a
  // server restart) look it up once.
  readonly #opening = new Map<string, Promise<RememberedLink | RefusedLink>>();

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** The link as remembered, or looked up and remembered if it opens; if not, why. */
  open(token: string): Promise<RememberedLink | RefusedLink> | RememberedLink {
    const remembered = this.#links.get(token);
    if (remembered) return remembered;
    let opening = this.#opening.get(token);
    if (!opening) {
      opening = openLink(this.#db, token)
        .then((opened) =>
          opened.state === 'valid'
            ? this.#remember(token, opened.invitation, opened.framework)
            : opened,
        )
        .finally(() => this.#opening.delete(token));
      this.#opening.set(token, opening);
    }
    return opening;
  }

  #remember(token: string, invitation: Invitation, framework: Framework): RememberedLink {
    // The oldest link makes room: a respondent who comes back is looked up again.
    if (this.#links.size >= OpenedLinks.MAX)
      this.#links.delete(this.#links.keys().next().value as string);
    const link = { ids: linkIdsOf(invitation), framework };
    this.#links.set(token, link);
    return link;
  }

  /** After a save found the link closed: the next one looks it up again. */
  forget(token: string) {
    this.#links.delete(token);
  }
}
