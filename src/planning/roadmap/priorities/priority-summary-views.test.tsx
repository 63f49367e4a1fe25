import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../platform/i18n/messages.ts';
import { defaultCriteria, priorityOf } from './prioritisation.ts';
import { criterionMeans } from './priority-score-rules.ts';
import { PrioritySummary } from './priority-summary-views.tsx';

const plan = { id: 'p1' };
const initiative = { id: 'i1' };

function summary(sheets: Map<string, number>[], mayScore: boolean, language: 'en' | 'es' = 'en') {
  return renderToString(
    <PrioritySummary
      messages={messagesFor(language)}
      plan={plan}
      initiative={initiative}
      priority={{
        ...priorityOf(defaultCriteria, sheets),
        scorers: sheets.length,
        byCriterion: criterionMeans(defaultCriteria, sheets),
      }}
      criteria={defaultCriteria}
      mayScore={mayScore}
    />,
  );
}

describe('an initiative’s priority on its page', () => {
  it('shows value and feasibility with their spread, the quadrant and the scorers', () => {
    const html = summary(
      [
        new Map([
          ['public_value', 5],
          ['cost', 2],
        ]),
        new Map([
          ['public_value', 3],
          ['cost', 2],
        ]),
      ],
      true,
    );
    expect(html).toContain('<dd>4.0 (from 3.0 to 5.0, SD 1.0)</dd>');
    expect(html).toContain('<dd>2.0 (from 2.0 to 2.0, SD 0.0)</dd>');
    expect(html).toContain('<dd>Plan carefully</dd>');
    expect(html).toContain('Scored by 2 members');
    expect(html).toContain(
      '<th scope="row">Trust and transparency</th><td>Value</td><td>1</td><td>not scored</td>',
    );
    expect(html).toContain('href="/plans/p1/roadmap/i1/score"');
  });

  it('says nobody has scored it yet, and offers scoring only to those who may', () => {
    const html = summary([], false, 'es');
    expect(html).toContain('Nadie ha puntuado aún esta iniciativa.');
    expect(html).not.toContain('/score');
  });
});
