// The colours and text of every chart: series colours that colour-blind
// readers tell apart (Okabe–Ito), a sequential scale for scores and counts
// (viridis), and text dark enough to read on white.

/**
 * Okabe & Ito's palette, ordered so the first five stand out against white
 * (contrast ≥ 3:1, WCAG's figure for graphics); orange and sky blue come last.
 * Yellow is left out: 1.3:1 on white.
 */
export const seriesColours = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#000000',
  '#E69F00',
  '#56B4E9',
] as const;

/** Viridis, low to high: perceptually even, readable in every kind of colour blindness and in grey. */
export const sequentialColours = [
  '#440154',
  '#472d7b',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
] as const;

/** Text on white: 19.6:1. */
export const textColour = '#0b0c0c';
/** Axis labels and secondary text on white: 8.3:1. */
export const mutedTextColour = '#4b4f54';
/** Grid and axis lines: decoration, not information. */
export const lineColour = '#b1b4b6';
/**
 * A cell without a score: white with a grey edge, a colour viridis never
 * takes, so it cannot be read as a score.
 */
export const emptyCellColour = '#ffffff';

/** An answer outside the scale ("not applicable"): a grey viridis never takes. */
export const outsideScaleColour = '#d4d6d8';

/**
 * The family echarts measures text with. It is not written into the SVG: the
 * text takes the page's font.
 */
export const chartFont = 'sans-serif';

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function hexOf([red, green, blue]: Rgb): string {
  return `#${((1 << 24) | (red << 16) | (green << 8) | blue).toString(16).slice(1)}`;
}

/** The scale's colour at a fraction from 0 (low) to 1 (high), between the stops. */
export function sequentialColour(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const position = clamped * (sequentialColours.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sequentialColours.length - 1);
  const from = rgbOf(sequentialColours[lower] ?? '#000000');
  const to = rgbOf(sequentialColours[upper] ?? '#000000');
  const share = position - lower;
  return hexOf(
    from.map((channel, i) => Math.round(channel + ((to[i] ?? 0) - channel) * share)) as Rgb,
  );
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [red, green, blue] = rgbOf(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrast(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * Black or white text, whichever reads better on a background: one of the two
 * has a contrast of at least 4.58:1 with any colour.
 */
export function textColourOn(background: string): string {
  return contrast('#000000', background) >= contrast('#ffffff', background) ? '#000000' : '#ffffff';
}
