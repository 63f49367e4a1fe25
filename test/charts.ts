// Chart inputs with defaults, for tests: labels as a page would pass them, in
// Spanish so that numbers show the reader's decimal comma.
import type { BarChartInput } from '../src/platform/charts/bar-chart.ts';
import type { ChangeChartInput } from '../src/platform/charts/change-chart.ts';
import type { DistributionChartInput } from '../src/platform/charts/distribution-chart.ts';
import type { HeatmapChartInput } from '../src/platform/charts/heatmap-chart.ts';
import type { RadarChartInput } from '../src/platform/charts/radar-chart.ts';

const spanish = new Intl.NumberFormat('es', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const formatSpanish = (value: number) => spanish.format(value);

const dimensions = ['Estrategia', 'Liderazgo', 'Datos', 'Servicios', 'Competencias', 'Tecnología'];

export function buildRadarInput(overrides: Partial<RadarChartInput> = {}): RadarChartInput {
  return {
    id: 'radar',
    title: 'Puntuación por dimensión',
    description: 'El conjunto del gobierno y el Ministerio de Salud en seis dimensiones.',
    formatNumber: formatSpanish,
    axes: dimensions,
    scale: { min: 1, max: 5 },
    series: [
      { name: 'Conjunto del gobierno', values: [3.2, 4.1, 2.5, 3, 1.8, 4.6] },
      { name: 'Ministerio de Salud', values: [2.2, 3.1, 2.9, 4, 2.8, 3.6] },
    ],
    ...overrides,
  };
}

export function buildBarInput(overrides: Partial<BarChartInput> = {}): BarChartInput {
  return {
    id: 'bars',
    title: 'Subdimensiones, de la más fuerte a la más débil',
    description: 'Puntuación de cinco subdimensiones.',
    formatNumber: formatSpanish,
    categories: ['Datos abiertos', 'Gobernanza', 'Servicios en línea', 'Ciberseguridad', 'Talento'],
    scale: { min: 1, max: 5 },
    series: [{ name: 'Ministerio de Salud', values: [4.2, 3.7, 3.1, 2.6, 1.9] }],
    ...overrides,
  };
}

export function buildHeatmapInput(overrides: Partial<HeatmapChartInput> = {}): HeatmapChartInput {
  return {
    id: 'heatmap',
    title: 'Organismos por subdimensión',
    description: 'Puntuación de tres organismos en cuatro subdimensiones.',
    formatNumber: formatSpanish,
    rows: ['Ministerio de Salud', 'Ministerio de Hacienda', 'Municipio de Norte'],
    columns: ['EST1', 'LID1', 'DAT1', 'SER1'],
    cells: [
      [1, 2.5, 3.5, 5],
      [undefined, undefined, undefined, undefined],
      [4.2, undefined, 1.6, 3],
    ],
    scale: { min: 1, max: 5 },
    emptyLabel: 'Sin puntuación, o muy pocas respuestas para mostrarla',
    ...overrides,
  };
}

export function buildDistributionInput(
  overrides: Partial<DistributionChartInput> = {},
): DistributionChartInput {
  return {
    id: 'distribution',
    title: 'Respuestas por pregunta',
    description: 'Cuántas personas dieron cada respuesta a tres preguntas.',
    formatNumber: (value) => new Intl.NumberFormat('es').format(value),
    items: ['LID01', 'LID02', 'LID03'],
    answers: [
      { label: '1 Muy en desacuerdo', counts: [3, 0, 10] },
      { label: '2 En desacuerdo', counts: [5, 2, 12] },
      { label: '3 Ni de acuerdo ni en desacuerdo', counts: [8, 4, 20] },
      { label: '4 De acuerdo', counts: [12, 9, 5] },
      { label: '5 Muy de acuerdo', counts: [6, 15, 1] },
      { label: 'No aplica', counts: [4, 0, 2], outsideScale: true },
    ],
    ...overrides,
  };
}

export function buildChangeInput(overrides: Partial<ChangeChartInput> = {}): ChangeChartInput {
  return {
    id: 'change',
    title: 'Cambio desde la ronda de 2024',
    description: 'Puntuación por dimensión en 2024 y en 2026.',
    formatNumber: formatSpanish,
    categories: dimensions,
    scale: { min: 1, max: 5 },
    earlier: { name: '2024', values: [3, 3.5, 2.7, 3.1, 2.2, 3.9] },
    later: { name: '2026', values: [3.4, 3.2, 2.7, 3.6, 2.5, 3.9] },
    ...overrides,
  };
}
