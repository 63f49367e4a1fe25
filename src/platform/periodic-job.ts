// A job the app process runs on a timer (reminders, pruning the save log):
// the first run a minute after start at the latest, then every `everyMs`. A
// run's failure is logged, never thrown; the job never keeps the process
// alive on its own, and stopping it waits for a run under way.
import type { FastifyBaseLogger } from 'fastify';

/** Starts `run` on its timer; returns a function that stops it. */
export function startPeriodicJob(options: {
  name: string;
  everyMs: number;
  log: FastifyBaseLogger;
  run: () => Promise<void>;
}): () => Promise<void> {
  const { name, everyMs, log } = options;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = options.run().catch((error: unknown) => log.error(error, `${name} failed`));
  };
  const first = setTimeout(run, Math.min(60_000, everyMs));
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
