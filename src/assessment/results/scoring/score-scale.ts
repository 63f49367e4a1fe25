// The range scores of a framework can take: from the lowest value of any of
// its scales to the highest (1–5 for the DGCA's agreement scale, 1–4 for the
// nine pillars' stages). Charts draw their axes over it.
import type { Framework, Scale } from '../../frameworks/index.ts';

function valuesOf(scale: Scale): number[] {
  return scale.type === 'likert'
    ? [scale.min, scale.max]
    : scale.stages.map((stage) => stage.value);
}

export function scoreScaleOf(framework: Framework): { min: number; max: number } {
  const values = framework.scales.flatMap(valuesOf);
  return { min: Math.min(...values), max: Math.max(...values) };
}
