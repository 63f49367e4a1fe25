// Results: scores from item to whole of government, with small-number
// protection on everything shown — pages, charts, exports, API, methodology.
import type { Feature } from '../../platform/http/feature.ts';
import { adviceApi } from './advice-api.ts';
import { exportRoutes } from './exports/export-routes.ts';
import { adviceRoutes } from './pages/advice-routes.tsx';
import { methodologyRoutes } from './pages/methodology-routes.tsx';
import { resultsRoutes } from './pages/results-routes.tsx';
import { resultsApi } from './results-api.ts';

export const results: Feature = {
  name: 'results',
  async register(app, deps) {
    await resultsRoutes(app, deps);
    await adviceRoutes(app, deps);
    await methodologyRoutes(app);
    await exportRoutes(app, deps);
    await resultsApi(app, deps);
    await adviceApi(app, deps);
  },
};

export { DEFAULT_MIN_RESPONDENTS, type Disclosure, nodeKeys } from './protection/disclosure.ts';
export { roundDisclosure } from './store/open-results.ts';
export { publishedWholeOfGovernmentScores } from './store/published-scores.ts';
