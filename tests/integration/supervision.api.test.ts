// Evidence-based supervision through the API: logs with artefacts (co-signed, returned and resubmitted,
// reviewed), anomaly flags (planted near-duplicates and a shared device found, clean data left alone,
// reviews with a note), assessments and the final grade, and the alerts with their daily sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  agreementConfirmations,
  auditLog,
  internshipAgreements,
  internshipFlags,
  internshipHosts,
  internshipLogs,
  internshipPlacements,
  memberUnits,
  notifications,
} from '../../server/db/schema/index.ts';
import { addDays } from '../../server/engine/supervision/index.ts';
import { notifyAlerts } from '../../server/modules/internships/supervision.ts';
import { today } from '../../server/modules/talent/talent.shared.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeCandidate,
  makePlacement,
  makePlan,
  makeUnit,
  makeUser,
  makeUscc,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let baseA: string;
let baseB: string;
let s: Record<'student' | 'mentor' | 'teacher' | 'sec' | 'otherMentor' | 'secB' | 'enterpriseAdmin', Session>;
let plan: Awaited<ReturnType<typeof makePlan>>;
let placement: Awaited<ReturnType<typeof makePlacement>>;
let studentCandidate: Awaited<ReturnType<typeof makeCandidate>>;
const d = (n: number) => addDays(today(), n);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('work photo'),
]);
const pdf = Buffer.from('%PDF-1.4 a drawing of the fixture');
const file = (name = '零件照片.png', data = png, contentType = 'image/png') => ({
  fileName: name,
  contentType,
  dataBase64: data.toString('base64'),
});

const logText = (topic: string) =>
  `本周在${topic}实习，跟随师傅学习了岗位的基本操作规程和安全注意事项，完成了师傅布置的练习任务，记录了遇到的问题和解决办法，下周继续巩固。`;

/** A call with extra headers (the device token). */
function send(
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const h: Record<string, string> = { ...headers };
  if (session) {
    h.cookie = session.cookie;
    if (method !== 'GET') h['x-csrf-token'] = session.csrf;
  }
  return t.app.inject({
    method,
    url,
    headers: h,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

type Log = {
  id: string;
  status: string;
  mentorNote: string | null;
  files: { id: string; sha256: string; size: number }[];
  actions: { edit: boolean; cosign: boolean; cosignOnBehalf: boolean; return: boolean; review: boolean };
};

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  const otherHost = await makeUnit(t.db, w.A.c.id, 'enterprise', '另一家企业');
  const otherMentor = await makeUser(t.db, [
    { roleCode: 'mentor', consortiumId: w.A.c.id, memberUnitId: otherHost.id },
  ]);
  s = {
    student: await login(t.app, w.A.student.username),
    mentor: await login(t.app, w.A.mentor.username),
    teacher: await login(t.app, w.A.teacher.username),
    sec: await login(t.app, w.A.secretariat.username),
    enterpriseAdmin: await login(t.app, w.A.enterpriseAdmin.username),
    otherMentor: await login(t.app, otherMentor.username),
    secB: await login(t.app, w.B.secretariat.username),
  };
  plan = await makePlan(t.db, w.A.c.id, w.A.school.id, {
    startDate: d(-60),
    endDate: d(120),
    logCadenceDays: 14,
  });
  studentCandidate = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
    userId: w.A.student.id,
    name: '张同学',
  });
  placement = await makePlacement(t.db, plan, studentCandidate.id, w.A.enterprise.id, {
    status: 'active',
    enterpriseMentorUserId: w.A.mentor.id,
  });
  baseA = `/api/v1/consortia/${w.A.c.id}/internships`;
  baseB = `/api/v1/consortia/${w.B.c.id}/internships`;
});
afterAll(async () => t.close());

describe('logs', () => {
  let first: Log;
  let second: Log;

  it('needs a session', async () => {
    expectError(
      await call(t.app, null, 'GET', `${baseA}/placements/${placement.id}/logs`),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await call(t.app, null, 'GET', `${baseA}/logs`), 401, 'UNAUTHENTICATED');
  });

  it('lets the student submit a log with a file, kept with its hash, IP and device', async () => {
    const res = await send(
      s.student,
      'POST',
      `${baseA}/placements/${placement.id}/logs`,
      {
        periodStart: d(-30),
        periodEnd: d(-17),
        content: `  ${logText('数控车间')}  `,
        files: [file(), file('图纸.pdf', pdf, 'application/pdf')],
      },
      { 'x-device-id': 'device-token-of-student' },
    );
    expect(res.statusCode, res.body).toBe(201);
    first = res.json<Log>();
    expect(first).toMatchObject({
      status: 'submitted',
      actions: { edit: true, cosign: false, review: false },
    });
    expect(first.files).toHaveLength(2);
    const photo = first.files.find((f) => f.size === png.length)!;
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.db.select().from(internshipLogs).where(eq(internshipLogs.id, first.id));
    expect(row!.content.startsWith('本周')).toBe(true);
    expect(row!.ip).toBeTruthy();
    expect(row!.deviceId).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.deviceId).not.toContain('device-token');
    expect(row!.signature).toHaveLength(120);
    // the download gives back the very bytes
    const dl = await call(t.app, s.mentor, 'GET', `${baseA}/logs/${first.id}/files/${photo.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.rawPayload.equals(png)).toBe(true);
    // the host's mentor is told
    const told = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, w.A.mentor.id), eq(notifications.kind, 'internship.log.submitted')),
      );
    expect(told.length).toBe(1);
  });

  it('refuses bad periods, short content and too many or false files', async () => {
    const url = `${baseA}/placements/${placement.id}/logs`;
    const ok = { periodStart: d(-16), periodEnd: d(-10), content: logText('装配车间') };
    const issue = async (body: object) => {
      const res = await call(t.app, s.student, 'POST', url, body);
      expectError(res, 400, 'VALIDATION_FAILED');
      return res.json<{ error: { details: { issues: { path: string; code: string }[] } } }>().error.details
        .issues;
    };
    expect((await issue({ ...ok, periodEnd: d(-20) }))[0]!.code).toBe('END_BEFORE_START');
    expect((await issue({ ...ok, periodStart: d(-70) })).map((i) => i.code)).toContain('OUTSIDE_PLACEMENT');
    expect((await issue({ ...ok, periodStart: d(-20) })).map((i) => i.code)).toEqual(['PERIOD_OVERLAP']);
    expect((await issue({ ...ok, periodStart: d(-45), periodEnd: d(-14) })).map((i) => i.code)).toContain(
      'PERIOD_TOO_LONG',
    );
    // days still to come cannot be logged (it would also silence the missing-log checks)
    expect((await issue({ ...ok, periodStart: d(-3), periodEnd: d(3) })).map((i) => i.code)).toContain(
      'FUTURE_PERIOD',
    );
    expect((await issue({ ...ok, content: '今天很好。'.repeat(2) }))[0]!.path).toBe('body.content');
    expect((await issue({ ...ok, files: Array.from({ length: 6 }, () => file()) }))[0]!.path).toBe(
      'body.files',
    );
    expect((await issue({ ...ok, files: [file('假.png', pdf)] }))[0]!.code).toBe('CONTENT_MISMATCH');
    expect((await issue({ ...ok, files: [{ ...file(), contentType: 'text/html' }] }))[0]!.path).toContain(
      'contentType',
    );
  });

  it('keeps the host and other schools to their side: 403 to co-sign as a teacher, 404 elsewhere', async () => {
    expectError(
      await call(t.app, s.teacher, 'POST', `${baseA}/logs/${first.id}/cosign`, {}),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s.student, 'POST', `${baseA}/logs/${first.id}/cosign`, {}),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s.mentor, 'POST', `${baseA}/logs/${first.id}/review`, {}),
      403,
      'FORBIDDEN',
    );
    // a mentor of another host does not see the placement at all
    expectError(
      await call(t.app, s.otherMentor, 'POST', `${baseA}/logs/${first.id}/cosign`, {}),
      404,
      'LOG_NOT_FOUND',
    );
    expectError(
      await call(t.app, s.otherMentor, 'GET', `${baseA}/placements/${placement.id}/logs`),
      404,
      'PLACEMENT_NOT_FOUND',
    );
    // another consortium
    expectError(await call(t.app, s.secB, 'GET', `${baseA}/logs/${first.id}`), 404, 'CONSORTIUM_NOT_FOUND');
    expectError(await call(t.app, s.secB, 'GET', `${baseB}/logs/${first.id}`), 404, 'LOG_NOT_FOUND');
    expectError(
      await call(t.app, s.secB, 'POST', `${baseB}/logs/${first.id}/review`, {}),
      404,
      'LOG_NOT_FOUND',
    );
  });

  it('goes submitted → co-signed (mentor) → reviewed (school)', async () => {
    const co = await call(t.app, s.mentor, 'POST', `${baseA}/logs/${first.id}/cosign`, { note: '表现认真' });
    expect(co.statusCode, co.body).toBe(200);
    expect(co.json<Log>()).toMatchObject({
      status: 'cosigned',
      mentorNote: '表现认真',
      cosignedOnBehalf: false,
    });
    expectError(
      await call(t.app, s.mentor, 'POST', `${baseA}/logs/${first.id}/cosign`, {}),
      409,
      'INVALID_TRANSITION',
    );
    expectError(
      await call(t.app, s.student, 'PATCH', `${baseA}/logs/${first.id}`, { content: logText('别处') }),
      409,
      'INVALID_TRANSITION',
    );
    const rev = await call(t.app, s.teacher, 'POST', `${baseA}/logs/${first.id}/review`);
    expect(rev.statusCode, rev.body).toBe(200);
    expect(rev.json<{ status: string; reviewedByName: string }>()).toMatchObject({ status: 'reviewed' });
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'internship_log'), eq(auditLog.entityId, first.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['cosign', 'review', 'submit']);
  });

  it('returns a log with a note; the student edits and resubmits it', async () => {
    const res = await call(t.app, s.student, 'POST', `${baseA}/placements/${placement.id}/logs`, {
      periodStart: d(-16),
      periodEnd: d(-3),
      content: logText('装配车间'),
      files: [file()],
    });
    expect(res.statusCode, res.body).toBe(201);
    second = res.json<Log>();
    expectError(
      await call(t.app, s.mentor, 'POST', `${baseA}/logs/${second.id}/return`, {}),
      400,
      'VALIDATION_FAILED',
    );
    const ret = await call(t.app, s.mentor, 'POST', `${baseA}/logs/${second.id}/return`, {
      note: '请补充具体工作内容',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json<Log>()).toMatchObject({ status: 'returned', mentorNote: '请补充具体工作内容' });
    const told = await t.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, w.A.student.id), eq(notifications.kind, 'internship.log.returned')),
      );
    expect(told).toHaveLength(1);

    const edit = await call(t.app, s.student, 'PATCH', `${baseA}/logs/${second.id}`, {
      content: `${logText('装配车间')}补充：本周装配了十二台减速器，学会了使用扭力扳手。`,
      removeFileIds: [second.files[0]!.id],
      addFiles: [file('报告.pdf', pdf, 'application/pdf')],
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const edited = edit.json<Log & { content: string }>();
    expect(edited.status).toBe('submitted');
    expect(edited.content).toContain('扭力扳手');
    expect(edited.files).toHaveLength(1);
    expect(
      (
        await call(t.app, s.student, 'PATCH', `${baseA}/logs/${second.id}`, {
          removeFileIds: [first.files[0]!.id],
        })
      ).statusCode,
    ).toBe(400);
    const co = await call(t.app, s.mentor, 'POST', `${baseA}/logs/${second.id}/cosign`, {});
    expect(co.json<Log>().status).toBe('cosigned');
  });

  it('lists the logs of a placement and the inbox of each side', async () => {
    const page = (
      await call(t.app, s.teacher, 'GET', `${baseA}/placements/${placement.id}/logs?sort=periodStart`)
    ).json<{ items: Log[]; total: number }>();
    expect(page.total).toBe(2);
    expect(page.items.map((l) => l.id)).toEqual([first.id, second.id]);
    const inbox = async (who: Session, q = '') =>
      (await call(t.app, who, 'GET', `${baseA}/logs${q}`)).json<{ items: Log[]; total: number }>();
    expect((await inbox(s.mentor)).total).toBe(2);
    expect((await inbox(s.mentor, '?status=cosigned')).items.map((l) => l.id)).toEqual([second.id]);
    expect((await inbox(s.otherMentor)).total).toBe(0);
    expect((await inbox(s.student)).total).toBe(2);
    expect((await inbox(s.sec, `?planId=${plan.id}`)).total).toBe(2);
    expect((await inbox(s.teacher, `?hostUnitId=${w.A.enterprise.id}`)).total).toBe(2);
  });

  it('only takes logs while the placement is active', async () => {
    const pending = await makePlacement(t.db, plan, studentCandidate.id, w.A.enterprise.id, {
      status: 'pending',
    });
    expectError(
      await call(t.app, s.student, 'POST', `${baseA}/placements/${pending.id}/logs`, {
        periodStart: d(-5),
        periodEnd: d(-1),
        content: logText('待定岗位'),
      }),
      409,
      'INVALID_TRANSITION',
    );
  });
});

describe('anomaly flags', () => {
  const students: { session: Session; placementId: string }[] = [];
  let secB: Session;
  let flagsUrl: string;
  const copied =
    '本周在数控车间跟随李师傅学习数控车床的操作规程。周一参加了车间的安全教育培训，了解了劳动防护用品的正确佩戴方法和紧急停机按钮的位置。' +
    '周二到周四在师傅指导下练习对刀、装夹工件和编写简单的加工程序，加工了三批轴类零件，其中第一批有两件尺寸超差，师傅帮我分析了原因是刀具磨损没有及时补偿。';
  const distinct = [
    '本周在酒店前厅部实习，主要学习前台接待流程。跟随主管学习了入住登记、退房结账和客史档案的维护，处理了一起客人对房型不满意的投诉。',
    '这两周在物流公司仓储部实习，学习了仓库管理系统的入库、出库和盘点操作。每天早上核对到货单与实物，发现一次供应商少发了两箱货物并及时上报。',
    '本周在汽车维修车间实习，协助师傅完成了五台车辆的常规保养，包括更换机油机滤、检查刹车片厚度和轮胎气压，学习了故障诊断仪的使用。',
  ];

  beforeAll(async () => {
    secB = s.secB;
    flagsUrl = `${baseB}/flags`;
    const planB = await makePlan(t.db, w.B.c.id, w.B.school.id, { startDate: d(-40), endDate: d(100) });
    for (let i = 0; i < 3; i++) {
      const user =
        i === 0
          ? w.B.student
          : await makeUser(t.db, [
              { roleCode: 'student', consortiumId: w.B.c.id, memberUnitId: w.B.school.id },
            ]);
      const cand = await makeCandidate(t.db, w.B.c.id, w.B.school.id, { userId: user.id });
      const p = await makePlacement(t.db, planB, cand.id, w.B.enterprise.id, { status: 'active' });
      students.push({ session: await login(t.app, user.username), placementId: p.id });
    }
  });

  const submit = (i: number, content: string, device: string, start: number) =>
    send(
      students[i]!.session,
      'POST',
      `${baseB}/placements/${students[i]!.placementId}/logs`,
      { periodStart: d(start), periodEnd: d(start + 6), content },
      { 'x-device-id': device },
    );

  it('raises nothing on clean data', async () => {
    for (let i = 0; i < 3; i++)
      expect((await submit(i, distinct[i]!, `own-device-${i}`, -14)).statusCode).toBe(201);
    const res = await call(t.app, secB, 'POST', `${flagsUrl}/detect`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      raised: { near_duplicate: 0, shared_device: 0, never_cosigned: 0, missing_logs: 0 },
      scannedLogs: 3,
    });
    expect(res.json<{ noticeZh: string }>().noticeZh).toContain('不是处分依据');
    expect(res.json<{ noticeEn: string }>().noticeEn).toContain('never grounds for a penalty');
    expect((await call(t.app, secB, 'GET', flagsUrl)).json<{ total: number }>().total).toBe(0);
  });

  it('finds planted near-duplicates across three students and their shared device', async () => {
    // the same text, lightly edited (dates, a word), sent from one phone
    const texts = [
      `2026年3月2日至3月8日，${copied}`,
      `2026年3月9日至3月15日，${copied}`,
      copied.replace('数控车床', '数控铣床').replace('三批', '四批'),
    ];
    for (let i = 0; i < 3; i++) expect((await submit(i, texts[i]!, 'shared-phone', -7)).statusCode).toBe(201);
    // raised right after the submissions
    type Flag = {
      id: string;
      kind: string;
      status: string;
      logId: string | null;
      placementId: string;
      summaryZh: string;
      summaryEn: string;
      noticeZh: string;
      details: { similarTo?: { similarity: number }[] };
    };
    const list = async (q = '') =>
      (await call(t.app, secB, 'GET', `${flagsUrl}${q}`)).json<{ items: Flag[]; total: number }>();
    const dup = await list('?kind=near_duplicate');
    expect(dup.total).toBe(3);
    for (const f of dup.items) {
      expect(f.details.similarTo).toHaveLength(2);
      expect(f.details.similarTo!.every((x) => x.similarity >= 0.8)).toBe(true);
      expect(f.noticeZh).toContain('不是处分依据');
      expect(f.summaryEn).toMatch(
        /^This log closely resembles the logs of 2 other students \(highest similarity \d+%\)/,
      );
    }
    const device = await list('?kind=shared_device');
    expect(device.items[0]!.summaryEn).toBe(
      'One device submitted the logs of 3 students: someone may be submitting for others',
    );
    expect((await list('?kind=shared_device')).total).toBe(3);

    // the full run finds them too, from stored data alone (signatures recomputed when missing)
    await t.db.delete(internshipFlags).where(eq(internshipFlags.consortiumId, w.B.c.id));
    await t.db
      .update(internshipLogs)
      .set({ signature: null })
      .where(eq(internshipLogs.consortiumId, w.B.c.id));
    const run = await call(t.app, secB, 'POST', `${flagsUrl}/detect`, {});
    expect(run.json()).toMatchObject({
      raised: { near_duplicate: 3, shared_device: 3, never_cosigned: 0, missing_logs: 0 },
    });
    expect((await call(t.app, secB, 'POST', `${flagsUrl}/detect`)).json()).toMatchObject({
      raised: { near_duplicate: 0, shared_device: 0 },
    });
  });

  it('flags logs never co-signed and placements whose logs stopped', async () => {
    const planB = await makePlan(t.db, w.B.c.id, w.B.school.id, { startDate: d(-60), endDate: d(60) });
    const cand = await makeCandidate(t.db, w.B.c.id, w.B.school.id);
    const silent = await makePlacement(t.db, planB, cand.id, w.B.enterprise.id, { status: 'active' });
    for (const [start, submitted] of [
      [-60, -40],
      [-46, -30],
    ] as const) {
      await t.db.insert(internshipLogs).values({
        consortiumId: w.B.c.id,
        placementId: silent.id,
        periodStart: d(start),
        periodEnd: d(start + 13),
        content: `一份从未被企业导师会签的实习日志，记录了本阶段的岗位学习情况（起始于第 ${start} 天）。`,
        submittedAt: new Date(`${d(submitted)}T10:00:00+08:00`),
      });
    }
    const run = (await call(t.app, secB, 'POST', `${flagsUrl}/detect`, {})).json<{
      raised: Record<string, number>;
    }>();
    expect(run.raised).toMatchObject({ never_cosigned: 1, missing_logs: 1 });
    const missing = (await call(t.app, secB, 'GET', `${flagsUrl}?kind=missing_logs`)).json<{
      items: { placementId: string; summaryZh: string; summaryEn: string }[];
    }>();
    expect(missing.items[0]).toMatchObject({ placementId: silent.id });
    expect(missing.items[0]!.summaryZh).toContain(d(-33));
    expect(missing.items[0]!.summaryEn).toContain(`since ${d(-33)}`);
  });

  it('is reviewed by people, with a note; a dismissed flag is not raised again', async () => {
    const [flag] = (await call(t.app, secB, 'GET', `${flagsUrl}?kind=shared_device`)).json<{
      items: { id: string }[];
    }>().items;
    const url = `${flagsUrl}/${flag!.id}/review`;
    expectError(await call(t.app, secB, 'POST', url, { status: 'dismissed' }), 400, 'VALIDATION_FAILED');
    expectError(
      await call(t.app, secB, 'POST', url, { status: 'dismissed', note: '  ' }),
      400,
      'VALIDATION_FAILED',
    );
    // the host's mentor sees the flag but does not close it; students never see flags
    const mentorB = await login(t.app, w.B.mentor.username);
    expect((await call(t.app, mentorB, 'GET', flagsUrl)).json<{ total: number }>().total).toBeGreaterThan(0);
    expectError(
      await call(t.app, mentorB, 'POST', url, { status: 'dismissed', note: '核实' }),
      403,
      'FORBIDDEN',
    );
    expectError(await call(t.app, students[0]!.session, 'GET', flagsUrl), 403, 'FORBIDDEN');
    expectError(
      await call(t.app, s.sec, 'POST', `${baseA}/flags/${flag!.id}/review`, {
        status: 'dismissed',
        note: 'x',
      }),
      404,
      'FLAG_NOT_FOUND',
    );
    const ok = await call(t.app, secB, 'POST', url, {
      status: 'dismissed',
      note: '同一宿舍共用一台手机，已核实日志为本人所写',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'dismissed', reviewNote: expect.stringContaining('本人所写') });
    expectError(
      await call(t.app, secB, 'POST', url, { status: 'confirmed', note: '再看' }),
      409,
      'INVALID_TRANSITION',
    );
    await call(t.app, secB, 'POST', `${flagsUrl}/detect`, {});
    const [after] = await t.db.select().from(internshipFlags).where(eq(internshipFlags.id, flag!.id));
    expect(after!.status).toBe('dismissed');
    // detection is for school staff and the secretariat
    expectError(await call(t.app, mentorB, 'POST', `${flagsUrl}/detect`, {}), 403, 'FORBIDDEN');
    expectError(await call(t.app, students[0]!.session, 'POST', `${flagsUrl}/detect`, {}), 403, 'FORBIDDEN');
  });
});

describe('assessments', () => {
  const url = () => `${baseA}/placements/${placement.id}/assessments`;
  type Assessments = {
    assessments: { role: string; total: number }[];
    finalScore: number | null;
    finalGrade: string | null;
  };

  it('needs every rubric key, each 0–100, and the right side', async () => {
    const res = await call(t.app, s.mentor, 'PUT', `${url()}/enterprise_mentor`, { scores: { skill: 90 } });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(
      res.json<{ error: { details: { issues: { path: string; code: string }[] } } }>().error.details.issues,
    ).toEqual([expect.objectContaining({ path: 'body.scores.attitude', code: 'MISSING_KEY' })]);
    const extra = await call(t.app, s.mentor, 'PUT', `${url()}/enterprise_mentor`, {
      scores: { skill: 90, attitude: 80, charm: 100 },
    });
    expectError(extra, 400, 'VALIDATION_FAILED');
    expect(extra.body).toContain('body.scores.charm');
    expectError(
      await call(t.app, s.teacher, 'PUT', `${url()}/enterprise_mentor`, {
        scores: { skill: 90, attitude: 80 },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s.mentor, 'PUT', `${url()}/school_mentor`, { scores: { skill: 90, attitude: 80 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s.mentor, 'PUT', `${url()}/boss`, { scores: {} }),
      400,
      'VALIDATION_FAILED',
    );
    // a member host's mentor assesses in person: no note on behalf
    expectError(
      await call(t.app, s.mentor, 'PUT', `${url()}/enterprise_mentor`, {
        scores: { skill: 90, attitude: 80 },
        onBehalfNote: '代填',
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('computes the final score and grade once both mentors have assessed', async () => {
    const ent = await call(t.app, s.mentor, 'PUT', `${url()}/enterprise_mentor`, {
      scores: { skill: 90, attitude: 80 },
      comment: '动手能力强',
    });
    expect(ent.statusCode, ent.body).toBe(200);
    expect(ent.json<Assessments>()).toMatchObject({
      finalScore: null,
      assessments: [{ role: 'enterprise_mentor', total: 86 }],
    });
    const sch = await call(t.app, s.teacher, 'PUT', `${url()}/school_mentor`, {
      scores: { skill: 95, attitude: 90 },
    });
    expect(sch.json<Assessments>()).toMatchObject({ finalScore: 89.5, finalGrade: '良好' });
    // a second assessment replaces the first and the grade follows
    const again = await call(t.app, s.teacher, 'PUT', `${url()}/school_mentor`, {
      scores: { skill: 100, attitude: 100 },
    });
    expect(again.json<Assessments>()).toMatchObject({ finalScore: 93, finalGrade: '优秀' });
    const [row] = await t.db
      .select()
      .from(internshipPlacements)
      .where(eq(internshipPlacements.id, placement.id));
    expect(row).toMatchObject({ finalScore: 93, finalGrade: '优秀' });
  });

  it("takes the student's rating of the host, hidden from the host's staff, and sums ratings per host", async () => {
    expectError(
      await call(t.app, s.student, 'PUT', `${url()}/student`, {
        scores: { overall: 6, guidance: 4, safety: 5, learning: 4 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const res = await call(t.app, s.student, 'PUT', `${url()}/student`, {
      scores: { overall: 5, guidance: 4, safety: 5, learning: 4 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Assessments>().assessments.find((a) => a.role === 'student')!.total).toBe(4.5);
    const seenByHost = (await call(t.app, s.mentor, 'GET', url())).json<Assessments>();
    expect(seenByHost.assessments.map((a) => a.role)).not.toContain('student');
    const ratings = (await call(t.app, s.sec, 'GET', `${baseA}/hosts/ratings`)).json<{
      items: { hostUnitId: string; ratings: number; mean: { overall: number; guidance: number } }[];
    }>();
    expect(ratings.items).toEqual([
      expect.objectContaining({
        hostUnitId: w.A.enterprise.id,
        ratings: 1,
        mean: expect.objectContaining({ overall: 5, guidance: 4 }),
      }),
    ]);
    expect(
      (await call(t.app, s.teacher, 'GET', `${baseA}/hosts/ratings`)).json<{ total: number }>().total,
    ).toBe(1);
    expectError(await call(t.app, s.student, 'GET', `${baseA}/hosts/ratings`), 403, 'FORBIDDEN');
  });

  it('only assesses active or completed placements', async () => {
    const cand = await makeCandidate(t.db, w.A.c.id, w.A.school.id);
    const pending = await makePlacement(t.db, plan, cand.id, w.A.enterprise.id, { status: 'pending' });
    expectError(
      await call(t.app, s.mentor, 'PUT', `${baseA}/placements/${pending.id}/assessments/enterprise_mentor`, {
        scores: { skill: 90, attitude: 80 },
      }),
      409,
      'INVALID_TRANSITION',
    );
  });
});

describe('logs at an external host', () => {
  // its mentor has no account: school staff record the co-signature, saying on what
  let log: Log;
  let extStudent: Session;
  let extPlacement: Awaited<ReturnType<typeof makePlacement>>;

  beforeAll(async () => {
    const [host] = await t.db
      .insert(internshipHosts)
      .values({
        consortiumId: w.A.c.id,
        name: '园区外某精密公司',
        uscc: makeUscc(97_002),
        employeeCount: 200,
      })
      .returning();
    const user = await makeUser(t.db, [
      { roleCode: 'student', consortiumId: w.A.c.id, memberUnitId: w.A.school.id },
    ]);
    const cand = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { userId: user.id, name: '李同学' });
    const p = (extPlacement = await makePlacement(t.db, plan, cand.id, w.A.enterprise.id, {
      status: 'active',
      hostKind: 'external',
      hostUnitId: null,
      externalHostId: host!.id,
    }));
    extStudent = await login(t.app, user.username);
    const res = await call(t.app, extStudent, 'POST', `${baseA}/placements/${p.id}/logs`, {
      periodStart: d(-14),
      periodEnd: d(-1),
      content: logText('园区外的精密车间'),
    });
    expect(res.statusCode, res.body).toBe(201);
    log = res.json<Log>();
  });

  it('offers school staff to record the co-signature, and nobody else', async () => {
    const seen = (await call(t.app, s.teacher, 'GET', `${baseA}/logs/${log.id}`)).json<Log>();
    expect(seen.actions).toMatchObject({ cosign: true, cosignOnBehalf: true, return: false, review: true });
    expect(log.actions).toMatchObject({ cosign: false, cosignOnBehalf: false });
    expectError(
      await call(t.app, extStudent, 'POST', `${baseA}/logs/${log.id}/cosign`, { note: '导师已签字' }),
      403,
      'FORBIDDEN',
    );
    // the member enterprise's mentor is no side of it
    expectError(
      await call(t.app, s.mentor, 'POST', `${baseA}/logs/${log.id}/cosign`, { note: '导师已签字' }),
      404,
      'LOG_NOT_FOUND',
    );
  });

  it('needs a note on what the school saw, then records it as on the host’s behalf', async () => {
    const bare = await call(t.app, s.teacher, 'POST', `${baseA}/logs/${log.id}/cosign`, {});
    expectError(bare, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bare.json())).toContain('body.note');
    expect((await call(t.app, s.teacher, 'GET', `${baseA}/logs/${log.id}`)).json<Log>().status).toBe(
      'submitted',
    );
    const note = '导师王某已于纸质日志上签字，扫描件存档';
    const co = await call(t.app, s.teacher, 'POST', `${baseA}/logs/${log.id}/cosign`, { note });
    expect(co.statusCode, co.body).toBe(200);
    expect(co.json()).toMatchObject({ status: 'cosigned', mentorNote: note, cosignedOnBehalf: true });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, log.id), eq(auditLog.action, 'cosign')));
    expect(audit!.after).toMatchObject({ status: 'cosigned', note, onBehalf: true });
  });

  it("has its mentor's scores recorded by school staff, saying from what; the final grade follows", async () => {
    const url = `${baseA}/placements/${extPlacement.id}/assessments`;
    const scores = { skill: 80, attitude: 90 };
    const bare = await call(t.app, s.teacher, 'PUT', `${url}/enterprise_mentor`, { scores });
    expectError(bare, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bare.json())).toContain('body.onBehalfNote');
    // the member enterprise's mentor is no side of it
    expectError(
      await call(t.app, s.mentor, 'PUT', `${url}/enterprise_mentor`, { scores, onBehalfNote: '纸质评分表' }),
      404,
      'PLACEMENT_NOT_FOUND',
    );
    const onBehalfNote = '企业导师签字的纸质评分表已扫描存档';
    const ent = await call(t.app, s.teacher, 'PUT', `${url}/enterprise_mentor`, { scores, onBehalfNote });
    expect(ent.statusCode, ent.body).toBe(200);
    expect(ent.json()).toMatchObject({
      finalScore: null,
      assessments: [{ role: 'enterprise_mentor', total: 84, onBehalfNote }],
    });
    // a note on behalf is only for an external host's mentor
    expectError(
      await call(t.app, s.teacher, 'PUT', `${url}/school_mentor`, { scores, onBehalfNote }),
      400,
      'VALIDATION_FAILED',
    );
    const sch = await call(t.app, s.teacher, 'PUT', `${url}/school_mentor`, {
      scores: { skill: 90, attitude: 90 },
    });
    expect(sch.json()).toMatchObject({
      finalScore: 87,
      finalGrade: '良好',
      assessments: [{ role: 'enterprise_mentor' }, { role: 'school_mentor', onBehalfNote: null }],
    });
  });
});

describe('alerts', () => {
  type Alert = {
    kind: string;
    severity: string;
    placementId: string | null;
    host: { unitId: string | null } | null;
    messageZh: string;
    messageEn: string;
    numbers: Record<string, unknown>;
  };
  let insured: string;
  let unsigned: string;
  let signed: string;
  let busyHost: string;
  let roomyHost: string;

  beforeAll(async () => {
    const mk = async (
      over: Partial<typeof internshipPlacements.$inferInsert>,
      host = w.A.enterprise.id,
      own = false,
    ) => {
      const cand = own ? studentCandidate : await makeCandidate(t.db, w.A.c.id, w.A.school.id);
      return (await makePlacement(t.db, plan, cand.id, host, over)).id;
    };
    insured = await mk({ status: 'active', startDate: d(-10), insuranceEnd: d(10) }, w.A.enterprise.id, true);
    unsigned = await mk({ status: 'pending', startDate: d(5) });
    signed = await mk({ status: 'pending', startDate: d(5) });
    const [agreement] = await t.db
      .insert(internshipAgreements)
      .values({ consortiumId: w.A.c.id, placementId: signed, version: 1, content: {}, contentHash: 'h1' })
      .returning();
    for (const party of ['school', 'host', 'student'] as const) {
      await t.db.insert(agreementConfirmations).values({
        consortiumId: w.A.c.id,
        agreementId: agreement!.id,
        party,
        userId: w.A.secretariat.id,
        userName: '确认人',
        contentHash: 'h1',
      });
    }
    // 30 employees: a cap of 3, and 3 interns overlapping next month; 100 employees: no alert
    busyHost = (await makeUnit(t.db, w.A.c.id, 'enterprise', '繁忙企业')).id;
    roomyHost = (await makeUnit(t.db, w.A.c.id, 'enterprise', '宽裕企业')).id;
    await t.db.update(memberUnits).set({ employeeCount: 30 }).where(eq(memberUnits.id, busyHost));
    await t.db.update(memberUnits).set({ employeeCount: 100 }).where(eq(memberUnits.id, roomyHost));
    for (const host of [busyHost, roomyHost]) {
      await mk({ status: 'active', startDate: d(-20), endDate: d(60) }, host);
      await mk({ status: 'pending', startDate: d(20), endDate: d(80) }, host);
      await mk({ status: 'pending', startDate: d(30), endDate: d(90) }, host);
      await mk({ status: 'cancelled', startDate: d(30), endDate: d(90) }, host);
      await mk({ status: 'terminated', startDate: d(-20), endDate: d(90), terminatedOn: d(-1) }, host);
    }
  });

  const alerts = async (who: Session, q = '') => {
    const res = await call(t.app, who, 'GET', `${baseA}/alerts${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Alert[]; total: number; asOf: string }>();
  };

  it('warns of insurance running out, agreements unconfirmed near the start and hosts near their cap', async () => {
    const all = await alerts(s.sec, '?pageSize=200');
    expect(all.asOf).toBe(today());
    const ins = all.items.find((a) => a.kind === 'insurance_expiring' && a.placementId === insured);
    expect(ins).toMatchObject({ severity: 'warn', numbers: { daysLeft: 10, insuranceEnd: d(10) } });
    expect(ins!.messageZh).toContain('还剩 10 天');
    expect(ins!.messageEn).toContain(`expires on ${d(10)} (in 10 days)`);
    const agr = all.items.find((a) => a.kind === 'agreement_unconfirmed' && a.placementId === unsigned);
    expect(agr).toMatchObject({
      severity: 'warn',
      numbers: { daysToStart: 5, missing: 'school,host,student' },
    });
    expect(agr!.messageEn).toContain('waiting for: school, host, student); the internship starts in 5 days');
    expect(all.items.some((a) => a.placementId === signed && a.kind === 'agreement_unconfirmed')).toBe(false);
    const caps = all.items.filter((a) => a.kind === 'cap_near_limit');
    expect(caps.map((a) => a.host!.unitId)).toContain(busyHost);
    expect(caps.map((a) => a.host!.unitId)).not.toContain(roomyHost);
    expect(caps.find((a) => a.host!.unitId === busyHost)).toMatchObject({
      severity: 'warn',
      numbers: { peak: 3, cap: 3, employees: 30, peakOn: d(30) },
    });
    const busy = caps.find((a) => a.host!.unitId === busyHost)!;
    expect(busy.messageZh).toContain('接近上限 3 人（在岗职工 30 人的 10%）');
    expect(busy.messageEn).toBe(
      `From ${d(30)}, 繁忙企业 will have 3 position interns, close to its cap of 3 (10% of its 30 employees)`,
    );
    expect(
      (await alerts(s.sec, '?kind=cap_near_limit')).items.every((a) => a.kind === 'cap_near_limit'),
    ).toBe(true);
  });

  it('shows each side its own: a student their placements, no host caps', async () => {
    const mine = await alerts(s.student);
    expect(mine.items.some((a) => a.placementId === insured)).toBe(true);
    expect(mine.items.some((a) => a.placementId === unsigned)).toBe(false);
    expect(mine.items.some((a) => a.kind === 'cap_near_limit')).toBe(false);
    expect((await alerts(s.otherMentor)).total).toBe(0);
    expectError(await call(t.app, s.secB, 'GET', `${baseA}/alerts`), 404, 'CONSORTIUM_NOT_FOUND');
    expectError(await call(t.app, null, 'GET', `${baseA}/alerts`), 401, 'UNAUTHENTICATED');
  });

  it('notifies each alert once a day', async () => {
    const first = await notifyAlerts(t.db);
    expect(first.notified).toBeGreaterThan(0);
    const again = await notifyAlerts(t.db);
    expect(again).toMatchObject({ alerts: first.alerts, notified: 0 });
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'alert.insurance_expiring'),
          eq(notifications.link, `/internships/placements/${insured}`),
        ),
      );
    expect(row!.n).toBeGreaterThan(0);
  });
});
