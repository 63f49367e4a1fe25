// An initiative's status comes from its workspace's list; what a status means
// to the rules is its kind. A workspace that has not written its own list
// uses the default one, proposed 0 to completed 100 (issue 14).
export const statusKinds = ['proposed', 'active', 'completed', 'cancelled'] as const;
export type StatusKind = (typeof statusKinds)[number];

export interface InitiativeStatus {
  key: string;
  /** The workspace's own words; null for a default status, whose label comes from the catalogue. */
  label: string | null;
  kind: StatusKind;
  /** The progress an initiative at this status has when nothing else says more. */
  defaultProgress: number;
}

export const defaultStatuses: readonly InitiativeStatus[] = [
  { key: 'proposed', label: null, kind: 'proposed', defaultProgress: 0 },
  { key: 'approved', label: null, kind: 'proposed', defaultProgress: 5 },
  { key: 'in_progress', label: null, kind: 'active', defaultProgress: 25 },
  { key: 'completed', label: null, kind: 'completed', defaultProgress: 100 },
  { key: 'cancelled', label: null, kind: 'cancelled', defaultProgress: 0 },
];

/** Whether an initiative at this kind of status still has work ahead of it. */
export const isOpen = (kind: StatusKind) => kind === 'proposed' || kind === 'active';
