// The consortium profile: lifecycle with dated history, parks, leading industries and chains, charter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
const base = () => `/api/v1/consortia/${w.A.c.id}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  sec = await login(t.app, w.A.secretariat.username);
});
afterAll(async () => t.close());

describe('consortium profile', () => {
  it('records each status change with the date it took effect', async () => {
    let r = await call(t.app, sec, 'PATCH', base(), {
      status: 'building',
      statusSince: '2024-05-01',
      statusNote: '理事会成立',
      batch: 2,
      batchYear: 2024,
    });
    expect(r.statusCode, r.body).toBe(200);
    r = await call(t.app, sec, 'PATCH', base(), { status: 'monitored' });
    expect(r.statusCode, r.body).toBe(200);
    expectError(
      await call(t.app, sec, 'PATCH', base(), { statusSince: '2024-01-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await call(t.app, sec, 'PATCH', base(), { batchYear: 1999 }), 400, 'VALIDATION_FAILED');
    const p = (await call(t.app, sec, 'GET', base())).json();
    expect(p.consortium).toMatchObject({ status: 'monitored', batch: 2, batchYear: 2024 });
    expect(p.statusHistory.map((h: { status: string }) => h.status)).toEqual(['monitored', 'building']);
    expect(p.statusHistory[1]).toMatchObject({ since: '2024-05-01', note: '理事会成立' });
    const audit = (await call(t.app, sec, 'GET', `${base()}/audit?action=status_change`)).json();
    expect(audit.total).toBe(2);
  });

  it('replaces the parks, validating value and year together', async () => {
    const parks = [
      { name: '江临经济技术开发区', kind: 'national_etdz', outputValue: 1520.5, outputYear: 2025 },
      { name: '江临高新技术产业园', kind: 'provincial_hitech' },
    ];
    const r = await call(t.app, sec, 'PUT', `${base()}/parks`, parks);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().map((x: { name: string }) => x.name)).toEqual([
      '江临经济技术开发区',
      '江临高新技术产业园',
    ]);
    const unpaired = await call(t.app, sec, 'PUT', `${base()}/parks`, [
      { name: '有值有年', kind: 'other', outputValue: 10, outputYear: 2025 },
      { name: '只有产值', kind: 'other', outputValue: 10 },
    ]);
    expectError(unpaired, 400, 'VALIDATION_FAILED');
    // against the missing field of its row, so that the form shows it there
    expect(unpaired.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.1.outputYear',
    ]);
    expectError(
      await call(t.app, sec, 'PUT', `${base()}/parks`, [{ name: '坏类型', kind: 'zone' }]),
      400,
      'VALIDATION_FAILED',
    );
    expect((await call(t.app, sec, 'GET', base())).json().parks).toHaveLength(2);
  });

  it('sets leading industries by GB/T 4754 code, with names, and refuses unknown codes', async () => {
    const r = await call(t.app, sec, 'PUT', `${base()}/industries`, [
      { industryCode: '34', chains: ['工业机器人', '数控机床'] },
      { industryCode: '39', chains: ['集成电路'] },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual([
      { industryCode: '34', industryName: '通用设备制造业', chains: ['工业机器人', '数控机床'] },
      { industryCode: '39', industryName: '计算机、通信和其他电子设备制造业', chains: ['集成电路'] },
    ]);
    const bad = await call(t.app, sec, 'PUT', `${base()}/industries`, [
      { industryCode: '34' },
      { industryCode: '98' },
    ]);
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().error.details.issues[0].path).toBe('body.1.industryCode');
    const twice = await call(t.app, sec, 'PUT', `${base()}/industries`, [
      { industryCode: '34' },
      { industryCode: '39' },
      { industryCode: '34' },
    ]);
    expectError(twice, 400, 'VALIDATION_FAILED');
    expect(twice.json().error.details.issues[0]).toMatchObject({
      path: 'body.2.industryCode',
      message: expect.stringContaining('row 1'),
    });
  });

  it('uploads and downloads the charter; refuses other file types; members read, only the secretariat writes', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% 章程\n');
    const up = await t.app.inject({
      method: 'PUT',
      url: `${base()}/charter?fileName=${encodeURIComponent('联合体章程.pdf')}`,
      headers: { cookie: sec.cookie, 'x-csrf-token': sec.csrf, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: '联合体章程.pdf', size: pdf.length });
    const student = await login(t.app, w.A.student.username);
    const down = await call(t.app, student, 'GET', `${base()}/charter`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await call(t.app, student, 'GET', base())).json().charter.fileName).toBe('联合体章程.pdf');
    const exe = await t.app.inject({
      method: 'PUT',
      url: `${base()}/charter?fileName=x.exe`,
      headers: { cookie: sec.cookie, 'x-csrf-token': sec.csrf, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('MZ'),
    });
    expectError(exe, 400, 'VALIDATION_FAILED');
    const unitAdmin = await login(t.app, w.A.schoolAdmin.username);
    const denied = await t.app.inject({
      method: 'PUT',
      url: `${base()}/charter?fileName=a.pdf`,
      headers: {
        cookie: unitAdmin.cookie,
        'x-csrf-token': unitAdmin.csrf,
        'content-type': 'application/pdf',
      },
      payload: pdf,
    });
    expectError(denied, 403, 'FORBIDDEN');
    expectError(await call(t.app, unitAdmin, 'PUT', `${base()}/parks`, []), 403, 'FORBIDDEN');
  });

  it('lists lead and council units in the profile', async () => {
    expect(
      (await call(t.app, sec, 'PATCH', `${base()}/units/${w.A.school.id}`, { role: 'lead' })).statusCode,
    ).toBe(200);
    expect(
      (await call(t.app, sec, 'PATCH', `${base()}/units/${w.A.enterprise.id}`, { role: 'council' }))
        .statusCode,
    ).toBe(200);
    const p = (await call(t.app, sec, 'GET', base())).json();
    expect(p.leadUnits.map((u: { id: string }) => u.id)).toEqual([w.A.school.id]);
    expect(p.councilUnits.map((u: { id: string }) => u.id)).toEqual([w.A.enterprise.id]);
  });
});
