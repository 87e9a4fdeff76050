// Display names of the talent platform's closed vocabularies, in the current language.
import {
  candidateKinds,
  certificateKinds,
  educationLevels,
} from '../../../../server/modules/talent/talent.enums.ts';
import type { TFunction } from '../../lib/i18n';
import type { CandidateKind, CertificateKind, EducationLevel } from './types';

export { candidateKinds, certificateKinds, educationLevels };

export const kindLabel = (t: TFunction, v: CandidateKind) => t(`cand.kind.${v}`);
export const levelLabel = (t: TFunction, v: EducationLevel) => t(`cand.level.${v}`);
export const certificateKindLabel = (t: TFunction, v: CertificateKind) => t(`cand.certKind.${v}`);

export const kindColor: Record<CandidateKind, string> = {
  student: 'blue',
  graduate: 'green',
  worker: 'purple',
};

export const isCandidateKind = (v: unknown): v is CandidateKind => candidateKinds.some((k) => k === v);
export const isEducationLevel = (v: unknown): v is EducationLevel => educationLevels.some((k) => k === v);

/** Member-unit types that register students (the server's schoolUnitTypes). */
export const schoolUnitTypes = [
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'training_institution',
] as const;
export const isSchoolType = (v: string | null | undefined) =>
  !!v && (schoolUnitTypes as readonly string[]).includes(v);
