// The pruning of the save log: a job in the app process, every ten minutes.
// Several app processes may run it at once; each deletes what is still there.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { startPeriodicJob } from '../../platform/periodic-job.ts';
import { pruneSaveLog, SAVE_LOG_KEPT_HOURS } from './save-log-store.ts';

const EVERY_MS = 10 * 60 * 1000;

/** Starts the job (first run a minute after start); returns a function that stops it. */
export function startSaveLogPruning(options: {
  database: Database;
  log: FastifyBaseLogger;
}): () => Promise<void> {
  const { database, log } = options;
  return startPeriodicJob({
    name: 'pruning the save log',
    everyMs: EVERY_MS,
    log,
    run: async () => {
      const before = new Date(Date.now() - SAVE_LOG_KEPT_HOURS * 3600 * 1000);
      const removed = await pruneSaveLog(database, before);
      if (removed > 0) log.info({ removed }, 'save log pruned');
    },
  });
}
