// Benchmarks: each figure on its own line as `bench: <name> <value> [unit]`.
// Run with `npm run bench`; the README records the latest figures. Loads run
// BENCH_RUNS times (5 unless set) and print the median run and the worst
// (`_max` of a time, `_min` of a rate; see runs.ts). Figures: page weights
// (page-weight.ts, questionnaire-page.ts); autosave at peak throughput and at
// 2,000 saves/s offered steadily, in the demo's workspace and on a new
// workspace's first round (save-load.ts); pages without JavaScript —
// form submits per second and the server's time for the results agencies page
// (form-load.ts); charts (chart-render.ts); whole-of-government results
// (wog-results.ts); results read through a crosswalk (crosswalk-results.ts);
// the roadmap's roll-up and page (roadmap.ts).
import { rm } from 'node:fs/promises';
import { chartRenders } from './chart-render.ts';
import { crosswalkResults } from './crosswalk-results.ts';
import { formLoad, resultsPageServerTime } from './form-load.ts';
import { type Figure, pageWeights } from './page-weight.ts';
import { questionnairePageWeight } from './questionnaire-page.ts';
import { progressRollup, roadmapPage } from './roadmap.ts';
import { saveLoad, steadySaveLoad } from './save-load.ts';
import { prepareData, prepareFirstRound } from './server-process.ts';
import { wogResults } from './wog-results.ts';

// Each figure is printed as soon as its part is measured: the whole run takes
// many minutes, the whole-of-government results last.
const print = (figures: Figure[]) => {
  for (const { name, value, unit } of figures)
    console.log(`bench: ${name} ${value}${unit ? ` ${unit}` : ''}`);
};

print(await pageWeights());
print(await questionnairePageWeight());
// One data folder for the loads against a server process (each load works on
// a copy): the demo, and invitations for 10,000 respondents.
const prepared = await prepareData(10_000);
try {
  print(await saveLoad(prepared, { respondents: 200, seconds: 10 }));
  print(
    await steadySaveLoad(prepared, { respondents: 10_000, savesPerSecond: 2_000, seconds: 10 }),
  );
  print(await formLoad(prepared, { respondents: 50, seconds: 10 }));
  print(await resultsPageServerTime(prepared));
} finally {
  await rm(prepared.dataRoot, { recursive: true, force: true });
}
// The day a government opens its first assessment: every table of answers
// empty when the server starts, then filling as respondents arrive.
const firstRound = await prepareFirstRound(10_000);
try {
  print(
    await steadySaveLoad(firstRound, {
      scenario: 'first_round',
      respondents: 10_000,
      savesPerSecond: 2_000,
      seconds: 10,
    }),
  );
} finally {
  await rm(firstRound.dataRoot, { recursive: true, force: true });
}
print(chartRenders());
print(await wogResults());
print(await crosswalkResults());
print(progressRollup());
print(await roadmapPage());
