// The closed value sets of the API, as runtime lists for selects and filters. Each is written as a
// Record over the server's type, so a value added or removed on the server breaks the type check here.
import type { ConsortiumLevel, ConsortiumStatus, ParkKind, Scope, UnitRole, UnitType } from './types';

function keys<K extends string>(record: Record<K, true>): K[] {
  return Object.keys(record) as K[];
}

export const unitTypes = keys<UnitType>({
  government: true,
  park: true,
  enterprise: true,
  secondary_vocational: true,
  higher_vocational: true,
  vocational_undergraduate: true,
  university: true,
  research_institute: true,
  industry_association: true,
  training_institution: true,
});

export const unitRoles = keys<UnitRole>({ lead: true, council: true, member: true });

export const consortiumLevels = keys<ConsortiumLevel>({ national: true, provincial: true, municipal: true });

export const consortiumStatuses = keys<ConsortiumStatus>({
  preparing: true,
  building: true,
  monitored: true,
  removed: true,
});

export const parkKinds = keys<ParkKind>({
  national_etdz: true,
  national_hitech: true,
  provincial_etdz: true,
  provincial_hitech: true,
  industrial_park: true,
  other: true,
});

export const scopes = keys<Scope>({
  own: true,
  unit: true,
  consortium: true,
  oversight: true,
  platform: true,
});

/** Entity kinds and actions written to the audit trail by the server. */
export const auditEntities = ['consortium', 'member_unit', 'user', 'membership'] as const;
export const auditActions = [
  'create',
  'update',
  'delete',
  'disable',
  'enable',
  'reset_password',
  'seed',
] as const;

export const isUnitType = (v: unknown): v is UnitType => unitTypes.some((x) => x === v);
export const isUnitRole = (v: unknown): v is UnitRole => unitRoles.some((x) => x === v);
