// The boundaries of src/ (docs/architecture.md), checked by `npm run check`:
// no import cycles, type-only ones included; a feature is used only through
// its entry module (index.ts), and a part of a planning feature (a sub-folder,
// such as roadmap/priorities/) through its own; the platform depends on no feature.
const feature = '^src/(assessment/[^/]+|planning/[^/]+|home|demo)/';
// A feature's own entry; a part's index.ts (below) is not one.
const entry = '^src/(assessment/[^/]+|planning/[^/]+|home|demo)/index\\.ts$';
const part = '^src/planning/[^/]+/[^/]+/';
const test = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules form no cycle, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-through-its-entry',
      severity: 'error',
      comment:
        'Outside a feature, import it only through its index.ts (tests may reach inside what they test).',
      from: { path: '^src/', pathNot: [feature, test] },
      to: { path: feature, pathNot: entry },
    },
    {
      name: 'feature-to-feature-through-entry',
      severity: 'error',
      comment: 'A feature imports another feature only through its index.ts.',
      from: { path: feature, pathNot: test },
      to: { path: feature, pathNot: ['^src/$1/', entry] },
    },
    {
      name: 'part-through-its-entry',
      severity: 'error',
      comment:
        'Outside a part of a planning feature (a sub-folder: roadmap/priorities/), import it only through its index.ts (tests may reach inside what they test).',
      from: { path: '^src/', pathNot: [part, test] },
      to: { path: part, pathNot: '/index\\.ts$' },
    },
    {
      name: 'part-to-part-through-entry',
      severity: 'error',
      comment: 'A part of a planning feature imports another part only through its index.ts.',
      from: { path: '^(src/planning/[^/]+/[^/]+)/', pathNot: test },
      to: { path: part, pathNot: ['^$1/', '/index\\.ts$'] },
    },
    {
      name: 'platform-below-features',
      severity: 'error',
      comment: 'The platform serves every feature and imports none, nor the app that lists them.',
      from: { path: '^src/platform/', pathNot: test },
      to: { path: [feature, '^src/(app|cli|startup)\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|scratch)/' },
  },
};
