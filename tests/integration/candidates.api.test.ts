// Candidates: a school imports its students from Excel (every row checked, all or nothing), sees them
// with personal data; others see it masked; a student edits only their own contact and skills.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { candidates, catalogEntries, catalogs } from '../../server/db/schema/index.ts';
import { writeTable } from '../../server/lib/excel/index.ts';
import { candidateColumns, type CandidateSheetRow } from '../../server/modules/talent/candidates.excel.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeCandidate,
  makeIdCard,
  makeUnit,
  makeUser,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let school: Session;
let teacher: Session;
let sec: Session;
let base: string;

const row = (n: number, over: Partial<CandidateSheetRow> = {}): CandidateSheetRow => ({
  name: `学生${n}`,
  idCard: makeIdCard('20050601', '320505'),
  studentNo: `X${n}`,
  kind: 'student',
  majorCode: n % 2 ? '460103' : '460305',
  level: 'higher',
  yearOfStudy: 2,
  enrolmentYear: 2025,
  expectedGraduation: '2028-06-30',
  homeDistrict: null,
  mobile: '13900001111',
  skills: ['数控车床', 'PLC'],
  certificates: ['工业机器人操作与运维职业技能等级证书（1+X）'],
  consentShare: true,
  ...over,
});

async function upload(s: Session, rows: CandidateSheetRow[], schoolId = w.A.school.id, dryRun = false) {
  const file = await writeTable(candidateColumns, rows, { format: 'xlsx' });
  return t.app.inject({
    method: 'POST',
    url: `${base}/candidates/import?format=xlsx&dryRun=${dryRun}&schoolUnitId=${schoolId}`,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    payload: file,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  // majors loaded at level 3: an unknown major code is refused
  const [major] = await t.db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.kind, 'major'), eq(catalogs.isCurrent, true)));
  await t.db.insert(catalogEntries).values([
    { catalogId: major!.id, code: '4601', name: '机械设计制造类', level: 2, parentCode: '46' },
    { catalogId: major!.id, code: '4603', name: '自动化类', level: 2, parentCode: '46' },
    { catalogId: major!.id, code: '460103', name: '数控技术', level: 3, parentCode: '4601' },
    { catalogId: major!.id, code: '460305', name: '工业机器人技术', level: 3, parentCode: '4603' },
  ]);
  school = await login(t.app, w.A.schoolAdmin.username);
  teacher = await login(t.app, w.A.teacher.username);
  sec = await login(t.app, w.A.secretariat.username);
  base = `/api/v1/consortia/${w.A.c.id}`;
});
afterAll(async () => t.close());

describe('student import', () => {
  it('reports every bad row (check digit, unknown major, duplicate) and writes nothing', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(i));
    const badCheck = rows[10]!;
    badCheck.idCard = badCheck.idCard.slice(0, 17) + (badCheck.idCard[17] === '1' ? '2' : '1');
    rows[20]!.majorCode = '469999';
    rows[30]!.idCard = rows[5]!.idCard;
    rows[40]!.studentNo = rows[6]!.studentNo;
    const before = await t.db.$count(candidates);
    const res = await upload(school, rows);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{
      ok: boolean;
      inserted: number;
      errors: { row: number; column: string; code: string }[];
    }>();
    expect(r.ok).toBe(false);
    expect(r.inserted).toBe(0);
    const byRow = new Map(r.errors.map((e) => [e.row, e]));
    expect(byRow.get(12)).toMatchObject({ column: '身份证号', code: 'ID_CARD_CHECK' });
    expect(byRow.get(22)).toMatchObject({ column: '专业代码', code: 'UNKNOWN_MAJOR' });
    expect(byRow.get(32)).toMatchObject({ column: '身份证号', code: 'DUPLICATE' });
    expect(byRow.get(42)).toMatchObject({ column: '学号', code: 'DUPLICATE' });
    expect(new Set(r.errors.map((e) => e.row))).toEqual(new Set([12, 22, 32, 42]));
    expect(await t.db.$count(candidates)).toBe(before);
  });

  it('writes a clean file whole, with arrays and certificates intact; a second import updates', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(1000 + i));
    const first = (await upload(school, rows)).json<{ ok: boolean; inserted: number; updated: number }>();
    expect(first).toMatchObject({ ok: true, inserted: 120, updated: 0 });
    const [c] = await t.db.select().from(candidates).where(eq(candidates.idCard, rows[0]!.idCard));
    expect(c).toMatchObject({
      name: '学生1000',
      schoolUnitId: w.A.school.id,
      skills: ['数控车床', 'PLC'],
      certificates: [{ name: '工业机器人操作与运维职业技能等级证书（1+X）', kind: '1+X' }],
      gender: expect.any(String),
      birthDate: '2005-06-01',
      consentShare: true,
    });
    rows[0]!.name = '改名学生';
    const second = (await upload(school, rows)).json<{ ok: boolean; inserted: number; updated: number }>();
    expect(second).toMatchObject({ ok: true, inserted: 0, updated: 120 });
    const [after] = await t.db.select().from(candidates).where(eq(candidates.idCard, rows[0]!.idCard));
    expect(after!.name).toBe('改名学生');
    expect(after!.id).toBe(c!.id);
  });

  it("refuses another school's registered students and imports into schools only", async () => {
    const otherSchool = await makeUnit(t.db, w.A.c.id, 'higher_vocational', '另一所学校');
    const taken = await makeCandidate(t.db, w.A.c.id, otherSchool.id);
    const res = (await upload(school, [row(5000, { idCard: taken.idCard })])).json<{
      errors: { code: string; messageZh?: string }[];
    }>();
    expect(res.errors[0]).toMatchObject({ code: 'ID_CARD_TAKEN' });
    expect(res.errors[0]!.messageZh).toContain('另一所学校');
    // a school admin may not import into another school; nobody into an enterprise
    expectError(await upload(school, [row(5001)], otherSchool.id), 403, 'FORBIDDEN');
    expectError(await upload(sec, [row(5002)], w.A.enterprise.id), 400, 'VALIDATION_FAILED');
  });
});

describe('candidate records', () => {
  it('mask 身份证号 and phone unless the viewer may see personal data', async () => {
    const c = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { mobile: '13912345678' });
    const bySchool = (await call(t.app, school, 'GET', `${base}/candidates/${c.id}`)).json<{
      idCard: string;
      mobile: string;
    }>();
    expect(bySchool.idCard).toBe(c.idCard);
    const byTeacher = (await call(t.app, teacher, 'GET', `${base}/candidates/${c.id}`)).json<{
      idCard: string;
      mobile: string;
      birthDate: string | null;
    }>();
    expect(byTeacher.idCard).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(byTeacher.mobile).toBe('139****5678');
    expect(byTeacher.birthDate).toBeNull();
    const ent = await login(t.app, w.A.enterpriseAdmin.username);
    // an enterprise sees students only through their applications: a school's record does not exist for it
    expectError(await call(t.app, ent, 'GET', `${base}/candidates/${c.id}`), 404, 'CANDIDATE_NOT_FOUND');
  });

  it('let a student change their own contact, skills and consent — not school fields, not others', async () => {
    const me = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { userId: w.A.student.id, name: '本人' });
    const other = await makeCandidate(t.db, w.A.c.id, w.A.school.id);
    const stu = await login(t.app, w.A.student.username);
    const mine = await call(t.app, stu, 'GET', `${base}/candidates/me`);
    expect(mine.json<{ id: string; idCard: string }>()).toMatchObject({ id: me.id, idCard: me.idCard });
    const ok = await call(t.app, stu, 'PATCH', `${base}/candidates/${me.id}`, {
      skills: ['焊接'],
      consentShare: true,
      certificates: [{ name: '电工证', kind: 'qualification' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ consentAt: string | null }>().consentAt).not.toBeNull();
    const locked = await call(t.app, stu, 'PATCH', `${base}/candidates/${me.id}`, { name: '改名字' });
    expectError(locked, 400, 'VALIDATION_FAILED');
    expect(locked.json().error.details.issues[0]).toMatchObject({ path: 'body.name', code: 'SCHOOL_ONLY' });
    expectError(await call(t.app, stu, 'GET', `${base}/candidates/${other.id}`), 404, 'CANDIDATE_NOT_FOUND');
    expectError(
      await call(t.app, stu, 'PATCH', `${base}/candidates/${other.id}`, { skills: [] }),
      404,
      'CANDIDATE_NOT_FOUND',
    );
  });

  it('refuse a bad or taken ID number on create, naming the field', async () => {
    const bad = await call(t.app, school, 'POST', `${base}/candidates`, {
      schoolUnitId: w.A.school.id,
      kind: 'student',
      name: '新同学',
      idCard: '320505200506010011',
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().error.details.issues[0].path).toBe('body.idCard');
    const existing = await makeCandidate(t.db, w.A.c.id, w.A.school.id);
    expectError(
      await call(t.app, school, 'POST', `${base}/candidates`, {
        schoolUnitId: w.A.school.id,
        kind: 'student',
        name: '新同学',
        idCard: existing.idCard,
      }),
      409,
      'ID_CARD_TAKEN',
    );
    const teacherUser = await makeUser(t.db, [
      { roleCode: 'teacher', consortiumId: w.A.c.id, memberUnitId: w.A.school.id },
    ]);
    const tt = await login(t.app, teacherUser.username);
    expectError(
      await call(t.app, tt, 'POST', `${base}/candidates`, {
        schoolUnitId: w.A.school.id,
        kind: 'student',
        name: '新同学',
        idCard: makeIdCard(),
      }),
      403,
      'FORBIDDEN',
    );
  });
});
