// Autosave under load: N respondents on loopback saving answer changes one
// after another through the autosave API (each connection keeps one save in
// flight, as a page does), against a server in its own process on the
// embedded database. Prints saves per second and the latency of a save at the
// median and the 99th percentile, measured after a warm-up at the same load:
// a server that has just started spends its first second compiling its hot
// code (JavaScript and the database's WebAssembly) and looking every
// respondent's link up, which is not the load it then sustains.
import { rm } from 'node:fs/promises';
import autocannon from 'autocannon';
import { frameworkItemCodes } from './dgca-items.ts';
import type { Figure } from './page-weight.ts';
import { prepareData, startServer } from './server-process.ts';

export async function saveLoad({
  respondents = 200,
  seconds = 10,
  warmUpSeconds = 2,
} = {}): Promise<Figure[]> {
  const { dataRoot, tokens } = await prepareData(respondents);
  const server = await startServer(dataRoot);
  const itemCodes = frameworkItemCodes();
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
            context.token ??= tokens[nextRespondent++ % tokens.length];
            saves += 1;
            const itemCode = itemCodes[saves % itemCodes.length];
            return {
              ...request,
              path: `/api/respondent/${context.token}/answers`,
              body: JSON.stringify({
                saveId: `bench-${saves}-${context.token?.slice(0, 8)}`,
                answers: [
                  { itemCode, value: 1 + (saves % 5), changedAt: new Date().toISOString() },
                ],
              }),
            };
          },
        },
      ],
    });
  try {
    if (warmUpSeconds > 0) await load(warmUpSeconds);
    const result = await load(seconds);
    const acknowledged = result['2xx'];
    if (result.non2xx > 0 || result.errors > 0) {
      console.error(
        `save load: ${result.non2xx} saves answered non-2xx and ${result.errors} failed`,
      );
    }
    return [
      { name: 'saves_per_s', value: Math.round(acknowledged / seconds) },
      { name: 'save_p50_ms', value: result.latency.p50, unit: 'ms' },
      { name: 'save_p99_ms', value: result.latency.p99, unit: 'ms' },
    ];
  } finally {
    await server.stop();
    // Each run makes a data folder of its own (the demo and 200 invitations):
    // left behind, they fill the disk run after run.
    await rm(dataRoot, { recursive: true, force: true });
  }
}
