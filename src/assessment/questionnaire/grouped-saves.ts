// Autosaves that arrive while the database is busy wait for the save before
// them and are then written together, one transaction for the whole group
// (saveAnsweredGroup): under load the cost of a round trip and a commit is
// shared by many saves, and a lone save is written at once.
import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import { isoToday } from '../../platform/iso-day.ts';
import { type AnsweredSave, type SaveOutcome, saveAnsweredGroup } from './questionnaire-store.ts';

type Outcome = SaveOutcome | 'link_closed' | 'save_id_reused';

interface WaitingSave {
  save: AnsweredSave;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export class GroupedSaves {
  /** Bounds a group's transaction, so the saves after it do not wait long. */
  static readonly MAX_GROUP = 200;
  readonly #db: Kysely<Schema>;
  #waiting: WaitingSave[] = [];
  #writing = false;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Resolves once the save is committed, with its own outcome. */
  save(save: AnsweredSave): Promise<Outcome> {
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
      if (group.length < GroupedSaves.MAX_GROUP && !links.has(invitationId)) {
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
      const outcomes = await saveAnsweredGroup(
        this.#db,
        group.map((waiting) => waiting.save),
        isoToday(),
      );
      for (const [index, waiting] of group.entries()) waiting.resolve(outcomes[index] as Outcome);
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
