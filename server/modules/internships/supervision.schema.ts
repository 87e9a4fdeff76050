// Request and response shapes of evidence-based supervision: logs with artefacts, anomaly flags,
// assessments, host ratings and alerts (also the OpenAPI source).
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import { assessorRoles, flagKinds, flagStatuses, hostKinds, logStatuses } from './internships.enums.ts';

const consortiumParams = z.object({ consortiumId: z.uuid() });
export const supervisionConsortiumParams = consortiumParams;
export const placementParams = consortiumParams.extend({ placementId: z.uuid() });
export const logParams = consortiumParams.extend({ logId: z.uuid() });
export const logFileParams = logParams.extend({ fileId: z.uuid() });
export const flagParams = consortiumParams.extend({ flagId: z.uuid() });
export const assessmentParams = placementParams.extend({
  role: z
    .enum(assessorRoles)
    .describe('enterprise_mentor | school_mentor grade the student; student rates the host'),
});

// ---------------------------------------------------------------------------------------------------
// Logs

/** what a log's work artefacts may be: photos, PDF and office documents */
export const logFileContentTypes = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export const MAX_LOG_FILES = 5;
export const MAX_LOG_FILE_BYTES = 5 * 1024 * 1024;
/** a log with five full-size files, in base64, and its text */
export const LOG_BODY_LIMIT = 40 * 1024 * 1024;

export const logFileIn = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentType: z.enum(logFileContentTypes),
  dataBase64: z
    .base64()
    .min(4)
    .max(Math.ceil(MAX_LOG_FILE_BYTES / 3) * 4)
    .describe('the file in base64, at most 5 MB decoded'),
});

const logContent = z
  .string()
  .trim()
  .min(30)
  .max(5000)
  .describe('what was done and learnt, 30–5000 characters; it is compared with other students’ logs');

export const logBody = z.object({
  periodStart: z.iso.date(),
  periodEnd: z.iso.date().describe('on or after periodStart; at most twice the plan’s cadence long'),
  content: logContent,
  files: z
    .array(logFileIn)
    .max(MAX_LOG_FILES)
    .default([])
    .describe('work artefacts (photos, drawings, reports): at most 5'),
});
export type LogBody = z.infer<typeof logBody>;

export const logPatchBody = z.object({
  periodStart: z.iso.date().optional(),
  periodEnd: z.iso.date().optional(),
  content: logContent.optional(),
  addFiles: z.array(logFileIn).max(MAX_LOG_FILES).optional(),
  removeFileIds: z.array(z.uuid()).max(MAX_LOG_FILES).optional(),
});
export type LogPatchBody = z.infer<typeof logPatchBody>;

export const noteBody = z
  .object({ note: z.string().trim().max(1000).optional() })
  .nullish()
  .describe('an optional note (the body may be left out)');
export const returnBody = z.object({
  note: z.string().trim().min(1).max(1000).describe('why it is returned (the student reads it)'),
});

export const placementLogsQuery = listQuery(
  ['periodStart', 'submittedAt', 'updatedAt'],
  '-periodStart',
).extend({
  status: z.enum(logStatuses).optional(),
});
export type PlacementLogsQuery = z.infer<typeof placementLogsQuery>;

export const logInboxQuery = listQuery(['periodStart', 'submittedAt', 'updatedAt'], '-submittedAt').extend({
  status: z.enum(logStatuses).optional(),
  placementId: z.uuid().optional(),
  planId: z.uuid().optional(),
  schoolUnitId: z.uuid().optional(),
  hostUnitId: z.uuid().optional(),
});
export type LogInboxQuery = z.infer<typeof logInboxQuery>;

export const placementSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    status: z.string(),
    studentName: z.string(),
    postTitle: z.string(),
    schoolUnitId: z.uuid(),
    schoolName: z.string().nullable(),
    hostKind: z.enum(hostKinds),
    hostUnitId: z.uuid().nullable(),
    externalHostId: z.uuid().nullable(),
    hostName: z.string().nullable(),
  })
  .describe('the placement a record belongs to');

export const logFileOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string().describe('hex sha-256 of the file, recorded on upload'),
  uploadedAt: z.iso.datetime(),
});

export const logOut = z.object({
  id: z.uuid(),
  placementId: z.uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  days: z.number().int(),
  content: z.string(),
  status: z.enum(logStatuses),
  submittedAt: z.iso.datetime(),
  mentorNote: z.string().nullable().describe('the enterprise mentor’s note (the reason when returned)'),
  cosignedByName: z.string().nullable(),
  cosignedAt: z.iso.datetime().nullable(),
  cosignedOnBehalf: z
    .boolean()
    .describe(
      'the host is external: school staff recorded its mentor’s co-signature (the note says on what)',
    ),
  reviewNote: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
  files: z.array(logFileOut),
  placement: placementSummary,
});
export const logPage = pageOf(logOut);
export const logDetail = logOut.extend({
  actions: z
    .object({
      edit: z.boolean(),
      cosign: z.boolean(),
      cosignOnBehalf: z
        .boolean()
        .describe('co-signing here records an external host’s co-signature (note required)'),
      return: z.boolean(),
      review: z.boolean(),
    })
    .describe('what the viewer may do with the log now'),
});

// ---------------------------------------------------------------------------------------------------
// Flags

export const FLAG_NOTICE_ZH =
  '异常提示仅供人工核查，不是处分依据，也不会自动影响成绩：请先与学生和导师核实情况，再标记为“已排除”或“已确认”并写明理由。';

export const FLAG_NOTICE_EN =
  'Flags are prompts for people to check, never grounds for a penalty, and they do not touch grades: check with the student and the mentors first, then mark the flag "dismissed" or "confirmed" with your reason.';

export const flagListQuery = listQuery(['raisedAt', 'kind'], '-raisedAt').extend({
  kind: z.enum(flagKinds).optional(),
  status: z.enum(flagStatuses).optional(),
  placementId: z.uuid().optional(),
  schoolUnitId: z.uuid().optional(),
  hostUnitId: z.uuid().optional(),
});
export type FlagListQuery = z.infer<typeof flagListQuery>;

export const flagOut = z.object({
  id: z.uuid(),
  kind: z.enum(flagKinds),
  kindZh: z.string(),
  status: z.enum(flagStatuses),
  placementId: z.uuid(),
  logId: z.uuid().nullable(),
  summaryZh: z.string().describe('what was found, in Chinese, with the numbers'),
  summaryEn: z.string().describe('the same in English'),
  noticeZh: z.string().describe('flags are for people to check, never automatic punishments'),
  noticeEn: z.string(),
  details: z.record(z.string(), z.unknown()).describe('the evidence: similar logs, the shared device, …'),
  placement: placementSummary,
  raisedAt: z.iso.datetime(),
  reviewNote: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
});
export const flagPage = pageOf(flagOut);

export const detectBody = z
  .object({
    threshold: z
      .number()
      .min(0.5)
      .max(1)
      .optional()
      .describe('near-duplicate Jaccard threshold (default 0.8)'),
    minStudentsPerDevice: z.number().int().min(2).max(100).optional().describe('default 3'),
    minStudentsPerIpPerDay: z.number().int().min(2).max(1000).optional().describe('default 8'),
    graceDays: z
      .number()
      .int()
      .min(0)
      .max(60)
      .optional()
      .describe('missing logs: days after the cadence (default 3)'),
  })
  .nullish();
export type DetectBody = z.infer<typeof detectBody>;

const kindCounts = z.object(
  Object.fromEntries(flagKinds.map((k) => [k, z.number().int()])) as Record<
    (typeof flagKinds)[number],
    z.ZodNumber
  >,
);
export const detectOut = z.object({
  raised: kindCounts.describe('new flags by kind'),
  scannedLogs: z.number().int(),
  scannedPlacements: z.number().int(),
  noticeZh: z.string(),
  noticeEn: z.string(),
});

export const flagReviewBody = z.object({
  status: z.enum(['dismissed', 'confirmed']),
  note: z.string().trim().min(1).max(1000).describe('what was checked and found (required)'),
});

// ---------------------------------------------------------------------------------------------------
// Assessments and ratings

export const assessmentBody = z.object({
  scores: z
    .record(z.string().max(60), z.number())
    .describe(
      'mentors: { [rubric key]: 0–100 } for every key; student: { overall, guidance, safety, learning } 1–5',
    ),
  comment: z.string().trim().max(2000).optional(),
  onBehalfNote: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .optional()
    .describe(
      'required when school staff record the enterprise mentor’s scores of an external host (e.g. 企业导师纸质评分表已存档); refused otherwise',
    ),
});
export type AssessmentBody = z.infer<typeof assessmentBody>;

export const rubricItem = z.object({ key: z.string(), label: z.string(), weight: z.number() });
export const assessmentOut = z.object({
  role: z.enum(assessorRoles),
  scores: z.record(z.string(), z.number()),
  total: z.number().describe('mentors: weighted total 0–100; student: mean rating 1–5'),
  comment: z.string().nullable(),
  onBehalfNote: z
    .string()
    .nullable()
    .describe('an external host’s mentor: recorded by school staff on its behalf, from this source'),
  assessedByName: z.string(),
  assessedAt: z.iso.datetime(),
});
export const assessmentsOut = z.object({
  placementId: z.uuid(),
  placementStatus: z.string(),
  rubric: z.array(rubricItem),
  assessments: z.array(assessmentOut),
  finalScore: z.number().nullable().describe('the mean of the two mentors’ totals, once both exist'),
  finalGrade: z.string().nullable().describe('优秀 ≥ 90, 良好 ≥ 80, 中等 ≥ 70, 及格 ≥ 60, else 不及格'),
});

export const hostRatingsQuery = listQuery(['ratings', 'overall', 'hostName'], '-ratings');
export type HostRatingsQuery = z.infer<typeof hostRatingsQuery>;
export const hostRatingOut = z.object({
  hostKind: z.enum(hostKinds),
  hostUnitId: z.uuid().nullable(),
  externalHostId: z.uuid().nullable(),
  hostName: z.string().nullable(),
  ratings: z.number().int().describe('how many students rated the host'),
  mean: z.object({
    overall: z.number(),
    guidance: z.number(),
    safety: z.number(),
    learning: z.number(),
    total: z.number(),
  }),
});
export const hostRatingPage = pageOf(hostRatingOut);

// ---------------------------------------------------------------------------------------------------
// Alerts

export const alertKinds = [
  'insurance_expiring',
  'agreement_unconfirmed',
  'logs_overdue',
  'cap_near_limit',
] as const;
export type AlertKind = (typeof alertKinds)[number];
export const alertSeverities = ['high', 'warn'] as const;

export const alertQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  kind: z.enum(alertKinds).optional(),
  severity: z.enum(alertSeverities).optional(),
  placementId: z.uuid().optional(),
});
export type AlertQuery = z.infer<typeof alertQuery>;

export const alertOut = z.object({
  kind: z.enum(alertKinds),
  severity: z.enum(alertSeverities),
  placementId: z.uuid().nullable(),
  studentName: z.string().nullable(),
  postTitle: z.string().nullable(),
  host: z
    .object({
      kind: z.enum(hostKinds),
      unitId: z.uuid().nullable(),
      externalHostId: z.uuid().nullable(),
      name: z.string().nullable(),
    })
    .nullable(),
  messageZh: z.string(),
  messageEn: z.string(),
  numbers: z
    .record(z.string(), z.union([z.number(), z.string(), z.null()]))
    .describe('the numbers behind it'),
  link: z.string().describe('where to act in the web app'),
});
export type AlertOut = z.infer<typeof alertOut>;
export const alertPage = pageOf(alertOut).extend({ asOf: z.iso.date() });
