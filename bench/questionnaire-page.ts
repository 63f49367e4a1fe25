// Questionnaire page weight, brotli on the wire, of a respondent's
// sub-dimension page (the largest of dgca, 13 statements):
// - `questionnaire_page_bytes`: the first page of a visit, with everything it
//   loads — stylesheet, script, and the questions the script fetches for
//   answering offline;
// - `questionnaire_next_page_bytes`: each page after it, the rest being in the
//   browser's cache.

import { buildApp } from '../src/app.ts';
import { installReferenceFrameworks } from '../src/assessment/frameworks/import-framework.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildInvitation } from '../test/factories/invitations.ts';
import type { Figure } from './page-weight.ts';

export async function questionnairePageWeight(): Promise<Figure[]> {
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  await migrate(database);
  await installReferenceFrameworks(database.db);
  await loadDemo(database.db);
  const { token } = await buildInvitation(database.db);
  const app = await buildApp({ database });
  const headers = { 'accept-encoding': 'br, gzip' };
  const wireBytes = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    return response.rawPayload.length;
  };
  try {
    const url = `/r/${token}/s/LEG-POL`;
    const { body } = await app.inject({ method: 'GET', url });
    const assets = [...body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map(
      (match) => match[1] as string,
    );
    if (!assets.some((asset) => asset.endsWith('.js')))
      throw new Error(`${url} loads no questionnaire script: the page did not render`);
    const questions = body.match(/"questions":"([^"]+)"/)?.[1];
    if (!questions) throw new Error(`${url} says nowhere where its questions are`);
    const page = await wireBytes(url);
    let total = page + (await wireBytes(questions));
    for (const asset of assets) total += await wireBytes(asset);
    return [
      { name: 'questionnaire_page_bytes', value: total, unit: 'bytes' },
      { name: 'questionnaire_next_page_bytes', value: page, unit: 'bytes' },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}
