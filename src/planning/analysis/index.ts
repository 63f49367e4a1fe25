// Situation analysis of a plan: its SWOT entries (some drafted from the
// baseline round's results) and its PESTLE factors.
export type { SwotQuadrant } from './swot-rules.ts';
export { listSwotEntries, type SwotEntry } from './swot-store.ts';
