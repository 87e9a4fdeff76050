// Internships under 《职业学校学生实习管理规定》: plans, external hosts, placements (with pay, schedule,
// venue, insurance), the compliance rule settings and the findings of the rules on each placement,
// three-party agreements and their confirmations, evidence-based logs with artefacts, anomaly flags,
// and assessments. Tenant tables: (consortium_id, id) keys; tenant foreign keys include consortium_id.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  agreementParties,
  assessorRoles,
  flagKinds,
  flagStatuses,
  hostKinds,
  internshipKinds,
  logStatuses,
  payChannels,
  payFrequencies,
  placementStatuses,
  planStatuses,
  premiumPayers,
  ruleSeverities,
  venueTypes,
} from '../../modules/internships/internships.enums.ts';
import { consortia, memberUnits } from './consortium.ts';
import { candidates, postings } from './talent.ts';
import { bytea, createdUpdated, textArray } from './columns.ts';

const tenant = {
  consortiumId: uuid('consortium_id')
    .notNull()
    .references(() => consortia.id),
  id: uuid('id').notNull().defaultRandom(),
};

/** A school's internship plan: majors, cohort, kind, period, goals, teacher, log cadence, rubric. */
export const internshipPlans = pgTable(
  'internship_plans',
  {
    ...tenant,
    schoolUnitId: uuid('school_unit_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: internshipKinds }).notNull(),
    majorCodes: textArray('major_codes'),
    /** e.g. 2023级 */
    cohort: text('cohort').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    goals: text('goals'),
    /** the responsible teacher (a user of the school) and their name as shown */
    teacherUserId: uuid('teacher_user_id'),
    teacherName: text('teacher_name').notNull(),
    /** a log is due every this many days (the school's choice: the minimum needed, not daily busywork) */
    logCadenceDays: integer('log_cadence_days').notNull().default(14),
    /** the assessment rubric: [{ key, label, weight }] with weights summing to 100 */
    rubric: jsonb('rubric')
      .notNull()
      .default(sql`'[]'::jsonb`),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_plans_school_fk',
      columns: [t.consortiumId, t.schoolUnitId],
      foreignColumns: [memberUnits.consortiumId, memberUnits.id],
    }),
    index('internship_plans_school').on(t.consortiumId, t.schoolUnitId, t.startDate),
  ],
);

/** A host outside the consortium's members, registered with its USCC so that its caps can be counted. */
export const internshipHosts = pgTable(
  'internship_hosts',
  {
    ...tenant,
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    regionCode: text('region_code'),
    industryCode: text('industry_code'),
    /** 在岗职工 — the base of the 10% cap */
    employeeCount: integer('employee_count'),
    employeeCountAsOf: date('employee_count_as_of'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    uniqueIndex('internship_hosts_uscc').on(t.consortiumId, t.uscc),
  ],
);

export const internshipPlacements = pgTable(
  'internship_placements',
  {
    ...tenant,
    planId: uuid('plan_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    /** copied from the plan, so that a school's placements are found without a join */
    schoolUnitId: uuid('school_unit_id').notNull(),
    hostKind: text('host_kind', { enum: hostKinds }).notNull(),
    hostUnitId: uuid('host_unit_id'),
    externalHostId: uuid('external_host_id'),
    /** the posting the placement came from, when there is one */
    postingId: uuid('posting_id'),
    postTitle: text('post_title').notNull(),
    /** 同类岗位在岗职工 — the base of the 20% cap (null: unknown, the post cap cannot be checked) */
    postStaffCount: integer('post_staff_count'),
    /** majors the post fits (from the posting or entered) */
    postMajorCodes: textArray('post_major_codes'),
    schoolMentorUserId: uuid('school_mentor_user_id'),
    schoolMentorName: text('school_mentor_name').notNull(),
    enterpriseMentorUserId: uuid('enterprise_mentor_user_id'),
    enterpriseMentorName: text('enterprise_mentor_name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    // schedule
    dailyHours: numeric('daily_hours', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    daysPerWeek: integer('days_per_week').notNull().default(5),
    nightShifts: boolean('night_shifts').notNull().default(false),
    holidayWork: boolean('holiday_work').notNull().default(false),
    overtime: boolean('overtime').notNull().default(false),
    /** high-altitude, underground, radioactive, toxic, explosive work */
    hazardousWork: boolean('hazardous_work').notNull().default(false),
    /** a filed exemption for night shifts / holidays / overtime / hazardous work (reference of the filing) */
    exemptionRef: text('exemption_ref'),
    // pay, 元 per month
    payAmount: numeric('pay_amount', { precision: 10, scale: 2, mode: 'number' }),
    /** the same post's wage (or the lowest wage grade), the base of the 80% rule */
    postWage: numeric('post_wage', { precision: 10, scale: 2, mode: 'number' }),
    payChannel: text('pay_channel', { enum: payChannels }),
    payFrequency: text('pay_frequency', { enum: payFrequencies }),
    /** 体力劳动强度 class 1–4 */
    intensityClass: integer('intensity_class').notNull().default(1),
    venueType: text('venue_type', { enum: venueTypes }).notNull(),
    address: text('address'),
    viaIntermediary: boolean('via_intermediary').notNull().default(false),
    /** deposits, training or management fees, commission on pay, holding of documents */
    feesCharged: boolean('fees_charged').notNull().default(false),
    documentsHeld: boolean('documents_held').notNull().default(false),
    /** 监护人知情同意书 for students under 18 */
    guardianConsent: boolean('guardian_consent').notNull().default(false),
    // 实习责任保险
    insurer: text('insurer'),
    policyNo: text('policy_no'),
    insuranceStart: date('insurance_start'),
    insuranceEnd: date('insurance_end'),
    premiumPaidBy: text('premium_paid_by', { enum: premiumPayers }),
    status: text('status', { enum: placementStatuses }).notNull().default('pending'),
    /** when it was terminated early (the caps stop counting it the day after) */
    terminatedOn: date('terminated_on'),
    statusNote: text('status_note'),
    /** the matching run it came from */
    matchingRunId: uuid('matching_run_id'),
    /** the final grade (0–100), from the mentors' assessments */
    finalScore: numeric('final_score', { precision: 5, scale: 2, mode: 'number' }),
    finalGrade: text('final_grade'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_placements_plan_fk',
      columns: [t.consortiumId, t.planId],
      foreignColumns: [internshipPlans.consortiumId, internshipPlans.id],
    }),
    foreignKey({
      name: 'internship_placements_candidate_fk',
      columns: [t.consortiumId, t.candidateId],
      foreignColumns: [candidates.consortiumId, candidates.id],
    }),
    foreignKey({
      name: 'internship_placements_host_unit_fk',
      columns: [t.consortiumId, t.hostUnitId],
      foreignColumns: [memberUnits.consortiumId, memberUnits.id],
    }),
    foreignKey({
      name: 'internship_placements_external_host_fk',
      columns: [t.consortiumId, t.externalHostId],
      foreignColumns: [internshipHosts.consortiumId, internshipHosts.id],
    }),
    foreignKey({
      name: 'internship_placements_posting_fk',
      columns: [t.consortiumId, t.postingId],
      foreignColumns: [postings.consortiumId, postings.id],
    }),
    index('internship_placements_plan').on(t.consortiumId, t.planId),
    index('internship_placements_candidate').on(t.consortiumId, t.candidateId),
    index('internship_placements_host_unit').on(t.consortiumId, t.hostUnitId, t.startDate),
    index('internship_placements_external_host').on(t.consortiumId, t.externalHostId, t.startDate),
    index('internship_placements_school').on(t.consortiumId, t.schoolUnitId),
  ],
);

/** The secretariat's parameters and severities of the rules (the defaults live in the engine). */
export const complianceRuleSettings = pgTable(
  'compliance_rule_settings',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    ruleId: text('rule_id').notNull(),
    params: jsonb('params')
      .notNull()
      .default(sql`'{}'::jsonb`),
    severity: text('severity', { enum: ruleSeverities }).notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consortiumId, t.ruleId] })],
);

/** What the rules found on each placement when it (or anything affecting it) last changed. */
export const placementFindings = pgTable(
  'placement_findings',
  {
    consortiumId: uuid('consortium_id').notNull(),
    placementId: uuid('placement_id').notNull(),
    ruleId: text('rule_id').notNull(),
    severity: text('severity', { enum: ruleSeverities }).notNull(),
    /** the finding's message in Chinese and English, with the numbers involved */
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
    facts: jsonb('facts')
      .notNull()
      .default(sql`'{}'::jsonb`),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.placementId, t.ruleId] }),
    foreignKey({
      name: 'placement_findings_placement_fk',
      columns: [t.consortiumId, t.placementId],
      foreignColumns: [internshipPlacements.consortiumId, internshipPlacements.id],
    }).onDelete('cascade'),
    index('placement_findings_rule').on(t.consortiumId, t.ruleId),
  ],
);

/** A three-party agreement generated from a placement's data; a new version whenever the data change. */
export const internshipAgreements = pgTable(
  'internship_agreements',
  {
    ...tenant,
    placementId: uuid('placement_id').notNull(),
    version: integer('version').notNull(),
    /** the agreement's structured content: parties, period, place, content, hours, pay, insurance, … */
    content: jsonb('content').notNull(),
    /** sha-256 of the canonical JSON of `content` */
    contentHash: text('content_hash').notNull(),
    /** true for the version in force; older versions stay for the record */
    current: boolean('current').notNull().default(true),
    generatedBy: uuid('generated_by'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_agreements_placement_fk',
      columns: [t.consortiumId, t.placementId],
      foreignColumns: [internshipPlacements.consortiumId, internshipPlacements.id],
    }).onDelete('cascade'),
    uniqueIndex('internship_agreements_version').on(t.consortiumId, t.placementId, t.version),
  ],
);

export const agreementConfirmations = pgTable(
  'agreement_confirmations',
  {
    consortiumId: uuid('consortium_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    party: text('party', { enum: agreementParties }).notNull(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    /** the hash of the content the party saw and confirmed */
    contentHash: text('content_hash').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.agreementId, t.party] }),
    foreignKey({
      name: 'agreement_confirmations_agreement_fk',
      columns: [t.consortiumId, t.agreementId],
      foreignColumns: [internshipAgreements.consortiumId, internshipAgreements.id],
    }).onDelete('cascade'),
  ],
);

/** A student's periodic log, co-signed (or returned) by the enterprise mentor, reviewed by the school mentor. */
export const internshipLogs = pgTable(
  'internship_logs',
  {
    ...tenant,
    placementId: uuid('placement_id').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    content: text('content').notNull(),
    /** normalised text shingles' min-hash signature, for near-duplicate detection */
    signature: integer('signature').array(),
    status: text('status', { enum: logStatuses }).notNull().default('submitted'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** where it was sent from: the client's IP and a device id (hash of the browser's device token) */
    ip: text('ip'),
    deviceId: text('device_id'),
    mentorNote: text('mentor_note'),
    cosignedBy: uuid('cosigned_by'),
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
    /** an external host's mentor has no account: school staff recorded the co-signature (note: mentorNote) */
    cosignedOnBehalf: boolean('cosigned_on_behalf').notNull().default(false),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_logs_placement_fk',
      columns: [t.consortiumId, t.placementId],
      foreignColumns: [internshipPlacements.consortiumId, internshipPlacements.id],
    }).onDelete('cascade'),
    index('internship_logs_placement').on(t.consortiumId, t.placementId, t.periodEnd),
    index('internship_logs_device').on(t.consortiumId, t.deviceId),
    index('internship_logs_ip').on(t.consortiumId, t.ip),
  ],
);

/** Work artefacts attached to a log (photos, drawings, reports). */
export const internshipLogFiles = pgTable(
  'internship_log_files',
  {
    ...tenant,
    logId: uuid('log_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_log_files_log_fk',
      columns: [t.consortiumId, t.logId],
      foreignColumns: [internshipLogs.consortiumId, internshipLogs.id],
    }).onDelete('cascade'),
    index('internship_log_files_log').on(t.consortiumId, t.logId),
  ],
);

/** Anomaly flags raised by the detector, for a human to dismiss or confirm. */
export const internshipFlags = pgTable(
  'internship_flags',
  {
    ...tenant,
    kind: text('kind', { enum: flagKinds }).notNull(),
    placementId: uuid('placement_id').notNull(),
    /** the log concerned, when there is one */
    logId: uuid('log_id'),
    /** a stable key so that re-running the detector does not raise the same flag twice */
    dedupeKey: text('dedupe_key').notNull(),
    /** what was found: similar logs and their similarity, the shared device and its students, … */
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text('status', { enum: flagStatuses }).notNull().default('open'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_flags_placement_fk',
      columns: [t.consortiumId, t.placementId],
      foreignColumns: [internshipPlacements.consortiumId, internshipPlacements.id],
    }).onDelete('cascade'),
    uniqueIndex('internship_flags_dedupe').on(t.consortiumId, t.dedupeKey),
    index('internship_flags_status').on(t.consortiumId, t.status, t.kind),
  ],
);

/** An evaluation: a mentor grades the student on the plan's rubric, or the student rates the host. */
export const internshipAssessments = pgTable(
  'internship_assessments',
  {
    ...tenant,
    placementId: uuid('placement_id').notNull(),
    role: text('role', { enum: assessorRoles }).notNull(),
    /** { [rubric key]: 0–100 } for mentors; { overall, guidance, safety, learning } 1–5 for a student's rating */
    scores: jsonb('scores').notNull(),
    /** weighted total 0–100 (mentors) or the mean 1–5 (student) */
    total: numeric('total', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    comment: text('comment'),
    /** an external host's mentor has no account: school staff recorded its scores, saying from what */
    onBehalfNote: text('on_behalf_note'),
    assessedBy: uuid('assessed_by').notNull(),
    assessedByName: text('assessed_by_name').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'internship_assessments_placement_fk',
      columns: [t.consortiumId, t.placementId],
      foreignColumns: [internshipPlacements.consortiumId, internshipPlacements.id],
    }).onDelete('cascade'),
    uniqueIndex('internship_assessments_role').on(t.consortiumId, t.placementId, t.role),
  ],
);
