// The questionnaire: what a respondent opens from their link — pages that
// work without JavaScript, autosave that never loses an acknowledged answer.
import type { Feature } from '../../platform/http/feature.ts';
import { questionnaireApi } from './questionnaire-api.ts';
import { questionnaireRoutes } from './questionnaire-routes.tsx';
import { startSaveLogPruning } from './save-log-schedule.ts';

export const questionnaire: Feature = {
  name: 'questionnaire',
  async register(app, deps) {
    await questionnaireRoutes(app, deps);
    await questionnaireApi(app, deps);
  },
  startJobs: ({ database }, log) => [startSaveLogPruning({ database, log })],
};
