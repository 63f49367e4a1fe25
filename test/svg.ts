// Reading the SVG the charts draw, as a browser would get it: its elements with
// their attributes and text, and where bars, cells and labels sit.

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  /** The text up to the next tag, unescaped: a <text>'s or <title>'s content. */
  text: string;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function unescaped(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

/** Every element in document order, self-closing ones included. */
export function svgElements(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  for (const match of svg.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>]+="[^"]*")*)\s*\/?>([^<]*)/g)) {
    const [, tag = '', attributes = '', text = ''] = match;
    const attrs: Record<string, string> = {};
    for (const [, name = '', value = ''] of attributes.matchAll(/([^\s=]+)="([^"]*)"/g))
      attrs[name] = unescaped(value);
    elements.push({ tag, attrs, text: unescaped(text) });
  }
  return elements;
}

export function textsOf(svg: string): SvgElement[] {
  return svgElements(svg).filter((element) => element.tag === 'text');
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of a rectangle drawn as a path (`M x y l w 0 l 0 h l -w 0 Z`), as bars and cells are. */
export function boxOf(element: SvgElement): Box | undefined {
  const match = /^M([\d.-]+) ([\d.-]+)l([\d.-]+) 0l0 ([\d.-]+)l[\d.-]+ 0Z$/.exec(
    element.attrs.d ?? '',
  );
  if (!match) return undefined;
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** Where a text is anchored: its translation plus its own x and y. */
export function positionOf(element: SvgElement): { x: number; y: number } {
  const match = /translate\(([\d.-]+) ([\d.-]+)\)/.exec(element.attrs.transform ?? '');
  return {
    x: Number(match?.[1] ?? 0) + Number(element.attrs.x ?? 0),
    y: Number(match?.[2] ?? 0) + Number(element.attrs.y ?? 0),
  };
}

/** The rectangles (bars, cells) filled with a colour. */
export function boxesFilled(svg: string, fill: string): Box[] {
  return svgElements(svg)
    .filter((element) => element.attrs.fill?.toLowerCase() === fill.toLowerCase())
    .flatMap((element) => boxOf(element) ?? []);
}
