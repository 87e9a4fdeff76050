// The three lists: items owned by units, reviewed by the secretariat, linked to what answers them,
// imported from Excel all-or-nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listItems } from '../../server/db/schema/index.ts';
import { writeTable } from '../../server/lib/excel/index.ts';
import { listColumns, type ListSheetRow } from '../../server/modules/talent/lists.excel.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeUnit,
  makeUser,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
let ent: Session;
let ent2: Session;
let student: Session;
let base: string;
let otherUnitId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  const other = await makeUnit(t.db, w.A.c.id, 'enterprise', '别家企业');
  otherUnitId = other.id;
  const u = await makeUser(t.db, [
    { roleCode: 'unit_admin', consortiumId: w.A.c.id, memberUnitId: other.id },
  ]);
  sec = await login(t.app, w.A.secretariat.username);
  ent = await login(t.app, w.A.enterpriseAdmin.username);
  ent2 = await login(t.app, u.username);
  student = await login(t.app, w.A.student.username);
  base = `/api/v1/consortia/${w.A.c.id}/lists`;
});
afterAll(async () => t.close());

describe('list items', () => {
  it('go draft → submitted → returned (with a reason) → submitted → published, with history; drafts stay private', async () => {
    const created = await call(t.app, ent, 'POST', base, {
      kind: 'talent',
      unitId: w.A.enterprise.id,
      title: '工业机器人运维人才',
      headcount: 8,
      majorCodes: ['460305'],
      skills: ['示教编程'],
      windowStart: '2026-12-01',
      windowEnd: '2027-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json<{ id: string; status: string }>();
    expect(item.status).toBe('draft');
    expectError(await call(t.app, ent2, 'GET', `${base}/${item.id}`), 404, 'LIST_ITEM_NOT_FOUND');
    expectError(await call(t.app, student, 'GET', `${base}/${item.id}`), 404, 'LIST_ITEM_NOT_FOUND');
    expect((await call(t.app, student, 'GET', `${base}?kind=talent`)).json<{ total: number }>().total).toBe(
      0,
    );

    const act = (s: Session, action: string, note?: string) =>
      call(t.app, s, 'POST', `${base}/${item.id}/actions`, { action, ...(note ? { note } : {}) });
    expect((await act(ent, 'submit')).statusCode).toBe(200);
    expectError(await act(ent, 'publish'), 403, 'FORBIDDEN');
    expectError(await act(sec, 'return'), 400, 'VALIDATION_FAILED');
    expect((await act(sec, 'return', '请补充技能要求')).json<{ status: string }>().status).toBe('returned');
    await act(ent, 'submit');
    expect((await act(sec, 'publish')).json<{ status: string }>().status).toBe('published');
    expectError(await act(sec, 'publish'), 409, 'INVALID_TRANSITION');

    expect((await call(t.app, student, 'GET', `${base}/${item.id}`)).statusCode).toBe(200);
    const detail = (await call(t.app, ent, 'GET', `${base}/${item.id}`)).json<{
      history: { to: string; note: string | null }[];
      canEdit: boolean;
      canReview: boolean;
    }>();
    expect(detail.history.map((h) => h.to)).toEqual([
      'draft',
      'submitted',
      'returned',
      'submitted',
      'published',
    ]);
    expect(detail.history[2]!.note).toBe('请补充技能要求');
    expect([detail.canEdit, detail.canReview]).toEqual([true, false]);

    // edited by its unit after publication: back to review
    const edited = await call(t.app, ent, 'PATCH', `${base}/${item.id}`, { headcount: 10 });
    expect(edited.json<{ status: string }>().status).toBe('submitted');
    // another unit may not edit
    expectError(
      await call(t.app, ent2, 'PATCH', `${base}/${item.id}`, { headcount: 1 }),
      404,
      'LIST_ITEM_NOT_FOUND',
    );
  });

  it('filter by a major or an industry along the catalog tree: the code, what is above it and below it', async () => {
    const make = async (title: string, body: Record<string, unknown>) => {
      const res = await call(t.app, sec, 'POST', base, { unitId: otherUnitId, title, ...body });
      expect(res.statusCode, res.body).toBe(201);
    };
    await make('装备制造大类人才', { kind: 'talent', headcount: 1, majorCodes: ['46'] });
    await make('机械设计与制造人才', { kind: 'talent', headcount: 1, majorCodes: ['460104'] });
    await make('自动化类人才', { kind: 'talent', headcount: 1, majorCodes: ['4603', '51'] });
    await make('电子信息人才', { kind: 'talent', headcount: 1, majorCodes: ['51'] });
    await make('未写专业的人才', { kind: 'talent', headcount: 1 });
    const titles = async (q: string) =>
      (await call(t.app, sec, 'GET', `${base}?${q}&unitId=${otherUnitId}&pageSize=100&sort=title`))
        .json<{ items: { title: string }[] }>()
        .items.map((i) => i.title)
        .sort();
    expect(await titles('kind=talent&majorCode=46')).toEqual(
      ['机械设计与制造人才', '自动化类人才', '装备制造大类人才'].sort(),
    );
    expect(await titles('kind=talent&majorCode=4601')).toEqual(
      ['机械设计与制造人才', '装备制造大类人才'].sort(),
    );
    expect(await titles('kind=talent&majorCode=460104')).toEqual(
      ['机械设计与制造人才', '装备制造大类人才'].sort(),
    );
    expect(await titles('kind=talent&majorCode=5101')).toEqual(['电子信息人才', '自动化类人才'].sort());

    await make('制造业整体', { kind: 'product', industryCode: 'C' });
    await make('通用设备', { kind: 'product', industryCode: '34' });
    await make('农副食品', { kind: 'product', industryCode: '13' });
    await make('农业', { kind: 'product', industryCode: 'A' });
    await make('种植', { kind: 'product', industryCode: '01' });
    expect(await titles('kind=product&industryCode=C')).toEqual(
      ['农副食品', '制造业整体', '通用设备'].sort(),
    );
    expect(await titles('kind=product&industryCode=34')).toEqual(['制造业整体', '通用设备'].sort());
    expect(await titles('kind=product&industryCode=01')).toEqual(['农业', '种植'].sort());
    expectError(
      await call(t.app, sec, 'GET', `${base}?kind=product&industryCode=CC`),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await call(t.app, sec, 'GET', `${base}?kind=talent&majorCode=4`), 400, 'VALIDATION_FAILED');
  });

  it('show what answers them: a posting that names a talent demand links to it; unanswered ones filter out', async () => {
    const item = (
      await call(t.app, sec, 'POST', base, {
        kind: 'talent',
        unitId: w.A.enterprise.id,
        title: '数控人才',
        headcount: 3,
      })
    ).json<{ id: string }>();
    const unanswered = (await call(t.app, sec, 'GET', `${base}?kind=talent&answered=no`)).json<{
      items: { id: string }[];
    }>();
    expect(unanswered.items.map((i) => i.id)).toContain(item.id);
    const posting = await call(t.app, ent, 'POST', `/api/v1/consortia/${w.A.c.id}/postings`, {
      unitId: w.A.enterprise.id,
      kind: 'job',
      title: '数控车工',
      headcount: 2,
      deadline: '2099-01-01',
      talentDemandId: item.id,
    });
    expect(posting.statusCode, posting.body).toBe(201);
    const detail = (await call(t.app, sec, 'GET', `${base}/${item.id}`)).json<{
      links: { targetKind: string; targetId: string }[];
      linkCount: number;
    }>();
    expect(detail.links).toEqual([
      expect.objectContaining({ targetKind: 'posting', targetId: posting.json().id }),
    ]);
    const answered = (await call(t.app, sec, 'GET', `${base}?kind=talent&answered=yes`)).json<{
      items: { id: string }[];
    }>();
    expect(answered.items.map((i) => i.id)).toContain(item.id);
    // another enterprise's posting cannot claim it
    const stolen = await call(t.app, ent2, 'POST', `/api/v1/consortia/${w.A.c.id}/postings`, {
      unitId: otherUnitId,
      kind: 'job',
      title: '别家岗位',
      headcount: 1,
      deadline: '2099-01-01',
      talentDemandId: item.id,
    });
    expectError(stolen, 400, 'VALIDATION_FAILED');
    expect(stolen.json().error.details.issues[0]).toMatchObject({
      path: 'body.talentDemandId',
      code: 'OTHER_UNIT',
    });
  });

  it('move a technology demand along its progress and refuse fields of another kind', async () => {
    const tech = (
      await call(t.app, sec, 'POST', base, {
        kind: 'tech',
        unitId: w.A.enterprise.id,
        title: '焊接节拍提升',
        field: '智能制造',
        budget: 20,
      })
    ).json<{ id: string; progress: string }>();
    expect(tech.progress).toBe('collecting');
    expectError(
      await call(t.app, sec, 'POST', `${base}/${tech.id}/progress`, { progress: 'matching' }),
      409,
      'INVALID_TRANSITION',
    );
    await call(t.app, sec, 'POST', `${base}/${tech.id}/actions`, { action: 'submit' });
    await call(t.app, sec, 'POST', `${base}/${tech.id}/actions`, { action: 'publish' });
    expect(
      (await call(t.app, ent, 'POST', `${base}/${tech.id}/progress`, { progress: 'matching' })).statusCode,
    ).toBe(200);
    expectError(
      await call(t.app, ent, 'POST', `${base}/${tech.id}/progress`, { progress: 'solved' }),
      409,
      'INVALID_TRANSITION',
    );
    const wrong = await call(t.app, sec, 'PATCH', `${base}/${tech.id}`, { headcount: 3 });
    expectError(wrong, 400, 'VALIDATION_FAILED');
    expect(wrong.json().error.details.issues[0]).toMatchObject({
      path: 'body.headcount',
      code: 'NOT_OF_KIND',
    });
  });

  it('import from Excel all or nothing; a unit imports only for itself and waits for review', async () => {
    const rows: Partial<ListSheetRow>[] = [
      {
        unitName: w.A.enterprise.name,
        title: '六轴机器人',
        industryCode: '34',
        chainPosition: 'midstream',
        keyTechnologies: ['伺服', '减速器'],
        year: 2025,
      },
      { unitName: w.A.enterprise.name, title: '精密减速器', industryCode: '34', year: 2024 },
    ];
    const send = async (s: Session, data: Partial<ListSheetRow>[]) => {
      const file = await writeTable(listColumns.product, data as ListSheetRow[], { format: 'xlsx' });
      return t.app.inject({
        method: 'POST',
        url: `${base}/import?kind=product&format=xlsx`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
        payload: file,
      });
    };
    const before = await t.db.$count(listItems);
    const bad = (
      await send(ent, [
        ...rows,
        { unitName: '别家企业', title: '别人的产品' },
        { unitName: '不存在的单位', title: 'X产品' },
      ])
    ).json<{
      ok: boolean;
      errors: { row: number; code: string }[];
    }>();
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'FORBIDDEN_UNIT'],
      [5, 'UNKNOWN_UNIT'],
    ]);
    expect(await t.db.$count(listItems)).toBe(before);
    const good = (await send(ent, rows)).json<{ ok: boolean; inserted: number }>();
    expect(good).toMatchObject({ ok: true, inserted: 2 });
    const mine = (await call(t.app, ent, 'GET', `${base}?kind=product`)).json<{
      items: { title: string; status: string; keyTechnologies: string[] }[];
    }>();
    expect(mine.items.find((i) => i.title === '六轴机器人')).toMatchObject({
      status: 'submitted',
      keyTechnologies: ['伺服', '减速器'],
    });
    const again = (await send(ent, rows)).json<{ ok: boolean; inserted: number; unchanged: number }>();
    expect(again).toMatchObject({ ok: true, inserted: 0, unchanged: 2 });
  });
});
