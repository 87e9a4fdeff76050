// Postings and applications through the API: vetting decides what students see; enterprises see and
// change only their own postings and applicants; every application transition is recorded and notified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applications, postings, statusEvents } from '../../server/db/schema/index.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeCandidate,
  makeUnit,
  makeUser,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let s: Record<'sec' | 'ent' | 'ent2' | 'student' | 'school' | 'teacher' | 'mentor', Session>;
let otherEnterprise: { id: string };
let base: string;

const posting = (over: Record<string, unknown> = {}) => ({
  unitId: w.A.enterprise.id,
  kind: 'job',
  title: '数控车床操作工',
  headcount: 3,
  deadline: '2099-12-31',
  requirements: '熟悉数控车床，负责工业机器人运维与点检',
  skills: ['G代码'],
  payMin: 5000,
  payMax: 7000,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  otherEnterprise = await makeUnit(t.db, w.A.c.id, 'enterprise', '另一家企业');
  const ent2 = await makeUser(t.db, [
    { roleCode: 'unit_admin', consortiumId: w.A.c.id, memberUnitId: otherEnterprise.id },
  ]);
  await makeCandidate(t.db, w.A.c.id, w.A.school.id, { userId: w.A.student.id, name: '测试学生' });
  s = {
    sec: await login(t.app, w.A.secretariat.username),
    ent: await login(t.app, w.A.enterpriseAdmin.username),
    ent2: await login(t.app, ent2.username),
    student: await login(t.app, w.A.student.username),
    school: await login(t.app, w.A.schoolAdmin.username),
    teacher: await login(t.app, w.A.teacher.username),
    mentor: await login(t.app, w.A.mentor.username),
  };
  base = `/api/v1/consortia/${w.A.c.id}`;
});
afterAll(async () => t.close());

describe('postings', () => {
  it('are invisible to students until vetted, then found by 2-character and long terms', async () => {
    const created = await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ submit: true }));
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json<{ id: string; status: string }>();
    expect(p.status).toBe('pending');

    const studentSearch = async (q: string) =>
      (await call(t.app, s.student, 'GET', `${base}/postings?q=${encodeURIComponent(q)}`)).json<{
        total: number;
      }>();
    expect((await studentSearch('数控')).total).toBe(0);
    expectError(await call(t.app, s.student, 'GET', `${base}/postings/${p.id}`), 404, 'POSTING_NOT_FOUND');
    // another enterprise does not see it either, nor may it touch it
    expectError(await call(t.app, s.ent2, 'GET', `${base}/postings/${p.id}`), 404, 'POSTING_NOT_FOUND');
    expectError(
      await call(t.app, s.ent2, 'PATCH', `${base}/postings/${p.id}`, { title: '抢走' }),
      404,
      'POSTING_NOT_FOUND',
    );
    // the secretariat is told, and vets
    const notes = (await call(t.app, s.sec, 'GET', '/api/v1/notifications')).json<{ unread: number }>();
    expect(notes.unread).toBeGreaterThan(0);
    expectError(
      await call(t.app, s.ent, 'POST', `${base}/postings/${p.id}/actions`, { action: 'approve' }),
      403,
      'FORBIDDEN',
    );
    const approved = await call(t.app, s.sec, 'POST', `${base}/postings/${p.id}/actions`, {
      action: 'approve',
    });
    expect(approved.json<{ status: string }>().status).toBe('published');

    expect((await studentSearch('数控')).total).toBe(1);
    expect((await studentSearch('工业机器人运维')).total).toBe(1);
    expect((await studentSearch('运维 数控')).total).toBe(1);
    expect((await studentSearch('焊接')).total).toBe(0);
    // published: another enterprise may read it, still not edit it
    expect((await call(t.app, s.ent2, 'GET', `${base}/postings/${p.id}`)).statusCode).toBe(200);
    expectError(
      await call(t.app, s.ent2, 'PATCH', `${base}/postings/${p.id}`, { title: '改名' }),
      403,
      'FORBIDDEN',
    );
  });

  it('a published posting edited by its enterprise goes back to vetting', async () => {
    const p = (
      await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ title: '质检员', submit: true }))
    ).json<{
      id: string;
    }>();
    await call(t.app, s.sec, 'POST', `${base}/postings/${p.id}/actions`, { action: 'approve' });
    const edited = await call(t.app, s.ent, 'PATCH', `${base}/postings/${p.id}`, { headcount: 5 });
    expect(edited.json<{ status: string }>().status).toBe('pending');
    const detail = (await call(t.app, s.ent, 'GET', `${base}/postings/${p.id}`)).json<{
      history: { from: string | null; to: string }[];
    }>();
    expect(detail.history.map((h) => h.to)).toEqual(['pending', 'published', 'pending']);
  });

  it('rejection needs a reason, which the enterprise sees', async () => {
    const p = (
      await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ title: '装配工', submit: true }))
    ).json<{
      id: string;
    }>();
    expectError(
      await call(t.app, s.sec, 'POST', `${base}/postings/${p.id}/actions`, { action: 'reject' }),
      400,
      'VALIDATION_FAILED',
    );
    await call(t.app, s.sec, 'POST', `${base}/postings/${p.id}/actions`, {
      action: 'reject',
      reason: '薪资不明',
    });
    const seen = (await call(t.app, s.ent, 'GET', `${base}/postings/${p.id}`)).json<{
      rejectReason: string;
    }>();
    expect(seen.rejectReason).toBe('薪资不明');
  });

  it('only current member enterprises post, with valid fields', async () => {
    const before = await t.db.$count(postings);
    // a school admin holds posting.write for a school, which is not an enterprise
    expectError(
      await call(t.app, s.school, 'POST', `${base}/postings`, posting({ unitId: w.A.school.id })),
      403,
      'FORBIDDEN',
    );
    expectError(await call(t.app, s.ent2, 'POST', `${base}/postings`, posting()), 403, 'FORBIDDEN');
    const bad = await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ payMin: 8000, payMax: 6000 }));
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().error.details.issues[0].path).toBe('body.payMax');
    const past = await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ deadline: '2020-01-01' }));
    expect(past.json().error.details.issues[0].code).toBe('IN_PAST');
    expectError(
      await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ headcount: 0 })),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await call(t.app, null, 'POST', `${base}/postings`, posting()), 401, 'UNAUTHENTICATED');
    expect(await t.db.$count(postings)).toBe(before);
  });

  it('close at their deadline', async () => {
    const [p] = await t.db
      .insert(postings)
      .values({
        consortiumId: w.A.c.id,
        unitId: w.A.enterprise.id,
        kind: 'job',
        title: '过期岗位',
        headcount: 1,
        deadline: '2020-01-01',
        status: 'published',
        vettedAt: new Date(),
      })
      .returning();
    const { closeExpiredPostings } = await import('../../server/modules/talent/postings.service.ts');
    expect(await closeExpiredPostings(t.db)).toBeGreaterThanOrEqual(1);
    const [after] = await t.db.select().from(postings).where(eq(postings.id, p!.id));
    expect(after!.status).toBe('closed');
    const [ev] = await t.db.select().from(statusEvents).where(eq(statusEvents.entityId, p!.id));
    expect(ev!.actorName).toBe('system');
  });
});

describe('applications', () => {
  let postingId: string;
  beforeAll(async () => {
    const p = (
      await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ title: '机器人运维', submit: true }))
    ).json<{
      id: string;
    }>();
    await call(t.app, s.sec, 'POST', `${base}/postings/${p.id}/actions`, { action: 'approve' });
    postingId = p.id;
  });

  it('run apply → shortlist → interview → offer → accept, each step recorded and notified', async () => {
    const applied = await call(t.app, s.student, 'POST', `${base}/applications`, {
      postingId,
      coverNote: '你好',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const a = applied.json<{ id: string; candidate: Record<string, unknown> }>();
    expect(a.candidate).not.toHaveProperty('idCard');
    expectError(
      await call(t.app, s.student, 'POST', `${base}/applications`, { postingId }),
      409,
      'ALREADY_APPLIED',
    );

    // the enterprise was told
    const entNotes = (await call(t.app, s.ent, 'GET', '/api/v1/notifications?unread=true')).json<{
      items: { kind: string; link: string }[];
    }>();
    expect(
      entNotes.items.some((n) => n.kind === 'application.new' && n.link === `/applications/${a.id}`),
    ).toBe(true);

    // the student cannot act for the enterprise; the enterprise cannot accept for the student
    expectError(
      await call(t.app, s.student, 'POST', `${base}/applications/${a.id}/actions`, { action: 'offer' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s.ent, 'POST', `${base}/applications/${a.id}/actions`, { action: 'interview' }),
      400,
      'VALIDATION_FAILED',
    );
    for (const body of [
      { action: 'shortlist' },
      { action: 'interview', interviewAt: '2099-01-05T10:00:00+08:00', interviewPlace: '一号楼' },
      { action: 'offer', note: '欢迎加入' },
    ]) {
      const r = await call(t.app, s.ent, 'POST', `${base}/applications/${a.id}/actions`, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    expectError(
      await call(t.app, s.ent, 'POST', `${base}/applications/${a.id}/actions`, { action: 'shortlist' }),
      409,
      'INVALID_TRANSITION',
    );
    const stuNotes = (await call(t.app, s.student, 'GET', '/api/v1/notifications')).json<{
      items: { kind: string }[];
      unread: number;
    }>();
    expect(stuNotes.items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['application.shortlisted', 'application.interviewing', 'application.offered']),
    );
    const accepted = await call(t.app, s.student, 'POST', `${base}/applications/${a.id}/actions`, {
      action: 'accept',
    });
    expect(accepted.json<{ status: string }>().status).toBe('accepted');

    const detail = (await call(t.app, s.student, 'GET', `${base}/applications/${a.id}`)).json<{
      history: { from: string | null; to: string; actorName: string; at: string; data: unknown }[];
    }>();
    expect(detail.history.map((h) => h.to)).toEqual([
      'applied',
      'shortlisted',
      'interviewing',
      'offered',
      'accepted',
    ]);
    expect(detail.history[2]!.data).toMatchObject({ interviewPlace: '一号楼' });
    expect(detail.history.every((h) => h.actorName && h.at)).toBe(true);

    // marking read
    const read = await call(t.app, s.student, 'POST', '/api/v1/notifications/read', {});
    expect(read.json<{ updated: number }>().updated).toBe(stuNotes.unread);
  });

  it('are seen by the applicant, the posting enterprise and the school — not by another enterprise', async () => {
    const [a] = await t.db
      .select()
      .from(applications)
      .where(and(eq(applications.consortiumId, w.A.c.id), eq(applications.postingId, postingId)));
    for (const who of [s.student, s.ent, s.mentor, s.school, s.teacher, s.sec]) {
      expect((await call(t.app, who, 'GET', `${base}/applications/${a!.id}`)).statusCode).toBe(200);
    }
    expectError(
      await call(t.app, s.ent2, 'GET', `${base}/applications/${a!.id}`),
      404,
      'APPLICATION_NOT_FOUND',
    );
    const list = (await call(t.app, s.ent2, 'GET', `${base}/applications?postingId=${postingId}`)).json<{
      total: number;
    }>();
    expect(list.total).toBe(0);
    expectError(
      await call(t.app, s.ent2, 'POST', `${base}/applications/${a!.id}/actions`, { action: 'reject' }),
      404,
      'APPLICATION_NOT_FOUND',
    );
    const own = (await call(t.app, s.ent, 'GET', `${base}/applications?postingId=${postingId}`)).json<{
      total: number;
    }>();
    expect(own.total).toBe(1);
  });

  it('are refused for postings that are not open, and for users without a candidate profile', async () => {
    const draft = (
      await call(t.app, s.ent, 'POST', `${base}/postings`, posting({ title: '草稿岗位' }))
    ).json<{ id: string }>();
    expectError(
      await call(t.app, s.student, 'POST', `${base}/applications`, { postingId: draft.id }),
      404,
      'POSTING_NOT_FOUND',
    );
    expectError(
      await call(t.app, s.teacher, 'POST', `${base}/applications`, { postingId }),
      403,
      'FORBIDDEN',
    );
  });
});
