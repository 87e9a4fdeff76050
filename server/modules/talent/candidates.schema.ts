// Request and response shapes of candidates (students, graduates, workers).
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import { idCard, mobile, regionCode } from '../../lib/identifiers.ts';
import { candidateKinds, certificateKinds, educationLevels } from './talent.enums.ts';

const isoDate = z.iso.date('a date YYYY-MM-DD');
const majorCode = z.string().regex(/^\d{6}$/, 'a 专业目录 major code: 6 digits');

export const candidateParams = z.object({ consortiumId: z.uuid(), candidateId: z.uuid() });

export const certificate = z.object({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(certificateKinds).describe('1+X 职业技能等级证书, 职业技能等级, 职业资格, other'),
  level: z.string().trim().max(20).nullable().optional(),
  issuedOn: isoDate.nullable().optional(),
});

/** What a student may change of their own profile. */
export const selfFields = {
  mobile: mobile().nullable().optional(),
  homeDistrict: regionCode().nullable().optional(),
  skills: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  certificates: z.array(certificate).max(30).optional(),
  consentShare: z.boolean().optional().describe('member enterprises may see the profile when I apply'),
};
const schoolFields = {
  kind: z.enum(candidateKinds),
  name: z.string().trim().min(2, 'at least 2 characters').max(40, 'at most 40 characters'),
  idCard: idCard(),
  studentNo: z.string().trim().min(1).max(30).nullable().optional(),
  majorCode: majorCode.nullable().optional(),
  level: z.enum(educationLevels).nullable().optional(),
  yearOfStudy: z.number().int().min(1).max(6).nullable().optional(),
  enrolmentYear: z.number().int().min(1990).max(2100).nullable().optional(),
  expectedGraduation: isoDate.nullable().optional(),
  userId: z.uuid().nullable().optional().describe('the student account that owns this profile'),
};

export const createCandidateBody = z.object({
  schoolUnitId: z.uuid().nullable().describe('the registering school; null for workers (secretariat only)'),
  ...schoolFields,
  ...selfFields,
});
export type CreateCandidateBody = z.infer<typeof createCandidateBody>;
export const updateCandidateBody = z
  .object({ ...schoolFields, ...selfFields })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateCandidateBody = z.infer<typeof updateCandidateBody>;
export const selfFieldNames = Object.keys(selfFields);

export const candidateListQuery = listQuery(['name', 'updatedAt', 'expectedGraduation'], 'name').extend({
  q: z.string().trim().max(40).optional().describe('name or student number'),
  schoolUnitId: z.uuid().optional(),
  majorCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('a major or a 专业类/大类 prefix'),
  level: z.enum(educationLevels).optional(),
  kind: z.enum(candidateKinds).optional(),
  graduationYear: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

export const candidateOut = z.object({
  id: z.uuid(),
  kind: z.enum(candidateKinds),
  schoolUnitId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  userId: z.uuid().nullable(),
  name: z.string(),
  idCard: z.string().describe('masked unless the viewer may see personal data'),
  gender: z.enum(['male', 'female']),
  birthDate: z.string().nullable().describe('only to viewers of personal data'),
  studentNo: z.string().nullable(),
  mobile: z.string().nullable(),
  majorCode: z.string().nullable(),
  majorName: z.string().nullable(),
  level: z.enum(educationLevels).nullable(),
  yearOfStudy: z.number().int().nullable(),
  enrolmentYear: z.number().int().nullable(),
  expectedGraduation: z.string().nullable(),
  homeDistrict: z.string().nullable(),
  skills: z.array(z.string()),
  certificates: z.array(certificate),
  consentShare: z.boolean(),
  consentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const candidatePage = pageOf(candidateOut);
