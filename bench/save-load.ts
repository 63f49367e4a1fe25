// Autosave under load, against a server in its own process on the embedded
// database (a fresh copy of the prepared data for each load), measured after a
// warm-up at the same load: a server that has just started spends its first
// second compiling its hot code (JavaScript and the database's WebAssembly)
// and looking every respondent's link up, which is not the load it then
// sustains. Each load runs several times (runs.ts): the median run and the
// worst.
//
// Two loads, because they answer two questions:
// - Peak throughput (`saves_per_s`, `save_p50_ms`, `save_p99_ms`): N
//   respondents on loopback saving one change after another, each connection
//   keeping one save in flight (a closed loop, autocannon). The connections
//   are always waiting, so the latencies here follow the queue the load
//   itself builds, not what a respondent sees.
// - The load respondents really make (`save_p50_ms_at_<rate>_per_s`,
//   `save_p99_ms_at_<rate>_per_s`): 10,000 respondents each saving about
//   every 5 seconds, i.e. 2,000 saves/s offered at a steady rate whatever the
//   server answers (an open loop). Save i is scheduled at start + i / rate and
//   sent when its time comes on a pool of keep-alive connections (a save that
//   finds every connection busy waits for one, as behind a proxy); its latency
//   runs from its scheduled time to the end of its answer, so time spent
//   queueing, in the client or the server, counts (no coordinated omission).
//   The load client shares the machine with the server: a late client timer
//   adds to the figure, never hides anything.
import autocannon from 'autocannon';
import { frameworkItemCodes } from './dgca-items.ts';
import { connectionPool, send } from './http-client.ts';
import type { Figure } from './page-weight.ts';
import { benchRuns, medianOfRuns, percentile, type RunFigure, roundMs } from './runs.ts';
import { type PreparedRound, withServerOn } from './server-process.ts';

const itemCodes = frameworkItemCodes();

/** The body of a respondent's `count`-th save: one answer changed, under a save id of its own. */
function saveBody(token: string, count: number): string {
  const itemCode = itemCodes[count % itemCodes.length];
  return JSON.stringify({
    saveId: `bench-${count}-${token.slice(0, 8)}`,
    answers: [{ itemCode, value: 1 + (count % 5), changedAt: new Date().toISOString() }],
  });
}

function reportFailures(load: string, failed: number, detail: string) {
  if (failed > 0) console.error(`${load}: ${failed} saves failed or answered non-2xx (${detail})`);
}

/** Peak throughput: `respondents` connections, each saving back to back. */
export async function saveLoad(
  prepared: PreparedRound,
  { respondents = 200, seconds = 10, warmUpSeconds = 2, runs = benchRuns } = {},
): Promise<Figure[]> {
  const tokens = prepared.tokens.slice(0, respondents);
  return withServerOn(prepared, async (server) => {
    let nextRespondent = 0;
    let saves = 0;
    const load = (duration: number) =>
      autocannon({
        url: server.url,
        connections: respondents,
        duration,
        requests: [
          {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            // autocannon starts each request with a fresh context, so each
            // save is a change by the next respondent in turn.
            setupRequest: (request, context: { token?: string }) => {
              context.token ??= tokens[nextRespondent++ % tokens.length] as string;
              saves += 1;
              return {
                ...request,
                path: `/api/respondent/${context.token}/answers`,
                body: saveBody(context.token, saves),
              };
            },
          },
        ],
      });
    if (warmUpSeconds > 0) await load(warmUpSeconds);
    return medianOfRuns(runs, async (): Promise<RunFigure[]> => {
      const result = await load(seconds);
      reportFailures(
        'save load',
        result.non2xx + result.errors,
        `statuses ${JSON.stringify(result.statusCodeStats)}, ${result.timeouts} timed out`,
      );
      return [
        { name: 'saves_per_s', value: Math.round(result['2xx'] / seconds), better: 'higher' },
        { name: 'save_p50_ms', value: result.latency.p50, unit: 'ms', better: 'lower' },
        { name: 'save_p99_ms', value: result.latency.p99, unit: 'ms', better: 'lower' },
      ];
    });
  });
}

/**
 * Respondents' own pace: `savesPerSecond` offered at a steady rate, spread
 * over `respondents`. `scenario` ends the figures' names, for data other than
 * the demo's workspace.
 */
export async function steadySaveLoad(
  prepared: PreparedRound,
  {
    scenario = '',
    respondents = 10_000,
    savesPerSecond = 2_000,
    seconds = 10,
    // Long enough for every respondent to save once: their links looked up
    // and their responses created, as in the steady state measured.
    warmUpSeconds = Math.max(2, respondents / savesPerSecond),
    connections = 256,
    runs = benchRuns,
  } = {},
): Promise<Figure[]> {
  const tokens = prepared.tokens.slice(0, respondents);
  if (tokens.length < respondents)
    throw new Error(`The prepared data has ${tokens.length} respondents, not ${respondents}`);
  return withServerOn(prepared, async (server) => {
    const pool = connectionPool(connections);
    let saves = 0;
    /** Latencies of the acknowledged saves, in ms from their scheduled time. */
    const load = async (duration: number) => {
      const total = Math.round(savesPerSecond * duration);
      const interval = 1000 / savesPerSecond;
      const latencies: number[] = [];
      const answered: Promise<void>[] = [];
      let failed = 0;
      const statuses = new Map<string, number>();
      const start = performance.now();
      const saveAt = (scheduledAt: number) => {
        saves += 1;
        const token = tokens[saves % tokens.length] as string;
        return send(pool, `${server.url}/api/respondent/${token}/answers`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: saveBody(token, saves),
        }).then(
          ({ status }) => {
            if (status === 200) latencies.push(performance.now() - scheduledAt);
            else {
              failed += 1;
              statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
            }
          },
          (error: Error) => {
            failed += 1;
            statuses.set(error.message, (statuses.get(error.message) ?? 0) + 1);
          },
        );
      };
      await new Promise<void>((resolve) => {
        let scheduled = 0;
        const sendDue = () => {
          const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
          for (; scheduled < due; scheduled++) answered.push(saveAt(start + scheduled * interval));
          if (scheduled < total) setTimeout(sendDue, 1);
          else resolve();
        };
        sendDue();
      });
      await Promise.all(answered);
      reportFailures(
        `steady save load at ${savesPerSecond}/s`,
        failed,
        JSON.stringify(Object.fromEntries(statuses)),
      );
      return latencies.sort((a, b) => a - b);
    };
    try {
      if (warmUpSeconds > 0) await load(warmUpSeconds);
      const at = `at_${savesPerSecond}_per_s${scenario ? `_${scenario}` : ''}`;
      return await medianOfRuns(runs, async (): Promise<RunFigure[]> => {
        const latencies = await load(seconds);
        return [
          {
            name: `save_p50_ms_${at}`,
            value: roundMs(percentile(latencies, 0.5)),
            unit: 'ms',
            better: 'lower',
          },
          {
            name: `save_p99_ms_${at}`,
            value: roundMs(percentile(latencies, 0.99)),
            unit: 'ms',
            better: 'lower',
          },
        ];
      });
    } finally {
      pool.destroy();
    }
  });
}
