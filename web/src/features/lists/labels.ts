// Display names and colours of the lists' vocabularies, in the current language.
import type { TFunction } from '../../lib/i18n';
import type {
  ChainPosition,
  EducationLevel,
  LinkTargetKind,
  ListAction,
  ListKind,
  ListStatus,
  TechProgress,
} from './types';

export const kindLabel = (t: TFunction, v: ListKind) => t(`lists.kind.${v}`);
export const kindShortLabel = (t: TFunction, v: ListKind) => t(`lists.kindShort.${v}`);
export const statusLabel = (t: TFunction, v: ListStatus) => t(`lists.status.${v}`);
export const progressLabel = (t: TFunction, v: TechProgress) => t(`lists.progress.${v}`);
export const chainPositionLabel = (t: TFunction, v: ChainPosition) => t(`lists.chainPosition.${v}`);
export const levelLabel = (t: TFunction, v: EducationLevel) => t(`lists.level.${v}`);
export const linkKindLabel = (t: TFunction, v: LinkTargetKind) => t(`lists.linkKind.${v}`);
export const actionLabel = (t: TFunction, v: ListAction) => t(`lists.action.${v}`);

export const statusColor: Record<ListStatus, string> = {
  draft: 'default',
  submitted: 'gold',
  published: 'green',
  returned: 'red',
  archived: 'default',
};

export const progressColor: Record<TechProgress, string> = {
  collecting: 'blue',
  matching: 'geekblue',
  signed: 'purple',
  solved: 'green',
  closed: 'default',
};

export const linkKindColor: Record<LinkTargetKind, string> = {
  posting: 'blue',
  cohort: 'cyan',
  tech_contract: 'purple',
  other: 'default',
};
