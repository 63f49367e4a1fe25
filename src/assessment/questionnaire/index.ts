// The questionnaire: what a respondent opens from their link — pages that
// work without JavaScript, autosave that never loses an acknowledged answer.
import type { Feature } from '../../platform/http/feature.ts';
import { AnswerSaves } from './answer-saves.ts';
import { questionnaireApi } from './questionnaire-api.ts';
import { questionnaireRoutes } from './questionnaire-routes.tsx';
import { OpenedLinks } from './respondent-link.ts';
import { startSaveLogPruning } from './save-log-schedule.ts';

export const questionnaire: Feature = {
  name: 'questionnaire',
  async register(app, deps) {
    // One queue for every save of answers, pages and API alike, so saves
    // arriving together through either are written together; and the links
    // they go through, remembered once opened.
    const withSaves = {
      ...deps,
      saves: new AnswerSaves(deps.database.db),
      links: new OpenedLinks(deps.database.db),
    };
    await questionnaireRoutes(app, withSaves);
    await questionnaireApi(app, withSaves);
  },
  startJobs: ({ database }, log) => [startSaveLogPruning({ database, log })],
};
