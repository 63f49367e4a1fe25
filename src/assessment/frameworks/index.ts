// Frameworks: capability frameworks as data — browsing, import and export,
// validation — and reading a framework (items, scales, texts, levels).
import type { Feature } from '../../platform/http/feature.ts';
import { frameworkApi } from './framework-api.ts';
import { frameworkImportRoutes } from './framework-import-routes.tsx';
import { frameworkOperatorRoutes } from './framework-operator-routes.ts';
import { frameworkRoutes } from './framework-routes.tsx';

export const frameworks: Feature = {
  name: 'frameworks',
  navigation: [{ href: '/frameworks', key: 'nav.frameworks', access: 'public', order: 20 }],
  async register(app, deps) {
    await frameworkRoutes(app, deps);
    await frameworkImportRoutes(app, deps);
    await frameworkApi(app, deps);
    await frameworkOperatorRoutes(app, deps);
  },
};

export {
  compareVersions,
  countItems,
  frameworkItems,
  itemScale,
  localized,
  maturityLevelOf,
  type PlacedItem,
  scaleValues,
  textOf,
} from './framework.ts';
export {
  code,
  DEFAULT_MINIMUM_ANSWERED_SHARE,
  type Dimension,
  EFFORTS,
  type Effort,
  type Framework,
  HORIZONS,
  type Horizon,
  type Item,
  type LevelGuidance,
  type LocalizedText,
  languageTag,
  localizedTextSchema,
  type MaturityLevel,
  maturityLevelSchema,
  type Recommendation,
  type Scale,
  type Subdimension,
  slug,
  versionNumber,
} from './framework-schema.ts';
export {
  findFramework,
  listFrameworks,
  loadFramework,
  type StoredFramework,
} from './framework-store.ts';
export {
  importFramework,
  installReferenceFrameworks,
  readFrameworkFile,
} from './import-framework.ts';
export {
  describeProblem,
  type FrameworkProblem,
  problemsOfIssue,
} from './validate-framework.ts';
