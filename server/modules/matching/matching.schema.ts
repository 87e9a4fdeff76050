// Request and response shapes of matching runs.
import { z } from 'zod';
import { listQuery, pageOf } from '../../lib/http.ts';
import { matchingRunStatuses } from '../../db/schema/matching.ts';
import { defaultWeights } from './matching.core.ts';

const weight = z.number().int().min(0).max(1000);
export const weightsSchema = z
  .object({
    sameMajor: weight,
    sameClass: weight,
    sameGroup: weight,
    crosswalk: weight,
    level: weight,
    wish: weight,
    locality: weight,
  })
  .describe('points each kind of fit adds to a pair’s score');

export const createRunBody = z.object({
  name: z.string().trim().min(2, 'at least 2 characters').max(60, 'at most 60 characters'),
  mode: z.enum(['optimal', 'stable']),
  placeFirst: z.boolean().default(false).describe('optimal: first place as many students as possible'),
  postingKind: z.enum(['job', 'internship']),
  cohort: z
    .object({
      schoolUnitIds: z.array(z.uuid()).max(50).optional(),
      majorCodes: z
        .array(z.string().regex(/^\d{2,6}$/, 'a major code or prefix'))
        .max(50)
        .optional(),
      graduationYear: z.number().int().min(2000).max(2100).optional(),
      kinds: z
        .array(z.enum(['student', 'graduate', 'worker']))
        .min(1)
        .default(['student']),
    })
    .default({ kinds: ['student'] }),
  postingIds: z
    .array(z.uuid())
    .max(5000)
    .optional()
    .describe('default: every open vetted posting of the kind'),
  weights: weightsSchema.default(defaultWeights),
  caps: z
    .object({ hostRatio: z.number().min(0).max(1), postRatio: z.number().min(0).max(1) })
    .optional()
    .describe(
      'internships: interns ≤ hostRatio of the host’s employees, ≤ postRatio of a post’s staff; default: the consortium’s settings of the compliance rules R-RATIO-HOST and R-RATIO-POST',
    ),
  maxPostsPerStudent: z.number().int().min(1).max(200).default(30),
});
export type CreateRunBody = z.infer<typeof createRunBody>;

export const runParams = z.object({ consortiumId: z.uuid(), runId: z.uuid() });

export const runOut = z.object({
  id: z.uuid(),
  name: z.string(),
  mode: z.enum(['optimal', 'stable']),
  placeFirst: z.boolean(),
  postingKind: z.enum(['job', 'internship']),
  status: z.enum(matchingRunStatuses),
  progress: z.number().int(),
  phase: z.string().nullable(),
  config: createRunBody.extend({
    caps: z.object({ hostRatio: z.number(), postRatio: z.number() }).describe('the caps the run used'),
  }),
  summary: z
    .object({
      students: z.number().int(),
      posts: z.number().int(),
      enterprises: z.number().int(),
      edges: z.number().int(),
      placed: z.number().int(),
      objective: z.number().int(),
      averageScore: z.number().nullable(),
      averageWishRank: z.number().nullable().describe('over placed students who had ranked the post'),
      gotFirstWish: z.number().int(),
      noConsent: z.number().int().describe('students of the cohort left out: no consent to share'),
      ineligible: z.number().int().describe('students with no post they may take'),
      ruleExcluded: z
        .number()
        .int()
        .optional()
        .describe(
          'internships: students left out by the internship rules (first year, under age) or already placed',
        ),
      warnings: z.array(z.object({ code: z.string(), id: z.string(), message: z.string() })),
      bySchool: z.array(
        z.object({ id: z.string(), name: z.string(), students: z.number().int(), placed: z.number().int() }),
      ),
      byMajor: z.array(z.object({ code: z.string(), students: z.number().int(), placed: z.number().int() })),
      byEnterprise: z.array(
        z.object({ id: z.string(), name: z.string(), capacity: z.number().int(), placed: z.number().int() }),
      ),
    })
    .nullable(),
  solveMs: z.number().int().nullable(),
  error: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  confirmedAt: z.iso.datetime().nullable(),
});
export const runPage = pageOf(
  runOut.omit({ config: true, summary: true }).extend({
    placed: z.number().int().nullable(),
    students: z.number().int().nullable(),
  }),
);
export const runListQuery = listQuery(['createdAt'], '-createdAt');

export const resultsQuery = listQuery(['name', 'score'], 'name').extend({
  placed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  schoolUnitId: z.uuid().optional(),
  postingId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().trim().max(40).optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

export const reasonOut = z.object({
  postingId: z.uuid(),
  postingTitle: z.string(),
  enterpriseName: z.string(),
  reason: z.enum(['not_eligible', 'post_full', 'enterprise_full', 'lower_total']),
  lowest: z
    .object({ candidateId: z.uuid(), name: z.string(), priority: z.number() })
    .nullable()
    .describe('post_full / enterprise_full: the lowest-priority student admitted'),
});
export const resultOut = z.object({
  candidateId: z.uuid(),
  name: z.string(),
  schoolName: z.string().nullable(),
  majorCode: z.string().nullable(),
  posting: z
    .object({ id: z.uuid(), title: z.string(), enterpriseId: z.uuid(), enterpriseName: z.string() })
    .nullable(),
  score: z.number().int().nullable(),
  wishRank: z.number().int().nullable(),
  explanation: z.array(reasonOut),
});
export const resultPage = pageOf(resultOut);

export const compareOut = z.object({
  a: runOut.omit({ config: true }),
  b: runOut.omit({ config: true }),
  sameStudents: z.number().int().describe('students in both runs'),
  samePost: z.number().int().describe('…placed on the same post in both'),
  onlyPlacedInA: z.number().int(),
  onlyPlacedInB: z.number().int(),
  movedPost: z.number().int().describe('placed in both, on different posts'),
});
