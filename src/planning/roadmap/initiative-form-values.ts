// An initiative's form as posted and as stored: the values the form shows,
// and the raw fields the rules judge.
import { bodyFirst, bodyList, bodyText, type FormBody } from '../../platform/http/form-body.ts';
import type { InitiativeFormValues } from './initiative-form-views.tsx';
import type { RawInitiativeFields } from './initiative-rules.ts';
import type { Initiative } from './initiative-store.ts';

export function valuesOf(body: FormBody): InitiativeFormValues {
  const text = (name: string) => bodyText(body, name) ?? '';
  return {
    title: text('title'),
    description: text('description'),
    level: text('level'),
    parentId: text('parentId'),
    horizon: text('horizon'),
    startsOn: text('startsOn'),
    endsOn: text('endsOn'),
    leadAgencyId: text('leadAgencyId'),
    partnerAgencyIds: bodyList(body, 'partnerAgencyIds'),
    ownerId: text('ownerId'),
    budgetAmount: text('budgetAmount'),
    budgetCurrency: text('budgetCurrency'),
    budgetSource: text('budgetSource'),
    status: text('status'),
    progress: text('progress'),
    weight: text('weight'),
    isPublic: bodyFirst(body, 'isPublic') ?? 'yes',
    dependsOnIds: bodyList(body, 'dependsOnIds'),
    goalIds: bodyList(body, 'goalIds'),
    swotEntryIds: bodyList(body, 'swotEntryIds'),
    dimensionCodes: bodyList(body, 'dimensionCodes'),
    subdimensionCodes: bodyList(body, 'subdimensionCodes'),
    recommendationCodes: bodyList(body, 'recommendationCodes'),
    from: text('from'),
    ref: text('ref'),
    ...(body.version === undefined ? {} : { version: text('version') }),
  };
}

export function rawOf(values: InitiativeFormValues): RawInitiativeFields {
  const codes = (kind: string, list: string[] | undefined) =>
    (list ?? []).map((code) => ({ kind, code }));
  return {
    ...values,
    isPublic: values.isPublic !== 'no',
    codes: [
      ...codes('dimension', values.dimensionCodes),
      ...codes('subdimension', values.subdimensionCodes),
      ...codes('recommendation', values.recommendationCodes),
    ],
  };
}

export const storedValues = (initiative: Initiative): InitiativeFormValues => {
  const codes = (kind: string) =>
    initiative.codes.filter((code) => code.kind === kind).map((code) => code.code);
  return {
    title: initiative.title,
    description: initiative.description,
    level: initiative.level,
    parentId: initiative.parentId ?? '',
    horizon: initiative.horizon,
    startsOn: initiative.startsOn ?? '',
    endsOn: initiative.endsOn ?? '',
    leadAgencyId: initiative.leadAgencyId ?? '',
    partnerAgencyIds: initiative.partnerAgencyIds,
    ownerId: initiative.ownerId ?? '',
    budgetAmount: initiative.budgetAmount === null ? '' : String(initiative.budgetAmount),
    budgetCurrency: initiative.budgetCurrency ?? '',
    budgetSource: initiative.budgetSource ?? '',
    status: initiative.status,
    progress: initiative.progress === null ? '' : String(initiative.progress),
    weight: String(initiative.weight),
    isPublic: initiative.isPublic ? 'yes' : 'no',
    dependsOnIds: initiative.dependsOnIds,
    goalIds: initiative.goalIds,
    swotEntryIds: initiative.swotEntryIds,
    dimensionCodes: codes('dimension'),
    subdimensionCodes: codes('subdimension'),
    recommendationCodes: codes('recommendation'),
    version: String(initiative.version),
  };
};
