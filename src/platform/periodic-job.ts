// A job the app process runs on a timer (reminders, pruning the save log):
// the first run a minute after start at the latest (or after `firstAfterMs`),
// then every `everyMs`. A run's failure is logged, never thrown; the job never
// keeps the process alive on its own, and stopping it waits for a run under way.
import type { FastifyBaseLogger } from 'fastify';

/** Starts `run` on its timer; returns a function that stops it. */
export function startPeriodicJob(options: {
  name: string;
  everyMs: number;
  /** For a job whose work was just done at start-up. */
  firstAfterMs?: number;
  log: FastifyBaseLogger;
  run: () => Promise<void>;
}): () => Promise<void> {
  const { name, everyMs, log, firstAfterMs = Math.min(60_000, everyMs) } = options;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = options.run().catch((error: unknown) => log.error(error, `${name} failed`));
  };
  const first = setTimeout(run, firstAfterMs);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
