// Between a candidate as the API sends it and the values of the candidate forms (dates as dayjs, empty
// text as absent), and the smallest patch that saves a change.
import dayjs, { type Dayjs } from 'dayjs';
import type { Candidate, CandidateKind, Certificate, CertificateKind, EducationLevel } from './types';

const DAY = 'YYYY-MM-DD';
const text = (v: string | null | undefined) => v?.trim() || null;
const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
const date = (v: Dayjs | null | undefined) => (v ? v.format(DAY) : null);
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : null);

export type CertificateValues = {
  name?: string;
  kind?: CertificateKind;
  level?: string | null;
  issuedOn?: Dayjs | null;
};

/** What a student may change of their own profile. */
export type SelfValues = {
  mobile?: string | null;
  homeDistrict?: string | null;
  skills?: string[];
  certificates?: CertificateValues[];
  consentShare?: boolean;
};

/** What the school keeps. */
export type SchoolValues = {
  schoolUnitId?: string | null;
  kind?: CandidateKind;
  name?: string;
  idCard?: string;
  studentNo?: string | null;
  majorCode?: string | null;
  level?: EducationLevel | null;
  yearOfStudy?: number | null;
  enrolmentYear?: number | null;
  expectedGraduation?: Dayjs | null;
  userId?: string | null;
};

export type CandidateValues = SelfValues & SchoolValues;

export const selfFieldNames = ['mobile', 'homeDistrict', 'skills', 'certificates', 'consentShare'] as const;
export const schoolFieldNames = [
  'schoolUnitId',
  'kind',
  'name',
  'idCard',
  'studentNo',
  'majorCode',
  'level',
  'yearOfStudy',
  'enrolmentYear',
  'expectedGraduation',
  'userId',
] as const;
export const candidateFieldNames = [...schoolFieldNames, ...selfFieldNames];

export function selfInitial(c: Candidate): SelfValues {
  return {
    mobile: c.mobile ?? '',
    homeDistrict: c.homeDistrict ?? '',
    skills: c.skills,
    certificates: c.certificates.map((x) => ({
      name: x.name,
      kind: x.kind,
      level: x.level ?? '',
      issuedOn: day(x.issuedOn),
    })),
    consentShare: c.consentShare,
  };
}

export function schoolInitial(c: Candidate): SchoolValues {
  return {
    schoolUnitId: c.schoolUnitId,
    kind: c.kind,
    name: c.name,
    idCard: c.idCard,
    studentNo: c.studentNo ?? '',
    majorCode: c.majorCode,
    level: c.level,
    yearOfStudy: c.yearOfStudy,
    enrolmentYear: c.enrolmentYear,
    expectedGraduation: day(c.expectedGraduation),
    userId: c.userId,
  };
}

function certificatesOf(list: CertificateValues[] | undefined): Certificate[] {
  return (list ?? [])
    .filter((x) => x.name?.trim() && x.kind)
    .map((x) => ({
      name: x.name!.trim(),
      kind: x.kind!,
      level: text(x.level),
      issuedOn: date(x.issuedOn),
    }));
}

export function selfPayload(v: SelfValues) {
  return {
    mobile: text(v.mobile),
    homeDistrict: text(v.homeDistrict),
    skills: [...new Set((v.skills ?? []).map((s) => s.trim()).filter(Boolean))],
    certificates: certificatesOf(v.certificates),
    consentShare: !!v.consentShare,
  };
}

export function schoolPayload(v: SchoolValues) {
  return {
    kind: v.kind!,
    name: (v.name ?? '').trim(),
    idCard: (v.idCard ?? '').trim().toUpperCase(),
    studentNo: text(v.studentNo),
    majorCode: v.majorCode || null,
    level: v.level ?? null,
    yearOfStudy: num(v.yearOfStudy),
    enrolmentYear: num(v.enrolmentYear),
    expectedGraduation: date(v.expectedGraduation),
    userId: v.userId || null,
  };
}

/** The entries of `after` that differ from `before` (compared as JSON). */
export function changes<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(after[k]) !== JSON.stringify(before[k])) out[k] = after[k];
  }
  return out;
}
