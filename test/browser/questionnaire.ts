// Steps the questionnaire journeys share: answering the page on screen, what
// the server holds for an invitation, and an accessibility check.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { TestDatabase } from '../databases.ts';

/** Chooses a value for every statement on the page (the first value has the bare id). */
export async function answerPage(page: Page, value: (index: number) => number): Promise<string[]> {
  const codes = await page
    .locator('fieldset[data-item]')
    .evaluateAll((fieldsets) =>
      fieldsets.map((fieldset) => (fieldset as HTMLElement).dataset.item!),
    );
  for (const [index, code] of codes.entries()) {
    const chosen = value(index);
    await page.check(chosen === 1 ? `#${code}-value` : `#${code}-value-${chosen}`);
  }
  return codes;
}

export async function storedAnswers(database: TestDatabase, invitationId: string) {
  return database.db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .where('responses.invitation_id', '=', invitationId)
    .select(['item_code', 'value', 'not_applicable', 'comment', 'status'])
    .orderBy('item_code')
    .execute();
}

/** The WCAG 2.2 AA rules axe finds broken on the page, as `rule: target`. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes[0]?.target}`);
}
