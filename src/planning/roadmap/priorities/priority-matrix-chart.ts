// The value × feasibility matrix as an SVG string: feasibility across, value
// up, both from 1 to 5, the quadrants split at the scale's middle and named,
// each scored initiative a numbered dot at its means, the number keying it to
// the ranked table beside the chart. Drawn by hand rather than through echarts
// (src/platform/charts): a plan of 1,000 initiatives took echarts ~100 ms and
// ~195 KB; these few attributes per dot take a fraction of both. Like those
// charts it carries no style, so it passes the pages' CSP. Pure.
import {
  chartFont,
  lineColour,
  mutedTextColour,
  textColour,
} from '../../../platform/charts/chart-colours.ts';
import { MIDPOINT, SCORE_MAX, SCORE_MIN } from './prioritisation.ts';

export interface MatrixInput {
  id: string;
  title: string;
  description: string;
  xTitle: string;
  yTitle: string;
  /** The quadrants' names. */
  quadrants: { do_first: string; plan_carefully: string; quick_wins: string; reconsider: string };
  /** Each placed initiative: its number in the table, its feasibility (x) and value (y). */
  points: readonly { marker: string; x: number; y: number }[];
}

const width = 640;
const height = 520;
const margin = { top: 16, right: 16, bottom: 56, left: 64 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
// Half a point of room around the scale, so a dot at 1 or 5 is drawn whole.
const low = SCORE_MIN - 0.5;
const span = SCORE_MAX - SCORE_MIN + 1;
const RADIUS = 9;
const markerFill = '#1d4f91';
// The quadrant worth doing first is tinted; the others stay light (text ≥ 4.5:1 on both).
const tint = '#e3eef8';

const round = (n: number) => Math.round(n * 10) / 10;
const xOf = (score: number) => round(margin.left + ((score - low) / span) * plotWidth);
const yOf = (score: number) => round(margin.top + plotHeight - ((score - low) / span) * plotHeight);

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escaped = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * Where each dot goes: at its means, or, when several share a spot, around it
 * on a small spiral, so every number can be read.
 */
export function dotPositions(points: MatrixInput['points']): { cx: number; cy: number }[] {
  const taken = new Map<string, number>();
  return points.map((point) => {
    const cx = xOf(point.x);
    const cy = yOf(point.y);
    const spot = `${cx}|${cy}`;
    const before = taken.get(spot) ?? 0;
    taken.set(spot, before + 1);
    if (before === 0) return { cx, cy };
    // The golden angle spreads neighbours evenly; the radius grows with the count.
    const angle = before * 2.39996;
    const distance = (RADIUS + 1) * Math.sqrt(before) * 1.2;
    return {
      cx: round(cx + distance * Math.cos(angle)),
      cy: round(cy + distance * Math.sin(angle)),
    };
  });
}

export function priorityMatrixChart(input: MatrixInput): string {
  const id = escaped(input.id);
  // The scale's middle is where "high" starts (quadrantOf), so a dot on it sits on the line.
  const mid = { x: xOf(MIDPOINT), y: yOf(MIDPOINT) };
  const left = margin.left;
  const top = margin.top;
  const right = margin.left + plotWidth;
  const bottom = margin.top + plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="${escaped(chartFont)}" font-size="12">`,
    `<title id="${id}-title">${escaped(input.title)}</title>`,
    `<desc id="${id}-desc">${escaped(input.description)}</desc>`,
    `<rect x="${left}" y="${top}" width="${plotWidth}" height="${plotHeight}" fill="#fff" stroke="${lineColour}"/>`,
    `<rect x="${mid.x}" y="${top}" width="${round(right - mid.x)}" height="${round(mid.y - top)}" fill="${tint}"/>`,
    `<path d="M${mid.x} ${top}V${bottom}M${left} ${mid.y}H${right}" stroke="${mutedTextColour}" stroke-width="2"/>`,
  ];
  // Quadrant names in the outer corner of each quadrant.
  const name = (text: string, x: number, y: number, anchor: 'start' | 'end') =>
    parts.push(
      `<text x="${x}" y="${y}" text-anchor="${anchor}" fill="${mutedTextColour}" font-size="11">${escaped(text)}</text>`,
    );
  name(input.quadrants.plan_carefully, left + 6, top + 16, 'start');
  name(input.quadrants.do_first, right - 6, top + 16, 'end');
  name(input.quadrants.reconsider, left + 6, bottom - 8, 'start');
  name(input.quadrants.quick_wins, right - 6, bottom - 8, 'end');
  for (let score = SCORE_MIN; score <= SCORE_MAX; score++)
    parts.push(
      `<text x="${xOf(score)}" y="${bottom + 18}" text-anchor="middle" fill="${textColour}">${score}</text>`,
      `<text x="${left - 10}" y="${yOf(score) + 4}" text-anchor="end" fill="${textColour}">${score}</text>`,
    );
  parts.push(
    `<text x="${round(left + plotWidth / 2)}" y="${height - 10}" text-anchor="middle" fill="${textColour}">${escaped(input.xTitle)}</text>`,
    `<text transform="translate(20 ${round(top + plotHeight / 2)}) rotate(-90)" text-anchor="middle" fill="${textColour}">${escaped(input.yTitle)}</text>`,
  );
  // Groups carry what every dot and every number share, so each is a few
  // attributes: the circles first, the numbers over them.
  const positions = dotPositions(input.points);
  parts.push(`<g fill="${markerFill}" stroke="#fff">`);
  for (const at of positions) parts.push(`<circle cx="${at.cx}" cy="${at.cy}" r="${RADIUS}"/>`);
  parts.push('</g><g fill="#fff" text-anchor="middle" font-weight="bold" font-size="10">');
  input.points.forEach((point, index) => {
    const at = positions[index];
    if (!at) return;
    const length = point.marker.length;
    const size = length > 3 ? 7 : length > 2 ? 8 : 10;
    parts.push(
      `<text x="${at.cx}" y="${round(at.cy + size / 2.8)}"${size === 10 ? '' : ` font-size="${size}"`}>${escaped(point.marker)}</text>`,
    );
  });
  parts.push('</g></svg>');
  return parts.join('');
}
