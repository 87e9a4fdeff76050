// Three-party agreements: generated from the placement's data (a new version when the data change),
// confirmed by the school, the host and the student against the hash they read, printed as a PDF.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  internshipHosts,
  internshipPlacements,
  notifications,
} from '../../server/db/schema/index.ts';
import { agreementState, syncAgreement } from '../../server/modules/internships/agreements.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeCandidate,
  makeIdCard,
  makePlacement,
  makePlan,
  makeUscc,
  makeUser,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

type Agreement = {
  agreementId: string;
  version: number;
  current: boolean;
  contentHash: string;
  content: {
    template: { version: string };
    parties: {
      student: { name: string; idCardMasked: string; studentNo: string | null; minor: boolean };
      host: { kind: string; name: string; uscc: string | null };
      guardian: { consentOnFile: boolean } | null;
    };
    pay: { amount: number | null };
    assessment: { rubric: { key: string; weight: number }[] };
  };
  confirmations: {
    party: string;
    userName: string;
    confirmedAt: string;
    contentHash: string;
    onBehalfNote: string | null;
  }[];
  pending: string[];
  complete: boolean;
  canConfirmAs: string[];
  versions: number[];
  earlierVersions: number[];
};

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let s: Record<'sec' | 'teacher' | 'mentor' | 'student' | 'other' | 'enterpriseB', Session>;
let placementId: string;
let otherPlacementId: string;
let url: string;
let hash1: string;

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-')), 'a.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const sync = (id: string) =>
  t.db.transaction((tx) => syncAgreement(tx, w.A.c.id, id, { userId: w.A.teacher.id }));

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  const plan = await makePlan(t.db, w.A.c.id, w.A.school.id);
  // 17 on the first day of the internship: the guardian is part of the agreement
  const student = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
    name: '张喆',
    userId: w.A.student.id,
    studentNo: '2023001',
    idCard: makeIdCard('20080901'),
    birthDate: '2008-09-01',
  });
  const placement = await makePlacement(t.db, plan, student.id, w.A.enterprise.id, {
    schoolMentorUserId: w.A.teacher.id,
    enterpriseMentorUserId: w.A.mentor.id,
    guardianConsent: true,
    address: '苏州市工业园区星湖街 1 号',
  });
  placementId = placement.id;
  url = `/api/v1/consortia/${w.A.c.id}/internships/placements/${placementId}`;

  const otherUser = await makeUser(t.db, [
    { roleCode: 'student', consortiumId: w.A.c.id, memberUnitId: w.A.school.id },
  ]);
  const other = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { userId: otherUser.id });
  otherPlacementId = (await makePlacement(t.db, plan, other.id, w.A.enterprise.id)).id;

  s = {
    sec: await login(t.app, w.A.secretariat.username),
    teacher: await login(t.app, w.A.teacher.username),
    mentor: await login(t.app, w.A.mentor.username),
    student: await login(t.app, w.A.student.username),
    other: await login(t.app, otherUser.username),
    enterpriseB: await login(t.app, w.B.enterpriseAdmin.username),
  };
});

afterAll(async () => {
  await t.close();
});

describe('generating the agreement', () => {
  it('has no agreement before the first sync', async () => {
    expect(await agreementState(t.db, w.A.c.id, placementId)).toBeNull();
    expectError(await call(t.app, s.student, 'GET', `${url}/agreement`), 404, 'NOT_FOUND');
  });

  it('writes version 1 once, and nothing while the data stay the same', async () => {
    expect(await sync(placementId)).toEqual({ version: 1, changed: true });
    expect(await sync(placementId)).toEqual({ version: 1, changed: false });
    const state = await agreementState(t.db, w.A.c.id, placementId);
    expect(state).toMatchObject({ version: 1, confirmed: [], complete: false });
    hash1 = state!.contentHash;
    expect(hash1).toMatch(/^[0-9a-f]{64}$/);
    await sync(otherPlacementId);
  });
});

describe('reading it', () => {
  it('shows the content, hash and whom each viewer may confirm for', async () => {
    const res = await call(t.app, s.student, 'GET', `${url}/agreement`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<Agreement>();
    expect(a).toMatchObject({ version: 1, current: true, contentHash: hash1, complete: false });
    expect(a.content.template.version).toBe('1.0');
    expect(a.content.parties.student).toMatchObject({ name: '张喆', studentNo: '2023001', minor: true });
    expect(a.content.parties.student.idCardMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(a.content.parties.guardian).toEqual(expect.objectContaining({ consentOnFile: true }));
    expect(a.content.parties.host).toMatchObject({ kind: 'member', name: w.A.enterprise.name });
    expect(a.content.assessment.rubric.map((r) => r.weight)).toEqual([60, 40]);
    expect(a.pending).toEqual(['school', 'host', 'student']);
    expect(a.canConfirmAs).toEqual(['student']);
    expect(a.earlierVersions).toEqual([]);

    const asTeacher = (await call(t.app, s.teacher, 'GET', `${url}/agreement`)).json<Agreement>();
    expect(asTeacher.canConfirmAs).toEqual(['school']);
    const asMentor = (await call(t.app, s.mentor, 'GET', `${url}/agreement`)).json<Agreement>();
    expect(asMentor.canConfirmAs).toEqual(['host']);
    const asSec = await call(t.app, s.sec, 'GET', `${url}/agreement`);
    expect(asSec.statusCode).toBe(200);
  });

  it('answers 401 without a session, 404 to another student and to another consortium', async () => {
    expectError(await call(t.app, null, 'GET', `${url}/agreement`), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, s.other, 'GET', `${url}/agreement`), 404, 'PLACEMENT_NOT_FOUND');
    expectError(await call(t.app, s.enterpriseB, 'GET', `${url}/agreement`), 404, 'CONSORTIUM_NOT_FOUND');
    expectError(await call(t.app, s.enterpriseB, 'GET', `${url}/agreement.pdf`), 404, 'CONSORTIUM_NOT_FOUND');
    expectError(await call(t.app, s.student, 'GET', `${url}/agreement?version=7`), 404, 'NOT_FOUND');
  });
});

describe('confirming it', () => {
  const confirm = (who: Session | null, body: unknown) =>
    call(t.app, who, 'POST', `${url}/agreement/confirm`, body);

  it('validates the body', async () => {
    expectError(
      await confirm(s.student, { party: 'guardian', contentHash: hash1 }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await confirm(s.student, { party: 'student', contentHash: 'abc' }), 400, 'VALIDATION_FAILED');
    expectError(await confirm(s.student, { party: 'student' }), 400, 'VALIDATION_FAILED');
    // a note on behalf is only for an external host
    expectError(
      await confirm(s.teacher, { party: 'school', contentHash: hash1, onBehalfNote: '纸质协议已盖章' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses the wrong caller: 401, 403 for the wrong side, 404 for strangers', async () => {
    expectError(await confirm(null, { party: 'student', contentHash: hash1 }), 401, 'UNAUTHENTICATED');
    expectError(await confirm(s.teacher, { party: 'host', contentHash: hash1 }), 403, 'FORBIDDEN');
    expectError(await confirm(s.teacher, { party: 'student', contentHash: hash1 }), 403, 'FORBIDDEN');
    expectError(await confirm(s.mentor, { party: 'school', contentHash: hash1 }), 403, 'FORBIDDEN');
    expectError(await confirm(s.other, { party: 'student', contentHash: hash1 }), 404, 'PLACEMENT_NOT_FOUND');
    expectError(
      await confirm(s.enterpriseB, { party: 'host', contentHash: hash1 }),
      404,
      'CONSORTIUM_NOT_FOUND',
    );
  });

  it('refuses a hash other than the version in force', async () => {
    const res = await confirm(s.student, { party: 'student', contentHash: 'f'.repeat(64) });
    expectError(res, 409, 'CONFLICT');
    expect(res.json<{ error: { message: string } }>().error.message).toContain(
      '协议内容已更新，请重新阅读后确认',
    );
  });

  it('records each party once, with who, when and the hash, and tells the others', async () => {
    const res = await confirm(s.student, { party: 'student', contentHash: hash1 });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<Agreement>();
    expect(a.confirmations).toEqual([
      expect.objectContaining({ party: 'student', userName: w.A.student.displayName, contentHash: hash1 }),
    ]);
    expect(a.canConfirmAs).toEqual([]);
    expectError(await confirm(s.student, { party: 'student', contentHash: hash1 }), 409, 'CONFLICT');

    expect((await confirm(s.teacher, { party: 'school', contentHash: hash1 })).statusCode).toBe(200);
    const last = await confirm(s.mentor, { party: 'host', contentHash: hash1 });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json<Agreement>()).toMatchObject({ complete: true, pending: [] });
    expect(await agreementState(t.db, w.A.c.id, placementId)).toMatchObject({
      version: 1,
      confirmed: ['school', 'host', 'student'],
      complete: true,
    });

    const audits = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.consortiumId, w.A.c.id),
          eq(auditLog.entity, 'agreement'),
          eq(auditLog.action, 'confirm'),
        ),
      );
    expect(audits.filter((x) => x.entityId === a.agreementId)).toHaveLength(3);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.consortiumId, w.A.c.id), eq(notifications.userId, w.A.student.id)));
    expect(told.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['agreement.confirmed', 'agreement.complete']),
    );
  });

  it('prints the PDF with the font embedded, the confirmations and the hash', async () => {
    const res = await call(t.app, s.student, 'GET', `${url}/agreement.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('三方协议-张喆-v1.pdf')}`,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(raw).toContain(`sha256:${hash1}`);
    if (hasPdftotext) {
      const text = pdfText(pdf);
      expect(text).toContain('张喆');
      expect(text).toContain(w.A.student.displayName);
      expect(text).not.toContain('待确认');
      expect(text).toContain(hash1.slice(0, 16));
    }
  });
});

describe('a change of the placement data', () => {
  it('makes a new version that needs all three confirmations again', async () => {
    await t.db
      .update(internshipPlacements)
      .set({ payAmount: 4200 })
      .where(and(eq(internshipPlacements.consortiumId, w.A.c.id), eq(internshipPlacements.id, placementId)));
    expect(await sync(placementId)).toEqual({ version: 2, changed: true });
    const state = await agreementState(t.db, w.A.c.id, placementId);
    expect(state).toMatchObject({ version: 2, confirmed: [], complete: false });
    expect(state!.contentHash).not.toBe(hash1);

    const a = (await call(t.app, s.student, 'GET', `${url}/agreement`)).json<Agreement>();
    expect(a).toMatchObject({ version: 2, current: true, confirmations: [], complete: false });
    expect(a.content.pay.amount).toBe(4200);
    expect(a.canConfirmAs).toEqual(['student']);
    expect(a.versions).toEqual([1, 2]);
    expect(a.earlierVersions).toEqual([1]);
    // the hash of the old version no longer confirms
    const stale = await call(t.app, s.student, 'POST', `${url}/agreement/confirm`, {
      party: 'student',
      contentHash: hash1,
    });
    expectError(stale, 409, 'CONFLICT');

    // the old version keeps its confirmations, for the record
    const v1 = (await call(t.app, s.teacher, 'GET', `${url}/agreement?version=1`)).json<Agreement>();
    expect(v1).toMatchObject({ version: 1, current: false, complete: true, canConfirmAs: [] });
    expect(v1.confirmations).toHaveLength(3);

    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.A.student.id), eq(notifications.kind, 'agreement.updated')));
    expect(told).toHaveLength(1);

    const pdf2 = await call(t.app, s.teacher, 'GET', `${url}/agreement.pdf`);
    expect(pdf2.statusCode).toBe(200);
    expect(String(pdf2.headers['content-disposition'])).toContain(encodeURIComponent('三方协议-张喆-v2.pdf'));
    const pdf1 = await call(t.app, s.teacher, 'GET', `${url}/agreement.pdf?version=1`);
    expect(pdf1.statusCode).toBe(200);
    expect(pdf1.rawPayload.toString('latin1')).toContain(`sha256:${hash1}`);
    if (hasPdftotext) expect(pdfText(pdf2.rawPayload)).toContain('待确认');
  });
});

describe('an external host', () => {
  let extUrl: string;
  let extHash: string;
  beforeAll(async () => {
    const [host] = await t.db
      .insert(internshipHosts)
      .values({ consortiumId: w.A.c.id, name: '园区外某精密公司', uscc: makeUscc(97_001) })
      .returning();
    const plan = await makePlan(t.db, w.A.c.id, w.A.school.id);
    const cand = await makeCandidate(t.db, w.A.c.id, w.A.school.id);
    const p = await makePlacement(t.db, plan, cand.id, w.A.enterprise.id, {
      hostKind: 'external',
      hostUnitId: null,
      externalHostId: host!.id,
    });
    await sync(p.id);
    extHash = (await agreementState(t.db, w.A.c.id, p.id))!.contentHash;
    extUrl = `/api/v1/consortia/${w.A.c.id}/internships/placements/${p.id}`;
  });

  it('is confirmed by school staff on the host’s behalf, with a note', async () => {
    const a = (await call(t.app, s.teacher, 'GET', `${extUrl}/agreement`)).json<Agreement>();
    expect(a.content.parties.host).toMatchObject({ kind: 'external', name: '园区外某精密公司' });
    expect(a.canConfirmAs).toEqual(['school', 'host']);
    // the member enterprise's mentor is no side of it
    expectError(await call(t.app, s.mentor, 'GET', `${extUrl}/agreement`), 404, 'PLACEMENT_NOT_FOUND');
    expectError(
      await call(t.app, s.teacher, 'POST', `${extUrl}/agreement/confirm`, {
        party: 'host',
        contentHash: extHash,
      }),
      400,
      'VALIDATION_FAILED',
    );
    const res = await call(t.app, s.teacher, 'POST', `${extUrl}/agreement/confirm`, {
      party: 'host',
      contentHash: extHash,
      onBehalfNote: '纸质协议已盖章，扫描件存档',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Agreement>().confirmations).toEqual([
      expect.objectContaining({ party: 'host', onBehalfNote: '纸质协议已盖章，扫描件存档' }),
    ]);
  });
});

describe('a placement no longer pending or active', () => {
  it('cannot be confirmed any more', async () => {
    await t.db
      .update(internshipPlacements)
      .set({ status: 'completed' })
      .where(and(eq(internshipPlacements.consortiumId, w.A.c.id), eq(internshipPlacements.id, placementId)));
    const state = await agreementState(t.db, w.A.c.id, placementId);
    const res = await call(t.app, s.student, 'POST', `${url}/agreement/confirm`, {
      party: 'student',
      contentHash: state!.contentHash,
    });
    expectError(res, 409, 'INVALID_TRANSITION');
    const a = (await call(t.app, s.student, 'GET', `${url}/agreement`)).json<Agreement>();
    expect(a.canConfirmAs).toEqual([]);
  });
});
