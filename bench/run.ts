// Benchmarks: each figure on its own line as `bench: <name> <value> [unit]`.
// Run with `npm run bench`; the README records the latest figures.
import { chartRenders } from './chart-render.ts';
import { pageWeights } from './page-weight.ts';
import { questionnairePageWeight } from './questionnaire-page.ts';
import { saveLoad } from './save-load.ts';
import { wogResults } from './wog-results.ts';

const figures = [
  ...(await pageWeights()),
  ...(await questionnairePageWeight()),
  ...(await saveLoad({ respondents: 200, seconds: 10 })),
  ...chartRenders(),
  ...(await wogResults()),
];
for (const { name, value, unit } of figures)
  console.log(`bench: ${name} ${value}${unit ? ` ${unit}` : ''}`);
