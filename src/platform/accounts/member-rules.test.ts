import { describe, expect, it } from 'vitest';
import { checkMembership, checkPerson, lastAdminProblem } from './member-rules.ts';

describe('a membership', () => {
  const agencies = new Set(['moh', 'moe']);

  it('gives a focal point the agencies it answers for, and other roles none', () => {
    expect(
      checkMembership({ role: 'focal_point', agencyIds: ['moh', 'moh'] }, agencies).fields,
    ).toEqual({
      role: 'focal_point',
      agencyIds: ['moh'],
    });
    expect(checkMembership({ role: 'viewer', agencyIds: ['moh'] }, agencies).fields).toEqual({
      role: 'viewer',
      agencyIds: [],
    });
  });

  it('refuses an unknown role, a focal point without agencies and an agency of no one', () => {
    expect(checkMembership({ role: 'owner' }, agencies).problems).toEqual([
      { field: 'role', rule: 'roleInvalid' },
    ]);
    expect(checkMembership({ role: 'focal_point', agencyIds: [] }, agencies).problems).toEqual([
      { field: 'agencyIds', rule: 'agenciesMissing' },
    ]);
    expect(checkMembership({ role: 'focal_point', agencyIds: ['zzz'] }, agencies).problems).toEqual(
      [{ field: 'agencyIds', rule: 'agencyUnknown' }],
    );
  });
});

describe('the person to add', () => {
  it('needs an email address and a name', () => {
    expect(checkPerson({ email: ' ana@gov.example ', name: ' Ana  Ruiz ' })).toEqual({
      problems: [],
      person: { email: 'ana@gov.example', name: 'Ana Ruiz' },
    });
    expect(checkPerson({ email: 'ana@', name: '' }).problems).toEqual([
      { field: 'email', rule: 'emailInvalid' },
      { field: 'name', rule: 'nameMissing' },
    ]);
    expect(checkPerson({}).problems.map((problem) => problem.rule)).toEqual([
      'emailMissing',
      'nameMissing',
    ]);
  });
});

describe('the last admin', () => {
  const members = [
    { userId: 'amara', role: 'admin' as const },
    { userId: 'tomas', role: 'coordinator' as const },
  ];

  it('cannot be removed or given another role', () => {
    expect(lastAdminProblem(members, 'amara', undefined)).toEqual({
      field: 'role',
      rule: 'lastAdmin',
    });
    expect(lastAdminProblem(members, 'amara', 'viewer')).toEqual({
      field: 'role',
      rule: 'lastAdmin',
    });
  });

  it('can step down once there is another admin, and others change freely', () => {
    expect(
      lastAdminProblem([...members, { userId: 'kofi', role: 'admin' }], 'amara', 'viewer'),
    ).toBeUndefined();
    expect(lastAdminProblem(members, 'tomas', undefined)).toBeUndefined();
    expect(lastAdminProblem(members, 'amara', 'admin')).toBeUndefined();
  });
});
