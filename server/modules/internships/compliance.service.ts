// The compliance rules on the platform: the consortium's settings of the rules, the facts of a placement
// (its student, its host's employees, the other placements at the same host over time), evaluation on
// every save and on every change that affects a placement, the stored findings, and the compliance page.
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import {
  candidates,
  complianceRuleSettings,
  internshipHosts,
  internshipPlacements,
  internshipPlans,
  memberUnits,
  placementFindings,
} from '../../db/schema/index.ts';
import {
  effectiveRules,
  evaluate,
  peakOverlap,
  ruleById,
  validateSetting,
  type Finding,
  type PlacementFacts,
  type RuleSetting,
} from '../../engine/compliance/index.ts';
import { AppError, validationError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { onUnitsChanged } from '../consortium/unit-events.ts';
import type { RuleSeverity } from './internships.enums.ts';
import { hostNameSql, schoolNameSql, type PlacementRow } from './internships.shared.ts';
import { tenantJoin } from '../../db/tenant-join.ts';

export type HostRef = { kind: 'member'; id: string } | { kind: 'external'; id: string };

export function hostRefOf(p: Pick<PlacementRow, 'hostKind' | 'hostUnitId' | 'externalHostId'>): HostRef {
  return p.hostKind === 'member'
    ? { kind: 'member', id: p.hostUnitId! }
    : { kind: 'external', id: p.externalHostId! };
}
const hostLockKey = (consortiumId: string, h: HostRef) => `internship-host:${consortiumId}:${h.kind}:${h.id}`;

const studentLockKey = (consortiumId: string, candidateId: string) =>
  `internship-student:${consortiumId}:${candidateId}`;

/**
 * Serialise every change that counts towards a host's caps, and every placement of one student: an
 * advisory lock per host and per student held until the transaction ends. A transaction takes all its
 * locks in one call, in one global order (advisory locks are re-entrant, so asking again for one held is
 * free). Two schools saving interns at the same host at the same moment: the second waits, then counts
 * the first; one student placed twice at once: the second sees the first.
 */
export async function lockHosts(
  tx: Queryable,
  consortiumId: string,
  hosts: HostRef[],
  candidateIds: string[] = [],
): Promise<void> {
  const keys = [
    ...new Set([
      ...hosts.map((h) => hostLockKey(consortiumId, h)),
      ...candidateIds.map((c) => studentLockKey(consortiumId, c)),
    ]),
  ].sort();
  for (const k of keys) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${k}, 0))`);
}

export async function loadSettings(db: Queryable, consortiumId: string): Promise<Map<string, RuleSetting>> {
  const rows = await db
    .select()
    .from(complianceRuleSettings)
    .where(eq(complianceRuleSettings.consortiumId, consortiumId));
  return new Map(
    rows.map((r) => [r.ruleId, { params: r.params as Record<string, number>, severity: r.severity }]),
  );
}

type HostInfo = { name: string; employeeCount: number | null };

export async function hostInfo(db: Queryable, consortiumId: string, h: HostRef): Promise<HostInfo | null> {
  if (h.kind === 'member') {
    const [u] = await db
      .select({ name: memberUnits.name, employeeCount: memberUnits.employeeCount })
      .from(memberUnits)
      .where(and(eq(memberUnits.consortiumId, consortiumId), eq(memberUnits.id, h.id)));
    return u ?? null;
  }
  const [x] = await db
    .select({ name: internshipHosts.name, employeeCount: internshipHosts.employeeCount })
    .from(internshipHosts)
    .where(and(eq(internshipHosts.consortiumId, consortiumId), eq(internshipHosts.id, h.id)));
  return x ?? null;
}

/** The placements counted at a host: all but cancelled ones, with their plan's kind. */
type HostPlacement = Pick<
  PlacementRow,
  'id' | 'startDate' | 'endDate' | 'terminatedOn' | 'status' | 'postingId' | 'postTitle'
> & { kind: string };

async function placementsAtHost(db: Queryable, consortiumId: string, h: HostRef): Promise<HostPlacement[]> {
  return db
    .select({
      id: internshipPlacements.id,
      startDate: internshipPlacements.startDate,
      endDate: internshipPlacements.endDate,
      terminatedOn: internshipPlacements.terminatedOn,
      status: internshipPlacements.status,
      postingId: internshipPlacements.postingId,
      postTitle: internshipPlacements.postTitle,
      kind: internshipPlans.kind,
    })
    .from(internshipPlacements)
    .innerJoin(
      internshipPlans,
      tenantJoin(internshipPlans, internshipPlacements.planId, internshipPlacements.consortiumId),
    )
    .where(
      and(
        eq(internshipPlacements.consortiumId, consortiumId),
        h.kind === 'member'
          ? eq(internshipPlacements.hostUnitId, h.id)
          : eq(internshipPlacements.externalHostId, h.id),
        ne(internshipPlacements.status, 'cancelled'),
      ),
    );
}

const postKey = (p: Pick<PlacementRow, 'postingId' | 'postTitle'>) =>
  p.postingId ?? `title:${p.postTitle.trim().toLowerCase()}`;
/** the days a placement occupies: to its end, or to the day it was terminated */
const lastDay = (p: Pick<PlacementRow, 'endDate' | 'terminatedOn'>) =>
  p.terminatedOn && p.terminatedOn < p.endDate ? p.terminatedOn : p.endDate;

export type Student = {
  name: string;
  birthDate: string;
  yearOfStudy: number | null;
  majorCode: string | null;
};

/** A placement as the rules see it: saved or proposed (id null for a new one). */
export type Draft = Omit<PlacementRow, 'id' | 'createdAt' | 'updatedAt' | 'createdBy'> & {
  id: string | null;
};

export function factsOf(
  draft: Draft,
  ctx: {
    kind: string;
    student: Student;
    host: HostInfo;
    atHost: readonly HostPlacement[];
    stage: 'save' | 'start';
    agreementConfirmed: readonly string[] | null;
  },
): PlacementFacts {
  const window = { start: draft.startDate, end: lastDay(draft) };
  const others = ctx.atHost.filter((o) => o.id !== draft.id && o.kind === 'position');
  const own = { start: draft.startDate, end: lastDay(draft) };
  const hostPeak = peakOverlap(
    [...others.map((o) => ({ start: o.startDate, end: lastDay(o) })), own],
    window,
  );
  const key = postKey(draft);
  const samePost = others.filter((o) => postKey(o) === key);
  const postPeak = peakOverlap(
    [...samePost.map((o) => ({ start: o.startDate, end: lastDay(o) })), own],
    window,
  );
  return {
    kind: ctx.kind,
    startDate: draft.startDate,
    endDate: draft.endDate,
    stage: ctx.stage,
    student: ctx.student,
    guardianConsent: draft.guardianConsent,
    venueType: draft.venueType,
    viaIntermediary: draft.viaIntermediary,
    intensityClass: draft.intensityClass,
    dailyHours: draft.dailyHours,
    daysPerWeek: draft.daysPerWeek,
    nightShifts: draft.nightShifts,
    holidayWork: draft.holidayWork,
    overtime: draft.overtime,
    hazardousWork: draft.hazardousWork,
    exemptionRef: draft.exemptionRef,
    payAmount: draft.payAmount,
    postWage: draft.postWage,
    payChannel: draft.payChannel,
    payFrequency: draft.payFrequency,
    postMajorCodes: draft.postMajorCodes,
    insurance: {
      insurer: draft.insurer,
      policyNo: draft.policyNo,
      start: draft.insuranceStart,
      end: draft.insuranceEnd,
      paidBy: draft.premiumPaidBy,
    },
    feesCharged: draft.feesCharged,
    documentsHeld: draft.documentsHeld,
    host: { name: ctx.host.name, employeeCount: ctx.host.employeeCount, peak: hostPeak },
    post: { title: draft.postTitle, staffCount: draft.postStaffCount, peak: postPeak },
    agreementConfirmed: ctx.agreementConfirmed,
  };
}

export async function studentOf(
  db: Queryable,
  consortiumId: string,
  candidateId: string,
): Promise<Student | null> {
  const [s] = await db
    .select({
      name: candidates.name,
      birthDate: candidates.birthDate,
      yearOfStudy: candidates.yearOfStudy,
      majorCode: candidates.majorCode,
    })
    .from(candidates)
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, candidateId)));
  return s ?? null;
}

/**
 * Evaluate a proposed placement against every rule, as of now: the host's current employees and every
 * other placement at the host. Run inside the transaction that holds the host's lock to act on it.
 */
export async function evaluateDraft(
  db: Queryable,
  consortiumId: string,
  draft: Draft,
  kind: string,
  stage: 'save' | 'start',
  agreementConfirmed: readonly string[] | null = null,
): Promise<Finding[]> {
  const h = hostRefOf(draft);
  const [settings, host, atHost, student] = await Promise.all([
    loadSettings(db, consortiumId),
    hostInfo(db, consortiumId, h),
    placementsAtHost(db, consortiumId, h),
    studentOf(db, consortiumId, draft.candidateId),
  ]);
  if (!host) throw new AppError('HOST_NOT_FOUND', 'Host not found.');
  if (!student) throw new AppError('CANDIDATE_NOT_FOUND', 'Student not found.');
  return evaluate(factsOf(draft, { kind, student, host, atHost, stage, agreementConfirmed }), settings);
}

/** Replace what the rules found on a placement. */
export async function saveFindings(
  db: Queryable,
  consortiumId: string,
  placementId: string,
  findings: Finding[],
) {
  await db
    .delete(placementFindings)
    .where(
      and(eq(placementFindings.consortiumId, consortiumId), eq(placementFindings.placementId, placementId)),
    );
  if (findings.length === 0) return;
  await db.insert(placementFindings).values(
    findings.map((f) => ({
      consortiumId,
      placementId,
      ruleId: f.ruleId,
      severity: f.severity,
      messageZh: f.messageZh,
      messageEn: f.messageEn,
      facts: f.facts,
    })),
  );
}

/**
 * Re-evaluate the open (pending or active) placements at some hosts — after a placement there changed,
 * after the host's employee count changed, after a rule's setting changed — and store what was found.
 */
export async function reevaluateHosts(
  db: Queryable,
  consortiumId: string,
  hosts: HostRef[],
): Promise<number> {
  // whatever calls this (an employee count, a rule's setting) waits for saves at these hosts to finish
  await lockHosts(db, consortiumId, hosts);
  const settings = await loadSettings(db, consortiumId);
  let n = 0;
  for (const h of hosts) {
    const host = await hostInfo(db, consortiumId, h);
    if (!host) continue;
    const atHost = await placementsAtHost(db, consortiumId, h);
    const open = atHost.filter((p) => p.status === 'pending' || p.status === 'active');
    if (open.length === 0) continue;
    const rows = await db
      .select({
        placement: internshipPlacements,
        kind: internshipPlans.kind,
        student: {
          name: candidates.name,
          birthDate: candidates.birthDate,
          yearOfStudy: candidates.yearOfStudy,
          majorCode: candidates.majorCode,
        },
      })
      .from(internshipPlacements)
      .innerJoin(
        internshipPlans,
        tenantJoin(internshipPlans, internshipPlacements.planId, internshipPlacements.consortiumId),
      )
      .innerJoin(
        candidates,
        tenantJoin(candidates, internshipPlacements.candidateId, internshipPlacements.consortiumId),
      )
      .where(
        and(
          eq(internshipPlacements.consortiumId, consortiumId),
          inArray(
            internshipPlacements.id,
            open.map((p) => p.id),
          ),
        ),
      );
    for (const r of rows) {
      const findings = evaluate(
        factsOf(r.placement, {
          kind: r.kind,
          student: r.student,
          host,
          atHost,
          stage: 'save',
          agreementConfirmed: null,
        }),
        settings,
      );
      await saveFindings(db, consortiumId, r.placement.id, findings);
      n++;
    }
  }
  return n;
}

/** A stored finding as the API shows it, with its rule's title, certainty and source. */
export function presentFinding(f: typeof placementFindings.$inferSelect) {
  const def = ruleById.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    titleZh: def?.titleZh ?? f.ruleId,
    messageZh: f.messageZh,
    messageEn: f.messageEn,
    facts: f.facts as Record<string, string | number | boolean | null>,
    certainty: def?.certainty ?? ('M' as const),
    source: def?.source ?? { document: '', article: null, note: null },
  };
}

/** Every host with an open placement in the consortium (after a rule's setting changed). */
async function hostsWithOpenPlacements(db: Queryable, consortiumId: string): Promise<HostRef[]> {
  const rows = await db
    .selectDistinct({
      hostKind: internshipPlacements.hostKind,
      hostUnitId: internshipPlacements.hostUnitId,
      externalHostId: internshipPlacements.externalHostId,
    })
    .from(internshipPlacements)
    .where(
      and(
        eq(internshipPlacements.consortiumId, consortiumId),
        inArray(internshipPlacements.status, ['pending', 'active']),
      ),
    );
  return rows.map(hostRefOf);
}

// A member unit's employee count changed (edit or import): its placements are evaluated again.
onUnitsChanged(async (tx, consortiumId, unitIds) => {
  await reevaluateHosts(
    tx,
    consortiumId,
    unitIds.map((id) => ({ kind: 'member', id })),
  );
});

// ---------------------------------------------------------------------------------------------------
// The rules and their settings

export async function listRules(db: Db, access: AccessControl, actor: Actor, consortiumId: string) {
  await access.listScope(actor, 'internship.read', consortiumId);
  const rows = await db
    .select()
    .from(complianceRuleSettings)
    .where(eq(complianceRuleSettings.consortiumId, consortiumId));
  const byRule = new Map(rows.map((r) => [r.ruleId, r]));
  const counts = await db
    .select({
      ruleId: placementFindings.ruleId,
      severity: placementFindings.severity,
      n: sql<number>`count(*)::int`,
    })
    .from(placementFindings)
    .innerJoin(
      internshipPlacements,
      tenantJoin(internshipPlacements, placementFindings.placementId, placementFindings.consortiumId),
    )
    .where(
      and(
        eq(placementFindings.consortiumId, consortiumId),
        inArray(internshipPlacements.status, ['pending', 'active']),
      ),
    )
    .groupBy(placementFindings.ruleId, placementFindings.severity);
  const settings = new Map(
    rows.map((r) => [r.ruleId, { params: r.params as Record<string, number>, severity: r.severity }]),
  );
  return effectiveRules(settings).map((r) => {
    const s = byRule.get(r.def.id);
    return {
      id: r.def.id,
      titleZh: r.def.titleZh,
      titleEn: r.def.titleEn,
      source: r.def.source,
      certainty: r.def.certainty,
      appliesTo: [...r.def.appliesTo],
      params: r.def.params.map((p) => ({ ...p, value: r.params[p.key]! })),
      defaultSeverity: r.def.defaultSeverity,
      severity: r.severity,
      severityLocked: r.def.severityLocked,
      changed: r.changed,
      note: s?.note ?? null,
      updatedAt: s?.updatedAt.toISOString() ?? null,
      openFindings: {
        block: counts.find((c) => c.ruleId === r.def.id && c.severity === 'block')?.n ?? 0,
        warn: counts.find((c) => c.ruleId === r.def.id && c.severity === 'warn')?.n ?? 0,
      },
    };
  });
}

export async function setRule(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  ruleId: string,
  body: { params: Record<string, number>; severity: RuleSeverity; note: string },
  requestId?: string,
) {
  await access.require(actor, 'internship.rules', { consortiumId });
  const issues = validateSetting(ruleId, body.params, body.severity);
  if (issues === null) throw new AppError('RULE_NOT_FOUND', `There is no rule ${ruleId}.`);
  if (issues.length) throw validationError(issues.map((i) => ({ ...i, code: 'invalid_setting' })));
  const def = ruleById.get(ruleId)!;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(complianceRuleSettings)
      .where(
        and(eq(complianceRuleSettings.consortiumId, consortiumId), eq(complianceRuleSettings.ruleId, ruleId)),
      );
    // only the parameters the rule has, complete, so that a later default change does not move them silently
    const params = Object.fromEntries(
      def.params.map((p) => [
        p.key,
        body.params[p.key] ?? (before?.params as Record<string, number> | undefined)?.[p.key] ?? p.default,
      ]),
    );
    const values = {
      params,
      severity: body.severity,
      note: body.note,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(complianceRuleSettings)
      .values({ consortiumId, ruleId, ...values })
      .onConflictDoUpdate({
        target: [complianceRuleSettings.consortiumId, complianceRuleSettings.ruleId],
        set: values,
      });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'compliance_rule',
      entityId: ruleId,
      action: 'update',
      before: before
        ? { params: before.params, severity: before.severity, note: before.note }
        : {
            params: Object.fromEntries(def.params.map((p) => [p.key, p.default])),
            severity: def.defaultSeverity,
          },
      after: { params, severity: body.severity, note: body.note },
      requestId,
    });
    await reevaluateHosts(tx, consortiumId, await hostsWithOpenPlacements(tx, consortiumId));
  });
  return (await listRules(db, access, actor, consortiumId)).find((r) => r.id === ruleId)!;
}

// ---------------------------------------------------------------------------------------------------
// The compliance page: current findings of open placements, by host, school or rule

export async function compliance(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  q: {
    groupBy: 'host' | 'school' | 'rule';
    severity?: RuleSeverity | undefined;
    ruleId?: string | undefined;
  },
) {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  const where: SQL[] = [
    eq(internshipPlacements.consortiumId, consortiumId),
    inArray(internshipPlacements.status, ['pending', 'active']),
  ];
  if (scope.kind === 'restricted') {
    const own = scope.ownUserId ? sql`${candidates.userId} = ${scope.ownUserId}` : sql`false`;
    const units = scope.unitIds.length
      ? sql`(${inArray(internshipPlacements.schoolUnitId, scope.unitIds)} or ${inArray(internshipPlacements.hostUnitId, scope.unitIds)})`
      : sql`false`;
    where.push(sql`(${units} or ${own})`);
  }
  const placements = await db
    .select({
      id: internshipPlacements.id,
      studentName: candidates.name,
      schoolUnitId: internshipPlacements.schoolUnitId,
      schoolName: schoolNameSql,
      hostKey: sql<string>`coalesce(${internshipPlacements.hostUnitId}::text, ${internshipPlacements.externalHostId}::text)`,
      hostName: hostNameSql,
    })
    .from(internshipPlacements)
    .innerJoin(
      candidates,
      tenantJoin(candidates, internshipPlacements.candidateId, internshipPlacements.consortiumId),
    )
    .where(and(...where));
  const byId = new Map(placements.map((p) => [p.id, p]));
  const fWhere: SQL[] = [eq(placementFindings.consortiumId, consortiumId)];
  if (q.severity) fWhere.push(eq(placementFindings.severity, q.severity));
  if (q.ruleId) fWhere.push(eq(placementFindings.ruleId, q.ruleId));
  const found = placements.length
    ? await db
        .select()
        .from(placementFindings)
        .where(
          and(
            ...fWhere,
            inArray(
              placementFindings.placementId,
              placements.map((p) => p.id),
            ),
          ),
        )
    : [];
  const groups = new Map<
    string,
    { key: string; label: string; block: number; warn: number; ids: Set<string> }
  >();
  const findings = [];
  for (const f of found) {
    const p = byId.get(f.placementId)!;
    const def = ruleById.get(f.ruleId);
    const [key, label] =
      q.groupBy === 'host'
        ? [p.hostKey, p.hostName]
        : q.groupBy === 'school'
          ? [p.schoolUnitId, p.schoolName]
          : [f.ruleId, `${f.ruleId} ${def?.titleZh ?? ''}`.trim()];
    const g = groups.get(key) ?? { key, label, block: 0, warn: 0, ids: new Set<string>() };
    g[f.severity]++;
    g.ids.add(p.id);
    groups.set(key, g);
    findings.push({
      ...presentFinding(f),
      placementId: p.id,
      studentName: p.studentName,
      hostName: p.hostName,
      schoolName: p.schoolName,
      evaluatedAt: f.evaluatedAt.toISOString(),
    });
  }
  findings.sort((a, b) =>
    a.severity !== b.severity
      ? a.severity === 'block'
        ? -1
        : 1
      : a.hostName.localeCompare(b.hostName, 'zh'),
  );
  return {
    groupBy: q.groupBy,
    totals: {
      placements: placements.length,
      block: found.filter((f) => f.severity === 'block').length,
      warn: found.filter((f) => f.severity === 'warn').length,
    },
    groups: [...groups.values()]
      .map(({ ids, ...g }) => ({ ...g, placements: ids.size }))
      .sort((a, b) => b.block - a.block || b.warn - a.warn),
    findings: findings.slice(0, 500),
  };
}
