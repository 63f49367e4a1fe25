// The demo's accounts, one per role, documented in the README so a visitor can
// see the workspace as each kind of user does. Never used outside the demo.
import type { Role } from '../platform/accounts/access.ts';
import type { DemoAgency } from './demo-records.ts';

/** The password of every demo account; the demo is public, so is this. */
export const DEMO_PASSWORD = 'sumwhere-demo';

export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyIds: string[];
}

const people: { role: Role; email: string; name: string; agencies?: string[] }[] = [
  { role: 'admin', email: 'admin@sumwhere.example', name: 'Amara Okafor' },
  { role: 'coordinator', email: 'coordinator@sumwhere.example', name: 'Tomas Reyes' },
  {
    role: 'focal_point',
    email: 'focal.point@sumwhere.example',
    name: 'Lina Haddad',
    agencies: ['Ministry of Health', 'Ministry of Education'],
  },
  { role: 'facilitator', email: 'facilitator@sumwhere.example', name: 'Kofi Mensah' },
  { role: 'viewer', email: 'viewer@sumwhere.example', name: 'Mei Tanaka' },
];

export function demoAccounts(agencies: readonly DemoAgency[]): DemoAccount[] {
  return people.map((person, index) => ({
    // Stable ids, like the rest of the demo.
    id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    email: person.email,
    name: person.name,
    role: person.role,
    agencyIds: (person.agencies ?? []).map((name) => {
      const agency = agencies.find((candidate) => candidate.name === name);
      if (!agency) throw new Error(`The demo has no agency named ${name}`);
      return agency.id;
    }),
  }));
}
