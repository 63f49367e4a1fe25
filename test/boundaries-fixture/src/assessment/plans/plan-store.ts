// Breaks feature-to-feature-through-entry: reaches inside another feature.
import { mapName } from '../maps/map-store.ts';

export function planName(): string {
  return `plan of ${mapName()}`;
}
