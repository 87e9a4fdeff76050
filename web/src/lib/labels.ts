// Display names of the API's enumerations, in the current language.
import type { TFunction } from './i18n';
import type { ConsortiumLevel, ConsortiumStatus, ParkKind, Scope, UnitRole, UnitType } from './types';

export const unitTypeLabel = (t: TFunction, v: UnitType) => t(`unitType.${v}`);
export const unitRoleLabel = (t: TFunction, v: UnitRole) => t(`unitRole.${v}`);
export const levelLabel = (t: TFunction, v: ConsortiumLevel) => t(`level.${v}`);
export const statusLabel = (t: TFunction, v: ConsortiumStatus) => t(`consortiumStatus.${v}`);
export const parkKindLabel = (t: TFunction, v: ParkKind) => t(`parkKind.${v}`);
export const scopeLabel = (t: TFunction, v: Scope) => t(`scope.${v}`);

export const statusColor: Record<ConsortiumStatus, string> = {
  preparing: 'gold',
  building: 'blue',
  monitored: 'green',
  removed: 'default',
};

export const levelColor: Record<ConsortiumLevel, string> = {
  national: 'red',
  provincial: 'geekblue',
  municipal: 'cyan',
};

export const unitRoleColor: Record<UnitRole, string> = {
  lead: 'volcano',
  council: 'blue',
  member: 'default',
};

export const scopeColor: Record<Scope, string> = {
  own: 'default',
  unit: 'cyan',
  consortium: 'blue',
  oversight: 'purple',
  platform: 'magenta',
};
