// The three lists (核心产品, 技术需求, 人才需求) and the skills-talent supply–demand platform: postings,
// candidates, applications, employment outcomes, plus the generic status history, links and notifications.
// Tenant tables: (consortium_id, id) keys and tenant foreign keys that include consortium_id.
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
  applicationStatuses,
  candidateKinds,
  chainPositions,
  destinationTypes,
  educationLevels,
  linkTargetKinds,
  listKinds,
  listStatuses,
  postingKinds,
  postingStatuses,
  techProgress,
  verificationSources,
} from '../../modules/talent/talent.enums.ts';
import { consortia, memberUnits } from './consortium.ts';
import { createdUpdated, textArray } from './columns.ts';

/** One table for the three lists: the columns common to all, then each kind's own (null for the others). */
export const listItems = pgTable(
  'list_items',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: listKinds }).notNull(),
    /** the member unit that owns the item */
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: listStatuses }).notNull().default('draft'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** GB/T 4754 code: products and technology demands */
    industryCode: text('industry_code'),
    // core products
    chain: text('chain'),
    chainPosition: text('chain_position', { enum: chainPositions }),
    keyTechnologies: textArray('key_technologies'),
    year: integer('year'),
    // technology demands
    field: text('field'),
    expectedOutcome: text('expected_outcome'),
    /** 万元 */
    budget: numeric('budget', { precision: 12, scale: 2, mode: 'number' }),
    deadline: date('deadline'),
    progress: text('progress', { enum: techProgress }),
    // talent demands
    occupationCode: text('occupation_code'),
    majorCodes: textArray('major_codes'),
    level: text('level', { enum: educationLevels }),
    headcount: integer('headcount'),
    skills: textArray('skills'),
    windowStart: date('window_start'),
    windowEnd: date('window_end'),
    /** GB/T 2260 code of where the talent is needed */
    regionCode: text('region_code'),
    location: text('location'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'list_items_unit_fk',
      columns: [t.consortiumId, t.unitId],
      foreignColumns: [memberUnits.consortiumId, memberUnits.id],
    }),
    index('list_items_kind').on(t.consortiumId, t.kind, t.status),
    index('list_items_unit').on(t.consortiumId, t.unitId),
    index('list_items_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/** What answers a list item: a posting, a cohort programme, a technology contract… (generic). */
export const listLinks = pgTable(
  'list_links',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    targetKind: text('target_kind', { enum: linkTargetKinds }).notNull(),
    /** the id of the answering record in its own module (free text for `other`) */
    targetId: text('target_id').notNull(),
    label: text('label').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'list_links_item_fk',
      columns: [t.consortiumId, t.itemId],
      foreignColumns: [listItems.consortiumId, listItems.id],
    }).onDelete('cascade'),
    uniqueIndex('list_links_unique').on(t.consortiumId, t.itemId, t.targetKind, t.targetId),
    index('list_links_target').on(t.consortiumId, t.targetKind, t.targetId),
  ],
);

/** Status history of list items, postings and applications: every transition, with time and actor. */
export const statusEvents = pgTable(
  'status_events',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    entity: text('entity', { enum: ['list_item', 'posting', 'application', 'plan', 'placement'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    /** which status field moved: `status`, or `progress` of a technology demand */
    field: text('field').notNull().default('status'),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    /** e.g. an interview's time and place */
    data: jsonb('data'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('status_events_entity').on(t.consortiumId, t.entity, t.entityId, t.at),
  ],
);

/** Job and internship postings of member enterprises, vetted by the secretariat before students see them. */
export const postings = pgTable(
  'postings',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind', { enum: postingKinds }).notNull(),
    title: text('title').notNull(),
    /** 职业分类大典 code, any level */
    occupationCode: text('occupation_code'),
    /** accepted majors (专业目录 codes of any level: 大类, 专业类 or 专业); empty = any */
    majorCodes: textArray('major_codes'),
    /** accepted education levels; empty = any */
    levels: textArray('levels'),
    headcount: integer('headcount').notNull(),
    /** staff on this post, when known: interns on a post are capped at 20% of them */
    staffCount: integer('staff_count'),
    /** GB/T 2260 code of the workplace */
    districtCode: text('district_code'),
    /** 元/月 */
    payMin: integer('pay_min'),
    payMax: integer('pay_max'),
    hours: text('hours'),
    requirements: text('requirements'),
    skills: textArray('skills'),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: postingStatuses }).notNull().default('draft'),
    rejectReason: text('reject_reason'),
    vettedBy: uuid('vetted_by'),
    vettedAt: timestamp('vetted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** the talent-demand list item this posting answers, if any */
    talentDemandId: uuid('talent_demand_id'),
    /** title, requirements, skills and occupation as one text: trigram search for terms of 3+ characters */
    searchText: text('search_text').notNull().default(''),
    /** 1- and 2-character grams and lower-cased Latin words of searchText: exact search for short terms */
    searchGrams: textArray('search_grams'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'postings_unit_fk',
      columns: [t.consortiumId, t.unitId],
      foreignColumns: [memberUnits.consortiumId, memberUnits.id],
    }),
    foreignKey({
      name: 'postings_talent_demand_fk',
      columns: [t.consortiumId, t.talentDemandId],
      foreignColumns: [listItems.consortiumId, listItems.id],
    }),
    index('postings_status').on(t.consortiumId, t.status, t.deadline),
    index('postings_unit').on(t.consortiumId, t.unitId),
    index('postings_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('postings_search_grams').using('gin', t.searchGrams),
  ],
);

/** Students, graduates and workers: the supply side. */
export const candidates = pgTable(
  'candidates',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: candidateKinds }).notNull().default('student'),
    /** the school that registered the candidate (null for workers registered by the secretariat) */
    schoolUnitId: uuid('school_unit_id'),
    /** the account the candidate logs in with, when they have one */
    userId: uuid('user_id'),
    name: text('name').notNull(),
    /** 公民身份号码: personal data, masked unless the viewer may see it */
    idCard: text('id_card').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    studentNo: text('student_no'),
    mobile: text('mobile'),
    majorCode: text('major_code'),
    level: text('level', { enum: educationLevels }),
    /** 1, 2, 3… for students */
    yearOfStudy: integer('year_of_study'),
    enrolmentYear: integer('enrolment_year'),
    expectedGraduation: date('expected_graduation'),
    /** GB/T 2260 code of the home district */
    homeDistrict: text('home_district'),
    skills: textArray('skills'),
    /** [{ name, kind: 1+X | skill_level | qualification | other, level?, issuedOn? }] */
    certificates: jsonb('certificates')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** may member enterprises see this profile when the candidate applies / in matching */
    consentShare: boolean('consent_share').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'candidates_school_fk',
      columns: [t.consortiumId, t.schoolUnitId],
      foreignColumns: [memberUnits.consortiumId, memberUnits.id],
    }),
    uniqueIndex('candidates_id_card').on(t.consortiumId, t.idCard),
    uniqueIndex('candidates_user').on(t.consortiumId, t.userId),
    uniqueIndex('candidates_student_no').on(t.consortiumId, t.schoolUnitId, t.studentNo),
    // no trigram index on names: a Chinese name is 2–3 characters, which trigrams cannot serve
    index('candidates_major').on(t.consortiumId, t.majorCode),
  ],
);

export const applications = pgTable(
  'applications',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    postingId: uuid('posting_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    status: text('status', { enum: applicationStatuses }).notNull().default('applied'),
    coverNote: text('cover_note'),
    interviewAt: timestamp('interview_at', { withTimezone: true }),
    interviewPlace: text('interview_place'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'applications_posting_fk',
      columns: [t.consortiumId, t.postingId],
      foreignColumns: [postings.consortiumId, postings.id],
    }),
    foreignKey({
      name: 'applications_candidate_fk',
      columns: [t.consortiumId, t.candidateId],
      foreignColumns: [candidates.consortiumId, candidates.id],
    }).onDelete('cascade'),
    uniqueIndex('applications_unique').on(t.consortiumId, t.postingId, t.candidateId),
    index('applications_candidate').on(t.consortiumId, t.candidateId),
    index('applications_status').on(t.consortiumId, t.status),
  ],
);

/** 毕业去向: one record per graduate and cohort year. */
export const employmentOutcomes = pgTable(
  'employment_outcomes',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    candidateId: uuid('candidate_id').notNull(),
    /** copied from the candidate when recorded, so rates by school and major stay as they were */
    schoolUnitId: uuid('school_unit_id'),
    majorCode: text('major_code'),
    cohortYear: integer('cohort_year').notNull(),
    destination: text('destination', { enum: destinationTypes }).notNull(),
    employerName: text('employer_name'),
    employerUscc: text('employer_uscc'),
    /** GB/T 2260 code of where the employer is: 本地就业 compares it with the consortium's city */
    employerDistrict: text('employer_district'),
    /** GB/T 4754 code of the employer's industry */
    employerIndustry: text('employer_industry'),
    occupationCode: text('occupation_code'),
    relatedToMajor: boolean('related_to_major'),
    startDate: date('start_date'),
    verificationSource: text('verification_source', { enum: verificationSources }).notNull(),
    verifiedBy: text('verified_by'),
    verifiedAt: date('verified_at'),
    ...createdUpdated(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    foreignKey({
      name: 'employment_outcomes_candidate_fk',
      columns: [t.consortiumId, t.candidateId],
      foreignColumns: [candidates.consortiumId, candidates.id],
    }).onDelete('cascade'),
    uniqueIndex('employment_outcomes_unique').on(t.consortiumId, t.candidateId, t.cohortYear),
    index('employment_outcomes_scope').on(t.consortiumId, t.cohortYear, t.schoolUnitId, t.majorCode),
  ],
);

/** In-app notifications to one user. */
export const notifications = pgTable(
  'notifications',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** a path inside the web app */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('notifications_user').on(t.userId, t.readAt, t.createdAt),
  ],
);
