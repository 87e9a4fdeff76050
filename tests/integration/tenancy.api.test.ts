// Tenancy: every tenant endpoint, enumerated from the OpenAPI document so that a new endpoint cannot
// escape the test, answers 404 for another consortium's records and 401 without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema/index.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeIdCard,
  makeInternship,
  makeTalent,
  makeUscc,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let secA: Session;
let adminB: Session;

type Op = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string };
let tenantOps: Op[] = [];
let talentB: Awaited<ReturnType<typeof makeTalent>>;
let internB: Awaited<ReturnType<typeof makeInternship>>;
const freshIdCard = makeIdCard('20060101');

/** A valid body for every tenant write, so that a 404 cannot come from validation failing first. */
const bodies: Record<string, unknown> = {
  'PATCH /api/v1/consortia/{consortiumId}': { name: '改名联合体' },
  'POST /api/v1/consortia/{consortiumId}/units': { name: '新单位', type: 'enterprise' },
  'PATCH /api/v1/consortia/{consortiumId}/units/{unitId}': { name: '改名单位' },
  'POST /api/v1/consortia/{consortiumId}/users': {
    username: 'tenancy-new',
    displayName: '新用户',
    password: 'good-pass-123',
    roleCode: 'secretariat',
  },
  'PATCH /api/v1/consortia/{consortiumId}/users/{userId}': { displayName: '改名' },
  'POST /api/v1/consortia/{consortiumId}/users/{userId}/reset-password': { newPassword: 'good-pass-123' },
  'POST /api/v1/consortia/{consortiumId}/users/{userId}/memberships': { roleCode: 'secretariat' },
  'PUT /api/v1/consortia/{consortiumId}/parks': [{ name: '测试园区', kind: 'industrial_park' }],
  'PUT /api/v1/consortia/{consortiumId}/industries': [{ industryCode: 'C' }],
  'PUT /api/v1/consortia/{consortiumId}/charter': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/units/import': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/units/import/annotated': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/lists': {
    kind: 'talent',
    unitId: '{unitId}',
    title: '需求',
    headcount: 1,
  },
  'PATCH /api/v1/consortia/{consortiumId}/lists/{itemId}': { title: '改名需求' },
  'POST /api/v1/consortia/{consortiumId}/lists/{itemId}/actions': { action: 'submit' },
  'POST /api/v1/consortia/{consortiumId}/lists/{itemId}/progress': { progress: 'matching' },
  'POST /api/v1/consortia/{consortiumId}/lists/{itemId}/links': {
    targetKind: 'other',
    targetId: 'y',
    label: '链接',
  },
  'POST /api/v1/consortia/{consortiumId}/lists/import': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/lists/import/annotated': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/postings': {
    unitId: '{unitId}',
    kind: 'job',
    title: '新岗位',
    headcount: 1,
    deadline: '2099-12-31',
  },
  'PATCH /api/v1/consortia/{consortiumId}/postings/{postingId}': { title: '改名岗位' },
  'POST /api/v1/consortia/{consortiumId}/postings/{postingId}/actions': { action: 'close' },
  'POST /api/v1/consortia/{consortiumId}/candidates': {
    schoolUnitId: '{schoolId}',
    kind: 'student',
    name: '新学生',
    idCard: '{idCard}',
  },
  'PATCH /api/v1/consortia/{consortiumId}/candidates/{candidateId}': { skills: ['焊接'] },
  'POST /api/v1/consortia/{consortiumId}/candidates/import': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/candidates/import/annotated': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/applications': { postingId: '{postingId}' },
  'POST /api/v1/consortia/{consortiumId}/applications/{applicationId}/actions': { action: 'shortlist' },
  'POST /api/v1/consortia/{consortiumId}/outcomes': {
    candidateId: '{candidateId}',
    cohortYear: 2024,
    destination: 'further_study',
    verificationSource: 'self_report',
  },
  'PATCH /api/v1/consortia/{consortiumId}/outcomes/{outcomeId}': { verifiedBy: '某人' },
  'POST /api/v1/consortia/{consortiumId}/outcomes/import': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/outcomes/import/annotated': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/matching/runs': {
    name: '撮合',
    mode: 'optimal',
    postingKind: 'internship',
  },
  'POST /api/v1/consortia/{consortiumId}/matching/runs/{runId}/confirm': {},
  'POST /api/v1/consortia/{consortiumId}/internships/plans': {
    schoolUnitId: '{schoolId}',
    title: '实习计划',
    kind: 'position',
    cohort: '2024级',
    startDate: '2026-03-01',
    endDate: '2026-08-31',
    teacherName: '王老师',
  },
  'PATCH /api/v1/consortia/{consortiumId}/internships/plans/{planId}': { title: '改名计划' },
  'POST /api/v1/consortia/{consortiumId}/internships/plans/{planId}/placements/from-run': {
    runId: '{runId}',
    defaults: {
      schoolMentorName: '王老师',
      enterpriseMentorName: '李师傅',
      dailyHours: 8,
      venueType: 'factory',
    },
  },
  'POST /api/v1/consortia/{consortiumId}/internships/plans/{planId}/placements/import': { any: 'body' },
  'POST /api/v1/consortia/{consortiumId}/internships/plans/{planId}/placements/import/annotated': {
    any: 'body',
  },
  'POST /api/v1/consortia/{consortiumId}/internships/hosts': { name: '外部单位', uscc: makeUscc(424242) },
  'PUT /api/v1/consortia/{consortiumId}/internships/hosts/{hostId}': {
    name: '外部单位',
    uscc: makeUscc(434343),
  },
  'POST /api/v1/consortia/{consortiumId}/internships/placements': {
    planId: '{planId}',
    candidateId: '{candidateId}',
    hostKind: 'member',
    hostUnitId: '{unitId}',
    postTitle: '装配工',
    schoolMentorName: '王老师',
    enterpriseMentorName: '李师傅',
    startDate: '2026-03-01',
    endDate: '2026-08-31',
    dailyHours: 8,
    venueType: 'factory',
  },
  'PATCH /api/v1/consortia/{consortiumId}/internships/placements/{placementId}': { postTitle: '改名岗位' },
  'POST /api/v1/consortia/{consortiumId}/internships/placements/{placementId}/transition': {
    action: 'complete',
  },
  'POST /api/v1/consortia/{consortiumId}/internships/placements/check': {
    placementId: '{placementId}',
    placement: { postTitle: '改名岗位' },
  },
  'POST /api/v1/consortia/{consortiumId}/internships/placements/{placementId}/agreement/confirm': {
    party: 'school',
    contentHash: 'a'.repeat(64),
  },
  'PUT /api/v1/consortia/{consortiumId}/internships/rules/{ruleId}': {
    params: { maxRatio: 0.1 },
    severity: 'block',
    note: '租户测试',
  },
  'POST /api/v1/consortia/{consortiumId}/internships/placements/{placementId}/logs': {
    periodStart: '2026-03-01',
    periodEnd: '2026-03-10',
    content: '本周在车间跟随师傅学习机器人示教编程，完成了两次独立操作并记录了遇到的问题。',
  },
  'PATCH /api/v1/consortia/{consortiumId}/internships/logs/{logId}': {
    content: '本周在车间跟随师傅学习机器人示教编程，完成了两次独立操作并记录了遇到的问题。',
  },
  'POST /api/v1/consortia/{consortiumId}/internships/logs/{logId}/cosign': {},
  'POST /api/v1/consortia/{consortiumId}/internships/logs/{logId}/return': { note: '请补充细节' },
  'POST /api/v1/consortia/{consortiumId}/internships/logs/{logId}/review': {},
  'POST /api/v1/consortia/{consortiumId}/internships/flags/detect': {},
  'POST /api/v1/consortia/{consortiumId}/internships/flags/{flagId}/review': {
    status: 'dismissed',
    note: '已核实',
  },
  'PUT /api/v1/consortia/{consortiumId}/internships/placements/{placementId}/assessments/{role}': {
    scores: { skill: 80, attitude: 80 },
  },
};

/** Query strings an operation needs to pass validation. */
const queries: Record<string, string> = {
  'PUT /api/v1/consortia/{consortiumId}/charter': '?fileName=charter.pdf',
  'POST /api/v1/consortia/{consortiumId}/units/import': '?format=xlsx',
  'POST /api/v1/consortia/{consortiumId}/units/import/annotated': '?format=xlsx',
  'GET /api/v1/consortia/{consortiumId}/lists': '?kind=talent',
  'GET /api/v1/consortia/{consortiumId}/lists/export': '?kind=talent',
  'GET /api/v1/consortia/{consortiumId}/lists/template': '?kind=talent',
  'POST /api/v1/consortia/{consortiumId}/lists/import': '?format=xlsx&kind=talent',
  'POST /api/v1/consortia/{consortiumId}/lists/import/annotated': '?format=xlsx&kind=talent',
  'POST /api/v1/consortia/{consortiumId}/candidates/import': '?format=xlsx&schoolUnitId={schoolId}',
  'POST /api/v1/consortia/{consortiumId}/candidates/import/annotated': '?format=xlsx&schoolUnitId={schoolId}',
  'POST /api/v1/consortia/{consortiumId}/outcomes/import': '?format=xlsx',
  'POST /api/v1/consortia/{consortiumId}/outcomes/import/annotated': '?format=xlsx',
  'GET /api/v1/consortia/{consortiumId}/matching/runs/compare': '?a={runId}&b={runId}',
  'POST /api/v1/consortia/{consortiumId}/internships/plans/{planId}/placements/import': '?format=xlsx',
  'POST /api/v1/consortia/{consortiumId}/internships/plans/{planId}/placements/import/annotated':
    '?format=xlsx',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  secA = await login(t.app, w.A.secretariat.username);
  adminB = await login(t.app, w.B.secretariat.username);
  talentB = await makeTalent(t.db, w.B);
  internB = await makeInternship(t.db, w.B, talentB.candidate.id);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.includes('{consortiumId}')) continue;
    const normalized = path.replace(/\/$/, '');
    for (const m of Object.keys(methods))
      tenantOps.push({ method: m.toUpperCase() as Op['method'], path: normalized });
  }
  tenantOps = tenantOps.sort((a, b) => `${a.path}${a.method}`.localeCompare(`${b.path}${b.method}`));
});
afterAll(async () => t.close());

/** Placeholders of paths, queries and bodies: B's records. */
function records(side: typeof w.A, membershipId: string): Record<string, string> {
  return {
    unitId: side.enterprise.id,
    userId: side.teacher.id,
    membershipId,
    schoolId: side.school.id,
    itemId: talentB.item.id,
    linkId: talentB.link.id,
    postingId: talentB.posting.id,
    candidateId: talentB.candidate.id,
    applicationId: talentB.application.id,
    outcomeId: talentB.outcome.id,
    runId: talentB.run.id,
    planId: internB.plan.id,
    hostId: internB.host.id,
    placementId: internB.placement.id,
    logId: internB.log.id,
    fileId: internB.file.id,
    flagId: internB.flag.id,
    role: 'enterprise_mentor',
    ruleId: 'R-RATIO-HOST',
    idCard: freshIdCard,
  };
}

function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

function bodyOf(op: Op, values: Record<string, string>): unknown {
  const body = bodies[`${op.method} ${op.path}`];
  return body === undefined ? undefined : (JSON.parse(substitute(JSON.stringify(body), values)) as unknown);
}

function fill(path: string, side: typeof w.A, membershipId: string, method = 'GET') {
  return substitute(path + (queries[`${method} ${path}`] ?? ''), {
    ...records(side, membershipId),
    consortiumId: side.c.id,
  });
}

async function membershipOf(s: Session, consortiumId: string, userId: string): Promise<string> {
  const res = await call(t.app, s, 'GET', `/api/v1/consortia/${consortiumId}/users/${userId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ memberships: { id: string }[] }>().memberships[0]!.id;
}

describe('tenant endpoints', () => {
  it('are found in the OpenAPI document and each has a valid body here when it takes one', () => {
    expect(tenantOps.length).toBeGreaterThanOrEqual(12);
    for (const op of tenantOps) {
      if (op.method === 'POST' || op.method === 'PATCH' || op.method === 'PUT')
        expect(bodies[`${op.method} ${op.path}`], `${op.method} ${op.path}`).toBeDefined();
      expect(
        op.path.replace(
          /\{(consortiumId|unitId|userId|membershipId|itemId|linkId|postingId|candidateId|applicationId|outcomeId|runId|planId|hostId|placementId|logId|fileId|flagId|role|ruleId)\}/g,
          '',
        ),
      ).not.toMatch(/\{/);
    }
  });

  it('answer 401 without a session', async () => {
    const mB = await membershipOf(adminB, w.B.c.id, w.B.teacher.id);
    for (const op of tenantOps) {
      const res = await call(
        t.app,
        null,
        op.method,
        fill(op.path, w.B, mB, op.method),
        bodyOf(op, records(w.B, mB)),
      );
      expectError(res, 401, 'UNAUTHENTICATED');
    }
  });

  it('answer 404 for another consortium (reads and writes) and write nothing', async () => {
    const mB = await membershipOf(adminB, w.B.c.id, w.B.teacher.id);
    const auditBefore = await t.db.$count(auditLog);
    for (const op of tenantOps) {
      const res = await call(
        t.app,
        secA,
        op.method,
        fill(op.path, w.B, mB, op.method),
        bodyOf(op, records(w.B, mB)),
      );
      expect(res.statusCode, `${op.method} ${op.path}: ${res.body}`).toBe(404);
      expect(res.json().error.code).toMatch(/NOT_FOUND$/);
    }
    expect(await t.db.$count(auditLog)).toBe(auditBefore);
  });

  it("answer 404 for another consortium's record reached through one's own consortium", async () => {
    const mB = await membershipOf(adminB, w.B.c.id, w.B.teacher.id);
    const withRecord = tenantOps.filter((op) =>
      /\{(unitId|userId|membershipId|itemId|linkId|postingId|candidateId|applicationId|outcomeId|runId|planId|hostId|placementId|logId|fileId|flagId)\}/.test(
        op.path,
      ),
    );
    expect(withRecord.length).toBeGreaterThanOrEqual(20);
    for (const op of withRecord) {
      const values = records(w.B, mB);
      const url = substitute(op.path + (queries[`${op.method} ${op.path}`] ?? ''), {
        ...values,
        consortiumId: w.A.c.id,
      });
      const res = await call(t.app, secA, op.method, url, bodyOf(op, values));
      expect(res.statusCode, `${op.method} ${url}: ${res.body}`).toBe(404);
    }
  });

  it('an authority sees only the consortia it oversees, and may not write', async () => {
    const auth = await login(t.app, w.authorityA.username);
    expect((await call(t.app, auth, 'GET', `/api/v1/consortia/${w.A.c.id}`)).statusCode).toBe(200);
    expect((await call(t.app, auth, 'GET', `/api/v1/consortia/${w.A.c.id}/units`)).statusCode).toBe(200);
    expect((await call(t.app, auth, 'GET', `/api/v1/consortia/${w.A.c.id}/audit`)).statusCode).toBe(200);
    expectError(await call(t.app, auth, 'GET', `/api/v1/consortia/${w.B.c.id}`), 404, 'CONSORTIUM_NOT_FOUND');
    expectError(
      await call(t.app, auth, 'PATCH', `/api/v1/consortia/${w.A.c.id}`, { name: '监管改名' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, auth, 'POST', `/api/v1/consortia/${w.A.c.id}/units`, {
        name: '监管新增',
        type: 'enterprise',
      }),
      403,
      'FORBIDDEN',
    );
    const list = (await call(t.app, auth, 'GET', '/api/v1/consortia')).json<{ items: { id: string }[] }>();
    expect(list.items.map((c) => c.id)).toEqual([w.A.c.id]);
  });

  it('a platform admin reaches every consortium', async () => {
    const admin = await login(t.app, w.admin.username);
    for (const side of [w.A, w.B]) {
      expect((await call(t.app, admin, 'GET', `/api/v1/consortia/${side.c.id}/users`)).statusCode).toBe(200);
    }
  });
});
