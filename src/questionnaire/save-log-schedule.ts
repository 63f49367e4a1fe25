// The pruning of the save log: a job in the app process, every ten minutes.
// Several app processes may run it at once; each deletes what is still there.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.ts';
import { pruneSaveLog, SAVE_LOG_KEPT_HOURS } from './save-log-store.ts';

const EVERY_MS = 10 * 60 * 1000;

/** Starts the job (first run a minute after start); returns a function that stops it. */
export function startSaveLogPruning(options: {
  database: Database;
  log: FastifyBaseLogger;
}): () => Promise<void> {
  const { database, log } = options;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    const before = new Date(Date.now() - SAVE_LOG_KEPT_HOURS * 3600 * 1000);
    running = pruneSaveLog(database, before)
      .then((removed) => {
        if (removed > 0) log.info({ removed }, 'save log pruned');
      })
      .catch((error: unknown) => log.error(error, 'pruning the save log failed'));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, EVERY_MS);
  // The job never keeps the process alive on its own.
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
