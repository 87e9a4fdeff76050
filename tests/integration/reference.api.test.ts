import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntries, catalogs } from '../../server/db/schema/index.ts';
import type { CatalogRowInput } from '../../server/modules/reference/catalog.core.ts';
import { importCatalogRows } from '../../server/modules/reference/reference.service.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeUser,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let admin: Session;
let someone: Session;
let adminActor: { userId: string; username: string; displayName: string; memberships: [] };

const sharedCsv = path.resolve(import.meta.dirname, '../../../shared/data/gbt4754-2017.csv');

beforeAll(async () => {
  t = await createTestApp();
  const a = await makeUser(t.db, [{ roleCode: 'platform_admin', consortiumId: null }]);
  const u = await makeUser(t.db, []);
  admin = await login(t.app, a.username);
  someone = await login(t.app, u.username);
  adminActor = { userId: a.id, username: a.username, displayName: a.displayName, memberships: [] };
});
afterAll(async () => t.close());

type Catalog = {
  kind: string;
  version: string;
  isCurrent: boolean;
  levels: { loaded: number; expected: number | null; complete: boolean | null }[];
};

describe('built-in catalogs', () => {
  it('says plainly which versions are loaded and how complete each is', async () => {
    expectError(await call(t.app, null, 'GET', '/api/v1/reference/catalogs'), 401, 'UNAUTHENTICATED');
    const list = (await call(t.app, someone, 'GET', '/api/v1/reference/catalogs')).json<Catalog[]>();
    const industry = list.find((c) => c.kind === 'industry')!;
    expect(industry).toMatchObject({ version: '2017', isCurrent: true });
    expect(industry.levels.map((l) => [l.loaded, l.expected, l.complete])).toEqual([
      [20, 20, true],
      [97, 97, true],
      [0, 473, false],
      [0, 1381, false],
    ]);
    expect(list.find((c) => c.kind === 'region')!.levels[0]).toMatchObject({ loaded: 34, expected: 34 });
    expect(list.find((c) => c.kind === 'occupation')!.levels[0]).toMatchObject({ loaded: 8, complete: true });
    expect(list.find((c) => c.kind === 'major')!.levels[0]!.loaded).toBe(19);
  });

  it('browses by parent and searches by code prefix or Chinese name', async () => {
    const base = '/api/v1/reference/catalogs/industry/2017/entries';
    const manufacturing = (await call(t.app, someone, 'GET', `${base}?parent=C&pageSize=100`)).json();
    expect(manufacturing.total).toBe(31);
    const byName = (await call(t.app, someone, 'GET', `${base}?q=${encodeURIComponent('汽车')}`)).json();
    expect(byName.items.map((e: { code: string }) => e.code)).toEqual(['36']);
    const byCode = (await call(t.app, someone, 'GET', `${base}?q=3`)).json();
    expect(byCode.items.every((e: { code: string }) => e.code.startsWith('3'))).toBe(true);
    const detail = (await call(t.app, someone, 'GET', `${base}/36`)).json();
    expect(detail.ancestors.map((e: { code: string }) => e.code)).toEqual(['C']);
    expect(detail.entry).toMatchObject({ builtin: true, certainty: 'V', level: 2 });
    expectError(await call(t.app, someone, 'GET', `${base}/9999`), 404, 'CATALOG_ENTRY_NOT_FOUND');
    expectError(
      await call(t.app, someone, 'GET', '/api/v1/reference/catalogs/industry/1999/entries'),
      404,
      'CATALOG_NOT_FOUND',
    );
    expectError(
      await call(t.app, someone, 'GET', '/api/v1/reference/catalogs/planets/1/entries'),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('importing a catalog', () => {
  it('rejects a file with a child whose parent is missing, naming the row, and writes nothing', async () => {
    const before = await t.db.$count(catalogEntries);
    const rows: CatalogRowInput[] = [
      { row: 2, code: '391', name: '计算机制造' },
      { row: 3, code: '3911', name: '计算机整机制造' },
      { row: 4, code: '3981', name: '电阻电容电感元件制造' }, // its 中类 398 is not in the file
    ];
    const res = await importCatalogRows(
      t.db,
      adminActor,
      { kind: 'industry', version: '2017', dryRun: false },
      rows,
    );
    expect(res.ok).toBe(false);
    expect(res.errors).toEqual([expect.objectContaining({ row: 4, code: 'PARENT_MISSING' })]);
    expect(await t.db.$count(catalogEntries)).toBe(before);
  });

  it.runIf(fs.existsSync(sharedCsv))('a full GB/T 4754-2017 table builds the whole hierarchy', async () => {
    const lines = fs.readFileSync(sharedCsv, 'utf8').trim().split(/\r?\n/);
    const rows: CatalogRowInput[] = lines.slice(1).map((l, i) => {
      const [, code = '', name = '', parent = ''] = l.split(',');
      return { row: i + 2, code, name, parentCode: parent };
    });
    const dry = await importCatalogRows(
      t.db,
      adminActor,
      { kind: 'industry', version: '2017', dryRun: true },
      rows,
    );
    expect(dry.errors).toEqual([]);
    expect(dry.ok).toBe(true);
    const res = await importCatalogRows(
      t.db,
      adminActor,
      { kind: 'industry', version: '2017', dryRun: false, fileName: 'gbt4754.csv' },
      rows,
    );
    expect(res).toMatchObject({ ok: true, total: 1971, inserted: 473 + 1381 });
    const list = (await call(t.app, someone, 'GET', '/api/v1/reference/catalogs')).json<Catalog[]>();
    const industry = list.find((c) => c.kind === 'industry')!;
    expect(industry.levels.map((l) => l.loaded)).toEqual([20, 97, 473, 1381]);
    const detail = (
      await call(t.app, someone, 'GET', '/api/v1/reference/catalogs/industry/2017/entries/3911')
    ).json();
    expect(detail.ancestors.map((e: { code: string }) => e.code)).toEqual(['C', '39', '391']);
    // importing the same table again changes nothing
    const again = await importCatalogRows(
      t.db,
      adminActor,
      { kind: 'industry', version: '2017', dryRun: false },
      rows,
    );
    expect(again).toMatchObject({ ok: true, inserted: 0 });
  });
});

describe('importing an official table from Excel', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  async function workbook(rows: string[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('GBT4754-2017');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (url: string, file: Buffer, s: Session = admin) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX },
      payload: file,
    });

  it('names the row of a child whose parent is missing, and writes nothing', async () => {
    const file = await workbook([
      ['级别', '代码', '名称', '上级代码'],
      ['门类', 'C', '制造业', ''],
      ['大类', '35', '专用设备制造业', 'C'],
      ['中类', '351', '采矿、冶金、建筑专用设备制造', '35'],
      ['小类', '3511', '矿山机械制造', '351'],
      ['小类', '3521', '炼油、化工生产专用设备制造', '352'],
    ]);
    const before = await t.db.$count(catalogEntries);
    const catalogsBefore = await t.db.$count(catalogs);
    // a new draft version: nothing of it is loaded yet
    const url = '/api/v1/reference/catalogs/industry/draft-1';
    const res = await upload(`${url}/import?format=xlsx`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ok: false,
      total: 5,
      errors: [{ row: 6, column: '上级代码', code: 'PARENT_MISSING' }],
    });
    expect(await t.db.$count(catalogEntries)).toBe(before);
    expect(await t.db.$count(catalogs)).toBe(catalogsBefore);
    const annotated = await upload(`${url}/import/annotated?format=xlsx`, file);
    expect(annotated.statusCode).toBe(200);
    expectError(await upload(`${url}/import?format=xlsx`, file, someone), 403, 'FORBIDDEN');
  });

  it.runIf(fs.existsSync(sharedCsv))(
    'a full GB/T 4754-2017 workbook builds the hierarchy, and exports back the same',
    async () => {
      const rows = fs
        .readFileSync(sharedCsv, 'utf8')
        .trim()
        .split(/\r?\n/)
        .map((l) => l.split(','));
      const res = await upload(
        '/api/v1/reference/catalogs/industry/2017/import?format=xlsx&fileName=gbt4754.xlsx',
        await workbook(rows),
      );
      expect(res.json()).toMatchObject({ ok: true, total: 1971, errors: [] });
      const list = (await call(t.app, someone, 'GET', '/api/v1/reference/catalogs')).json<Catalog[]>();
      expect(list.find((c) => c.kind === 'industry')!.levels.map((l) => [l.loaded, l.complete])).toEqual([
        [20, true],
        [97, true],
        [473, true],
        [1381, true],
      ]);
      const exported = await call(
        t.app,
        someone,
        'GET',
        '/api/v1/reference/catalogs/industry/2017/export?format=xlsx',
      );
      const again = await upload(
        '/api/v1/reference/catalogs/industry/2017/import?format=xlsx',
        exported.rawPayload,
      );
      expect(again.json()).toMatchObject({ ok: true, total: 1971, inserted: 0, updated: 0, unchanged: 1971 });
    },
  );
});

describe('the major crosswalk', () => {
  it('links an imported major to industries and occupations; only platform admins edit it', async () => {
    const res = await importCatalogRows(t.db, adminActor, { kind: 'major', version: '2021', dryRun: false }, [
      { row: 2, code: '5102', name: '计算机类' },
      { row: 3, code: '510201', name: '计算机应用技术' },
    ]);
    expect(res.errors).toEqual([]);
    const url = '/api/v1/reference/crosswalk/2021/510201';
    expectError(await call(t.app, someone, 'PUT', url, { industries: ['65'] }), 403, 'FORBIDDEN');
    const bad = await call(t.app, admin, 'PUT', url, { industries: ['65', '99'], occupations: ['2'] });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.industries.1', code: 'UNKNOWN_CODE' }),
    ]);
    const ok = await call(t.app, admin, 'PUT', url, { industries: ['65', '39'], occupations: ['2'] });
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = (
      await call(t.app, someone, 'GET', '/api/v1/reference/catalogs/major/2021/entries/510201')
    ).json();
    expect(
      detail.crosswalk.map(
        (l: { targetKind: string; targetCode: string }) => `${l.targetKind}:${l.targetCode}`,
      ),
    ).toEqual(['industry:39', 'industry:65', 'occupation:2']);
    expect(detail.entry.educationLevel).toBe('higher');
  });

  it('imports the crosswalk from Excel, all rows or none, and exports it back the same', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const book = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('对照');
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (url: string, file: Buffer, s: Session = admin) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': XLSX },
        payload: file,
      });
    const url = '/api/v1/reference/crosswalk/2021';
    const bad = await book([
      ['专业代码', '对应行业代码', '主要职业类别代码'],
      ['510201', '65；64', '2'],
      ['519999', '65', ''],
      ['510201', '39', '9'],
    ]);
    const refused = (await upload(`${url}/import?format=xlsx`, bad)).json();
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual([
      '3:UNKNOWN_MAJOR',
      '4:DUPLICATE',
      '4:UNKNOWN_OCCUPATION',
    ]);
    const before = (
      await call(t.app, someone, 'GET', '/api/v1/reference/catalogs/major/2021/entries/510201')
    ).json().crosswalk;
    const good = await book([
      ['专业代码', '对应行业代码', '主要职业类别代码'],
      ['510201', '65；64', '2'],
    ]);
    expectError(await upload(`${url}/import?format=xlsx`, good, someone), 403, 'FORBIDDEN');
    const res = (await upload(`${url}/import?format=xlsx`, good)).json();
    expect(res).toMatchObject({ ok: true, total: 1, updated: before.length ? 1 : 0 });
    const after = (
      await call(t.app, someone, 'GET', '/api/v1/reference/catalogs/major/2021/entries/510201')
    ).json().crosswalk;
    expect(
      after.map((l: { targetKind: string; targetCode: string }) => `${l.targetKind}:${l.targetCode}`),
    ).toEqual(['industry:64', 'industry:65', 'occupation:2']);
    const exported = await call(t.app, someone, 'GET', `${url}/export?format=xlsx`);
    const again = (await upload(`${url}/import?format=xlsx`, exported.rawPayload)).json();
    expect(again).toMatchObject({ ok: true, total: 1, inserted: 0, updated: 0, unchanged: 1 });
  });

  it('only platform admins choose the current version', async () => {
    expectError(
      await call(t.app, someone, 'POST', '/api/v1/reference/catalogs/industry/2017/current'),
      403,
      'FORBIDDEN',
    );
    expect(
      (await call(t.app, admin, 'POST', '/api/v1/reference/catalogs/industry/2017/current')).statusCode,
    ).toBe(204);
  });
});
