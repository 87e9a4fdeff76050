// Matching runs: a cohort placed into a set of postings by the engine (server/engine/matching), stored
// with its inputs and its result, compared, and — once confirmed — turned into offers.
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { consortia } from './consortium.ts';

export const matchingRunStatuses = ['queued', 'running', 'done', 'failed', 'confirmed'] as const;

export const matchingRuns = pgTable(
  'matching_runs',
  {
    consortiumId: uuid('consortium_id')
      .notNull()
      .references(() => consortia.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    mode: text('mode', { enum: ['optimal', 'stable'] }).notNull(),
    placeFirst: boolean('place_first').notNull().default(false),
    postingKind: text('posting_kind', { enum: ['job', 'internship'] }).notNull(),
    status: text('status', { enum: matchingRunStatuses }).notNull().default('queued'),
    /** 0–100, with the phase it is in (building, solving, explaining, saving) */
    progress: integer('progress').notNull().default(0),
    phase: text('phase'),
    /** what the operator chose: cohort filters, postings, weights, caps, posts per student */
    config: jsonb('config').notNull(),
    /** the engine's input exactly as solved (students, posts, enterprises, scored pairs) */
    instance: jsonb('instance'),
    /** totals, warnings, and the students left out (no consent, not eligible) */
    summary: jsonb('summary'),
    objective: integer('objective'),
    placed: integer('placed'),
    studentCount: integer('student_count'),
    postCount: integer('post_count'),
    edgeCount: integer('edge_count'),
    solveMs: integer('solve_ms'),
    error: text('error'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    /** the school a school's run is limited to (null: the secretariat's run over the consortium) */
    schoolUnitId: uuid('school_unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.id] }),
    index('matching_runs_created').on(t.consortiumId, t.createdAt),
  ],
);

/** One row per student of a run: the post it got (or none), the score and wish rank, and why not better. */
export const matchingResults = pgTable(
  'matching_results',
  {
    consortiumId: uuid('consortium_id').notNull(),
    runId: uuid('run_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    postingId: uuid('posting_id'),
    score: integer('score'),
    /** the student's rank of the post obtained (1 = first wish), null when it was not among the wishes */
    wishRank: integer('wish_rank'),
    /** [{ postingId, reason, lowest?: { candidateId, priority } }] for every post preferred to the one obtained */
    explanation: jsonb('explanation')
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.runId, t.candidateId] }),
    foreignKey({
      name: 'matching_results_run_fk',
      columns: [t.consortiumId, t.runId],
      foreignColumns: [matchingRuns.consortiumId, matchingRuns.id],
    }).onDelete('cascade'),
    index('matching_results_posting').on(t.consortiumId, t.runId, t.postingId),
  ],
);
