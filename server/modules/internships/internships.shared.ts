// What the internship services share: loading a placement the actor may see, and which side of it they
// are on (school, host, student, or the consortium's secretariat / an authority looking on).
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { candidates, internshipPlacements, type internshipPlans } from '../../db/schema/index.ts';
import { AppError, validationError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { tenantJoin } from '../../db/tenant-join.ts';

export type PlacementRow = typeof internshipPlacements.$inferSelect;
export type PlanRow = typeof internshipPlans.$inferSelect;

export type PlacementSides = {
  /** sees the whole consortium's internships (secretariat, authority, platform) */
  all: boolean;
  /** the school's staff (may write: plans, placements, the school's confirmation, reviews) */
  school: boolean;
  schoolWrite: boolean;
  /** the host's staff (member host only: confirm, co-sign, assess) */
  host: boolean;
  hostSupervise: boolean;
  /** the student placed */
  student: boolean;
};

/** A placement's host name (member unit or external host) and school name, as columns of a select. */
export const hostNameSql = sql<string>`coalesce(
  (select name from member_units h where h.consortium_id = ${internshipPlacements.consortiumId} and h.id = ${internshipPlacements.hostUnitId}),
  (select name from internship_hosts x where x.consortium_id = ${internshipPlacements.consortiumId} and x.id = ${internshipPlacements.externalHostId}))`;
export const schoolNameSql = sql<string>`(select name from member_units s where s.consortium_id = ${internshipPlacements.consortiumId} and s.id = ${internshipPlacements.schoolUnitId})`;

export async function findPlacement(
  db: Queryable,
  consortiumId: string,
  id: string,
): Promise<{ placement: PlacementRow; studentUserId: string | null } | null> {
  const [row] = await db
    .select({ placement: internshipPlacements, studentUserId: candidates.userId })
    .from(internshipPlacements)
    .innerJoin(
      candidates,
      tenantJoin(candidates, internshipPlacements.candidateId, internshipPlacements.consortiumId),
    )
    .where(and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, id)));
  return row ?? null;
}

export async function sidesOf(
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  p: Pick<PlacementRow, 'schoolUnitId' | 'hostKind' | 'hostUnitId'>,
  studentUserId: string | null,
): Promise<PlacementSides> {
  const scope = await access.listScope(actor, 'internship.read', consortiumId);
  const hostUnit = p.hostKind === 'member' ? p.hostUnitId : null;
  const [school, schoolWrite, host, hostSupervise] = await Promise.all([
    access.can(actor, 'internship.read', { consortiumId, unitId: p.schoolUnitId }),
    access.can(actor, 'internship.write', { consortiumId, unitId: p.schoolUnitId }),
    hostUnit ? access.can(actor, 'internship.read', { consortiumId, unitId: hostUnit }) : false,
    hostUnit ? access.can(actor, 'internship.supervise', { consortiumId, unitId: hostUnit }) : false,
  ]);
  const all = scope.kind === 'all';
  const student = studentUserId !== null && studentUserId === actor.userId;
  return {
    all,
    // a student of the school reads with `own` scope: that alone is not the school's side
    school: school && !student,
    schoolWrite,
    host,
    hostSupervise,
    student,
  };
}

/**
 * A placement the actor may see (else PLACEMENT_NOT_FOUND, also for another consortium's ids) and the
 * sides the actor is on.
 */
export async function loadPlacement(
  db: Queryable,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  id: string,
): Promise<{ placement: PlacementRow; studentUserId: string | null; sides: PlacementSides }> {
  await access.listScope(actor, 'internship.read', consortiumId);
  const found = await findPlacement(db, consortiumId, id);
  if (!found) throw new AppError('PLACEMENT_NOT_FOUND', 'Placement not found.');
  const sides = await sidesOf(access, actor, consortiumId, found.placement, found.studentUserId);
  if (!sides.all && !sides.school && !sides.host && !sides.student) {
    throw new AppError('PLACEMENT_NOT_FOUND', 'Placement not found.');
  }
  return { ...found, sides };
}

/** 403 unless the actor is on `side` of the placement with the right to act there. */
export function requireSide(
  sides: PlacementSides,
  side: 'schoolWrite' | 'hostSupervise' | 'student',
  capability: string,
): void {
  if (!sides[side]) {
    throw new AppError('FORBIDDEN', `You do not have the permission ${capability} on this placement.`, {
      capability,
    });
  }
}

/** The placement row, locked until the transaction ends (a second change of it waits for this one). */
export async function lockPlacementRow(
  tx: Queryable,
  consortiumId: string,
  id: string,
): Promise<PlacementRow> {
  const [row] = await tx
    .select()
    .from(internshipPlacements)
    .where(and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, id)))
    .for('update');
  if (!row) throw new AppError('PLACEMENT_NOT_FOUND', 'Placement not found.');
  return row;
}

/**
 * An external host has nobody on the platform, so school staff record its part (a confirmation, a
 * co-signature, scores) with a note on its source: required then (`required` says what), and refused on
 * anyone else's part when `notAllowed` is given.
 */
export function checkOnBehalfNote(
  onBehalf: boolean,
  note: string | undefined,
  path: string,
  messages: { required: string; notAllowed?: string },
): void {
  if (onBehalf && !note) throw validationError([{ path, code: 'required', message: messages.required }]);
  if (!onBehalf && note !== undefined && messages.notAllowed !== undefined) {
    throw validationError([{ path, code: 'not_allowed', message: messages.notAllowed }]);
  }
}
