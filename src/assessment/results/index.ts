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

export type { RecommendationDecision } from './advice/advice-store.ts';
export { openAdvice, type RoundAdvice } from './advice/open-advice.ts';
export type { WeakSubdimension } from './advice/recommendations.ts';
// What other features read results through (the crosswalks' readings): the
// opened results of a round, the selection a filter makes under protection,
// scores, the pages' frame and formats, and the export files.
export { contentTypes, exportFile } from './exports/export-files.ts';
export {
  agencyColumns,
  agencyFields,
  type ExportFormat,
  exportFileName,
  exportFormats,
  rounded,
  type TableLayout,
} from './exports/exports.ts';
export type {
  ApartFromPeers,
  ConsensusDisagreement,
  ItemPullingDown,
} from './findings/diagnostics.ts';
export type { RankedSubdimension } from './findings/highlights.ts';
export { openRoundFindings, type RoundFindings } from './findings/open-findings.ts';
export { METHODOLOGY_PATH } from './pages/methodology-routes.tsx';
export {
  agencyLabel,
  type FilteredPage,
  formatScore,
  ResultsFrame,
  resultsTitle,
  TableScroll,
} from './pages/results-parts.tsx';
export {
  type AgencyFilter,
  DEFAULT_MIN_RESPONDENTS,
  type Disclosure,
  filterOf,
  nodeKeys,
} from './protection/disclosure.ts';
export { scoreScaleOf } from './scoring/score-scale.ts';
export { levelOf, type Score, type ScoreTree } from './scoring/scoring.ts';
export { intervalOf, levelsSpanned } from './scoring/uncertainty.ts';
export { openResults, roundDisclosure } from './store/open-results.ts';
export { publishedWholeOfGovernmentScores } from './store/published-scores.ts';
export {
  type AgencyProfile,
  type ResultsSelection,
  selectResults,
} from './store/results-selection.ts';
