// Member units through Excel: 5,000 rows with 20 bad ones are refused with exactly those rows named and
// nothing written; fixed, they import; an export re-imported changes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, memberUnits } from '../../server/db/schema/index.ts';
import { writeTable } from '../../server/lib/excel/index.ts';
import { unitColumns, type UnitSheetRow } from '../../server/modules/consortium/units.excel.ts';
import { importCatalogRows } from '../../server/modules/reference/reference.service.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeUscc,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
const base = () => `/api/v1/consortia/${w.A.c.id}/units`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  sec = await login(t.app, w.A.secretariat.username);
  // prefectures of one province, so that an unknown prefecture there is caught
  const admin = {
    userId: w.admin.id,
    username: w.admin.username,
    displayName: w.admin.displayName,
    memberships: [],
  };
  const res = await importCatalogRows(t.db, admin, { kind: 'region', version: '2023', dryRun: false }, [
    { row: 2, code: '320100', name: '南京市' },
    { row: 3, code: '320500', name: '苏州市' },
  ]);
  expect(res.errors).toEqual([]);
});
afterAll(async () => t.close());

function upload(s: Session, url: string, file: Buffer, type = XLSX) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type },
    payload: file,
  });
}

function rows(n: number): UnitSheetRow[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `导入测试企业${String(i + 1).padStart(5, '0')}有限公司`,
    type: 'enterprise',
    role: 'member',
    uscc: makeUscc(100000 + i),
    regionCode: i % 2 ? '320500' : '320100',
    industryCode: '34',
    joinedOn: '2025-01-01',
    leftOn: null,
    employeeCount: 50 + (i % 900),
    employeeCountAsOf: '2026-06-30',
    enrolment: null,
    enrolmentAsOf: null,
  }));
}

describe('member-unit import', () => {
  it('refuses 5,000 rows with 20 bad ones, naming exactly those rows, and writes nothing', async () => {
    const data = rows(5000);
    const bad = new Map<number, string>(); // file row (data index + 2) → expected error code
    for (let k = 0; k < 7; k++) {
      const i = 100 + k * 500;
      const u = data[i]!.uscc!;
      data[i]!.uscc = u.slice(0, 17) + (u.endsWith('0') ? '1' : '0');
      bad.set(i + 2, 'USCC_CHECK');
    }
    for (let k = 0; k < 7; k++) {
      const i = 200 + k * 500;
      data[i]!.regionCode = '329900';
      bad.set(i + 2, 'UNKNOWN_REGION');
    }
    for (let k = 0; k < 6; k++) {
      const i = 300 + k * 500;
      data[i] = { ...data[i - 1]! };
      bad.set(i + 2, 'DUPLICATE');
    }
    const file = await writeTable(unitColumns, data, { format: 'xlsx' });
    const before = await t.db.$count(memberUnits);
    const auditBefore = await t.db.$count(auditLog);
    const res = await upload(sec, `${base()}/import?format=xlsx`, file);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const report = res.json<{
      ok: boolean;
      total: number;
      errors: { row: number; code: string; column: string }[];
    }>();
    expect(report.ok).toBe(false);
    expect(report.total).toBe(5000);
    expect([...new Set(report.errors.map((e) => e.row))].sort((a, b) => a - b)).toEqual(
      [...bad.keys()].sort((a, b) => a - b),
    );
    for (const e of report.errors) expect(e.code, `row ${e.row}`).toBe(bad.get(e.row));
    expect(report.errors.find((e) => e.code === 'UNKNOWN_REGION')?.column).toBe('行政区划代码');
    expect(await t.db.$count(memberUnits)).toBe(before);
    expect(await t.db.$count(auditLog)).toBe(auditBefore);

    // the annotated workbook marks the same rows
    const annotated = await upload(sec, `${base()}/import/annotated?format=xlsx`, file);
    expect(annotated.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('错误报告');
    expect(sheet).toBeDefined();
    expect(sheet!.actualRowCount - 1).toBe(report.errors.length);
  }, 120_000);

  it('imports the fixed file, and an export re-imported changes nothing', async () => {
    const data = rows(5000);
    const file = await writeTable(unitColumns, data, { format: 'xlsx' });
    const dry = (await upload(sec, `${base()}/import?format=xlsx&dryRun=true`, file)).json();
    expect(dry).toMatchObject({ ok: true, dryRun: true, inserted: 5000, updated: 0 });
    expect(await t.db.$count(memberUnits, eq(memberUnits.consortiumId, w.A.c.id))).toBe(2);
    const res = await upload(sec, `${base()}/import?format=xlsx`, file);
    expect(res.json()).toMatchObject({ ok: true, total: 5000, inserted: 5000, updated: 0 });
    expect(await t.db.$count(memberUnits, eq(memberUnits.consortiumId, w.A.c.id))).toBe(5002);
    expect(await t.db.$count(auditLog, eq(auditLog.action, 'import_create'))).toBe(5000);

    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await call(t.app, sec, 'GET', `${base()}/export?format=${format}`);
      expect(exported.statusCode).toBe(200);
      const again = await upload(
        sec,
        `${base()}/import?format=${format}`,
        exported.rawPayload,
        format === 'csv' ? 'text/csv' : XLSX,
      );
      expect(again.json(), format).toMatchObject({
        ok: true,
        total: 5002,
        inserted: 0,
        updated: 0,
        unchanged: 5002,
      });
    }
  }, 180_000);

  it('maps columns named differently, updates by USCC, and reports an empty template', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['企业全称', '单位类型', '统一社会信用代码', '在岗职工数', '职工数截至日期']);
    ws.addRow(['导入测试企业00001有限公司', '企业', makeUscc(100000), 999, '2026-09-30']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const unmapped = (await upload(sec, `${base()}/import?format=xlsx`, file)).json();
    expect(unmapped.ok).toBe(false);
    expect(unmapped.errors[0]).toMatchObject({ code: 'COLUMN_MISSING' });
    const mapping = encodeURIComponent(JSON.stringify({ 企业全称: 'name' }));
    const mapped = (await upload(sec, `${base()}/import?format=xlsx&mapping=${mapping}`, file)).json();
    expect(mapped).toMatchObject({ ok: true, updated: 1, inserted: 0 });
    const template = await call(t.app, sec, 'GET', `${base()}/template`);
    const empty = (await upload(sec, `${base()}/import?format=xlsx`, template.rawPayload)).json();
    expect(empty).toMatchObject({ ok: false, total: 0 });
    expect(empty.errors[0].code).toBe('EMPTY_FILE');
    expectError(
      await upload(sec, `${base()}/import?format=xlsx&mapping=notjson`, file),
      400,
      'VALIDATION_FAILED',
    );
  }, 60_000);

  it('only the secretariat imports; members may export', async () => {
    const s = await login(t.app, w.A.enterpriseAdmin.username);
    expectError(await upload(s, `${base()}/import?format=xlsx`, Buffer.from('x')), 403, 'FORBIDDEN');
    const all = await call(t.app, s, 'GET', `${base()}/export?format=csv`);
    expect(all.statusCode).toBe(200);
    // the export takes the list's filters
    const q = encodeURIComponent('导入测试企业0000');
    const some = await call(t.app, s, 'GET', `${base()}/export?format=csv&q=${q}&type=enterprise`);
    const lines = some.rawPayload.toString('utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 9); // header + 导入测试企业00001…00009
    expect(all.rawPayload.toString('utf8').trim().split(/\r?\n/).length).toBeGreaterThan(5000);
  });
});
