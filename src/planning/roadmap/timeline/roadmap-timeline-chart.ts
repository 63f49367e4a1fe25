// Draws a laid-out timeline (roadmap-timeline-layout.ts) as an SVG string a page
// embeds under the strict Content-Security-Policy: no style attributes, only
// classes the stylesheet colours (public/styles.css, "Roadmap timeline"), and
// short numbers, so a roadmap of a thousand rows stays light. A late bar is
// hatched and says so in words, a late milestone is hatched: never colour alone.
import { escaped } from '../../../platform/charts/render-chart.ts';
import {
  BAR_HEIGHT,
  HEADER_HEIGHT,
  type TimelineLayout,
  type TimelineRow,
} from './roadmap-timeline-layout.ts';

export interface TimelineLabels {
  title: string;
  description: string;
  today: string;
  overdue: string;
  quarter: (quarter: number) => string;
}

const INDENT = 14;
const LABEL_START = 4;
// About the width of a character of the 12px labels: a longer title is cut, the table has it whole.
const CHAR_WIDTH = 6.6;
const MILESTONE = 6;

function clipped(text: string, room: number): string {
  const fits = Math.max(4, Math.floor(room / CHAR_WIDTH));
  return text.length <= fits ? text : `${text.slice(0, fits - 1).trimEnd()}…`;
}

function row(layout: TimelineLayout, timelineRow: TimelineRow, labels: TimelineLabels): string {
  const { y, bar, depth, status, overdue } = timelineRow;
  const labelX = LABEL_START + depth * INDENT;
  const top = y - BAR_HEIGHT / 2;
  const parts = [
    `<g class="tl-${status.kind}${depth === 0 ? ' tl-root' : ''}">`,
    `<text x="${labelX}" y="${y + 4}">${escaped(
      clipped(timelineRow.initiative.title, layout.left - labelX - 8),
    )}</text>`,
  ];
  if (bar) {
    const box = (extra: string, width: number) =>
      `<rect ${extra}x="${bar.x}" y="${top}" width="${width}" height="${BAR_HEIGHT}"/>`;
    parts.push(box('class="tl-bar" ', bar.width));
    if (bar.progressWidth > 0) parts.push(box('class="tl-done" ', bar.progressWidth));
    if (overdue) {
      parts.push(box('class="tl-late" ', bar.width));
      parts.push(
        `<text class="tl-note" x="${Math.round(bar.x + bar.width + 4)}" y="${y + 4}">${escaped(labels.overdue)}</text>`,
      );
    }
  }
  for (const { milestone, x, overdue: late } of timelineRow.milestones) {
    const shape = milestone.reachedOn ? 'tl-reached' : late ? 'tl-missed' : 'tl-ms';
    parts.push(
      `<path class="${shape}" d="M${x} ${y - MILESTONE}l${MILESTONE} ${MILESTONE}-${MILESTONE} ${MILESTONE}-${MILESTONE}-${MILESTONE}z"/>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

export function timelineChart(layout: TimelineLayout, labels: TimelineLabels): string {
  const { width, height, left, years, rows } = layout;
  // The grid and today's line stop above the bottom strip where today's name goes.
  const bottom = height - 16;
  const grid: string[] = [];
  for (const year of years) {
    grid.push(
      `<path class="tl-year" d="M${year.x} 0V${bottom}"/>`,
      `<text class="tl-year-label" x="${year.x + 4}" y="14">${year.year}</text>`,
    );
    // Quarter names only where a year is wide enough for them to read.
    if (year.width >= 120)
      for (let quarter = 1; quarter <= 4; quarter++)
        grid.push(
          `<text class="tl-q-label" x="${Math.round(year.x + ((quarter - 0.5) * year.width) / 4)}" y="30">${escaped(labels.quarter(quarter))}</text>`,
        );
  }
  for (const x of layout.quarterXs) grid.push(`<path class="tl-q" d="M${x} 18V${bottom}"/>`);
  const arrows = layout.arrows.map(
    ({ from, to }) =>
      `<path class="tl-arrow" d="M${from.x} ${from.y}h6V${to.y}H${to.x}" marker-end="url(#tl-arrow)"/>`,
  );
  const today =
    layout.todayX === undefined
      ? []
      : [
          `<path class="tl-today" d="M${layout.todayX} ${HEADER_HEIGHT - 4}V${bottom}"/>`,
          `<text class="tl-today-label" x="${layout.todayX}" y="${height - 4}">${escaped(labels.today)}</text>`,
        ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="tl-title tl-desc">`,
    `<title id="tl-title">${escaped(labels.title)}</title>`,
    `<desc id="tl-desc">${escaped(labels.description)}</desc>`,
    '<defs><pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0 0V6"/></pattern>',
    '<marker id="tl-arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0L6 3 0 6z"/></marker></defs>',
    `<path class="tl-edge" d="M${left} 0V${bottom}"/>`,
    ...grid,
    ...rows.map((timelineRow) => row(layout, timelineRow, labels)),
    ...arrows,
    ...today,
    '</svg>',
  ].join('');
}
