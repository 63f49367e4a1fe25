// Pages without JavaScript under load, against a server in its own process on
// the embedded database (a fresh copy of the prepared data for each load).
//
// - `form_submits_per_s`: 50 respondents answering the questionnaire as a
//   browser without JavaScript does, each on one keep-alive connection: POST a
//   sub-dimension's form (every statement answered, values that change from
//   one pass to the next, so each submit saves), follow the 303 with a GET of
//   the next page, compressed as a browser asks for it, and go on with that
//   page's form; after the last page, the first again. Counted: completed
//   POST + GET pairs per second, over several runs (runs.ts), after ten
//   seconds of the same load. The first seconds under load run slower
//   (200–260 pairs/s in the first 8 s, 330–470 in the next ones, on 2
//   cores), the server using more than one core meanwhile: V8 is compiling
//   the hot parts of the embedded database's WebAssembly and of the app to
//   optimised code. A server that has run for a minute is past it. A closed
//   loop, as people wait for the next page before answering it.
// - `page_server_ms_results_agencies`: the time the server takes for the
//   results agencies page of the demo's 2025 round (38 agencies, 94 items),
//   asked for by a signed-in viewer with `Accept-Encoding: br, gzip`, one
//   request at a time from one client on loopback: the median of 21 requests
//   after 3 warm-up ones (the first read of a round computes its tallies).
import { questionnairePageItems } from './dgca-items.ts';
import { connectionPool, send } from './http-client.ts';
import type { Figure } from './page-weight.ts';
import { benchRuns, medianOfRuns, percentile, type RunFigure, roundMs } from './runs.ts';
import { type PreparedData, withServerOn } from './server-process.ts';

const browserHeaders = { 'accept-encoding': 'br, gzip', accept: 'text/html' };

export async function formLoad(
  prepared: PreparedData,
  { respondents = 50, seconds = 10, warmUpSeconds = 10, runs = benchRuns } = {},
): Promise<Figure[]> {
  const tokens = prepared.tokens.slice(0, respondents);
  const pages = questionnairePageItems();
  return withServerOn(prepared, async (server) => {
    const pool = connectionPool(respondents);
    let passes = 0;
    /** One respondent answering page after page until `until`; the pairs completed. */
    const respondent = async (token: string, first: number, until: number) => {
      let pairs = 0;
      for (let index = first; performance.now() < until; index = (index + 1) % pages.length) {
        const page = pages[index] as (typeof pages)[number];
        passes += 1;
        const form = new URLSearchParams(
          page.itemCodes.map((code, item) => [`${code}.value`, `${1 + ((passes + item) % 5)}`]),
        );
        const posted = await send(pool, `${server.url}/r/${token}/s/${page.code}`, {
          method: 'POST',
          headers: { ...browserHeaders, 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
        const next = posted.headers.location;
        if (posted.status !== 303 || !next)
          throw new Error(`Posting ${page.code} answered ${posted.status}, not a redirect`);
        const shown = await send(pool, new URL(next, server.url).href, { headers: browserHeaders });
        if (shown.status !== 200) throw new Error(`${next} answered ${shown.status}`);
        pairs += 1;
      }
      return pairs;
    };
    const load = async (duration: number) => {
      const until = performance.now() + duration * 1000;
      // Respondents start on different pages, as they would be at any moment.
      const pairs = await Promise.all(
        tokens.map((token, index) => respondent(token, index % pages.length, until)),
      );
      return pairs.reduce((sum, count) => sum + count, 0);
    };
    try {
      if (warmUpSeconds > 0) await load(warmUpSeconds);
      return await medianOfRuns(runs, async (): Promise<RunFigure[]> => {
        const started = performance.now();
        const pairs = await load(seconds);
        const elapsed = (performance.now() - started) / 1000;
        return [
          { name: 'form_submits_per_s', value: Math.round(pairs / elapsed), better: 'higher' },
        ];
      });
    } finally {
      pool.destroy();
    }
  });
}

export async function resultsPageServerTime(
  prepared: PreparedData,
  { warmUp = 3, requests = 21 } = {},
): Promise<Figure[]> {
  return withServerOn(prepared, async (server) => {
    const pool = connectionPool(1);
    const url = `${server.url}/rounds/${prepared.demoRoundId}/results/agencies`;
    const headers = { ...browserHeaders, cookie: prepared.viewerCookie };
    const times: number[] = [];
    try {
      for (let index = 0; index < warmUp + requests; index++) {
        const started = performance.now();
        const page = await send(pool, url, { headers });
        const elapsed = performance.now() - started;
        if (page.status !== 200 || page.headers['content-encoding'] !== 'br')
          throw new Error(`${url} answered ${page.status} (${page.headers['content-encoding']})`);
        if (index >= warmUp) times.push(elapsed);
      }
    } finally {
      pool.destroy();
    }
    times.sort((a, b) => a - b);
    return [
      {
        name: 'page_server_ms_results_agencies',
        value: roundMs(percentile(times, 0.5)),
        unit: 'ms',
      },
    ];
  });
}
