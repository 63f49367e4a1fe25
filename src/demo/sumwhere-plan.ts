// Sumwhere's transformation plan, resting on its 2025 assessment: the plan
// the demo's analysis, vision and roadmap belong to. Its id is fixed so that
// the parts written after it can name it.
export const sumwherePlan = {
  id: '5a1e0000-2026-4030-8000-000000000001',
  title: 'Digital Sumwhere 2026–2030',
  startsYear: 2026,
  endsYear: 2030,
} as const;
