// Request and response shapes of internship plans, external hosts, placements, the explainable check,
// the rules and their settings, and the compliance page.
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import { uscc } from '../../lib/identifiers.ts';
import { historyEntry } from '../talent/lists.schema.ts';
import {
  certainties,
  hostKinds,
  intensityClasses,
  internshipKinds,
  payChannels,
  payFrequencies,
  placementStatuses,
  planStatuses,
  premiumPayers,
  ruleSeverities,
  venueTypes,
} from './internships.enums.ts';

const isoDate = z.iso.date('a date YYYY-MM-DD');
const majorCode = z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'a 专业目录 code: 2, 4 or 6 digits');
const name = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optText = (max: number) =>
  z.string().trim().max(max, `at most ${max} characters`).nullable().optional();
const money = z.number().min(0, 'not negative').max(1_000_000, 'at most 1,000,000');

/**
 * The fields of a change: those of a creation without their defaults — a field left out of a PATCH keeps
 * its stored value (zod would otherwise fill in the creation's default and overwrite it).
 */
function changeOf<S extends Record<string, z.ZodType>>(
  shape: S,
): { [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]>>> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) {
    out[k] = (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional();
  }
  return out as { [K in keyof S]: z.ZodOptional<z.ZodType<z.output<S[K]>>> };
}

export const consortiumParams = z.object({ consortiumId: z.uuid() });
export const planParams = z.object({ consortiumId: z.uuid(), planId: z.uuid() });
export const hostParams = z.object({ consortiumId: z.uuid(), hostId: z.uuid() });
export const placementParams = z.object({ consortiumId: z.uuid(), placementId: z.uuid() });
export const ruleParams = z.object({ consortiumId: z.uuid(), ruleId: z.string().regex(/^R-[A-Z0-9-]+$/) });

// ---------------------------------------------------------------------------------------------------
// Plans

const rubricItem = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, 'a short key: lowercase letters, digits, _'),
  label: name(40),
  weight: z.number().int().min(1).max(100),
});
const rubric = z
  .array(rubricItem)
  .min(1, 'at least one criterion')
  .max(12)
  .refine((r) => r.reduce((s, x) => s + x.weight, 0) === 100, 'the weights must add up to 100')
  .refine((r) => new Set(r.map((x) => x.key)).size === r.length, 'each key once');

const planFields = {
  title: name(80),
  kind: z.enum(internshipKinds),
  majorCodes: z.array(majorCode).max(20).default([]).describe('the majors the plan is for; empty = any'),
  cohort: name(20).describe('e.g. 2023级'),
  startDate: isoDate,
  endDate: isoDate,
  goals: optText(4000),
  teacherUserId: z.uuid().nullable().optional(),
  teacherName: name(40),
  logCadenceDays: z.number().int().min(1).max(60).default(14).describe('a log is due every this many days'),
  rubric: rubric.optional(),
};

export const createPlanBody = z.object({ schoolUnitId: z.uuid(), ...planFields });
export type CreatePlanBody = z.infer<typeof createPlanBody>;
export const updatePlanBody = z
  .object(changeOf({ ...planFields, status: z.enum(planStatuses) }))
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

export const planOut = z.object({
  id: z.uuid(),
  schoolUnitId: z.uuid(),
  schoolName: z.string(),
  title: z.string(),
  kind: z.enum(internshipKinds),
  majorCodes: z.array(z.string()),
  cohort: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  goals: z.string().nullable(),
  teacherUserId: z.uuid().nullable(),
  teacherName: z.string(),
  logCadenceDays: z.number().int(),
  rubric: z.array(rubricItem),
  status: z.enum(planStatuses),
  placements: z.number().int(),
  blocked: z.number().int().describe('placements with a blocking finding'),
  canEdit: z.boolean(),
  createdAt: z.iso.datetime(),
});
export const planListQuery = listQuery(['startDate', 'title', 'createdAt'], '-startDate').extend({
  schoolUnitId: z.uuid().optional(),
  kind: z.enum(internshipKinds).optional(),
  status: z.enum(planStatuses).optional(),
  q: z.string().trim().max(80).optional(),
});
export const planPage = pageOf(planOut);

// ---------------------------------------------------------------------------------------------------
// External hosts

export const hostBody = z.object({
  name: name(100),
  uscc: uscc(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'a GB/T 2260 code: 6 digits')
    .nullable()
    .optional(),
  industryCode: z
    .string()
    .regex(/^[A-T](\d{2,4})?$/, 'a GB/T 4754 code')
    .nullable()
    .optional(),
  employeeCount: z.number().int().min(1).max(10_000_000).nullable().optional(),
  employeeCountAsOf: isoDate.nullable().optional(),
  contactName: optText(40),
  contactPhone: optText(30),
});
export type HostBody = z.infer<typeof hostBody>;
export const hostOut = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  regionCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  employeeCountAsOf: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  placements: z.number().int(),
});
export const hostListQuery = listQuery(['name'], 'name').extend({ q: z.string().trim().max(80).optional() });
export const hostPage = pageOf(hostOut);

// ---------------------------------------------------------------------------------------------------
// Placements

const placementFields = {
  hostKind: z.enum(hostKinds),
  hostUnitId: z.uuid().nullable().optional().describe('a member unit, when hostKind = member'),
  externalHostId: z
    .uuid()
    .nullable()
    .optional()
    .describe('a registered external host, when hostKind = external'),
  postingId: z.uuid().nullable().optional(),
  postTitle: name(80),
  postStaffCount: z.number().int().min(1).max(1_000_000).nullable().optional().describe('同类岗位在岗职工'),
  postMajorCodes: z.array(majorCode).max(20).optional(),
  schoolMentorUserId: z.uuid().nullable().optional(),
  schoolMentorName: name(40),
  enterpriseMentorUserId: z.uuid().nullable().optional(),
  enterpriseMentorName: name(40),
  startDate: isoDate,
  endDate: isoDate,
  dailyHours: z.number().min(1).max(24).multipleOf(0.5, 'in half hours'),
  daysPerWeek: z.number().int().min(1).max(7).default(5),
  nightShifts: z.boolean().default(false),
  holidayWork: z.boolean().default(false),
  overtime: z.boolean().default(false),
  hazardousWork: z.boolean().default(false),
  exemptionRef: optText(100).describe('the filed exemption for night shifts, holidays, overtime or hazards'),
  payAmount: money.nullable().optional().describe('元/月'),
  postWage: money.nullable().optional().describe("the same post's wage, 元/月"),
  payChannel: z.enum(payChannels).nullable().optional(),
  payFrequency: z.enum(payFrequencies).nullable().optional(),
  intensityClass: z
    .number()
    .int()
    .refine((v) => (intensityClasses as readonly number[]).includes(v), 'a class 1–4')
    .default(1),
  venueType: z.enum(venueTypes),
  address: optText(200),
  viaIntermediary: z.boolean().default(false),
  feesCharged: z.boolean().default(false),
  documentsHeld: z.boolean().default(false),
  guardianConsent: z.boolean().default(false),
  insurer: optText(80),
  policyNo: optText(60),
  insuranceStart: isoDate.nullable().optional(),
  insuranceEnd: isoDate.nullable().optional(),
  premiumPaidBy: z.enum(premiumPayers).nullable().optional(),
};

export const placementBody = z.object({ planId: z.uuid(), candidateId: z.uuid(), ...placementFields });
export type PlacementBody = z.infer<typeof placementBody>;
export const updatePlacementBody = z
  .object(changeOf(placementFields))
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type UpdatePlacementBody = z.infer<typeof updatePlacementBody>;
/** the explainable check: a whole placement (new) or a change to one (`placementId` + the changed fields) */
export const checkBody = z.object({
  placementId: z.uuid().optional().describe('check a change to this placement instead of a new one'),
  placement: z
    .record(z.string(), z.unknown())
    .describe('the fields of a new placement, or the changed fields'),
  stage: z.enum(['save', 'start']).default('save'),
});

export const placementActionBody = z.object({
  action: z.enum(['start', 'complete', 'terminate', 'cancel']),
  note: z.string().trim().max(500).optional().describe('required to terminate'),
});

export const findingOut = z.object({
  ruleId: z.string(),
  severity: z.enum(ruleSeverities),
  titleZh: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  certainty: z.enum(certainties),
  source: z.object({ document: z.string(), article: z.string().nullable(), note: z.string().nullable() }),
});
export const checkOut = z.object({
  ok: z.boolean().describe('true when no finding blocks the save (or the start)'),
  findings: z.array(findingOut),
});

export const placementOut = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  kind: z.enum(internshipKinds),
  candidateId: z.uuid(),
  studentName: z.string(),
  studentNo: z.string().nullable(),
  majorCode: z.string().nullable(),
  schoolUnitId: z.uuid(),
  schoolName: z.string(),
  hostKind: z.enum(hostKinds),
  hostUnitId: z.uuid().nullable(),
  externalHostId: z.uuid().nullable(),
  hostName: z.string(),
  postingId: z.uuid().nullable(),
  postTitle: z.string(),
  postStaffCount: z.number().int().nullable(),
  postMajorCodes: z.array(z.string()),
  schoolMentorUserId: z.uuid().nullable(),
  schoolMentorName: z.string(),
  enterpriseMentorUserId: z.uuid().nullable(),
  enterpriseMentorName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  dailyHours: z.number(),
  daysPerWeek: z.number().int(),
  nightShifts: z.boolean(),
  holidayWork: z.boolean(),
  overtime: z.boolean(),
  hazardousWork: z.boolean(),
  exemptionRef: z.string().nullable(),
  payAmount: z.number().nullable(),
  postWage: z.number().nullable(),
  payChannel: z.enum(payChannels).nullable(),
  payFrequency: z.enum(payFrequencies).nullable(),
  intensityClass: z.number().int(),
  venueType: z.enum(venueTypes),
  address: z.string().nullable(),
  viaIntermediary: z.boolean(),
  feesCharged: z.boolean(),
  documentsHeld: z.boolean(),
  guardianConsent: z.boolean(),
  insurer: z.string().nullable(),
  policyNo: z.string().nullable(),
  insuranceStart: z.string().nullable(),
  insuranceEnd: z.string().nullable(),
  premiumPaidBy: z.enum(premiumPayers).nullable(),
  status: z.enum(placementStatuses),
  terminatedOn: z.string().nullable(),
  statusNote: z.string().nullable(),
  matchingRunId: z.uuid().nullable(),
  finalScore: z.number().nullable(),
  finalGrade: z.string().nullable(),
  findings: z
    .array(findingOut)
    .describe('what the rules found when it (or anything affecting it) last changed'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const placementDetail = placementOut.extend({
  history: z.array(historyEntry),
  agreement: z
    .object({
      version: z.number().int(),
      contentHash: z.string(),
      confirmed: z.array(z.string()),
      complete: z.boolean(),
    })
    .nullable(),
  can: z.object({
    edit: z.boolean(),
    start: z.boolean(),
    complete: z.boolean(),
    terminate: z.boolean(),
    cancel: z.boolean(),
  }),
  sides: z.object({ school: z.boolean(), host: z.boolean(), student: z.boolean(), all: z.boolean() }),
});
export const placementListQuery = listQuery(
  ['startDate', 'studentName', 'hostName', 'createdAt'],
  '-startDate',
).extend({
  planId: z.uuid().optional(),
  schoolUnitId: z.uuid().optional(),
  hostUnitId: z.uuid().optional(),
  externalHostId: z.uuid().optional(),
  candidateId: z.uuid().optional(),
  status: z.enum(placementStatuses).optional(),
  finding: z.enum(['block', 'warn', 'any']).optional().describe('only placements with such findings'),
  mine: z.coerce.boolean().optional().describe("a student's own placements"),
  q: z.string().trim().max(80).optional().describe('student, host or post'),
});
export type PlacementListQuery = z.infer<typeof placementListQuery>;
export const placementPage = pageOf(placementOut);

export const fromRunBody = z.object({
  runId: z.uuid(),
  dryRun: z.boolean().default(true),
  defaults: z.object({
    schoolMentorName: name(40),
    enterpriseMentorName: name(40),
    dailyHours: placementFields.dailyHours,
    daysPerWeek: placementFields.daysPerWeek,
    venueType: z.enum(venueTypes),
    intensityClass: placementFields.intensityClass,
    payAmount: money.nullable().optional(),
    postWage: money.nullable().optional(),
    payChannel: z.enum(payChannels).nullable().optional(),
    payFrequency: z.enum(payFrequencies).nullable().optional(),
    insurer: optText(80),
    policyNo: optText(60),
    premiumPaidBy: z.enum(premiumPayers).nullable().optional(),
    guardianConsent: z.boolean().default(false),
  }),
});
export const fromRunOut = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  rows: z.array(
    z.object({
      candidateId: z.uuid(),
      studentName: z.string(),
      postingId: z.uuid(),
      postTitle: z.string(),
      hostName: z.string(),
      ok: z.boolean(),
      placementId: z.uuid().nullable(),
      findings: z.array(findingOut),
      error: z.string().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------------
// Rules and compliance

export const ruleOut = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  source: z.object({ document: z.string(), article: z.string().nullable(), note: z.string().nullable() }),
  certainty: z.enum(certainties),
  appliesTo: z.array(z.enum(internshipKinds)),
  params: z.array(
    z.object({
      key: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      default: z.number(),
      min: z.number(),
      max: z.number(),
      integer: z.boolean(),
      value: z.number(),
    }),
  ),
  defaultSeverity: z.enum(ruleSeverities),
  severity: z.enum(ruleSeverities),
  severityLocked: z.boolean(),
  changed: z.boolean(),
  note: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
  openFindings: z.object({ block: z.number().int(), warn: z.number().int() }),
});
export const ruleSettingBody = z.object({
  params: z.record(z.string(), z.number()).default({}),
  severity: z.enum(ruleSeverities),
  note: z.string().trim().min(2, 'say why (at least 2 characters)').max(500),
});

export const complianceQuery = z.object({
  groupBy: z.enum(['host', 'school', 'rule']).default('host'),
  severity: z.enum(ruleSeverities).optional(),
  ruleId: z.string().optional(),
});
export const complianceOut = z.object({
  groupBy: z.enum(['host', 'school', 'rule']),
  totals: z.object({ placements: z.number().int(), block: z.number().int(), warn: z.number().int() }),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      block: z.number().int(),
      warn: z.number().int(),
      placements: z.number().int(),
    }),
  ),
  findings: z.array(
    findingOut.extend({
      placementId: z.uuid(),
      studentName: z.string(),
      hostName: z.string(),
      schoolName: z.string(),
      evaluatedAt: z.iso.datetime(),
    }),
  ),
});
