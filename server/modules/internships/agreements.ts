// Three-party agreements (三方协议): generated from a placement's data on the template; a new version
// whenever the generated content (its hash) changes; each party (school, host, student) confirms the
// version it read, by its hash. Confirmations stay with the version they were given for, so a changed
// agreement needs all three again. The placement service calls `syncAgreement` inside its own
// transaction whenever a placement is created or changed, and `agreementState` to know whether the
// agreement is complete.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import {
  agreementConfirmations,
  candidates,
  internshipAgreements,
  internshipHosts,
  internshipPlacements,
  internshipPlans,
  memberUnits,
  users,
} from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../access/access.core.ts';
import type { AccessControl } from '../access/access.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { notify, recordStatus, statusHistory, unitUserIds } from '../talent/talent.shared.ts';
import { renderAgreementPdf } from './agreement.pdf.ts';
import {
  agreementContent,
  buildAgreementContent,
  contentHashOf,
  type AgreementContent,
} from './agreement.template.ts';
import { agreementParties, type AgreementParty } from './internships.enums.ts';
import {
  checkOnBehalfNote,
  loadPlacement,
  type PlacementRow,
  type PlacementSides,
} from './internships.shared.ts';
import { tenantJoin } from '../../db/tenant-join.ts';

// ---------------------------------------------------------------------------------------------------
// Shapes

export const partyLabels: Record<AgreementParty, string> = {
  school: '甲方（学校）',
  host: '乙方（实习单位）',
  student: '丙方（学生）',
};

export const agreementParams = z.object({ consortiumId: z.uuid(), placementId: z.uuid() });
export const agreementQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('an earlier version (default: the version in force)'),
});
export const confirmBody = z.object({
  party: z.enum(agreementParties).describe('the party the caller confirms for'),
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a sha-256 in lowercase hex')
    .describe('the hash of the version the caller read (must be the version in force)'),
  onBehalfNote: z
    .string()
    .trim()
    .min(4)
    .max(500)
    .optional()
    .describe(
      'required when school staff record the confirmation of an external host (e.g. 纸质协议已盖章，扫描件存档); refused otherwise',
    ),
});
export type ConfirmBody = z.infer<typeof confirmBody>;

export const confirmationOut = z.object({
  party: z.enum(agreementParties),
  partyLabel: z.string(),
  userName: z.string(),
  confirmedAt: z.iso.datetime(),
  contentHash: z.string(),
  onBehalfNote: z
    .string()
    .nullable()
    .describe('for an external host: recorded by school staff on the host’s behalf, with this note'),
});
export const agreementOut = z.object({
  agreementId: z.uuid(),
  placementId: z.uuid(),
  version: z.number().int(),
  current: z.boolean().describe('the version in force'),
  contentHash: z.string().describe('sha-256 of the canonical JSON (sorted keys) of the content'),
  generatedAt: z.iso.datetime(),
  content: agreementContent,
  confirmations: z.array(confirmationOut),
  pending: z.array(z.enum(agreementParties)).describe('parties that have not confirmed this version'),
  complete: z.boolean().describe('all three parties confirmed this version'),
  canConfirmAs: z
    .array(z.enum(agreementParties))
    .describe('the parties the viewer may confirm for now (empty unless this is the version in force)'),
  versions: z.array(z.number().int()).describe('all version numbers, oldest first'),
  earlierVersions: z.array(z.number().int()),
});
export type AgreementOut = z.infer<typeof agreementOut>;

type AgreementRow = typeof internshipAgreements.$inferSelect;
type ConfirmationRow = typeof agreementConfirmations.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// Generating versions

/** Everything the template needs about a placement (null when the placement is not there). */
async function agreementInput(db: Queryable, consortiumId: string, placementId: string) {
  const [row] = await db
    .select({
      placement: internshipPlacements,
      plan: {
        title: internshipPlans.title,
        kind: internshipPlans.kind,
        goals: internshipPlans.goals,
        rubric: internshipPlans.rubric,
      },
      student: {
        name: candidates.name,
        studentNo: candidates.studentNo,
        idCard: candidates.idCard,
        birthDate: candidates.birthDate,
        userId: candidates.userId,
      },
      school: { name: memberUnits.name, uscc: memberUnits.uscc },
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
    .innerJoin(
      memberUnits,
      tenantJoin(memberUnits, internshipPlacements.schoolUnitId, internshipPlacements.consortiumId),
    )
    .where(
      and(eq(internshipPlacements.consortiumId, consortiumId), eq(internshipPlacements.id, placementId)),
    );
  if (!row) return null;
  const p = row.placement;
  const host = await hostOf(db, p);
  return {
    placement: p,
    studentUserId: row.student.userId,
    input: { placement: p, plan: row.plan, school: row.school, host, student: row.student },
  };
}

async function hostOf(db: Queryable, p: PlacementRow): Promise<{ name: string; uscc: string | null }> {
  if (p.hostKind === 'member' && p.hostUnitId) {
    const [u] = await db
      .select({ name: memberUnits.name, uscc: memberUnits.uscc })
      .from(memberUnits)
      .where(and(eq(memberUnits.consortiumId, p.consortiumId), eq(memberUnits.id, p.hostUnitId)));
    if (u) return u;
  }
  if (p.hostKind === 'external' && p.externalHostId) {
    const [h] = await db
      .select({ name: internshipHosts.name, uscc: internshipHosts.uscc })
      .from(internshipHosts)
      .where(and(eq(internshipHosts.consortiumId, p.consortiumId), eq(internshipHosts.id, p.externalHostId)));
    if (h) return h;
  }
  throw new AppError('HOST_NOT_FOUND', 'The placement’s host was not found.');
}

async function currentAgreement(
  db: Queryable,
  consortiumId: string,
  placementId: string,
  lock = false,
): Promise<AgreementRow | null> {
  const q = db
    .select()
    .from(internshipAgreements)
    .where(
      and(
        eq(internshipAgreements.consortiumId, consortiumId),
        eq(internshipAgreements.placementId, placementId),
        eq(internshipAgreements.current, true),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/**
 * Brings the placement's agreement up to date with its data: when there is no agreement yet, or the
 * content generated now hashes differently from the version in force, a new version is written (and
 * the older one stops being current; its confirmations stay with it). Runs on whatever `tx` is: the
 * caller's open transaction.
 */
export async function syncAgreement(
  tx: Queryable,
  consortiumId: string,
  placementId: string,
  actor: Pick<Actor, 'userId'> | null,
): Promise<{ version: number; changed: boolean }> {
  const found = await agreementInput(tx, consortiumId, placementId);
  if (!found) throw new AppError('PLACEMENT_NOT_FOUND', 'Placement not found.');
  const content = buildAgreementContent(found.input);
  const hash = contentHashOf(content);
  const current = await currentAgreement(tx, consortiumId, placementId, true);
  if (current && current.contentHash === hash) return { version: current.version, changed: false };

  const [last] = await tx
    .select({ version: internshipAgreements.version })
    .from(internshipAgreements)
    .where(
      and(
        eq(internshipAgreements.consortiumId, consortiumId),
        eq(internshipAgreements.placementId, placementId),
      ),
    )
    .orderBy(desc(internshipAgreements.version))
    .limit(1);
  const version = (last?.version ?? 0) + 1;
  if (current) {
    await tx
      .update(internshipAgreements)
      .set({ current: false })
      .where(
        and(
          eq(internshipAgreements.consortiumId, consortiumId),
          eq(internshipAgreements.placementId, placementId),
          eq(internshipAgreements.current, true),
        ),
      );
  }
  const [created] = await tx
    .insert(internshipAgreements)
    .values({
      consortiumId,
      placementId,
      version,
      content,
      contentHash: hash,
      current: true,
      generatedBy: actor?.userId ?? null,
    })
    .returning();
  if (!created) throw new Error('agreement not inserted');

  const who = actor ? await actorOf(tx, actor.userId) : null;
  await recordAudit(tx, {
    consortiumId,
    actor: who,
    entity: 'agreement',
    entityId: created.id,
    action: 'generate',
    before: current ? { version: current.version, contentHash: current.contentHash } : null,
    after: { placementId, version, contentHash: hash, templateVersion: content.template.version },
  });
  await recordStatus(tx, {
    consortiumId,
    actor: who,
    entity: 'placement',
    entityId: placementId,
    field: 'agreement',
    from: current ? `v${current.version}` : null,
    to: `v${version}`,
    note: current ? '实习数据变更，已生成新版本协议，需三方重新确认' : '已生成三方协议',
    data: { agreementId: created.id, version, contentHash: hash, action: 'generate' },
  });
  if (current) {
    const recipients = await partyUserIds(tx, found.placement, found.studentUserId);
    await notify(
      tx,
      consortiumId,
      [...recipients.school, ...recipients.host, ...recipients.student].filter((id) => id !== actor?.userId),
      {
        kind: 'agreement.updated',
        title: `三方协议已更新为第 ${version} 版，请重新阅读并确认`,
        body: `${content.parties.student.name} · ${content.parties.host.name} · ${content.work.postTitle}`,
        link: placementLink(placementId),
      },
    );
  }
  return { version, changed: true };
}

async function actorOf(db: Queryable, userId: string): Promise<Pick<Actor, 'userId' | 'displayName'>> {
  const [u] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return { userId, displayName: u?.displayName ?? 'system' };
}

async function confirmationsOf(
  db: Queryable,
  consortiumId: string,
  agreementId: string,
): Promise<ConfirmationRow[]> {
  const rows = await db
    .select()
    .from(agreementConfirmations)
    .where(
      and(
        eq(agreementConfirmations.consortiumId, consortiumId),
        eq(agreementConfirmations.agreementId, agreementId),
      ),
    );
  const order = (p: AgreementParty) => agreementParties.indexOf(p);
  return rows.sort((a, b) => order(a.party) - order(b.party));
}

/** The version in force, the parties that confirmed it and whether all three did (null: none yet). */
export async function agreementState(
  db: Queryable,
  consortiumId: string,
  placementId: string,
): Promise<{
  agreementId: string;
  version: number;
  contentHash: string;
  confirmed: AgreementParty[];
  complete: boolean;
} | null> {
  const current = await currentAgreement(db, consortiumId, placementId);
  if (!current) return null;
  const confirmed = (await confirmationsOf(db, consortiumId, current.id))
    .filter((c) => c.contentHash === current.contentHash)
    .map((c) => c.party);
  return {
    agreementId: current.id,
    version: current.version,
    contentHash: current.contentHash,
    confirmed,
    complete: agreementParties.every((p) => confirmed.includes(p)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading

const placementLink = (placementId: string) => `/internships/placements/${placementId}`;

/** Which parties the viewer may confirm for, given their sides (status and existing ones aside). */
export function partiesFor(sides: PlacementSides, hostKind: PlacementRow['hostKind']): AgreementParty[] {
  const out: AgreementParty[] = [];
  if (sides.schoolWrite) out.push('school');
  if (hostKind === 'member' ? sides.hostSupervise : sides.schoolWrite) out.push('host');
  if (sides.student) out.push('student');
  return out;
}

const confirmable = (status: PlacementRow['status']) => status === 'pending' || status === 'active';

async function agreementVersions(db: Queryable, consortiumId: string, placementId: string) {
  return db
    .select()
    .from(internshipAgreements)
    .where(
      and(
        eq(internshipAgreements.consortiumId, consortiumId),
        eq(internshipAgreements.placementId, placementId),
      ),
    )
    .orderBy(internshipAgreements.version);
}

/** Notes recorded with on-behalf confirmations, by `${agreementId}:${party}`. */
async function onBehalfNotes(db: Queryable, consortiumId: string, placementId: string) {
  const notes = new Map<string, string>();
  for (const e of await statusHistory(db, consortiumId, 'placement', placementId)) {
    if (e.field !== 'agreement' || !e.data || e.data.action !== 'confirm' || !e.note) continue;
    if (e.data.onBehalf === true) notes.set(`${String(e.data.agreementId)}:${String(e.data.party)}`, e.note);
  }
  return notes;
}

async function presentAgreement(
  db: Queryable,
  loaded: Awaited<ReturnType<typeof loadPlacement>>,
  consortiumId: string,
  version: number | undefined,
): Promise<{ out: AgreementOut; rows: AgreementRow[] }> {
  const { placement, sides } = loaded;
  const rows = await agreementVersions(db, consortiumId, placement.id);
  const row = version === undefined ? rows.find((r) => r.current) : rows.find((r) => r.version === version);
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      version === undefined
        ? 'No agreement has been generated for this placement yet.'
        : `The agreement has no version ${version}.`,
    );
  }
  const [confirmations, notes] = await Promise.all([
    confirmationsOf(db, consortiumId, row.id),
    onBehalfNotes(db, consortiumId, placement.id),
  ]);
  const done = new Set(confirmations.map((c) => c.party));
  const canConfirmAs =
    row.current && confirmable(placement.status)
      ? partiesFor(sides, placement.hostKind).filter((p) => !done.has(p))
      : [];
  const out: AgreementOut = {
    agreementId: row.id,
    placementId: placement.id,
    version: row.version,
    current: row.current,
    contentHash: row.contentHash,
    generatedAt: row.generatedAt.toISOString(),
    content: row.content as AgreementContent,
    confirmations: confirmations.map((c) => ({
      party: c.party,
      partyLabel: partyLabels[c.party],
      userName: c.userName,
      confirmedAt: c.confirmedAt.toISOString(),
      contentHash: c.contentHash,
      onBehalfNote: notes.get(`${row.id}:${c.party}`) ?? null,
    })),
    pending: agreementParties.filter((p) => !done.has(p)),
    complete: agreementParties.every((p) => done.has(p)),
    canConfirmAs,
    versions: rows.map((r) => r.version),
    earlierVersions: rows.filter((r) => r.version < row.version).map((r) => r.version),
  };
  return { out, rows };
}

export async function getAgreement(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
  version?: number,
): Promise<AgreementOut> {
  const loaded = await loadPlacement(db, access, actor, consortiumId, placementId);
  return (await presentAgreement(db, loaded, consortiumId, version)).out;
}

// ---------------------------------------------------------------------------------------------------
// Confirming

/** The users to tell about each party's side of the agreement. */
async function partyUserIds(
  db: Queryable,
  p: PlacementRow,
  studentUserId: string | null,
): Promise<Record<AgreementParty, string[]>> {
  const school = p.schoolMentorUserId
    ? [p.schoolMentorUserId]
    : await unitUserIds(db, p.consortiumId, p.schoolUnitId, ['unit_admin']);
  const host =
    p.hostKind === 'member' && p.hostUnitId
      ? p.enterpriseMentorUserId
        ? [p.enterpriseMentorUserId]
        : await unitUserIds(db, p.consortiumId, p.hostUnitId, ['unit_admin'])
      : [];
  return { school, host, student: studentUserId ? [studentUserId] : [] };
}

export async function confirmAgreement(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
  body: ConfirmBody,
  meta: { ip?: string | undefined; requestId?: string | undefined },
): Promise<AgreementOut> {
  const loaded = await loadPlacement(db, access, actor, consortiumId, placementId);
  const { placement, sides, studentUserId } = loaded;
  const onBehalf = body.party === 'host' && placement.hostKind === 'external';
  if (body.party === 'school' && !sides.schoolWrite) forbid('internship.write', body.party);
  if (body.party === 'host' && placement.hostKind === 'member' && !sides.hostSupervise) {
    forbid('internship.supervise', body.party);
  }
  if (onBehalf && !sides.schoolWrite) forbid('internship.write', body.party);
  if (body.party === 'student' && !sides.student) forbid('internship.log', body.party);
  checkOnBehalfNote(onBehalf, body.onBehalfNote, 'body.onBehalfNote', {
    required:
      'the host is external: school staff record its confirmation with a note on the signed paper agreement',
    notAllowed: 'only for the confirmation of an external host',
  });
  if (!confirmable(placement.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `The agreement of a ${placement.status} placement can no longer be confirmed.`,
      { status: placement.status },
    );
  }

  const agreement = await db.transaction(async (tx) => {
    const current = await currentAgreement(tx, consortiumId, placementId, true);
    if (!current) {
      throw new AppError('NOT_FOUND', 'No agreement has been generated for this placement yet.');
    }
    if (current.contentHash !== body.contentHash) {
      throw new AppError('CONFLICT', '协议内容已更新，请重新阅读后确认', {
        reason: 'The agreement changed since it was read; read the version in force and confirm it.',
        version: current.version,
        contentHash: current.contentHash,
      });
    }
    const existing = await confirmationsOf(tx, consortiumId, current.id);
    const already = existing.find((c) => c.party === body.party);
    if (already) {
      throw new AppError('CONFLICT', `${partyLabels[body.party]}已确认第 ${current.version} 版协议`, {
        reason: 'This party already confirmed this version.',
        party: body.party,
        confirmedAt: already.confirmedAt.toISOString(),
      });
    }
    await tx.insert(agreementConfirmations).values({
      consortiumId,
      agreementId: current.id,
      party: body.party,
      userId: actor.userId,
      userName: actor.displayName,
      contentHash: current.contentHash,
      ip: meta.ip ?? null,
    });
    await recordAudit(tx, {
      consortiumId,
      actor,
      entity: 'agreement',
      entityId: current.id,
      action: 'confirm',
      after: {
        placementId,
        version: current.version,
        party: body.party,
        contentHash: current.contentHash,
        onBehalfNote: body.onBehalfNote ?? null,
      },
      requestId: meta.requestId,
    });
    await recordStatus(tx, {
      consortiumId,
      actor,
      entity: 'placement',
      entityId: placementId,
      field: 'agreement',
      from: null,
      to: `${body.party}_confirmed`,
      note: onBehalf
        ? (body.onBehalfNote ?? null)
        : `${partyLabels[body.party]}已确认第 ${current.version} 版`,
      data: {
        action: 'confirm',
        agreementId: current.id,
        version: current.version,
        party: body.party,
        contentHash: current.contentHash,
        onBehalf,
      },
    });
    const confirmed = new Set([...existing.map((c) => c.party), body.party]);
    const complete = agreementParties.every((p) => confirmed.has(p));
    const recipients = await partyUserIds(tx, placement, studentUserId);
    const others = agreementParties
      .filter((p) => complete || p !== body.party)
      .flatMap((p) => recipients[p])
      .filter((id) => id !== actor.userId);
    const content = current.content as AgreementContent;
    await notify(tx, consortiumId, others, {
      kind: complete ? 'agreement.complete' : 'agreement.confirmed',
      title: complete
        ? `三方协议第 ${current.version} 版已由三方全部确认`
        : `${partyLabels[body.party]}已确认三方协议第 ${current.version} 版`,
      body: `${content.parties.student.name} · ${content.parties.host.name} · ${content.work.postTitle}`,
      link: placementLink(placementId),
    });
    return current;
  });
  return (await presentAgreement(db, loaded, consortiumId, agreement.version)).out;
}

function forbid(capability: string, party: AgreementParty): never {
  throw new AppError(
    'FORBIDDEN',
    `You may not confirm the agreement for the ${party}: it needs ${capability} on this placement.`,
    { capability, party },
  );
}

// ---------------------------------------------------------------------------------------------------
// PDF

export async function agreementPdf(
  db: Db,
  access: AccessControl,
  actor: Actor,
  consortiumId: string,
  placementId: string,
  version?: number,
): Promise<{ pdf: Buffer; fileName: string; version: number }> {
  const loaded = await loadPlacement(db, access, actor, consortiumId, placementId);
  const { out } = await presentAgreement(db, loaded, consortiumId, version);
  const pdf = await renderAgreementPdf({
    content: out.content,
    version: out.version,
    current: out.current,
    contentHash: out.contentHash,
    generatedAt: out.generatedAt,
    confirmations: out.confirmations,
  });
  const safeName = out.content.parties.student.name.replace(/[\\/:*?"<>|\s]+/g, '');
  return { pdf, fileName: `三方协议-${safeName}-v${out.version}.pdf`, version: out.version };
}
