// Every save of answers goes through here: autosaves and pages posted without
// JavaScript alike. A save that arrives while the database is busy waits for
// the group before it, then is written with the others that arrived meanwhile,
// one transaction for the whole group (writeSaves): under load the cost of a
// round trip and a commit is shared by many saves, and a lone save is written
// at once, a group of one.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { FeatureDeps } from '../../platform/http/feature.ts';
import { isoToday } from '../../platform/iso-day.ts';
import { type OpenedLinks, openLink, type RefusedLink } from './respondent-link.ts';
import { type AnswerSave, type SaveOutcome, type SaveResult, writeSaves } from './save-store.ts';

interface WaitingSave {
  save: AnswerSave;
  resolve(outcome: SaveResult): void;
  reject(error: unknown): void;
}

/** What the questionnaire's registrars are given: the app's, the one queue of answer saves, and the links it remembers. */
export interface QuestionnaireDeps extends FeatureDeps {
  saves: AnswerSaves;
  links: OpenedLinks;
}

export class AnswerSaves {
  /** Bounds a group's transaction, so the saves after it do not wait long. */
  static readonly MAX_GROUP = 200;
  readonly #db: Kysely<Schema>;
  #waiting: WaitingSave[] = [];
  #writing = false;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Resolves once the save is committed, with its own outcome. */
  save(save: AnswerSave): Promise<SaveResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ save, resolve, reject });
      if (!this.#writing) {
        this.#writing = true;
        // After the requests that arrived with this one have been read, so
        // they join its group.
        setImmediate(() => void this.#writeGroups());
      }
    });
  }

  async #writeGroups() {
    while (this.#waiting.length > 0) {
      await this.#write(this.#takeGroup());
      // The embedded database answers in microtasks: let the requests that
      // arrived meanwhile be read before the next group is taken.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.#writing = false;
  }

  /**
   * The waiting saves in their order of arrival, at most one per link: a
   * second save of the same response waits for the next group, so each
   * response sees its saves one after the other.
   */
  #takeGroup(): WaitingSave[] {
    const links = new Set<string>();
    const group: WaitingSave[] = [];
    const later: WaitingSave[] = [];
    for (const waiting of this.#waiting) {
      const { invitationId } = waiting.save.link;
      if (group.length < AnswerSaves.MAX_GROUP && !links.has(invitationId)) {
        links.add(invitationId);
        group.push(waiting);
      } else {
        later.push(waiting);
      }
    }
    this.#waiting = later;
    return group;
  }

  async #write(group: WaitingSave[]) {
    try {
      const outcomes = await writeSaves(
        this.#db,
        group.map((waiting) => waiting.save),
        isoToday(),
      );
      for (const [index, waiting] of group.entries())
        waiting.resolve(outcomes[index] as SaveResult);
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // A save the database refuses must not fail the others of its group:
      // each is written again on its own, and only the culprit fails.
      for (const waiting of group) await this.#write([waiting]);
    }
  }
}

/**
 * A save through the link `token`, already looked up and found open. Should
 * the link stop opening before the save is written (revoked, its round
 * closed), the save refuses it, and the link is looked up again to say why;
 * should it open again by then (a round reopened meanwhile), the save is made
 * once more.
 */
export async function saveThroughLink(
  db: Kysely<Schema>,
  saves: AnswerSaves,
  token: string,
  save: AnswerSave,
): Promise<SaveOutcome | 'save_id_reused' | RefusedLink> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await saves.save(save);
    if (outcome !== 'link_closed') return outcome;
    const opened = await openLink(db, token);
    if (opened.state !== 'valid') return opened;
    if (attempt === 2)
      throw new Error('decideLink opens a link that the save refuses: the two rules disagree');
  }
}
