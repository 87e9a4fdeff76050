// The demo consortium's internships: two schools' plans, placements at member and external hosts that
// obey the rules (one small host exactly at its 10% cap), agreements confirmed by the three parties for
// those under way, pending ones for next month with confirmations missing, and the accounts the
// confirmations need (placed students, the other school's administrator, host mentors). Fictional and
// deterministic. The supervision logs (with their planted anomalies) are added by seedSupervisionDemo.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  agreementConfirmations,
  candidates,
  internshipHosts,
  internshipPlacements,
  internshipPlans,
  memberships,
  statusEvents,
  users,
} from '../schema/index.ts';
import { addDays } from '../../engine/compliance/index.ts';
import { usccCheckChar } from '../../lib/identifiers.ts';
import { agreementState, syncAgreement } from '../../modules/internships/agreements.ts';
import { reevaluateHosts, type HostRef } from '../../modules/internships/compliance.service.ts';
import { defaultRubric } from '../../modules/internships/plans.service.ts';
import { prng } from './demo.ts';

type Unit = { id: string; name: string; type: string; uscc: string | null };
type HostUnit = Unit & { employeeCount: number | null };

export type DemoPlacement = {
  id: string;
  candidateId: string;
  studentUserId: string;
  hostUnitId: string | null;
  mentorUserId: string | null;
  startDate: string;
  status: 'active' | 'pending';
};

const posts = [
  { title: '工业机器人装调', majors: ['4603'], staff: 60 },
  { title: '数控加工操作', majors: ['4601'], staff: 60 },
  { title: '设备维护保养', majors: ['4603', '4601'], staff: 60 },
  { title: '产品质量检验', majors: ['46'], staff: 60 },
];
const mentorNames = ['李师傅', '陈师傅', '刘工', '周工', '吴师傅', '郑工', '孙师傅', '钱工'];

export async function seedInternshipsDemo(
  tx: Tx,
  consortiumId: string,
  units: HostUnit[],
  accounts: { school: string; teacher: string; enterprise: string; mentor: string; secretariat: string },
  passwordHash: string,
  today: string,
): Promise<DemoPlacement[]> {
  const rand = prng(20261129 + 6);
  const schools = units.filter((u) => u.type === 'higher_vocational');
  const leadSchool = schools.find((u) => u.name === '江临职业技术学院') ?? schools[0]!;
  const otherSchool = schools.find((u) => u.id !== leadSchool.id) ?? null;
  const enterprises = units.filter((u) => u.type === 'enterprise' && (u.employeeCount ?? 0) > 0);
  const lead = enterprises.find((u) => u.name === '江临智能装备有限公司') ?? enterprises[0]!;
  const second = enterprises.find((u) => u.name === '江临精密机械股份有限公司') ?? enterprises[1]!;
  const mid = enterprises
    .filter((u) => u.id !== lead.id && u.id !== second.id && (u.employeeCount ?? 0) >= 300)
    .slice(0, 4);
  // a small host taken exactly to its cap: the next intern there is refused
  const small = enterprises.find((u) => (u.employeeCount ?? 0) >= 30 && (u.employeeCount ?? 0) < 50)!;

  // accounts the confirmations need: the other school's admin, a mentor per host
  const newUser = async (username: string, displayName: string, roleCode: string, unitId: string) => {
    const [u] = await tx
      .insert(users)
      .values({ username, displayName, passwordHash })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ userId: u!.id, consortiumId, memberUnitId: unitId, roleCode });
    return u!.id;
  };
  const schoolStaff = new Map<string, { id: string; name: string }>([
    [leadSchool.id, { id: accounts.teacher, name: '王老师' }],
  ]);
  if (otherSchool)
    schoolStaff.set(otherSchool.id, {
      id: await newUser('school2', '江临二职管理员', 'unit_admin', otherSchool.id),
      name: '赵老师',
    });
  const mentors = new Map<string, { id: string; name: string }>([
    [lead.id, { id: accounts.mentor, name: '李师傅' }],
  ]);
  let m = 1;
  for (const h of [second, ...mid, small]) {
    const name = mentorNames[m % mentorNames.length]!;
    mentors.set(h.id, { id: await newUser(`mentor${m}`, name, 'mentor', h.id), name });
    m++;
  }

  // plans
  const [positionPlan] = await tx
    .insert(internshipPlans)
    .values({
      consortiumId,
      schoolUnitId: leadSchool.id,
      title: '2024级智能制造专业群岗位实习',
      kind: 'position',
      majorCodes: ['46'],
      cohort: '2024级',
      startDate: addDays(today, -70),
      endDate: addDays(today, 150),
      goals: '在企业真实岗位上完成工业机器人装调、数控加工、设备维护等典型工作任务，形成岗位能力与职业素养。',
      teacherUserId: accounts.teacher,
      teacherName: '王老师',
      logCadenceDays: 14,
      rubric: defaultRubric,
      status: 'active',
      createdBy: accounts.school,
    })
    .returning();
  const plans = [positionPlan!];
  if (otherSchool) {
    const [p] = await tx
      .insert(internshipPlans)
      .values({
        consortiumId,
        schoolUnitId: otherSchool.id,
        title: '2024级装备制造类岗位实习',
        kind: 'position',
        majorCodes: ['46'],
        cohort: '2024级',
        startDate: addDays(today, -70),
        endDate: addDays(today, 150),
        goals: '参与装备制造企业生产一线工作，掌握设备操作、质量检验与安全规范。',
        teacherName: '赵老师',
        logCadenceDays: 14,
        rubric: defaultRubric,
        status: 'active',
      })
      .returning();
    plans.push(p!);
  }
  const [observationPlan] = await tx
    .insert(internshipPlans)
    .values({
      consortiumId,
      schoolUnitId: leadSchool.id,
      title: '2026级新生认识实习',
      kind: 'observation',
      majorCodes: ['46'],
      cohort: '2026级',
      startDate: addDays(today, 20),
      endDate: addDays(today, 24),
      goals: '参观智能制造企业生产线，了解岗位与职业要求。',
      teacherUserId: accounts.teacher,
      teacherName: '王老师',
      logCadenceDays: 7,
      rubric: defaultRubric,
      status: 'draft',
      createdBy: accounts.school,
    })
    .returning();

  // the external host
  const [external] = await tx
    .insert(internshipHosts)
    .values({
      consortiumId,
      name: '临川数控设备服务有限公司',
      uscc: `91329905MA00000X1${usccCheckChar('91329905MA00000X1')}`,
      regionCode: '329905',
      industryCode: 'C34',
      employeeCount: 48,
      employeeCountAsOf: '2026-06-30',
      contactName: '黄经理',
      createdBy: accounts.school,
    })
    .returning();

  // students: third-years (2024 intake) of the majors in 46, never the demo student account
  const pool = await tx
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.consortiumId, consortiumId),
        eq(candidates.kind, 'student'),
        eq(candidates.enrolmentYear, 2024),
        inArray(
          candidates.schoolUnitId,
          plans.map((p) => p.schoolUnitId),
        ),
      ),
    );
  const eligible = pool.filter((c) => c.userId === null && (c.majorCode ?? '').startsWith('46'));
  const bySchool = (id: string) => eligible.filter((c) => c.schoolUnitId === id);
  type Slot = { host: HostUnit | null; count: number };
  const slots = (schoolId: string): Slot[] =>
    schoolId === leadSchool.id
      ? [
          { host: lead, count: 28 },
          { host: second, count: 10 },
          ...mid.map((h) => ({ host: h, count: 3 })),
          { host: small, count: Math.floor((small.employeeCount ?? 0) * 0.1) },
          { host: null, count: 2 },
        ]
      : [{ host: lead, count: 10 }, { host: second, count: 8 }, ...mid.map((h) => ({ host: h, count: 2 }))];

  const start = addDays(today, -63);
  const end = addDays(today, 119);
  const rows: (typeof internshipPlacements.$inferInsert)[] = [];
  const studentUsers = new Map<string, string>();
  let serial = 0;
  for (const plan of plans) {
    const students = bySchool(plan.schoolUnitId);
    let i = 0;
    for (const slot of slots(plan.schoolUnitId)) {
      for (let k = 0; k < slot.count && i < students.length; k++, i++) {
        const s = students[i]!;
        const post = slot.host === small ? posts[0]! : posts[serial++ % posts.length]!;
        const mentor = slot.host ? mentors.get(slot.host.id)! : { id: null, name: '黄工' };
        rows.push({
          consortiumId,
          planId: plan.id,
          candidateId: s.id,
          schoolUnitId: plan.schoolUnitId,
          hostKind: slot.host ? 'member' : 'external',
          hostUnitId: slot.host?.id ?? null,
          externalHostId: slot.host ? null : external!.id,
          postTitle: post.title,
          postStaffCount: slot.host === small ? 30 : post.staff,
          postMajorCodes: post.majors,
          schoolMentorUserId: schoolStaff.get(plan.schoolUnitId)?.id ?? null,
          schoolMentorName: schoolStaff.get(plan.schoolUnitId)?.name ?? plan.teacherName,
          enterpriseMentorUserId: mentor.id,
          enterpriseMentorName: mentor.name,
          startDate: start,
          endDate: end,
          dailyHours: 8,
          daysPerWeek: 5,
          payAmount: 4200 + Math.round(rand() * 6) * 100,
          postWage: 5200,
          payChannel: 'bank_to_student',
          payFrequency: 'monthly',
          intensityClass: rand() < 0.6 ? 1 : 2,
          venueType: 'factory',
          address: `${slot.host?.name ?? external!.name}生产车间`,
          insurer: '中国人民财产保险股份有限公司',
          policyNo: `PICC-2026-${String(1000 + rows.length)}`,
          insuranceStart: start,
          insuranceEnd: end,
          premiumPaidBy: 'school',
          status: 'active',
          createdBy: accounts.school,
        });
      }
    }
    // next month's arrivals at the lead host, agreements not yet fully confirmed
    for (let k = 0; k < 4 && i < students.length && plan.id === positionPlan!.id; k++, i++) {
      const s = students[i]!;
      const st = addDays(today, 5 + k);
      rows.push({
        ...rows[0]!,
        candidateId: s.id,
        postTitle: posts[k % posts.length]!.title,
        postMajorCodes: posts[k % posts.length]!.majors,
        startDate: st,
        insuranceStart: st,
        policyNo: `PICC-2026-${String(1000 + rows.length)}`,
        payAmount: 4300,
        status: 'pending',
      });
    }
  }
  // first-years' observation visits next month (no pay: they only watch)
  const freshmen = await tx
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.consortiumId, consortiumId),
        eq(candidates.schoolUnitId, leadSchool.id),
        eq(candidates.enrolmentYear, 2026),
        eq(candidates.kind, 'student'),
      ),
    );
  for (const s of freshmen.filter((c) => (c.majorCode ?? '').startsWith('46')).slice(0, 12)) {
    rows.push({
      ...rows[0]!,
      planId: observationPlan!.id,
      candidateId: s.id,
      postTitle: '生产线参观',
      postStaffCount: null,
      startDate: observationPlan!.startDate,
      endDate: observationPlan!.endDate,
      dailyHours: 6,
      payAmount: null,
      postWage: null,
      payChannel: null,
      payFrequency: null,
      intensityClass: 1,
      insuranceStart: observationPlan!.startDate,
      insuranceEnd: observationPlan!.endDate,
      policyNo: `PICC-2026-${String(1000 + rows.length)}`,
      guardianConsent: true,
      status: 'pending',
    });
  }
  const placed = await tx.insert(internshipPlacements).values(rows).returning();

  // accounts for placed students (they confirm agreements and write logs)
  const needAccounts = placed.filter((p) => p.status === 'active' || p.startDate <= addDays(today, 10));
  const byId = new Map(pool.map((c) => [c.id, c]));
  for (const p of needAccounts) {
    const c = byId.get(p.candidateId);
    if (!c) continue;
    const id = await newUser(`s${c.studentNo}`, c.name, 'student', c.schoolUnitId!);
    studentUsers.set(c.id, id);
    await tx
      .update(candidates)
      .set({ userId: id })
      .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, c.id)));
  }

  // agreements from each placement's data; the three confirmations for those under way
  const events: (typeof statusEvents.$inferInsert)[] = [];
  const at = (daysAgo: number) => new Date(Date.parse(`${today}T10:00:00+08:00`) - daysAgo * 86_400_000);
  const out: DemoPlacement[] = [];
  for (const p of placed) {
    await syncAgreement(tx, consortiumId, p.id, { userId: accounts.school });
    const state = (await agreementState(tx, consortiumId, p.id))!;
    const school = schoolStaff.get(p.schoolUnitId)!;
    const mentor = p.hostUnitId ? mentors.get(p.hostUnitId)! : school;
    const studentUser = studentUsers.get(p.candidateId) ?? null;
    const parties: {
      party: 'school' | 'host' | 'student';
      userId: string;
      userName: string;
      daysAgo: number;
    }[] = [];
    if (p.status === 'active') {
      parties.push(
        { party: 'school', userId: school.id, userName: school.name, daysAgo: 70 },
        {
          party: 'host',
          userId: mentor.id,
          userName: p.hostUnitId ? mentor.name : `${school.name}（代外部单位确认）`,
          daysAgo: 68,
        },
        { party: 'student', userId: studentUser!, userName: byId.get(p.candidateId)!.name, daysAgo: 67 },
      );
    } else if (p.planId === positionPlan!.id) {
      // pending: the school has confirmed, the host for half of them, the students not yet
      parties.push({ party: 'school', userId: school.id, userName: school.name, daysAgo: 3 });
      if (out.length % 2 === 0)
        parties.push({ party: 'host', userId: mentor.id, userName: mentor.name, daysAgo: 2 });
    }
    if (parties.length) {
      await tx.insert(agreementConfirmations).values(
        parties.map((x) => ({
          consortiumId,
          agreementId: state.agreementId,
          party: x.party,
          userId: x.userId,
          userName: x.userName,
          contentHash: state.contentHash,
          confirmedAt: at(x.daysAgo),
        })),
      );
    }
    events.push({
      consortiumId,
      entity: 'placement',
      entityId: p.id,
      fromStatus: null,
      toStatus: 'pending',
      actorId: accounts.school,
      actorName: '江临职院管理员',
      at: at(p.status === 'active' ? 71 : 4),
    });
    if (p.status === 'active') {
      events.push({
        consortiumId,
        entity: 'placement',
        entityId: p.id,
        fromStatus: 'pending',
        toStatus: 'active',
        actorId: school.id,
        actorName: school.name,
        at: at(63),
      });
    }
    out.push({
      id: p.id,
      candidateId: p.candidateId,
      studentUserId: studentUser ?? '',
      hostUnitId: p.hostUnitId,
      mentorUserId: p.hostUnitId ? mentor.id : null,
      startDate: p.startDate,
      status: p.status as 'active' | 'pending',
    });
  }
  await tx.insert(statusEvents).values(events);

  // what the rules find on each (warnings only: every demo placement obeys the blocking rules)
  const hosts: HostRef[] = [
    ...[lead, second, ...mid, small].map((h) => ({ kind: 'member' as const, id: h.id })),
    { kind: 'external', id: external!.id },
  ];
  await reevaluateHosts(tx, consortiumId, hosts);
  return out;
}
