// What the charts take: plain data with every label already in the reader's
// language, and a formatter for numbers in that language.

/** What every chart needs besides its data. */
export interface ChartFrame {
  /** Unique on the page: every id inside the SVG starts with it. */
  id: string;
  /** The chart's accessible name, e.g. "Dimension scores, whole of government". */
  title: string;
  /** One or two sentences on what the chart shows, read after the title. */
  description: string;
  /** In CSS pixels; each chart has a default that suits its data. */
  width?: number;
  height?: number;
  /** Numbers as the reader's language writes them, e.g. `(n) => messages.number(n, { maximumFractionDigits: 1 })`. */
  formatNumber: (value: number) => string;
}

/** A named line or set of bars: one value per category, in the categories' order. */
export interface ChartSeries {
  name: string;
  /** undefined where there is no score (no answers, or withheld). */
  values: (number | undefined)[];
}

/** The answers' range: the axes run from its lowest to its highest answer. */
export interface ScoreScale {
  /** e.g. 1. */
  min: number;
  /** e.g. 5, or 4 for a framework of maturity stages. */
  max: number;
}
