// Renders an echarts option to an SVG string a page can embed under the app's
// strict Content-Security-Policy: no style attributes or elements, no scripts,
// no event handlers, ids of its own, a title and a description for assistive
// technology, and the same bytes for the same data.

import type { EChartsOption } from 'echarts';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// Only the parts the charts use: the whole library takes ~570 ms to load, these ~330 ms.
import 'echarts/lib/chart/bar.js';
import 'echarts/lib/chart/heatmap.js';
import 'echarts/lib/chart/radar.js';
import 'echarts/lib/component/graphic.js';
import 'echarts/lib/component/grid.js';
import 'echarts/lib/component/legend.js';
import 'echarts/lib/component/radar.js';
import 'echarts/lib/component/visualMapContinuous.js';
import { chartFont, textColour } from './chart-colours.ts';
import type { ChartFrame as ChartInputFrame } from './chart-input.ts';

/** The frame without its number format, which only the charts' options use. */
type ChartFrame = Omit<ChartInputFrame, 'formatNumber'>;

use([SVGRenderer]);

/** An element of zrender's virtual SVG tree, the form it serialises to a string. */
interface SvgNode {
  tag: string;
  attrs: Record<string, string | number | boolean | null | undefined>;
  children?: SvgNode[];
  text?: string;
}

// echarts' renderToSVGString writes font declarations as style attributes, a
// <style> of hover effects, hydration metadata (ecmeta_*), and classes and ids
// numbered by a counter across the whole process (zr0-..., zr1-...). Reading
// the SVG painter's tree instead, which is not part of echarts' typed API,
// leaves the <style> out and lets us rewrite the rest without parsing markup.
interface SvgPainter {
  renderToVNode(options: {
    animation: boolean;
    emphasis: boolean;
    willUpdate: boolean;
    compress: boolean;
    useViewBox: boolean;
  }): SvgNode;
}

const defaultSize = { width: 640, height: 400 };
// The default text size of every chart, set once on the root element.
const rootFontSize = 12;

export function renderChart(frame: ChartFrame, option: EChartsOption): string {
  const width = frame.width ?? defaultSize.width;
  const height = frame.height ?? defaultSize.height;
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: chartFont, fontSize: rootFontSize, color: textColour },
      ...option,
    });
    const painter = chart.getZr().painter as unknown as SvgPainter;
    const root = painter.renderToVNode({
      animation: false,
      emphasis: false,
      willUpdate: false,
      compress: true,
      useViewBox: true,
    });
    return serialise(accessibleRoot(cleaned(root, idsOf(root, frame.id)), frame));
  } finally {
    // An undisposed chart keeps timers that hold the process open.
    chart.dispose();
  }
}

/** Gives every id in the tree a name from the chart's own id, in document order. */
function idsOf(root: SvgNode, chartId: string): Map<string, string> {
  const ids = new Map<string, string>();
  const visit = (node: SvgNode) => {
    const id = node.attrs.id;
    if (typeof id === 'string' && !ids.has(id)) ids.set(id, `${chartId}-${ids.size}`);
    node.children?.forEach(visit);
  };
  visit(root);
  return ids;
}

/**
 * The tree without what the page must not or need not receive: style
 * declarations become presentation attributes; zrender's hydration metadata
 * (ecmeta_*), hover classes and hit areas go; shapes that paint nothing go.
 */
function cleaned(node: SvgNode, ids: Map<string, string>): SvgNode {
  const attrs: SvgNode['attrs'] = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (droppedAttribute(name)) continue;
    if (name === 'style') {
      Object.assign(attrs, presentationAttributes(String(value)));
      continue;
    }
    attrs[name] = typeof value === 'string' ? renamedReferences(value, ids) : value;
  }
  if (typeof attrs.id === 'string') attrs.id = ids.get(attrs.id) ?? attrs.id;
  if (attrs['font-size'] === `${rootFontSize}px`) delete attrs['font-size'];
  if (attrs['font-family'] === chartFont) delete attrs['font-family'];
  const children = node.children
    ?.filter((child) => !droppedElements.has(child.tag) && paints(child))
    .map((child) => cleaned(child, ids));
  return { tag: node.tag, attrs, children, text: node.text };
}

const droppedElements = new Set(['style', 'script', 'foreignObject']);

function droppedAttribute(name: string): boolean {
  return (
    name.startsWith('ecmeta_') ||
    name.startsWith('on') ||
    name === 'class' ||
    name === 'pointer-events' ||
    name === 'xmlns:xlink' ||
    name === 'version' ||
    name === 'baseProfile'
  );
}

const shapes = new Set(['path', 'rect', 'polyline', 'polygon', 'circle', 'ellipse', 'line']);

/** False for a shape that is invisible: a hit area or a transparent background. */
function paints(node: SvgNode): boolean {
  if (!shapes.has(node.tag)) return true;
  const { attrs } = node;
  if (attrs.opacity === 0 || attrs.opacity === '0') return false;
  const fills = attrs.fill !== 'none' && attrs['fill-opacity'] !== 0;
  const strokes =
    attrs.stroke !== undefined &&
    attrs.stroke !== 'none' &&
    attrs['stroke-width'] !== 0 &&
    attrs['stroke-opacity'] !== 0;
  return fills || strokes;
}

function renamedReferences(value: string, ids: Map<string, string>): string {
  return value.replace(/url\(#([^)]+)\)/g, (reference, id: string) =>
    ids.has(id) ? `url(#${ids.get(id)})` : reference,
  );
}

// zrender writes the font of a text as declarations; each has a presentation
// attribute of the same name, which a style-src policy does not govern.
const fontProperties = new Set(['font-size', 'font-family', 'font-weight', 'font-style']);

function presentationAttributes(declarations: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (property === 'font') Object.assign(attrs, fontShorthand(value));
    else if (fontProperties.has(property)) attrs[property] = value;
    else throw new Error(`The chart has a style the page cannot carry: ${declaration}`);
  }
  return attrs;
}

/** zrender's `font: [italic] [bold] 14px family` when a text sets no separate font parts. */
function fontShorthand(value: string): Record<string, string> {
  const match =
    /^(?:(italic|oblique)\s+)?(?:(bold|bolder|lighter|\d00)\s+)?([\d.]+px)\s+(.+)$/.exec(value);
  if (!match) throw new Error(`The chart has a font the page cannot carry: ${value}`);
  const [, style, weight, size = '', family = ''] = match;
  return {
    'font-size': size,
    'font-family': family,
    ...(style ? { 'font-style': style } : {}),
    ...(weight ? { 'font-weight': weight } : {}),
  };
}

/** The root as an image with a name and a description, in the page's font. */
function accessibleRoot(root: SvgNode, frame: ChartFrame): SvgNode {
  const titleId = `${frame.id}-title`;
  const descriptionId = `${frame.id}-desc`;
  return {
    ...root,
    attrs: {
      ...root.attrs,
      role: 'img',
      'aria-labelledby': titleId,
      'aria-describedby': descriptionId,
      'font-family': chartFont,
      'font-size': rootFontSize,
    },
    children: [
      { tag: 'title', attrs: { id: titleId }, text: frame.title },
      { tag: 'desc', attrs: { id: descriptionId }, text: frame.description },
      ...(root.children ?? []),
    ],
  };
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escaped(value: string): string {
  return value.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function serialise(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escaped(String(value))}"`)
    .join('');
  const children = node.children?.map(serialise).join('\n') ?? '';
  const content = node.text !== undefined ? escaped(node.text) : children && `\n${children}\n`;
  return `<${node.tag}${attrs}>${content}</${node.tag}>`;
}
