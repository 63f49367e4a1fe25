import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { messagesFor, supportedLanguages } from '../../../platform/i18n/messages.ts';
import type { Plan } from '../../plans/index.ts';
import { PartFormView, TimelineFormView } from './action-plan-form-views.tsx';
import type { ActionPlan } from './action-plan-lookup.ts';
import { partKeys } from './action-plan-parts.ts';
import { ActionPlanSections } from './action-plan-views.tsx';

const plan = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Digital Sumwhere 2026–2030',
} as Plan;
const initiative = {
  id: '00000000-0000-4000-8000-000000000002',
  title: 'One-stop shop',
  ownerName: null,
};
const entry = {
  id: '00000000-0000-4000-8000-000000000003',
  initiativeId: initiative.id,
  version: 2,
};
const actionPlan: ActionPlan = {
  statusKind: 'active',
  steps: [
    {
      ...entry,
      what: 'Map the services',
      responsible: 'ICT unit',
      supporting: '',
      dueOn: null,
      status: 'blocked',
      externalId: null,
    },
  ],
  milestones: [{ ...entry, title: 'Portal live', dueOn: '2027-01-31', reachedOn: '2027-01-20' }],
  resources: [{ ...entry, kind: 'technology', description: 'Servers', amount: null, unit: null }],
  kpis: [
    { ...entry, name: 'Services online', unit: '%', baseline: 10, target: 80, targetOn: null },
  ],
  communications: [
    {
      ...entry,
      audience: 'Citizens',
      message: 'New portal',
      channel: 'Radio',
      frequency: 'Weekly',
      owner: '',
    },
  ],
  timeline: [
    {
      id: 'u1',
      initiativeId: initiative.id,
      happenedOn: '2026-05-01',
      text: 'Started',
      progress: 20,
      createdAt: new Date(),
      createdByName: null,
    },
  ],
};

describe('the action plan’s pages', () => {
  it.each(supportedLanguages)('draw every text from the catalogue in %s', (language) => {
    const messages = messagesFor(language);
    const pages = [
      renderToString(
        h(ActionPlanSections, {
          messages,
          plan,
          initiative,
          actionPlan,
          mayEdit: true,
          csrfToken: 't',
          today: '2026-06-01',
        }),
      ),
      renderToString(
        h(TimelineFormView, { messages, plan, initiative, values: {}, errors: {}, csrfToken: 't' }),
      ),
      ...partKeys.map((part) =>
        renderToString(
          h(PartFormView, {
            messages,
            plan,
            initiative,
            part,
            entryId: entry.id,
            values: { version: '2' },
            errors: {},
            conflict: actionPlan[part][0],
            csrfToken: 't',
          }),
        ),
      ),
    ];
    for (const page of pages) expect(page).not.toMatch(/actionPlan\.|roadmap\./);
  });
});
