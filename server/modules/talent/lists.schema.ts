// Request and response shapes of the three lists (核心产品, 技术需求, 人才需求).
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import {
  chainPositions,
  educationLevels,
  linkTargetKinds,
  listKinds,
  listStatuses,
  techProgress,
} from './talent.enums.ts';

const isoDate = z.iso.date('a date YYYY-MM-DD');
const words = (max: number) => z.array(z.string().trim().min(1).max(40)).max(max);
const majorCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'a 专业目录 code: 2, 4 or 6 digits');
const occupationCode = z
  .string()
  .regex(/^\d(-\d{2}){0,3}$/, 'a 职业分类大典 code such as 6 or 6-18 or 6-18-01 or 6-18-01-01');
const industryCode = z
  .string()
  .regex(/^([A-T]|\d{2,4})$/, 'a GB/T 4754 code: a section letter or 2–4 digits');

export const listParams = z.object({ consortiumId: z.uuid(), itemId: z.uuid() });
export const linkParams = listParams.extend({ linkId: z.uuid() });

const common = {
  title: z.string().trim().min(2, 'at least 2 characters').max(120, 'at most 120 characters'),
  description: z.string().trim().max(4000).nullable().optional(),
};

export const productFields = z.object({
  ...common,
  industryCode: industryCode.nullable().optional(),
  chain: z.string().trim().max(60).nullable().optional(),
  chainPosition: z.enum(chainPositions).nullable().optional(),
  keyTechnologies: words(20).optional(),
  year: z.number().int().min(1990).max(2100).nullable().optional(),
});
export const techFields = z.object({
  ...common,
  industryCode: industryCode.nullable().optional(),
  field: z.string().trim().min(1).max(60).nullable().optional(),
  expectedOutcome: z.string().trim().max(2000).nullable().optional(),
  budget: z.number().min(0).max(1_000_000).nullable().optional().describe('万元'),
  deadline: isoDate.nullable().optional(),
});
export const talentFields = z.object({
  ...common,
  occupationCode: occupationCode.nullable().optional(),
  majorCodes: z.array(majorCode).max(20).optional(),
  level: z.enum(educationLevels).nullable().optional(),
  headcount: z.number().int().min(1, 'at least 1').max(100_000),
  skills: words(30).optional(),
  windowStart: isoDate.nullable().optional(),
  windowEnd: isoDate.nullable().optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'a GB/T 2260 code: 6 digits')
    .nullable()
    .optional(),
  location: z.string().trim().max(100).nullable().optional(),
});

export const createListItemBody = z.discriminatedUnion('kind', [
  productFields.extend({ kind: z.literal('product'), unitId: z.uuid() }),
  techFields.extend({ kind: z.literal('tech'), unitId: z.uuid() }),
  talentFields.extend({ kind: z.literal('talent'), unitId: z.uuid() }),
]);
export type CreateListItemBody = z.infer<typeof createListItemBody>;

/** Any of the kind's fields; fields of other kinds are refused by the service. */
export const updateListItemBody = productFields
  .partial()
  .extend(techFields.partial().shape)
  .extend(talentFields.partial().shape)
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdateListItemBody = z.infer<typeof updateListItemBody>;

export const listActionBody = z.object({
  action: z.enum(['submit', 'publish', 'return', 'archive', 'reopen']),
  note: z.string().trim().max(500).optional(),
});
export const progressBody = z.object({
  progress: z.enum(techProgress),
  note: z.string().trim().max(500).optional(),
});
export const linkBody = z.object({
  targetKind: z.enum(linkTargetKinds),
  targetId: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1).max(200),
});

export const listItemsQuery = listQuery(['updatedAt', 'title', 'createdAt'], '-updatedAt').extend({
  kind: z.enum(listKinds),
  status: z.enum(listStatuses).optional(),
  progress: z.enum(techProgress).optional(),
  unitId: z.uuid().optional(),
  q: z.string().trim().max(64).optional(),
  answered: z.enum(['yes', 'no']).optional().describe('only items with (yes) or without (no) links'),
  majorCode: majorCode
    .optional()
    .describe(
      'items naming this major, a 专业类 or 专业大类 above it, or a major below it (e.g. 46 finds 460104)',
    ),
  industryCode: industryCode
    .optional()
    .describe('items of this GB/T 4754 code, a code above it or below it (a 门类 letter takes in its 大类)'),
});
export type ListItemsQuery = z.infer<typeof listItemsQuery>;
export const listExportQuery = listItemsQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const linkOut = z.object({
  id: z.uuid(),
  targetKind: z.enum(linkTargetKinds),
  targetId: z.string(),
  label: z.string(),
  createdAt: z.iso.datetime(),
});

export const listItemOut = z.object({
  id: z.uuid(),
  kind: z.enum(listKinds),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(listStatuses),
  reviewNote: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  industryCode: z.string().nullable(),
  chain: z.string().nullable(),
  chainPosition: z.enum(chainPositions).nullable(),
  keyTechnologies: z.array(z.string()),
  year: z.number().int().nullable(),
  field: z.string().nullable(),
  expectedOutcome: z.string().nullable(),
  budget: z.number().nullable(),
  deadline: z.string().nullable(),
  progress: z.enum(techProgress).nullable(),
  occupationCode: z.string().nullable(),
  majorCodes: z.array(z.string()),
  level: z.enum(educationLevels).nullable(),
  headcount: z.number().int().nullable(),
  skills: z.array(z.string()),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  regionCode: z.string().nullable(),
  location: z.string().nullable(),
  linkCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const listItemPage = pageOf(listItemOut);

export const historyEntry = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  actorName: z.string(),
  at: z.iso.datetime(),
});

export const listItemDetail = listItemOut.extend({
  links: z.array(linkOut),
  history: z.array(historyEntry),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
