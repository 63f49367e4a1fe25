// Breaks part-to-part-through-entry: reaches inside another part of the feature.
import { publicationName } from '../publication/publication-store.ts';

export function priorityName(): string {
  return `priority of ${publicationName()}`;
}
