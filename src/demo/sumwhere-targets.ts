// What Sumwhere's digital office aims for after the 2025 round: leadership
// managed by the end of the plan, data strategy and cybersecurity sooner. The
// other dimensions and sub-dimensions keep the default, one level above today.
export const sumwhereTargets = [
  { nodeCode: 'LEA', levelKey: 'managed', dueOn: '2028-12-31' },
  { nodeCode: 'STR-DAT', levelKey: 'defined', dueOn: '2027-06-30' },
  { nodeCode: 'TEC-CYB', levelKey: 'managed', dueOn: '2027-12-31' },
] as const;
