// Matching runs on the platform: build the pairs from the consortium's data (eligibility, capacities,
// scores with the operator's weights), solve with the engine in the background with progress, store
// inputs and results, compare runs, and turn a confirmed run into offers.
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Queryable } from '../../db/client.ts';
import {
  applications,
  candidates,
  catalogs,
  matchingResults,
  matchingRuns,
  memberUnits,
  postings,
} from '../../db/schema/index.ts';
import { AppError, validationError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as refRepo from '../reference/reference.repo.ts';
import {
  explainMatching,
  formatInstanceError,
  parseInstance,
  solveMatching,
} from '../../engine/matching/index.ts';
import { openApplicationStatuses } from '../talent/talent.core.ts';
import { notify, recordStatus, today } from '../talent/talent.shared.ts';
import {
  buildInstance,
  defaultCaps,
  type EnterpriseIn,
  type PostIn,
  type StudentIn,
} from './matching.core.ts';
import { effectiveRules, ageOn } from '../../engine/compliance/index.ts';
import { loadSettings } from '../internships/compliance.service.ts';
import type { CreateRunBody, ResultsQuery } from './matching.schema.ts';
import { containsPattern } from '../../lib/like.ts';

export type RunRow = Omit<typeof matchingRuns.$inferSelect, 'instance'>;

/** Every column of a run but the solved instance (large: it is read only to re-run or audit a run). */
const { instance: _instance, ...runColumns } = getTableColumns(matchingRuns);
type Summary = NonNullable<ReturnType<typeof presentRun>['summary']>;

export function presentRun(r: RunRow) {
  return {
    id: r.id,
    name: r.name,
    mode: r.mode,
    placeFirst: r.placeFirst,
    postingKind: r.postingKind,
    status: r.status,
    progress: r.progress,
    phase: r.phase,
    // runs keep the caps they were solved with (older runs: the defaults of the time)
    config: { ...(r.config as CreateRunBody), caps: (r.config as CreateRunBody).caps ?? defaultCaps },
    summary: (r.summary ?? null) as SummaryShape | null,
    solveMs: r.solveMs,
    error: r.error,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  };
}

type SummaryShape = {
  students: number;
  posts: number;
  enterprises: number;
  edges: number;
  placed: number;
  objective: number;
  averageScore: number | null;
  averageWishRank: number | null;
  gotFirstWish: number;
  noConsent: number;
  ineligible: number;
  ruleExcluded?: number;
  warnings: { code: string; id: string; message: string }[];
  bySchool: { id: string; name: string; students: number; placed: number }[];
  byMajor: { code: string; students: number; placed: number }[];
  byEnterprise: { id: string; name: string; capacity: number; placed: number }[];
};

// ---------------------------------------------------------------------------------------------------
// Who may run: the secretariat over the consortium, a school over its own students

async function runScope(access: AccessControl, actor: Actor, consortiumId: string) {
  const scope = await access.listScope(actor, 'matching.run', consortiumId);
  return scope.kind === 'all' ? null : scope.unitIds;
}

async function readScope(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
): Promise<SQL | undefined> {
  const scope = await access.listScope(actor, 'matching.read', consortiumId);
  if (scope.kind === 'all') return undefined;
  return scope.unitIds.length ? inArray(matchingRuns.schoolUnitId, scope.unitIds) : sql`false`;
}

export async function createRun(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  body: CreateRunBody,
  enqueue: (consortiumId: string, runId: string) => void,
  requestId?: string,
) {
  const schools = await runScope(access, actor, consortiumId);
  if (!body.caps) body = { ...body, caps: await internshipCaps(db, consortiumId) };
  let schoolUnitId: string | null = null;
  const cohort = { ...body.cohort };
  if (schools) {
    // a school runs for its own students only
    const asked = cohort.schoolUnitIds ?? schools;
    const foreign = asked.filter((id) => !schools.includes(id));
    if (foreign.length) {
      throw validationError([
        {
          path: 'body.cohort.schoolUnitIds',
          code: 'OTHER_SCHOOL',
          message: 'a school matches its own students only',
        },
      ]);
    }
    cohort.schoolUnitIds = asked;
    schoolUnitId = asked[0] ?? null;
  }
  if (body.postingIds?.length) {
    const found = await db
      .select({ id: postings.id, kind: postings.kind })
      .from(postings)
      .where(and(eq(postings.consortiumId, consortiumId), inArray(postings.id, body.postingIds)));
    const issues = body.postingIds.flatMap((id, i) => {
      const p = found.find((f) => f.id === id);
      if (!p) return [{ path: `body.postingIds.${i}`, code: 'UNKNOWN_POSTING', message: `no posting ${id}` }];
      if (p.kind !== body.postingKind) {
        return [
          { path: `body.postingIds.${i}`, code: 'OTHER_KIND', message: `not a ${body.postingKind} posting` },
        ];
      }
      return [];
    });
    if (issues.length) throw validationError(issues);
  }
  if (body.mode === 'stable' && body.placeFirst) {
    throw validationError([
      {
        path: 'body.placeFirst',
        code: 'OPTIMAL_ONLY',
        message: 'placing the most students first applies to the optimal mode',
      },
    ]);
  }
  const config: CreateRunBody = { ...body, cohort };
  const run = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matchingRuns)
      .values({
        consortiumId,
        name: body.name,
        mode: body.mode,
        placeFirst: body.placeFirst,
        postingKind: body.postingKind,
        config,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        schoolUnitId,
      })
      .returning();
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'matching_run',
      entityId: row!.id,
      action: 'create',
      after: { name: body.name, mode: body.mode, postingKind: body.postingKind, cohort },
      requestId,
    });
    return row!;
  });
  enqueue(consortiumId, run.id);
  return run;
}

async function setProgress(db: Db, consortiumId: string, runId: string, progress: number, phase: string) {
  await db
    .update(matchingRuns)
    .set({ progress, phase })
    .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)));
  // let waiting requests (the page polling this progress) in before the next phase takes the process
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Gathers the run's students, posts and enterprises from the consortium's data. */
export async function gatherInputs(db: Queryable, consortiumId: string, config: CreateRunBody) {
  const c = config.cohort;
  const where: SQL[] = [eq(candidates.consortiumId, consortiumId), inArray(candidates.kind, c.kinds)];
  if (c.schoolUnitIds?.length) where.push(inArray(candidates.schoolUnitId, c.schoolUnitIds));
  if (c.majorCodes?.length) {
    where.push(
      sql`(${sql.join(
        c.majorCodes.map((m) => sql`${candidates.majorCode} like ${`${m}%`}`),
        sql` or `,
      )})`,
    );
  }
  if (c.graduationYear)
    where.push(sql`extract(year from ${candidates.expectedGraduation}) = ${c.graduationYear}`);
  const cohort = await db
    .select({
      id: candidates.id,
      name: candidates.name,
      schoolUnitId: candidates.schoolUnitId,
      majorCode: candidates.majorCode,
      level: candidates.level,
      homeDistrict: candidates.homeDistrict,
      consentShare: candidates.consentShare,
      yearOfStudy: candidates.yearOfStudy,
      birthDate: candidates.birthDate,
    })
    .from(candidates)
    .where(and(...where))
    .orderBy(asc(candidates.schoolUnitId), asc(candidates.studentNo), asc(candidates.id));
  const excluded =
    config.postingKind === 'internship'
      ? await internshipExclusions(db, consortiumId, cohort)
      : new Set<string>();
  const withConsent = cohort.filter((s) => s.consentShare && !excluded.has(s.id));

  const postWhere: SQL[] = [
    eq(postings.consortiumId, consortiumId),
    eq(postings.kind, config.postingKind),
    eq(postings.status, 'published'),
    sql`${postings.deadline} >= ${today()}`,
  ];
  if (config.postingIds?.length) postWhere.push(inArray(postings.id, config.postingIds));
  const posts = await db
    .select()
    .from(postings)
    .where(and(...postWhere))
    .orderBy(asc(postings.createdAt), asc(postings.id));
  const postIds = posts.map((p) => p.id);
  const accepted = postIds.length
    ? await db
        .select({ postingId: applications.postingId, n: sql<number>`count(*)::int` })
        .from(applications)
        .where(
          and(
            eq(applications.consortiumId, consortiumId),
            eq(applications.status, 'accepted'),
            inArray(applications.postingId, postIds),
          ),
        )
        .groupBy(applications.postingId)
    : [];
  const acceptedBy = new Map(accepted.map((a) => [a.postingId, a.n]));
  const unitIds = [...new Set(posts.map((p) => p.unitId))];
  const units = unitIds.length
    ? await db
        .select()
        .from(memberUnits)
        .where(and(eq(memberUnits.consortiumId, consortiumId), inArray(memberUnits.id, unitIds)))
    : [];
  // interns already at each host: its open position placements not yet ended (those starting later
  // count too: a run is not tied to dates), and accepted internship offers of students not (yet) placed there
  const placedInterns = unitIds.length
    ? await queryRows<{ unitId: string; n: number }>(
        db,
        sql`select unit_id as "unitId", count(distinct candidate_id)::int as n from (
              select p.host_unit_id as unit_id, p.candidate_id
                from internship_placements p
                join internship_plans pl on pl.consortium_id = p.consortium_id and pl.id = p.plan_id
               where p.consortium_id = ${consortiumId} and pl.kind = 'position'
                 and p.status in ('pending', 'active')
                 and coalesce(p.terminated_on, p.end_date) >= ${today()}
                 and p.host_unit_id in (${sql.join(
                   unitIds.map((id) => sql`${id}::uuid`),
                   sql`, `,
                 )})
              union
              select po.unit_id, a.candidate_id
                from applications a
                join postings po on po.consortium_id = a.consortium_id and po.id = a.posting_id
               where a.consortium_id = ${consortiumId} and a.status = 'accepted' and po.kind = 'internship'
                 and po.unit_id in (${sql.join(
                   unitIds.map((id) => sql`${id}::uuid`),
                   sql`, `,
                 )})
            ) x group by unit_id`,
      )
    : [];
  const internsBy = new Map(placedInterns.map((p) => [p.unitId, p.n]));

  // wishes: the student's open applications to these postings, earliest first
  const wishes = new Map<string, string[]>();
  if (postIds.length && withConsent.length) {
    const apps = await db
      .select({ candidateId: applications.candidateId, postingId: applications.postingId })
      .from(applications)
      .where(
        and(
          eq(applications.consortiumId, consortiumId),
          inArray(applications.postingId, postIds),
          inArray(applications.status, openApplicationStatuses),
        ),
      )
      .orderBy(asc(applications.createdAt), asc(applications.id));
    for (const a of apps) wishes.set(a.candidateId, [...(wishes.get(a.candidateId) ?? []), a.postingId]);
  }

  const crosswalk = new Map<string, string[]>();
  const [majorCatalog] = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.kind, 'major'), eq(catalogs.isCurrent, true)));
  if (majorCatalog) {
    for (const x of await refRepo.allCrosswalk(db, majorCatalog.id)) {
      if (x.targetKind === 'industry')
        crosswalk.set(x.majorCode, [...(crosswalk.get(x.majorCode) ?? []), x.targetCode]);
    }
  }

  const students: StudentIn[] = withConsent.map((s) => ({
    id: s.id,
    majorCode: s.majorCode,
    level: s.level,
    homeDistrict: s.homeDistrict,
    wishes: wishes.get(s.id) ?? [],
  }));
  const postsIn: PostIn[] = posts.map((p) => ({
    id: p.id,
    enterpriseId: p.unitId,
    kind: p.kind,
    majorCodes: p.majorCodes,
    levels: p.levels,
    districtCode: p.districtCode,
    openings: p.headcount - (acceptedBy.get(p.id) ?? 0),
    staffCount: p.staffCount,
  }));
  const enterprises: EnterpriseIn[] = units.map((u) => ({
    id: u.id,
    industryCode: u.industryCode,
    employeeCount: u.employeeCount,
    internsPlaced: internsBy.get(u.id) ?? 0,
  }));
  return { cohort, withConsent, excluded, students, posts, postsIn, units, enterprises, crosswalk };
}

/** Runs a queued run to the end, recording its progress; failures are stored on the run, not thrown. */
export async function executeRun(db: Db, consortiumId: string, runId: string): Promise<void> {
  const [run] = await db
    .select()
    .from(matchingRuns)
    .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)));
  if (!run || run.status !== 'queued') return;
  const config = run.config as CreateRunBody;
  try {
    await db
      .update(matchingRuns)
      .set({ status: 'running', startedAt: new Date(), progress: 5, phase: 'building' })
      .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)));
    const input = await gatherInputs(db, consortiumId, config);
    const built = buildInstance(input.students, input.postsIn, input.enterprises, {
      weights: config.weights,
      caps: config.caps ?? defaultCaps,
      crosswalk: input.crosswalk,
      maxPostsPerStudent: config.maxPostsPerStudent,
    });
    const parsed = parseInstance(built.instance);
    if (!parsed.ok) throw new Error(parsed.errors.map(formatInstanceError).join('; '));
    const inst = parsed.instance;
    await setProgress(db, consortiumId, runId, 30, 'solving');
    const solved = solveMatching(inst, {
      mode: config.mode,
      placeFirst: config.mode === 'optimal' && config.placeFirst,
    });
    const studentEdge = solved.studentEdge;
    const solveMs = Math.round(solved.solveMs);
    await setProgress(db, consortiumId, runId, 70, 'explaining');
    const explanations = explainMatching(inst, studentEdge, config.mode);
    await setProgress(db, consortiumId, runId, 85, 'saving');

    const names = new Map(input.units.map((u) => [u.id, u.name]));
    const schools = await db
      .select({ id: memberUnits.id, name: memberUnits.name })
      .from(memberUnits)
      .where(eq(memberUnits.consortiumId, consortiumId));
    const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
    const rows: (typeof matchingResults.$inferInsert)[] = [];
    let objective = 0;
    let placed = 0;
    let rankSum = 0;
    let ranked = 0;
    let firstWish = 0;
    const byPost = new Map<string, number>();
    for (let i = 0; i < inst.studentIds.length; i++) {
      const k = studentEdge[i]!;
      const candidateId = inst.studentIds[i]!;
      const e = explanations[i]!;
      const explanation = e.preferred.map((p) => ({
        postingId: inst.postIds[p.post]!,
        reason: p.reason,
        lowest: p.lowestAdmitted
          ? { candidateId: inst.studentIds[p.lowestAdmitted.student]!, priority: p.lowestAdmitted.priority }
          : null,
      }));
      if (k < 0) {
        rows.push({
          consortiumId,
          runId,
          candidateId,
          postingId: null,
          score: null,
          wishRank: null,
          explanation,
        });
        continue;
      }
      const post = inst.postIds[inst.edgePost[k]!]!;
      const score = inst.edgeScore[k]!;
      const rank = inst.edgeRank[k]! || null;
      objective += score;
      placed++;
      if (rank) {
        ranked++;
        rankSum += rank;
        if (rank === 1) firstWish++;
      }
      byPost.set(post, (byPost.get(post) ?? 0) + 1);
      rows.push({ consortiumId, runId, candidateId, postingId: post, score, wishRank: rank, explanation });
    }
    const postEnterprise = new Map(input.posts.map((p) => [p.id, p.unitId]));
    const placedByStudent = new Map(rows.map((r) => [r.candidateId, r.postingId != null]));
    const group = <K extends string>(key: (s: (typeof input.withConsent)[number]) => K | null) => {
      const m = new Map<K, { students: number; placed: number }>();
      for (const s of input.withConsent) {
        const k = key(s);
        if (k === null) continue;
        const g = m.get(k) ?? { students: 0, placed: 0 };
        g.students++;
        if (placedByStudent.get(s.id)) g.placed++;
        m.set(k, g);
      }
      return m;
    };
    const enterprisePlaced = new Map<string, number>();
    for (const [post, n] of byPost) {
      const ent = postEnterprise.get(post)!;
      enterprisePlaced.set(ent, (enterprisePlaced.get(ent) ?? 0) + n);
    }
    const summary: SummaryShape = {
      students: inst.studentIds.length,
      posts: inst.postIds.length,
      enterprises: inst.enterpriseIds.length,
      edges: inst.edgeStudent.length,
      placed,
      objective,
      averageScore: placed ? Math.round((objective / placed) * 100) / 100 : null,
      averageWishRank: ranked ? Math.round((rankSum / ranked) * 100) / 100 : null,
      gotFirstWish: firstWish,
      noConsent: input.cohort.filter((s) => !s.consentShare).length,
      ruleExcluded: input.excluded.size,
      ineligible: built.ineligible.length,
      warnings: built.warnings.map((w) => ({ ...w, message: `${names.get(w.id) ?? w.id}: ${w.message}` })),
      bySchool: [...group((s) => s.schoolUnitId)].map(([id, g]) => ({
        id,
        name: schoolNames.get(id) ?? id,
        ...g,
      })),
      byMajor: [...group((s) => s.majorCode)]
        .map(([code, g]) => ({ code, ...g }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      byEnterprise: built.instance.enterprises
        .map((e) => ({
          id: e.id,
          name: names.get(e.id) ?? e.id,
          capacity: e.capacity,
          placed: enterprisePlaced.get(e.id) ?? 0,
        }))
        .sort((a, b) => b.placed - a.placed),
    };
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 2000)
        await tx.insert(matchingResults).values(rows.slice(i, i + 2000));
      await tx
        .update(matchingRuns)
        .set({
          status: 'done',
          progress: 100,
          phase: null,
          instance: built.instance,
          summary,
          objective,
          placed,
          studentCount: summary.students,
          postCount: summary.posts,
          edgeCount: summary.edges,
          solveMs,
          finishedAt: new Date(),
        })
        .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)));
    });
  } catch (err) {
    await db
      .update(matchingRuns)
      .set({
        status: 'failed',
        error: err instanceof Error ? err.message : String(err),
        finishedAt: new Date(),
        phase: null,
      })
      .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)));
  }
}

/** Runs left queued or running by a stopped process cannot finish: mark them failed at start. */
export async function failInterruptedRuns(db: Db): Promise<number> {
  const rows = await db
    .update(matchingRuns)
    .set({
      status: 'failed',
      error: 'interrupted: the server stopped during the run; start it again',
      finishedAt: new Date(),
    })
    .where(inArray(matchingRuns.status, ['queued', 'running']))
    .returning({ id: matchingRuns.id });
  return rows.length;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export async function listRuns(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: { page: number; pageSize: number; sort: string },
) {
  const scope = await readScope(access, actor, consortiumId);
  const where = and(eq(matchingRuns.consortiumId, consortiumId), ...(scope ? [scope] : []));
  const [rows, [count]] = await Promise.all([
    db
      .select(runColumns)
      .from(matchingRuns)
      .where(where)
      .orderBy(q.sort === 'createdAt' ? asc(matchingRuns.createdAt) : desc(matchingRuns.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(matchingRuns)
      .where(where),
  ]);
  return {
    items: rows.map((r) => {
      const { config: _c, summary: _s, ...rest } = presentRun(r);
      return { ...rest, placed: r.placed, students: r.studentCount };
    }),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

export async function getRun(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  runId: string,
) {
  const scope = await readScope(access, actor, consortiumId);
  const [run] = await db
    .select()
    .from(matchingRuns)
    .where(
      and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId), ...(scope ? [scope] : [])),
    );
  if (!run) throw new AppError('NOT_FOUND', 'Matching run not found.');
  return run;
}

export async function listResults(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  runId: string,
  q: Partial<ResultsQuery> & { page: number; pageSize: number },
) {
  await getRun(db, access, actor, consortiumId, runId);
  const where: SQL[] = [eq(matchingResults.consortiumId, consortiumId), eq(matchingResults.runId, runId)];
  if (q.placed === true) where.push(isNotNull(matchingResults.postingId));
  if (q.placed === false) where.push(isNull(matchingResults.postingId));
  if (q.schoolUnitId) where.push(eq(candidates.schoolUnitId, q.schoolUnitId));
  if (q.postingId) where.push(eq(matchingResults.postingId, q.postingId));
  if (q.enterpriseId) where.push(eq(postings.unitId, q.enterpriseId));
  if (q.q) where.push(sql`${candidates.name} ilike ${containsPattern(q.q)}`);
  const cond = and(...where);
  const base = () =>
    db
      .select({ result: matchingResults, candidate: candidates, posting: postings })
      .from(matchingResults)
      .innerJoin(
        candidates,
        and(
          eq(candidates.consortiumId, matchingResults.consortiumId),
          eq(candidates.id, matchingResults.candidateId),
        ),
      )
      .leftJoin(
        postings,
        and(
          eq(postings.consortiumId, matchingResults.consortiumId),
          eq(postings.id, matchingResults.postingId),
        ),
      );
  const [rows, [count]] = await Promise.all([
    base()
      .where(cond)
      .orderBy(
        q.sort === '-score'
          ? sql`${matchingResults.score} desc nulls last`
          : q.sort === 'score'
            ? sql`${matchingResults.score} asc nulls first`
            : asc(candidates.name),
        asc(candidates.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(matchingResults)
      .innerJoin(
        candidates,
        and(
          eq(candidates.consortiumId, matchingResults.consortiumId),
          eq(candidates.id, matchingResults.candidateId),
        ),
      )
      .leftJoin(
        postings,
        and(
          eq(postings.consortiumId, matchingResults.consortiumId),
          eq(postings.id, matchingResults.postingId),
        ),
      )
      .where(cond),
  ]);
  return {
    items: await presentResults(db, consortiumId, rows),
    page: q.page,
    pageSize: q.pageSize,
    total: count?.n ?? 0,
  };
}

type ResultJoined = {
  result: typeof matchingResults.$inferSelect;
  candidate: typeof candidates.$inferSelect;
  posting: typeof postings.$inferSelect | null;
};
type StoredReason = {
  postingId: string;
  reason: 'not_eligible' | 'post_full' | 'enterprise_full' | 'lower_total';
  lowest: { candidateId: string; priority: number } | null;
};

export async function presentResults(db: Queryable, consortiumId: string, rows: ResultJoined[]) {
  const postIds = new Set<string>();
  const peopleIds = new Set<string>();
  for (const r of rows) {
    for (const x of r.result.explanation as StoredReason[]) {
      postIds.add(x.postingId);
      if (x.lowest) peopleIds.add(x.lowest.candidateId);
    }
  }
  const posts = postIds.size
    ? await db
        .select({ id: postings.id, title: postings.title, unitId: postings.unitId })
        .from(postings)
        .where(and(eq(postings.consortiumId, consortiumId), inArray(postings.id, [...postIds])))
    : [];
  const people = peopleIds.size
    ? await db
        .select({ id: candidates.id, name: candidates.name })
        .from(candidates)
        .where(and(eq(candidates.consortiumId, consortiumId), inArray(candidates.id, [...peopleIds])))
    : [];
  const units = await db
    .select({ id: memberUnits.id, name: memberUnits.name })
    .from(memberUnits)
    .where(eq(memberUnits.consortiumId, consortiumId));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const postBy = new Map(posts.map((p) => [p.id, p]));
  const personBy = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    candidateId: r.candidate.id,
    name: r.candidate.name,
    schoolName: r.candidate.schoolUnitId ? (unitName.get(r.candidate.schoolUnitId) ?? null) : null,
    majorCode: r.candidate.majorCode,
    posting: r.posting
      ? {
          id: r.posting.id,
          title: r.posting.title,
          enterpriseId: r.posting.unitId,
          enterpriseName: unitName.get(r.posting.unitId) ?? '',
        }
      : null,
    score: r.result.score,
    wishRank: r.result.wishRank,
    explanation: (r.result.explanation as StoredReason[]).map((x) => {
      const p = postBy.get(x.postingId);
      return {
        postingId: x.postingId,
        postingTitle: p?.title ?? '',
        enterpriseName: p ? (unitName.get(p.unitId) ?? '') : '',
        reason: x.reason,
        lowest: x.lowest
          ? {
              candidateId: x.lowest.candidateId,
              name: personBy.get(x.lowest.candidateId) ?? '',
              priority: x.lowest.priority,
            }
          : null,
      };
    }),
  }));
}

export async function compareRuns(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  a: string,
  b: string,
) {
  const [ra, rb] = [
    await getRun(db, access, actor, consortiumId, a),
    await getRun(db, access, actor, consortiumId, b),
  ];
  const load = async (runId: string) =>
    new Map(
      (
        await db
          .select({ candidateId: matchingResults.candidateId, postingId: matchingResults.postingId })
          .from(matchingResults)
          .where(and(eq(matchingResults.consortiumId, consortiumId), eq(matchingResults.runId, runId)))
      ).map((r) => [r.candidateId, r.postingId]),
    );
  const [ma, mb] = [await load(a), await load(b)];
  let same = 0;
  let samePost = 0;
  let onlyA = 0;
  let onlyB = 0;
  let moved = 0;
  for (const [cand, pa] of ma) {
    if (!mb.has(cand)) continue;
    same++;
    const pb = mb.get(cand) ?? null;
    if (pa && pb) {
      if (pa === pb) samePost++;
      else moved++;
    } else if (pa) onlyA++;
    else if (pb) onlyB++;
  }
  const strip = (r: RunRow) => {
    const { config: _c, ...rest } = presentRun(r);
    return rest;
  };
  return {
    a: strip(ra),
    b: strip(rb),
    sameStudents: same,
    samePost,
    onlyPlacedInA: onlyA,
    onlyPlacedInB: onlyB,
    movedPost: moved,
  };
}

// ---------------------------------------------------------------------------------------------------
// Confirming: the placements become offers in the applications pipeline

export async function confirmRun(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  runId: string,
  requestId?: string,
) {
  const run = await getRun(db, access, actor, consortiumId, runId);
  await access.require(actor, 'matching.run', { consortiumId, unitId: run.schoolUnitId });
  if (run.status !== 'done') {
    throw new AppError('INVALID_TRANSITION', `A run that is ${run.status} cannot be confirmed.`, {
      status: run.status,
    });
  }
  return db.transaction(async (tx) => {
    const placements = await tx
      .select({
        candidateId: matchingResults.candidateId,
        postingId: matchingResults.postingId,
        title: postings.title,
        userId: candidates.userId,
        status: postings.status,
        deadline: postings.deadline,
      })
      .from(matchingResults)
      .innerJoin(
        postings,
        and(
          eq(postings.consortiumId, matchingResults.consortiumId),
          eq(postings.id, matchingResults.postingId),
        ),
      )
      .innerJoin(
        candidates,
        and(
          eq(candidates.consortiumId, matchingResults.consortiumId),
          eq(candidates.id, matchingResults.candidateId),
        ),
      )
      .where(
        and(
          eq(matchingResults.consortiumId, consortiumId),
          eq(matchingResults.runId, runId),
          isNotNull(matchingResults.postingId),
        ),
      );
    let offered = 0;
    let skipped = 0;
    for (const p of placements) {
      if (p.status !== 'published' || p.deadline < today()) {
        skipped++;
        continue;
      }
      const [existing] = await tx
        .select()
        .from(applications)
        .where(
          and(
            eq(applications.consortiumId, consortiumId),
            eq(applications.postingId, p.postingId!),
            eq(applications.candidateId, p.candidateId),
          ),
        )
        .for('update');
      let id: string;
      if (!existing) {
        const [row] = await tx
          .insert(applications)
          .values({
            consortiumId,
            postingId: p.postingId!,
            candidateId: p.candidateId,
            status: 'offered',
            createdBy: actor.userId,
          })
          .returning();
        id = row!.id;
        await recordStatus(tx, {
          consortiumId,
          actor,
          entity: 'application',
          entityId: id,
          from: null,
          to: 'offered',
          note: `撮合结果：${run.name}`,
        });
      } else if (openApplicationStatuses.includes(existing.status) && existing.status !== 'offered') {
        id = existing.id;
        await tx
          .update(applications)
          .set({ status: 'offered', updatedAt: new Date() })
          .where(and(eq(applications.consortiumId, consortiumId), eq(applications.id, id)));
        await recordStatus(tx, {
          consortiumId,
          actor,
          entity: 'application',
          entityId: id,
          from: existing.status,
          to: 'offered',
          note: `撮合结果：${run.name}`,
        });
      } else {
        // already offered, accepted, declined, withdrawn or rejected: the person's own decision stands
        skipped++;
        continue;
      }
      offered++;
      if (p.userId) {
        await notify(tx, consortiumId, [p.userId], {
          kind: 'application.offered',
          title: `“${p.title}”向你发放录用（供需撮合）`,
          link: `/applications/${id}`,
        });
      }
    }
    const [after] = await tx
      .update(matchingRuns)
      .set({ status: 'confirmed', confirmedBy: actor.userId, confirmedAt: new Date() })
      .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)))
      .returning();
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'matching_run',
      entityId: runId,
      action: 'confirm',
      after: { offered, skipped },
      requestId,
    });
    return { run: after!, offered, skipped };
  });
}

export async function deleteRun(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  runId: string,
  requestId?: string,
) {
  const run = await getRun(db, access, actor, consortiumId, runId);
  await access.require(actor, 'matching.run', { consortiumId, unitId: run.schoolUnitId });
  if (run.status === 'confirmed' || run.status === 'running' || run.status === 'queued') {
    throw new AppError('INVALID_TRANSITION', `A run that is ${run.status} cannot be deleted.`, {
      status: run.status,
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .delete(matchingRuns)
      .where(and(eq(matchingRuns.consortiumId, consortiumId), eq(matchingRuns.id, runId)));
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'matching_run',
      entityId: runId,
      action: 'delete',
      before: { name: run.name },
      requestId,
    });
  });
}

export type { Summary };

/** The host and post caps of an internship run: the consortium's settings of R-RATIO-HOST and R-RATIO-POST. */
async function internshipCaps(db: Queryable, consortiumId: string) {
  const rules = effectiveRules(await loadSettings(db, consortiumId));
  const param = (id: string) => rules.find((r) => r.def.id === id)?.params.maxRatio;
  return {
    hostRatio: param('R-RATIO-HOST') ?? defaultCaps.hostRatio,
    postRatio: param('R-RATIO-POST') ?? defaultCaps.postRatio,
  };
}

/**
 * Students an internship run leaves out: those the internship rules refuse a position internship
 * (R-YEAR1: first-years; R-AGE-MIN: under the minimum age today), when those rules block here, and those
 * already in an open placement.
 */
async function internshipExclusions(
  db: Queryable,
  consortiumId: string,
  cohort: { id: string; yearOfStudy: number | null; birthDate: string }[],
): Promise<Set<string>> {
  const rules = effectiveRules(await loadSettings(db, consortiumId));
  const blocking = (id: string) => rules.find((r) => r.def.id === id && r.severity === 'block');
  const year = blocking('R-YEAR1')?.params.minYear;
  const age = blocking('R-AGE-MIN')?.params.minAge;
  const now = today();
  const out = new Set<string>();
  for (const s of cohort) {
    if (year !== undefined && s.yearOfStudy !== null && s.yearOfStudy < year) out.add(s.id);
    if (age !== undefined && ageOn(s.birthDate, now) < age) out.add(s.id);
  }
  const placed = await queryRows<{ id: string }>(
    db,
    sql`select distinct candidate_id as id from internship_placements
         where consortium_id = ${consortiumId} and status in ('pending', 'active')
           and coalesce(terminated_on, end_date) >= ${now}`,
  );
  for (const p of placed) out.add(p.id);
  return out;
}
