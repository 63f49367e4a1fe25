// Where everything on a roadmap's timeline goes: one row per initiative in
// tree order (programme, its projects, their activities, indented), a bar
// from start to end with its progress, milestones, today's line, arrows from
// a prerequisite's end to its dependent's start, and a year and quarter grid
// across the plan's period widened to the initiatives' dates. Pure: drawing
// it is roadmap-timeline-chart.ts's job.
import type { Initiative } from '../initiative-store.ts';
import type { Milestone } from '../milestone-store.ts';
import { statusOf } from '../open-roadmap.ts';
import { initiativeOverdue, milestoneOverdue } from '../overdue.ts';
import type { Progress } from '../progress-rollup.ts';
import type { InitiativeStatus } from '../roadmap-statuses.ts';
import { treeRows } from '../roadmap-summary.ts';

/** What the timeline is laid out from: a roadmap (open-roadmap.ts), its milestones and today. */
export interface TimelineInput {
  plan: { startsYear: number; endsYear: number };
  statuses: readonly InitiativeStatus[];
  initiatives: readonly Initiative[];
  progress: ReadonlyMap<string, Progress>;
  milestones: readonly Milestone[];
  /** 'YYYY-MM-DD' */
  today: string;
}

export interface TimelineMilestone {
  milestone: Milestone;
  x: number;
  overdue: boolean;
}

export interface TimelineRow {
  initiative: Initiative;
  status: InitiativeStatus;
  /** 0 for a root, 1 under it… */
  depth: number;
  /** The middle of the row. */
  y: number;
  /** Absent for an undated initiative kept as a row because work under it is dated. */
  bar?: { x: number; width: number; progressWidth: number };
  progress: number;
  overdue: boolean;
  milestones: TimelineMilestone[];
}

export interface TimelineArrow {
  fromId: string;
  toId: string;
  /** The end of the prerequisite's bar, then the start of the dependent's. */
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** Where the dated area starts and ends, right of the labels. */
  left: number;
  right: number;
  years: { year: number; x: number; width: number }[];
  /** The starts of the second to fourth quarters of every year. */
  quarterXs: number[];
  rows: TimelineRow[];
  /** Initiatives without both dates, in tree order: listed under the chart. */
  unscheduled: Initiative[];
  arrows: TimelineArrow[];
  /** Today's vertical line; absent when today falls outside the period shown. */
  todayX?: number;
}

export const WIDTH = 960;
/** Room for the titles, left of the dates. */
export const LABEL_WIDTH = 260;
export const ROW_HEIGHT = 24;
export const BAR_HEIGHT = 14;
/** The year and quarter headings above the rows. */
export const HEADER_HEIGHT = 36;
// Room right of the dated area for the "overdue" text beside a late bar that ends there.
const END_MARGIN = 64;

const MS_PER_DAY = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
const yearStart = (year: number) => Date.UTC(year, 0, 1) / MS_PER_DAY;
/** One decimal is finer than a pixel and keeps the SVG short. */
export const short = (value: number) => Math.round(value * 10) / 10;

const isScheduled = (initiative: Initiative) =>
  initiative.startsOn !== null && initiative.endsOn !== null;

// ISO days compare as text. The sort is stable and treeRows keeps siblings in
// the order given, so siblings come by start date (undated last), then as the
// store gave them (by title), with no costly collation.
const startOf = (initiative: Initiative) => initiative.startsOn ?? '9999';
const byStart = (a: Initiative, b: Initiative) =>
  startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0;

/** The years shown: the plan's period, widened to every date on the timeline. */
function yearsShown(input: TimelineInput): { first: number; last: number } {
  let first = input.plan.startsYear;
  let last = input.plan.endsYear;
  const widen = (day: string | null) => {
    if (day === null) return;
    const year = Number(day.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
  };
  for (const initiative of input.initiatives) {
    if (!isScheduled(initiative)) continue;
    widen(initiative.startsOn);
    widen(initiative.endsOn);
  }
  for (const milestone of input.milestones) widen(milestone.dueOn);
  return { first, last };
}

export function layoutTimeline(input: TimelineInput): TimelineLayout {
  const { first, last } = yearsShown(input);
  const left = LABEL_WIDTH;
  const right = WIDTH - END_MARGIN;
  const firstDay = yearStart(first);
  const pxPerDay = (right - left) / (yearStart(last + 1) - firstDay);
  const xOf = (day: string) => short(left + (dayNumber(day) - firstDay) * pxPerDay);
  // An end date is the last day of the work: its bar reaches the end of that day.
  const endXOf = (day: string) => short(left + (dayNumber(day) + 1 - firstDay) * pxPerDay);

  const years: TimelineLayout['years'] = [];
  const quarterXs: number[] = [];
  for (let year = first; year <= last; year++) {
    const x = short(left + (yearStart(year) - firstDay) * pxPerDay);
    const next = short(left + (yearStart(year + 1) - firstDay) * pxPerDay);
    years.push({ year, x, width: short(next - x) });
    for (const month of [3, 6, 9])
      quarterXs.push(short(left + (Date.UTC(year, month, 1) / MS_PER_DAY - firstDay) * pxPerDay));
  }

  const milestonesOf = new Map<string, Milestone[]>();
  for (const milestone of input.milestones) {
    const list = milestonesOf.get(milestone.initiativeId);
    if (list) list.push(milestone);
    else milestonesOf.set(milestone.initiativeId, [milestone]);
  }

  const ordered = treeRows([...input.initiatives].sort(byStart));
  // An undated initiative stays a row when something under it is dated, so the tree reads whole.
  const hasDatedWork = new Set<string>();
  const parentOf = new Map(input.initiatives.map((i) => [i.id, i.parentId]));
  for (const { initiative } of ordered) {
    if (!isScheduled(initiative)) continue;
    const seen = new Set<string>();
    for (
      let id = initiative.parentId;
      id !== null && !seen.has(id);
      id = parentOf.get(id) ?? null
    ) {
      seen.add(id);
      hasDatedWork.add(id);
    }
  }

  const rows: TimelineRow[] = [];
  const unscheduled: Initiative[] = [];
  for (const { initiative, depth } of ordered) {
    const scheduled = isScheduled(initiative);
    if (!scheduled) unscheduled.push(initiative);
    if (!scheduled && !hasDatedWork.has(initiative.id)) continue;
    const status = statusOf(input.statuses, initiative.status);
    const progress = input.progress.get(initiative.id)?.value ?? status.defaultProgress;
    const y = HEADER_HEIGHT + rows.length * ROW_HEIGHT + ROW_HEIGHT / 2;
    let bar: TimelineRow['bar'];
    if (initiative.startsOn !== null && initiative.endsOn !== null) {
      const x = xOf(initiative.startsOn);
      const width = short(endXOf(initiative.endsOn) - x);
      bar = { x, width, progressWidth: short((width * progress) / 100) };
    }
    rows.push({
      initiative,
      status,
      depth,
      y,
      ...(bar ? { bar } : {}),
      progress,
      overdue: initiativeOverdue(
        { endsOn: initiative.endsOn, statusKind: status.kind },
        input.today,
      ),
      milestones: (milestonesOf.get(initiative.id) ?? []).map((milestone) => ({
        milestone,
        x: xOf(milestone.dueOn),
        overdue: milestoneOverdue(milestone, status.kind, input.today),
      })),
    });
  }

  const rowOf = new Map(rows.map((row) => [row.initiative.id, row]));
  const arrows: TimelineArrow[] = [];
  for (const row of rows) {
    if (!row.bar) continue;
    for (const prerequisiteId of row.initiative.dependsOnIds) {
      const prerequisite = rowOf.get(prerequisiteId);
      if (!prerequisite?.bar) continue;
      arrows.push({
        fromId: prerequisiteId,
        toId: row.initiative.id,
        from: { x: short(prerequisite.bar.x + prerequisite.bar.width), y: prerequisite.y },
        to: { x: row.bar.x, y: row.y },
      });
    }
  }

  const todayDay = dayNumber(input.today);
  const inPeriod = todayDay >= firstDay && todayDay < yearStart(last + 1);
  return {
    width: WIDTH,
    // Below the rows: today's name, under its line, clear of the quarters' names above.
    height: HEADER_HEIGHT + rows.length * ROW_HEIGHT + 20,
    left,
    right,
    years,
    quarterXs,
    rows,
    unscheduled,
    arrows,
    ...(inPeriod ? { todayX: xOf(input.today) } : {}),
  };
}
