// Request and response shapes of job and internship postings.
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import { historyEntry } from './lists.schema.ts';
import { educationLevels, postingKinds, postingStatuses } from './talent.enums.ts';

const isoDate = z.iso.date('a date YYYY-MM-DD');
const majorCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'a 专业目录 code: 2, 4 or 6 digits');

export const postingParams = z.object({ consortiumId: z.uuid(), postingId: z.uuid() });

const fields = {
  kind: z.enum(postingKinds),
  title: z.string().trim().min(2, 'at least 2 characters').max(80, 'at most 80 characters'),
  occupationCode: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/, 'a 职业分类大典 code such as 6-18-01-01')
    .nullable()
    .optional(),
  majorCodes: z.array(majorCode).max(20).optional().describe('accepted majors; empty = any major'),
  levels: z.array(z.enum(educationLevels)).max(5).optional().describe('accepted levels; empty = any'),
  headcount: z.number().int().min(1, 'at least 1').max(10_000),
  staffCount: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .optional()
    .describe('staff on this post, when known (interns on a post: at most 20% of them)'),
  districtCode: z
    .string()
    .regex(/^\d{6}$/, 'a GB/T 2260 code: 6 digits')
    .nullable()
    .optional(),
  payMin: z.number().int().min(0).max(1_000_000).nullable().optional().describe('元/月'),
  payMax: z.number().int().min(0).max(1_000_000).nullable().optional().describe('元/月'),
  hours: z.string().trim().max(100).nullable().optional(),
  requirements: z.string().trim().max(4000).nullable().optional(),
  skills: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  deadline: isoDate,
  talentDemandId: z.uuid().nullable().optional().describe('the 人才需求 item this posting answers'),
};

export const createPostingBody = z.object({
  unitId: z.uuid(),
  ...fields,
  submit: z.boolean().default(false).describe('send to the secretariat for vetting at once'),
});
export type CreatePostingBody = z.infer<typeof createPostingBody>;

export const updatePostingBody = z
  .object(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdatePostingBody = z.infer<typeof updatePostingBody>;

export const postingActionBody = z.object({
  action: z.enum(['submit', 'approve', 'reject', 'close', 'reopen']),
  reason: z.string().trim().max(500).optional().describe('required to reject'),
});

export const postingListQuery = listQuery(
  ['deadline', 'createdAt', 'payMax', 'relevance'],
  '-createdAt',
).extend({
  q: z.string().trim().max(64).optional().describe('Chinese search over title, requirements and skills'),
  kind: z.enum(postingKinds).optional(),
  status: z.enum(postingStatuses).optional(),
  unitId: z.uuid().optional(),
  majorCode: majorCode.optional().describe('postings that accept this major (or any major)'),
  level: z.enum(educationLevels).optional(),
  district: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional()
    .describe('GB/T 2260 code or prefix'),
  payFrom: z.coerce.number().int().min(0).optional().describe('pay range reaches at least this (元/月)'),
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: published and before the deadline'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe("true: only my units' postings"),
});
export type PostingListQuery = z.infer<typeof postingListQuery>;

export const postingOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(postingKinds),
  title: z.string(),
  occupationCode: z.string().nullable(),
  majorCodes: z.array(z.string()),
  levels: z.array(z.enum(educationLevels)),
  headcount: z.number().int(),
  staffCount: z.number().int().nullable(),
  districtCode: z.string().nullable(),
  payMin: z.number().int().nullable(),
  payMax: z.number().int().nullable(),
  hours: z.string().nullable(),
  requirements: z.string().nullable(),
  skills: z.array(z.string()),
  deadline: z.string(),
  status: z.enum(postingStatuses),
  rejectReason: z.string().nullable(),
  vettedAt: z.iso.datetime().nullable(),
  talentDemandId: z.uuid().nullable(),
  applicationCount: z.number().int().nullable().describe('shown to the posting unit and the secretariat'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const postingPage = pageOf(postingOut);
export const postingDetail = postingOut.extend({
  history: z.array(historyEntry).describe('vetting history: to the posting unit and the secretariat'),
  canEdit: z.boolean(),
  canVet: z.boolean(),
  myApplicationId: z.uuid().nullable().describe("the viewing student's application, if any"),
});
