// Internship plans and placements through the API: the rules enforced on every save with the rule named,
// the host cap counted across schools and over time (also under concurrent saves), the explainable check,
// re-evaluation when a host's employee count or a rule's setting changes, the start gate, permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, internshipPlacements, memberUnits } from '../../server/db/schema/index.ts';
import { today } from '../../server/modules/talent/talent.shared.ts';
import { addDays } from '../../server/engine/compliance/index.ts';
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
let sec: Session;
let school: Session;
let school2: Session;
let enterprise: Session;
let studentS: Session;
let base: string;
let planId: string;
let plan2Id: string;
let hostId: string;
const students: string[] = [];
const students2: string[] = [];
const start = today();
const end = addDays(start, 120);

type Finding = { ruleId: string; severity: string; messageZh: string; facts: Record<string, unknown> };
type Placement = {
  id: string;
  status: string;
  findings: Finding[];
  agreement: { contentHash: string } | null;
};

function placement(candidateId: string, over: Record<string, unknown> = {}) {
  return {
    planId,
    candidateId,
    hostKind: 'member',
    hostUnitId: hostId,
    postTitle: '装配工',
    postStaffCount: 50,
    postMajorCodes: ['4603'],
    schoolMentorName: '王老师',
    enterpriseMentorName: '李师傅',
    startDate: start,
    endDate: end,
    dailyHours: 8,
    venueType: 'factory',
    payAmount: 4000,
    postWage: 5000,
    payChannel: 'bank_to_student',
    payFrequency: 'monthly',
    insurer: '中国人保',
    policyNo: 'PICC-1',
    insuranceStart: start,
    insuranceEnd: end,
    premiumPaidBy: 'school',
    ...over,
  };
}

async function countAt(host: string) {
  const rows = await t.db
    .select({ id: internshipPlacements.id })
    .from(internshipPlacements)
    .where(and(eq(internshipPlacements.hostUnitId, host), eq(internshipPlacements.status, 'pending')));
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  hostId = w.A.enterprise.id;
  // 30 employees: at most 3 position interns (10%)
  await t.db
    .update(memberUnits)
    .set({ employeeCount: 30, employeeCountAsOf: '2026-01-01' })
    .where(eq(memberUnits.id, hostId));
  const otherSchool = await makeUnit(t.db, w.A.c.id, 'secondary_vocational', '第二职业学校');
  const admin2 = await makeUser(t.db, [
    { roleCode: 'unit_admin', consortiumId: w.A.c.id, memberUnitId: otherSchool.id },
  ]);
  for (let i = 0; i < 10; i++) {
    const c = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
      name: `实习生${i}`,
      majorCode: '460305',
      yearOfStudy: 2,
      ...(i === 0 ? { userId: w.A.student.id } : {}),
    });
    students.push(c.id);
    const d = await makeCandidate(t.db, w.A.c.id, otherSchool.id, {
      name: `二校生${i}`,
      majorCode: '460305',
      yearOfStudy: 3,
    });
    students2.push(d.id);
  }
  sec = await login(t.app, w.A.secretariat.username);
  school = await login(t.app, w.A.schoolAdmin.username);
  school2 = await login(t.app, admin2.username);
  enterprise = await login(t.app, w.A.enterpriseAdmin.username);
  studentS = await login(t.app, w.A.student.username);
  base = `/api/v1/consortia/${w.A.c.id}/internships`;
  const res = await call(t.app, school, 'POST', `${base}/plans`, {
    schoolUnitId: w.A.school.id,
    title: '2024级机器人专业岗位实习',
    kind: 'position',
    majorCodes: ['4603'],
    cohort: '2024级',
    startDate: start,
    endDate: addDays(start, 200),
    teacherName: '王老师',
    logCadenceDays: 14,
  });
  expect(res.statusCode, res.body).toBe(201);
  planId = res.json<{ id: string }>().id;
  const res2 = await call(t.app, school2, 'POST', `${base}/plans`, {
    schoolUnitId: otherSchool.id,
    title: '二校岗位实习',
    kind: 'position',
    cohort: '2023级',
    startDate: start,
    endDate: addDays(start, 300),
    teacherName: '赵老师',
  });
  expect(res2.statusCode, res2.body).toBe(201);
  plan2Id = res2.json<{ id: string }>().id;
});
afterAll(async () => t.close());

describe('plans', () => {
  it('validates dates and the rubric, and only a school writes its own plan', async () => {
    const bad = await call(t.app, school, 'POST', `${base}/plans`, {
      schoolUnitId: w.A.school.id,
      title: '错误计划',
      kind: 'position',
      cohort: '2024级',
      startDate: '2026-09-01',
      endDate: '2026-03-01',
      teacherName: '王老师',
      rubric: [{ key: 'skill', label: '技能', weight: 50 }],
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bad.json())).toContain('rubric');
    const other = await call(t.app, school, 'POST', `${base}/plans`, {
      schoolUnitId: w.A.enterprise.id,
      title: '企业的计划',
      kind: 'position',
      cohort: '2024级',
      startDate: '2026-03-01',
      endDate: '2026-09-01',
      teacherName: '王老师',
    });
    expectError(other, 403, 'FORBIDDEN');
    const plan = (await call(t.app, school, 'GET', `${base}/plans/${planId}`)).json<{
      rubric: unknown[];
      canEdit: boolean;
    }>();
    expect(plan.rubric.length).toBeGreaterThan(0);
    expect(plan.canEdit).toBe(true);
    // another consortium's plan is not found
    const b = await login(t.app, w.B.schoolAdmin.username);
    expectError(
      await call(t.app, b, 'GET', `/api/v1/consortia/${w.B.c.id}/internships/plans/${planId}`),
      404,
      'PLAN_NOT_FOUND',
    );
    expectError(await call(t.app, null, 'GET', `${base}/plans`), 401, 'UNAUTHENTICATED');
  });
});

describe('the 10% host cap', () => {
  it('saves up to exactly 10% and refuses one more, naming the rule and the numbers', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await call(t.app, school, 'POST', `${base}/placements`, placement(students[i]!));
      expect(res.statusCode, res.body).toBe(201);
      const p = res.json<Placement>();
      expect(p.status).toBe('pending');
      expect(p.findings.filter((f) => f.severity === 'block')).toEqual([]);
      expect(p.agreement).not.toBeNull();
    }
    const res = await call(t.app, school, 'POST', `${base}/placements`, placement(students[3]!));
    expectError(res, 409, 'COMPLIANCE_VIOLATION');
    const err = res.json<{ error: { message: string; details: { rules: string[]; findings: Finding[] } } }>()
      .error;
    expect(err.details.rules).toEqual(['R-RATIO-HOST']);
    expect(err.message).toContain('实习生将达到在岗职工的 13.3%，超过 10% 上限（规则 R-RATIO-HOST）');
    expect(err.details.findings[0]!.facts).toMatchObject({ interns: 4, employees: 30, allowed: 3 });
    expect(await countAt(hostId)).toBe(3);
  });

  it('counts another school, but only over overlapping days', async () => {
    const over = await call(t.app, school2, 'POST', `${base}/placements`, {
      ...placement(students2[0]!, {
        planId: plan2Id,
        startDate: addDays(start, 100),
        endDate: addDays(start, 160),
      }),
      insuranceStart: addDays(start, 100),
      insuranceEnd: addDays(start, 160),
    });
    expectError(over, 409, 'COMPLIANCE_VIOLATION');
    // starting the day after the others end: the cap holds on every day, and no day has four
    const after = await call(t.app, school2, 'POST', `${base}/placements`, {
      ...placement(students2[0]!, { planId: plan2Id, startDate: addDays(end, 1), endDate: addDays(end, 60) }),
      insuranceStart: addDays(end, 1),
      insuranceEnd: addDays(end, 60),
    });
    expect(after.statusCode, after.body).toBe(201);
  });

  it('concurrent saves from two schools cannot together pass the cap', async () => {
    // a fresh host with 20 employees: two interns at most
    const host = await makeUnit(t.db, w.A.c.id, 'enterprise', '并发测试企业');
    await t.db
      .update(memberUnits)
      .set({ employeeCount: 20, employeeCountAsOf: '2026-01-01' })
      .where(eq(memberUnits.id, host.id));
    const attempts = [
      ...[4, 5, 6].map((i) =>
        call(t.app, school, 'POST', `${base}/placements`, placement(students[i]!, { hostUnitId: host.id })),
      ),
      ...[1, 2, 3].map((i) =>
        call(
          t.app,
          school2,
          'POST',
          `${base}/placements`,
          placement(students2[i]!, { planId: plan2Id, hostUnitId: host.id }),
        ),
      ),
    ];
    const results = await Promise.all(attempts);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json<{ error: { code: string } }>().error.code).toBe('COMPLIANCE_VIOLATION');
    }
    expect(await countAt(host.id)).toBe(2);
  });
});

describe('the explainable check', () => {
  it('answers may-it-be-saved with every finding, and saves nothing', async () => {
    const before = await countAt(hostId);
    const res = await call(t.app, school, 'POST', `${base}/placements/check`, {
      placement: placement(students[7]!, {
        venueType: 'ktv',
        payAmount: 3000,
        nightShifts: true,
        intensityClass: 3,
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<{ ok: boolean; findings: Finding[] }>();
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['R-VENUE', 'R-PAY', 'R-HOURS', 'R-INTENSITY', 'R-RATIO-HOST']),
    );
    expect(await countAt(hostId)).toBe(before);
  });

  it('names the field when the data itself is wrong (400), and refuses a student already placed (409)', async () => {
    const res = await call(t.app, school, 'POST', `${base}/placements`, placement(students2[5]!));
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.json())).toContain('candidateId');
    const dates = await call(
      t.app,
      school,
      'POST',
      `${base}/placements`,
      placement(students[7]!, { endDate: addDays(start, -1) }),
    );
    expectError(dates, 400, 'VALIDATION_FAILED');
    const venue = await call(
      t.app,
      school,
      'POST',
      `${base}/placements`,
      placement(students[7]!, { venueType: 'casino' }),
    );
    expectError(venue, 400, 'VALIDATION_FAILED');
    const again = await call(
      t.app,
      school,
      'POST',
      `${base}/placements`,
      placement(students[0]!, { hostUnitId: w.A.enterprise.id }),
    );
    expectError(again, 409, 'CONFLICT');
  });

  it('is for the school: an enterprise cannot place interns, another consortium does not see the plan', async () => {
    expectError(
      await call(t.app, enterprise, 'POST', `${base}/placements`, placement(students[7]!)),
      404,
      'PLAN_NOT_FOUND',
    );
    const b = await login(t.app, w.B.schoolAdmin.username);
    const res = await call(t.app, b, 'POST', `/api/v1/consortia/${w.B.c.id}/internships/placements`, {
      ...placement(students[7]!),
    });
    expectError(res, 404, 'PLAN_NOT_FOUND');
  });
});

describe('changes that affect a placement', () => {
  it('a lower employee count at the host re-evaluates its placements and the compliance page shows them', async () => {
    const res = await call(t.app, sec, 'PATCH', `/api/v1/consortia/${w.A.c.id}/units/${hostId}`, {
      employeeCount: 25,
      employeeCountAsOf: '2026-06-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = (await call(t.app, sec, 'GET', `${base}/compliance?groupBy=host`)).json<{
      totals: { block: number };
      groups: { label: string; block: number }[];
      findings: (Finding & { hostName: string })[];
    }>();
    expect(page.totals.block).toBe(3);
    expect(page.groups[0]).toMatchObject({ label: w.A.enterprise.name, block: 3 });
    expect(page.findings[0]!.messageZh).toContain('超过 10% 上限（规则 R-RATIO-HOST）');
    // the school sees its own; the enterprise sees the same placements as the host
    const mine = (await call(t.app, school, 'GET', `${base}/compliance?groupBy=rule`)).json<{
      totals: { block: number };
    }>();
    expect(mine.totals.block).toBe(3);
    const theirs = (await call(t.app, school2, 'GET', `${base}/compliance`)).json<{
      totals: { block: number };
    }>();
    expect(theirs.totals.block).toBe(0);
  });

  it('the secretariat changes a rule (audited, validated, not by schools) and open placements are evaluated again', async () => {
    expectError(
      await call(t.app, school, 'PUT', `${base}/rules/R-RATIO-HOST`, {
        params: { maxRatio: 0.2 },
        severity: 'block',
        note: '试点',
      }),
      403,
      'FORBIDDEN',
    );
    const bad = await call(t.app, sec, 'PUT', `${base}/rules/R-RATIO-HOST`, {
      params: { maxRatio: 3 },
      severity: 'block',
      note: '试点',
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bad.json())).toContain('params.maxRatio');
    expectError(
      await call(t.app, sec, 'PUT', `${base}/rules/R-AGREEMENT`, {
        params: {},
        severity: 'warn',
        note: '试点',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call(t.app, sec, 'PUT', `${base}/rules/R-NOPE`, { params: {}, severity: 'warn', note: '试点' }),
      404,
      'RULE_NOT_FOUND',
    );
    const res = await call(t.app, sec, 'PUT', `${base}/rules/R-RATIO-HOST`, {
      params: { maxRatio: 0.12 },
      severity: 'block',
      note: '省厅 2026 年试点文件',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      changed: true,
      params: [expect.objectContaining({ key: 'maxRatio', value: 0.12 })],
    });
    const page = (await call(t.app, sec, 'GET', `${base}/compliance`)).json<{ totals: { block: number } }>();
    expect(page.totals.block).toBe(0);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'compliance_rule'), eq(auditLog.entityId, 'R-RATIO-HOST')));
    expect(audit).toHaveLength(1);
    const rules = (await call(t.app, school, 'GET', `${base}/rules`)).json<
      { id: string; certainty: string; source: { document: string } }[]
    >();
    expect(rules.find((r) => r.id === 'R-RATIO-HOST')).toMatchObject({ certainty: 'M' });
    expect(rules.every((r) => r.source.document.includes('职业学校学生实习管理规定'))).toBe(true);
  });
});

describe('starting a placement', () => {
  it('needs all three confirmations; then it starts, and the student sees it', async () => {
    const list = (
      await call(
        t.app,
        school,
        'GET',
        `${base}/placements?planId=${planId}&hostUnitId=${hostId}&sort=studentName`,
      )
    ).json<{
      items: { id: string; studentName: string }[];
      total: number;
    }>();
    expect(list.total).toBe(3);
    const mine = list.items.find((p) => p.studentName === '实习生0')!;
    const refused = await call(t.app, school, 'POST', `${base}/placements/${mine.id}/transition`, {
      action: 'start',
    });
    expectError(refused, 409, 'COMPLIANCE_VIOLATION');
    expect(refused.json<{ error: { details: { rules: string[] } } }>().error.details.rules).toEqual([
      'R-AGREEMENT',
    ]);

    const detail = (await call(t.app, school, 'GET', `${base}/placements/${mine.id}`)).json<Placement>();
    const hash = detail.agreement!.contentHash;
    const mentor = await login(t.app, w.A.mentor.username);
    for (const [s, party] of [
      [school, 'school'],
      [mentor, 'host'],
      [studentS, 'student'],
    ] as const) {
      const res = await call(t.app, s, 'POST', `${base}/placements/${mine.id}/agreement/confirm`, {
        party,
        contentHash: hash,
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    expectError(
      await call(t.app, enterprise, 'POST', `${base}/placements/${mine.id}/transition`, { action: 'start' }),
      403,
      'FORBIDDEN',
    );
    const started = await call(t.app, school, 'POST', `${base}/placements/${mine.id}/transition`, {
      action: 'start',
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json<Placement>().status).toBe('active');
    const own = (await call(t.app, studentS, 'GET', `${base}/placements`)).json<{
      items: { id: string; status: string }[];
    }>();
    expect(own.items).toEqual([expect.objectContaining({ id: mine.id, status: 'active' })]);
    // a student sees nothing of others
    const other = list.items.find((p) => p.studentName !== '实习生0')!;
    expectError(
      await call(t.app, studentS, 'GET', `${base}/placements/${other.id}`),
      404,
      'PLACEMENT_NOT_FOUND',
    );
    // terminating needs a reason
    expectError(
      await call(t.app, school, 'POST', `${base}/placements/${mine.id}/transition`, { action: 'terminate' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call(t.app, school, 'POST', `${base}/placements/${mine.id}/transition`, { action: 'cancel' }),
      409,
      'INVALID_TRANSITION',
    );
  });

  it('a changed placement is evaluated again; an edit breaking a rule is refused and changes nothing', async () => {
    const list = (
      await call(t.app, school, 'GET', `${base}/placements?planId=${planId}&status=pending`)
    ).json<{ items: { id: string; payAmount: number }[] }>();
    const p = list.items[0]!;
    const res = await call(t.app, school, 'PATCH', `${base}/placements/${p.id}`, { payAmount: 3000 });
    expectError(res, 409, 'COMPLIANCE_VIOLATION');
    expect(res.json<{ error: { message: string } }>().error.message).toContain('R-PAY');
    const after = (await call(t.app, school, 'GET', `${base}/placements/${p.id}`)).json<{
      payAmount: number;
    }>();
    expect(after.payAmount).toBe(4000);
    const ok = await call(t.app, school, 'PATCH', `${base}/placements/${p.id}`, { payAmount: 4200 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ agreement: { version: number } }>().agreement.version).toBe(2);
  });

  it('exports the placements with their findings', async () => {
    const res = await call(t.app, sec, 'GET', `${base}/placements/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('实习生0');
    expect(res.body).toContain('实习中');
  });
});

describe('external hosts', () => {
  it('registers a host with its USCC, refuses a member unit, and counts its cap', async () => {
    const bad = await call(t.app, school, 'POST', `${base}/hosts`, {
      name: '外部企业',
      uscc: '91320500MA1XXXXXX0',
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    const member = await call(t.app, school, 'POST', `${base}/hosts`, {
      name: '成员企业',
      uscc: w.A.enterprise.uscc,
    });
    expectError(member, 400, 'VALIDATION_FAILED');
    const uscc = (
      await t.db
        .select({ u: memberUnits.uscc })
        .from(memberUnits)
        .where(eq(memberUnits.id, w.B.enterprise.id))
    )[0]!.u!;
    const ok = await call(t.app, school, 'POST', `${base}/hosts`, {
      name: '园区外精密制造有限公司',
      uscc,
      employeeCount: 10,
      employeeCountAsOf: '2026-01-01',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const host = ok.json<{ id: string }>();
    expectError(
      await call(t.app, enterprise, 'POST', `${base}/hosts`, { name: 'x公司', uscc }),
      403,
      'FORBIDDEN',
    );
    const first = await call(t.app, school, 'POST', `${base}/placements`, {
      ...placement(students[8]!, { hostKind: 'external', hostUnitId: null, externalHostId: host.id }),
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await call(t.app, school, 'POST', `${base}/placements`, {
      ...placement(students[9]!, { hostKind: 'external', hostUnitId: null, externalHostId: host.id }),
    });
    expectError(second, 409, 'COMPLIANCE_VIOLATION');
  });
});

describe('placements from Excel', () => {
  it('checks every row like the API, counts the rows above towards the caps, and writes all or nothing', async () => {
    const host = await makeUnit(t.db, w.A.c.id, 'enterprise', '导入测试企业');
    await t.db
      .update(memberUnits)
      .set({ employeeCount: 20, employeeCountAsOf: '2026-01-01' })
      .where(eq(memberUnits.id, host.id));
    const uscc = (
      await t.db.select({ u: memberUnits.uscc }).from(memberUnits).where(eq(memberUnits.id, host.id))
    )[0]!.u!;
    for (let i = 0; i < 3; i++) {
      await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
        name: `导入生${i}`,
        studentNo: `IMP00${i}`,
        majorCode: '460305',
        yearOfStudy: 3,
      });
    }
    const header =
      '学号,实习单位统一社会信用代码,实习岗位,该岗位在岗职工数,学校指导教师,企业指导教师,开始日期,结束日期,每日实习时长（小时）,实习报酬（元/月）,相同岗位工资（元/月）,报酬发放方式,发放频率,场所类型,保险公司,保单号,保险起期,保险止期,保费承担方';
    const row = (no: string) =>
      `${no},${uscc},装配工,50,王老师,李师傅,${start},${end},8,4000,5000,银行转账给学生,每月,工厂车间,中国人保,P-${no},${start},${end},学校`;
    const csv = (rows: string[]) => Buffer.from([header, ...rows].join('\n'), 'utf8');
    const url = (dryRun: boolean) => `${base}/plans/${planId}/placements/import?format=csv&dryRun=${dryRun}`;
    const upload = (rows: string[], dryRun = false) =>
      t.app.inject({
        method: 'POST',
        url: url(dryRun),
        headers: {
          cookie: school.cookie,
          'x-csrf-token': school.csrf,
          'content-type': 'application/octet-stream',
        },
        payload: csv(rows),
      });

    const refused = await upload([row('IMP000'), row('IMP001'), row('IMP002'), row('NOPE99')]);
    expect(refused.statusCode, refused.body).toBe(200);
    const report = refused.json<{
      ok: boolean;
      inserted: number;
      errors: { row: number; code: string; messageZh?: string }[];
    }>();
    expect(report.ok).toBe(false);
    expect(report.inserted).toBe(0);
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'R-RATIO-HOST'],
      [5, 'UNKNOWN_STUDENT'],
    ]);
    expect(report.errors[0]!.messageZh).toContain('上限（规则 R-RATIO-HOST）');
    expect(await countAt(host.id)).toBe(0);

    const dry = (await upload([row('IMP000'), row('IMP001')], true)).json<{
      ok: boolean;
      inserted: number;
    }>();
    expect(dry).toMatchObject({ ok: true, inserted: 2 });
    expect(await countAt(host.id)).toBe(0);
    const done = (await upload([row('IMP000'), row('IMP001')])).json<{ ok: boolean; inserted: number }>();
    expect(done).toMatchObject({ ok: true, inserted: 2 });
    expect(await countAt(host.id)).toBe(2);
    const template = await call(t.app, school, 'GET', `${base}/plans/${planId}/placements/template`);
    expect(template.statusCode).toBe(200);
  });
});

describe('a change of the plan', () => {
  it('brings the agreements of its open placements up to date (they quote the plan)', async () => {
    const list = (
      await call(t.app, school, 'GET', `${base}/placements?planId=${planId}&status=pending`)
    ).json<{
      items: { id: string }[];
    }>();
    const id = list.items[0]!.id;
    const before = (await call(t.app, school, 'GET', `${base}/placements/${id}`)).json<Placement>();
    const res = await call(t.app, school, 'PATCH', `${base}/plans/${planId}`, {
      goals: '掌握工业机器人装调的典型工作任务。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await call(t.app, school, 'GET', `${base}/placements/${id}`)).json<{
      agreement: { version: number; contentHash: string };
    }>();
    expect(after.agreement.contentHash).not.toBe(before.agreement!.contentHash);
  });
});

describe('changes at the same moment, and partial changes', () => {
  it('a PATCH changes only what it names', async () => {
    const c = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
      name: '夜班生',
      majorCode: '460305',
      yearOfStudy: 3,
    });
    const res = await call(t.app, school, 'POST', `${base}/placements`, {
      ...placement(c.id, { hostUnitId: w.A.enterprise.id }),
      nightShifts: true,
      exemptionRef: '备案 2026-017',
      daysPerWeek: 4,
      intensityClass: 2,
      guardianConsent: true,
      startDate: addDays(end, 5),
      endDate: addDays(end, 30),
      insuranceStart: addDays(end, 5),
      insuranceEnd: addDays(end, 30),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const patched = await call(t.app, school, 'PATCH', `${base}/placements/${id}`, { address: '二号车间' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      address: '二号车间',
      nightShifts: true,
      daysPerWeek: 4,
      intensityClass: 2,
      guardianConsent: true,
    });
    const plan = await call(t.app, school, 'PATCH', `${base}/plans/${planId}`, { title: '改名后的计划' });
    expect(plan.json()).toMatchObject({ majorCodes: ['4603'], logCadenceDays: 14 });
  });

  it('one student placed at two hosts at once: one is saved, the other refused', async () => {
    const c = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
      name: '抢位生',
      majorCode: '460305',
      yearOfStudy: 3,
    });
    const hostB = await makeUnit(t.db, w.A.c.id, 'enterprise', '第二家企业');
    await t.db
      .update(memberUnits)
      .set({ employeeCount: 500, employeeCountAsOf: '2026-01-01' })
      .where(eq(memberUnits.id, hostB.id));
    const window = {
      startDate: addDays(end, 40),
      endDate: addDays(end, 70),
      insuranceStart: addDays(end, 40),
      insuranceEnd: addDays(end, 70),
    };
    const results = await Promise.all([
      call(t.app, school, 'POST', `${base}/placements`, {
        ...placement(c.id, { hostUnitId: w.A.enterprise.id }),
        ...window,
      }),
      call(t.app, school, 'POST', `${base}/placements`, {
        ...placement(c.id, { hostUnitId: hostB.id }),
        ...window,
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // and two transitions at once: one wins
    const id = results.find((r) => r.statusCode === 201)!.json<{ id: string }>().id;
    const both = await Promise.all([
      call(t.app, school, 'POST', `${base}/placements/${id}/transition`, { action: 'cancel' }),
      call(t.app, school, 'POST', `${base}/placements/${id}/transition`, { action: 'cancel' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('mentors named by account belong to the school and the host', async () => {
    const c = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
      name: '导师生',
      majorCode: '460305',
      yearOfStudy: 3,
    });
    const res = await call(t.app, school, 'POST', `${base}/placements`, {
      ...placement(c.id, { hostUnitId: w.A.enterprise.id }),
      enterpriseMentorUserId: w.B.mentor.id,
      schoolMentorUserId: w.A.mentor.id,
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = res
      .json<{ error: { details: { issues: { path: string }[] } } }>()
      .error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['enterpriseMentorUserId', 'schoolMentorUserId']));
  });

  it('an external host is changed only by who registered it or the secretariat; anomaly detection is not for hosts', async () => {
    const hosts = (await call(t.app, school, 'GET', `${base}/hosts`)).json<{
      items: { id: string; name: string; uscc: string }[];
    }>();
    const h = hosts.items[0]!;
    expectError(
      await call(t.app, school2, 'PUT', `${base}/hosts/${h.id}`, {
        name: h.name,
        uscc: h.uscc,
        employeeCount: 1000,
        employeeCountAsOf: '2026-06-01',
      }),
      403,
      'FORBIDDEN',
    );
    const ok = await call(t.app, sec, 'PUT', `${base}/hosts/${h.id}`, {
      name: h.name,
      uscc: h.uscc,
      employeeCount: 12,
      employeeCountAsOf: '2026-06-01',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expectError(await call(t.app, enterprise, 'POST', `${base}/flags/detect`, {}), 403, 'FORBIDDEN');
  });
});
