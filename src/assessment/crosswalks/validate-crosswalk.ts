// Validates a crosswalk file against the framework it reads and the framework
// or lens it reads through, and reports every problem at once with its path:
// structure by the zod schema; here, that both ends are stored, that each
// mapping's source is an item or sub-dimension of the one and its target a
// dimension of the other, that no source is mapped twice onto one target
// (directly or through its sub-dimension), and text in the default language.
// Items mapped nowhere are not a problem: they are listed, as information.
import type { Framework, FrameworkProblem } from '../frameworks/index.ts';
import { problemsOfIssue } from '../frameworks/index.ts';
import { type Crosswalk, crosswalkSchema } from './crosswalk-schema.ts';
import {
  defaultLanguageText,
  isRecord,
  records,
  stringOf,
  uniqueProblems,
} from './validation-parts.ts';

/** What a crosswalk file refers to, read from the raw file so the store can look it up. */
export interface CrosswalkReferences {
  from: { framework: string; version: string } | undefined;
  to: { kind: 'framework' | 'lens'; key: string; version: string } | undefined;
}

export function referencesOf(input: unknown): CrosswalkReferences {
  const raw = isRecord(input) ? input : {};
  const from = isRecord(raw.from) ? raw.from : {};
  const to = isRecord(raw.to) ? raw.to : {};
  const fromKey = stringOf(from.framework);
  const fromVersion = stringOf(from.version);
  const toVersion = stringOf(to.version);
  const toFramework = stringOf(to.framework);
  const toLens = stringOf(to.lens);
  const target =
    toFramework !== undefined && toLens === undefined
      ? { kind: 'framework' as const, key: toFramework }
      : toLens !== undefined && toFramework === undefined
        ? { kind: 'lens' as const, key: toLens }
        : undefined;
  return {
    from: fromKey && fromVersion ? { framework: fromKey, version: fromVersion } : undefined,
    to: target && toVersion ? { ...target, version: toVersion } : undefined,
  };
}

/** The dimensions a crosswalk may map onto: a framework's or a lens's. */
export interface TargetDimensions {
  dimensions: readonly { code: string }[];
}

/** The framework and the target the references name, where stored; undefined where not. */
export interface ResolvedReferences {
  source: Framework | undefined;
  target: TargetDimensions | undefined;
}

/** What the crosswalk leaves out, for its author to read: not a problem. */
export interface CrosswalkCoverage {
  /** Items of the source framework that no mapping reaches, directly or through their sub-dimension. */
  unmappedItems: string[];
  /** Target dimensions no mapping reaches: they have no score. */
  targetsWithoutMappings: string[];
}

export type CrosswalkValidation =
  | { ok: true; crosswalk: Crosswalk; coverage: CrosswalkCoverage }
  | { ok: false; problems: FrameworkProblem[] };

export function validateCrosswalk(
  input: unknown,
  resolved: ResolvedReferences,
): CrosswalkValidation {
  const parsed = crosswalkSchema.safeParse(input, { reportInput: true });
  const problems = uniqueProblems([
    ...(parsed.success ? [] : parsed.error.issues.flatMap(problemsOfIssue)),
    ...crossReferenceProblems(input, resolved),
  ]);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const crosswalk = parsed.data;
  return {
    ok: true,
    crosswalk,
    coverage: coverageOf(crosswalk, resolved.source, resolved.target),
  };
}

/** Where each source code sits in a framework: an item under its sub-dimension, or a sub-dimension. */
function sourceCodes(framework: Framework) {
  const subdimensionOfItem = new Map<string, string>();
  const subdimensions = new Set<string>();
  for (const dimension of framework.dimensions)
    for (const subdimension of dimension.subdimensions) {
      subdimensions.add(subdimension.code);
      for (const item of subdimension.items) subdimensionOfItem.set(item.code, subdimension.code);
    }
  return { subdimensionOfItem, subdimensions };
}

function crossReferenceProblems(input: unknown, resolved: ResolvedReferences): FrameworkProblem[] {
  if (!isRecord(input)) return [];
  const problems: FrameworkProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const checkText = defaultLanguageText(input.defaultLanguage, report);
  checkText(input.name, 'name');
  checkText(input.description, 'description');

  const references = referencesOf(input);
  if (references.from && !resolved.source)
    report(
      'from',
      `no framework "${references.from.framework}" version ${references.from.version} is stored; import it first`,
    );
  const to = isRecord(input.to) ? input.to : undefined;
  if (to && to.framework !== undefined && to.lens !== undefined)
    report('to', 'must name a framework or a lens, not both');
  else if (to && to.framework === undefined && to.lens === undefined)
    report('to', 'must name a framework or a lens');
  if (references.to && !resolved.target)
    report(
      'to',
      `no ${references.to.kind} "${references.to.key}" version ${references.to.version} is stored; import it first`,
    );

  const source = resolved.source && sourceCodes(resolved.source);
  const targets = resolved.target && new Set(resolved.target.dimensions.map((d) => d.code));
  // Where each source is first mapped onto each target, to find the same
  // source counted twice there: mapped twice, or as an item and through its sub-dimension.
  const firstMapping = new Map<string, number>();
  const mappings = records(input.mappings);
  for (const [mapping, m] of mappings) {
    const path = `mappings[${m}]`;
    checkText(mapping.rationale, `${path}.rationale`);
    const sourceCode = stringOf(mapping.source);
    const targetCode = stringOf(mapping.target);
    if (source && sourceCode !== undefined)
      if (!source.subdimensionOfItem.has(sourceCode) && !source.subdimensions.has(sourceCode))
        report(
          `${path}.source`,
          `"${sourceCode}" is neither an item nor a sub-dimension of ${references.from?.framework ?? 'the framework'}`,
        );
    if (targets && targetCode !== undefined && !targets.has(targetCode))
      report(
        `${path}.target`,
        `"${targetCode}" is not a dimension of ${references.to?.key ?? 'the target'}; the dimensions are ${[...targets].map((c) => `"${c}"`).join(', ')}`,
      );
    if (sourceCode === undefined || targetCode === undefined) continue;
    const pair = `${sourceCode}\u0000${targetCode}`;
    const earlier = firstMapping.get(pair);
    if (earlier !== undefined)
      report(
        path,
        `duplicate mapping of "${sourceCode}" onto "${targetCode}", first at mappings[${earlier}]`,
      );
    else firstMapping.set(pair, m);
  }
  if (source)
    for (const [mapping, m] of mappings) {
      const itemCode = stringOf(mapping.source);
      const targetCode = stringOf(mapping.target);
      const subdimension = itemCode && source.subdimensionOfItem.get(itemCode);
      if (!subdimension || !targetCode) continue;
      const through = firstMapping.get(`${subdimension}\u0000${targetCode}`);
      if (through !== undefined)
        report(
          `mappings[${m}].source`,
          `"${itemCode}" is in "${subdimension}", which mappings[${through}] maps onto "${targetCode}" already: it would count twice`,
        );
    }
  return problems;
}

/** What a valid crosswalk leaves out of the framework it reads and of its target. */
export function coverageOf(
  crosswalk: Crosswalk,
  source: Framework | undefined,
  target: TargetDimensions | undefined,
): CrosswalkCoverage {
  const mapped = new Set(crosswalk.mappings.map((mapping) => mapping.source));
  const reached = new Set(crosswalk.mappings.map((mapping) => mapping.target));
  return {
    unmappedItems: (source?.dimensions ?? []).flatMap((dimension) =>
      dimension.subdimensions.flatMap((subdimension) =>
        mapped.has(subdimension.code)
          ? []
          : subdimension.items.filter((item) => !mapped.has(item.code)).map((item) => item.code),
      ),
    ),
    targetsWithoutMappings: (target?.dimensions ?? [])
      .map((dimension) => dimension.code)
      .filter((code) => !reached.has(code)),
  };
}
