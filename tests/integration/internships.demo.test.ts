// The demo consortium's internships: placements that obey every blocking rule, a small host exactly at
// its 10% cap (one more intern is refused with the rule named), agreements confirmed by the three
// parties for the placements under way and not yet for next month's arrivals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { consortia } from '../../server/db/schema/index.ts';
import { DEMO_CONSORTIUM_CODE, seedDemo } from '../../server/db/seed/demo.ts';
import { plantedAnomalies } from '../../server/db/seed/internships-demo.ts';
import { call, createTestApp, login, type Session, type TestApp } from '../setup/factories.ts';

const PASSWORD = 'intern-demo-pass-1';
let t: TestApp;
let base: string;
let secretariat: Session;
let school: Session;

type Finding = { ruleId: string; severity: string };
type Placement = {
  id: string;
  status: string;
  kind: string;
  hostName: string;
  hostUnitId: string | null;
  planId: string;
  findings: Finding[];
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, PASSWORD);
  const [c] = await t.db.select().from(consortia).where(eq(consortia.code, DEMO_CONSORTIUM_CODE));
  base = `/api/v1/consortia/${c!.id}/internships`;
  secretariat = await login(t.app, 'secretariat', PASSWORD);
  school = await login(t.app, 'school', PASSWORD);
});
afterAll(async () => t.close());

async function all(s: Session, query = ''): Promise<Placement[]> {
  const res = await call(t.app, s, 'GET', `${base}/placements?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Placement[] }>().items;
}

describe('demo internships', () => {
  it('has placements under way and to come, none breaking a blocking rule', async () => {
    const items = await all(secretariat);
    expect(items.filter((p) => p.status === 'active').length).toBeGreaterThan(60);
    expect(items.filter((p) => p.status === 'pending').length).toBeGreaterThan(10);
    for (const p of items) expect(p.findings.filter((f) => f.severity === 'block')).toEqual([]);
    const warned = new Map<string, number>();
    for (const p of items) for (const f of p.findings) warned.set(f.ruleId, (warned.get(f.ruleId) ?? 0) + 1);
    // the only warnings: posts of the smaller hosts whose staff count nobody gave (the 20% cap unchecked)
    expect([...warned.keys()]).toEqual(['R-RATIO-POST']);
    expect(warned.get('R-RATIO-POST')).toBeGreaterThan(0);
    const page = (await call(t.app, secretariat, 'GET', `${base}/compliance`)).json<{
      totals: { block: number };
    }>();
    expect(page.totals.block).toBe(0);
  });

  it('the agreements of placements under way are confirmed by all three; next month’s are not', async () => {
    const items = await all(school, '&status=active');
    for (const p of items.slice(0, 10)) {
      const d = (await call(t.app, school, 'GET', `${base}/placements/${p.id}`)).json<{
        agreement: { complete: boolean } | null;
      }>();
      expect(d.agreement?.complete).toBe(true);
    }
    const pending = (await all(school, '&status=pending')).filter((p) => p.kind === 'position');
    expect(pending.length).toBeGreaterThan(0);
    for (const p of pending) {
      const d = (await call(t.app, school, 'GET', `${base}/placements/${p.id}`)).json<{
        agreement: { complete: boolean } | null;
      }>();
      expect(d.agreement?.complete).toBe(false);
    }
  });

  it('a small host is exactly at its cap: one more intern there is refused with R-RATIO-HOST', async () => {
    const items = await all(secretariat, '&status=active');
    const counts = new Map<string, number>();
    for (const p of items) if (p.hostUnitId) counts.set(p.hostUnitId, (counts.get(p.hostUnitId) ?? 0) + 1);
    const units = (
      await call(
        t.app,
        secretariat,
        'GET',
        `/api/v1/consortia/${base.split('/')[4]}/units?pageSize=200&type=enterprise`,
      )
    ).json<{ items: { id: string; employeeCount: number | null }[] }>().items;
    const atCap = units.find(
      (u) =>
        u.employeeCount && counts.get(u.id) === Math.floor(u.employeeCount * 0.1) && u.employeeCount < 50,
    );
    expect(atCap).toBeDefined();
    const placements = await all(school, `&hostUnitId=${atCap!.id}`);
    const detail = (await call(t.app, school, 'GET', `${base}/placements/${placements[0]!.id}`)).json<
      Record<string, unknown>
    >();
    // a student of the plan's school not yet placed
    const students = (
      await call(
        t.app,
        school,
        'GET',
        `/api/v1/consortia/${base.split('/')[4]}/candidates?pageSize=200&kind=student`,
      )
    ).json<{
      items: { id: string; majorCode: string | null; yearOfStudy: number | null; schoolUnitId: string }[];
    }>().items;
    const placed = new Set(
      (await all(secretariat)).map((p) => (p as unknown as { candidateId: string }).candidateId),
    );
    const free = students.find(
      (s) =>
        !placed.has(s.id) &&
        (s.majorCode ?? '').startsWith('46') &&
        (s.yearOfStudy ?? 0) >= 2 &&
        s.schoolUnitId === detail.schoolUnitId,
    )!;
    const fields = Object.fromEntries(
      [
        'hostKind',
        'hostUnitId',
        'postTitle',
        'postStaffCount',
        'postMajorCodes',
        'schoolMentorName',
        'enterpriseMentorName',
        'startDate',
        'endDate',
        'dailyHours',
        'venueType',
        'payAmount',
        'postWage',
        'payChannel',
        'payFrequency',
        'insurer',
        'policyNo',
        'insuranceStart',
        'insuranceEnd',
        'premiumPaidBy',
      ].map((k) => [k, detail[k]]),
    );
    const res = await call(t.app, school, 'POST', `${base}/placements/check`, {
      placement: { ...fields, planId: detail.planId, candidateId: free.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<{ ok: boolean; findings: Finding[] }>();
    expect(out.ok).toBe(false);
    expect(out.findings.filter((f) => f.severity === 'block').map((f) => f.ruleId)).toEqual(['R-RATIO-HOST']);
  });
});

describe('demo supervision', () => {
  it('the detectors find the planted anomalies and nothing else', async () => {
    const res = await call(t.app, secretariat, 'POST', `${base}/flags/detect`, {});
    expect(res.statusCode, res.body).toBeLessThan(300);
    const flags = (await call(t.app, secretariat, 'GET', `${base}/flags?pageSize=200`)).json<{
      items: { kind: string; placementId: string; details: Record<string, unknown> }[];
      total: number;
    }>();
    const byKind = (k: string) => flags.items.filter((f) => f.kind === k);
    // one flag per copied log, one per student sharing the phone, the silent placement, the unsigned one
    expect(byKind('near_duplicate')).toHaveLength(plantedAnomalies.nearDuplicateStudents);
    expect(byKind('shared_device')).toHaveLength(plantedAnomalies.sharedDeviceStudents);
    expect(byKind('never_cosigned')).toHaveLength(plantedAnomalies.neverCosigned);
    expect(byKind('missing_logs')).toHaveLength(plantedAnomalies.missingLogs);
    expect(flags.total).toBe(
      plantedAnomalies.nearDuplicateStudents +
        plantedAnomalies.sharedDeviceStudents +
        plantedAnomalies.neverCosigned +
        plantedAnomalies.missingLogs,
    );
    expect(new Set(byKind('near_duplicate').map((f) => f.placementId)).size).toBe(3);
    // running again raises nothing new
    await call(t.app, secretariat, 'POST', `${base}/flags/detect`, {});
    const again = (await call(t.app, secretariat, 'GET', `${base}/flags?pageSize=200`)).json<{
      total: number;
    }>();
    expect(again.total).toBe(flags.total);
  });
});
