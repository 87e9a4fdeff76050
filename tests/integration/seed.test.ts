// The demo consortium: the size the issue asks for, and every unit valid by the product's own rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consortia, memberUnits } from '../../server/db/schema/index.ts';
import { DEMO_CONSORTIUM_CODE, demoAccounts, seedDemo } from '../../server/db/seed/demo.ts';
import { validateUscc } from '../../server/lib/identifiers.ts';
import { unitIssues } from '../../server/modules/consortium/consortium.core.ts';
import { codeStatuses } from '../../server/modules/reference/reference.service.ts';
import { createTestApp, login, call, type TestApp } from '../setup/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, 'seed-test-pass-1');
});
afterAll(async () => t.close());

describe('demo seed', () => {
  it('has one park, three leading industries, ~20 schools and ~200 enterprises', async () => {
    const [c] = await t.db.select().from(consortia).where(eq(consortia.code, DEMO_CONSORTIUM_CODE));
    const units = await t.db.select().from(memberUnits).where(eq(memberUnits.consortiumId, c!.id));
    const schools = units.filter((u) =>
      ['secondary_vocational', 'higher_vocational', 'vocational_undergraduate', 'university'].includes(
        u.type,
      ),
    );
    const enterprises = units.filter((u) => u.type === 'enterprise');
    expect(schools.length).toBeGreaterThanOrEqual(18);
    expect(new Set(schools.map((u) => u.type)).size).toBe(4);
    expect(enterprises).toHaveLength(200);
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
    const s = await login(t.app, 'secretariat', 'seed-test-pass-1');
    const profile = (await call(t.app, s, 'GET', `/api/v1/consortia/${c!.id}`)).json();
    expect(profile.parks).toHaveLength(1);
    expect(profile.industries.map((i: { industryName: string }) => i.industryName)).toEqual([
      '通用设备制造业',
      '计算机、通信和其他电子设备制造业',
      '汽车制造业',
    ]);
    expect(profile.statusHistory.length).toBeGreaterThan(0);
  });

  it('every unit passes the rules a user would face: valid USCCs, known industry codes, figures with dates', async () => {
    const units = await t.db.select().from(memberUnits);
    for (const u of units) {
      expect(unitIssues(u), u.name).toEqual([]);
      if (u.uscc) expect(validateUscc(u.uscc).ok, `${u.name} ${u.uscc}`).toBe(true);
    }
    const statuses = await codeStatuses(
      t.db,
      'industry',
      units.flatMap((u) => (u.industryCode ? [u.industryCode] : [])),
    );
    expect([...statuses.values()].every((s) => s === 'known')).toBe(true);
    expect(new Set(units.flatMap((u) => (u.uscc ? [u.uscc] : []))).size).toBe(
      units.filter((u) => u.uscc).length,
    );
  });

  it('every demo account logs in', async () => {
    for (const a of demoAccounts) await login(t.app, a.username, 'seed-test-pass-1');
  });
});
