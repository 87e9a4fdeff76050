// The demo consortium's internships: two schools' plans, placements at member and external hosts that
// obey the rules (one small host exactly at its 10% cap), agreements confirmed by the three parties for
// those under way, pending ones for next month with confirmations missing, and the accounts the
// confirmations need (placed students, the other school's administrator, host mentors). Fictional and
// deterministic. The supervision logs (with their planted anomalies) are added by seedSupervisionDemo.
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  agreementConfirmations,
  candidates,
  internshipHosts,
  internshipLogs,
  internshipPlacements,
  internshipPlans,
  memberships,
  statusEvents,
  users,
} from '../schema/index.ts';
import { addDays, addMonths } from '../../engine/compliance/index.ts';
import { logSignature } from '../../engine/supervision/index.ts';
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
  schoolUserId: string;
  postTitle: string;
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
  // six months, the usual length of a position internship (R-DURATION)
  const end = addDays(addMonths(start, 6), -1);
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
          // the smaller hosts did not say how many staff their posts have: the 20% cap cannot be checked
          // there, which the compliance page shows as a warning
          postStaffCount: slot.host === small ? 30 : mid.includes(slot.host!) ? null : post.staff,
          postMajorCodes: post.majors,
          schoolMentorUserId: schoolStaff.get(plan.schoolUnitId)?.id ?? null,
          schoolMentorName: schoolStaff.get(plan.schoolUnitId)?.name ?? plan.teacherName,
          enterpriseMentorUserId: mentor.id,
          enterpriseMentorName: mentor.name,
          // the external host's interns start next week (it has no accounts: the school records its
          // confirmations, its mentor's co-signatures and scores on its behalf, each with a note)
          startDate: slot.host ? start : addDays(today, 7),
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
          insuranceStart: slot.host ? start : addDays(today, 7),
          insuranceEnd: end,
          premiumPaidBy: 'school',
          status: slot.host ? 'active' : 'pending',
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
      schoolUserId: school.id,
      postTitle: p.postTitle,
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
  await seedSupervisionDemo(tx, consortiumId, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Logs: one every 14 days for each placement under way, mostly co-signed and reviewed, with four planted
// anomalies for the detectors to find — and nothing else for them to find.

const openings = [
  '本周在{line}跟随{mentor}学习{task}，逐步熟悉岗位的作业标准。',
  '这两周主要在{line}参与{task}，上手比预想的快一些。',
  '本期实习集中在{task}，{mentor}安排我先看后做、再独立完成。',
  '这一阶段我被安排到{line}，负责{task}中的辅助工作。',
  '两周来在{line}完成了{task}的全部流程练习，开始能独立操作。',
  '本期主要任务是{task}，其间轮换到{line}学习了相关工序。',
  '这段时间我在{mentor}指导下继续练习{task}，并参与了班组的晨会。',
  '本周期我从观察转为动手，在{line}独立承担了部分{task}。',
];
const tasks: Record<string, string[]> = {
  工业机器人装调: [
    '六轴机器人示教编程',
    '焊接机器人的零点标定',
    '机器人夹具更换与调试',
    '码垛程序的修改与验证',
  ],
  数控加工操作: [
    '数控车床的对刀与首件加工',
    '加工中心的换刀与刀补设置',
    '零件尺寸的在线检测',
    '工装夹具的装夹找正',
  ],
  设备维护保养: ['空压机的日常点检', '减速机润滑油的更换', '伺服电机故障的排查', '传送带张紧度的调整'],
  产品质量检验: ['来料抽检与记录', '三坐标测量报告的整理', '不合格品的隔离与标识', '过程巡检表的填写'],
  生产线参观: ['生产线参观'],
};
const lines = [
  '一号总装线',
  '二号焊装线',
  '机加工车间',
  '精密装配区',
  '设备动力科',
  '质检中心',
  '柔性制造单元',
  '涂装前处理线',
];
const tools = [
  '示教器',
  '游标卡尺',
  '千分尺',
  '扭力扳手',
  '万用表',
  '红外测温枪',
  '塞尺',
  '百分表',
  '点检仪',
  '高度规',
];
const issues = [
  '定位偏差超出公差',
  '报警代码反复出现',
  '夹具松动导致工件晃动',
  '润滑不足引起异响',
  '程序坐标系设置错误',
  '来料批次混放',
  '传感器信号时有时无',
  '刀具磨损导致表面粗糙',
  '记录表格漏填',
  '气压波动影响节拍',
];
const details = [
  '用{tool}检查时发现{issue}，在师傅提示下找到了原因并记录在交接本上。',
  '遇到{issue}的情况，我先对照作业指导书排查，最后请{mentor}确认了处理方法。',
  '这周最大的收获是学会用{tool}判断{issue}，以前只会照着步骤做。',
  '班组复盘了一次{issue}的问题，我负责整理现场照片和处理过程。',
  '我独立完成了一次{tool}的校准，校准记录已交给班长签字。',
  '在处理{issue}时我动作偏慢，{mentor}让我先把步骤写成卡片再练。',
  '学习了安全操作规程中关于{tool}使用的条款，并参加了车间的安全考试。',
  '跟随师傅做了一次完整的交接班，学会了怎样描述{issue}这类异常。',
  '把常见的{issue}现象和对应处理方法整理成了一页笔记，准备下周继续补充。',
  '配合工程师做了一次工艺验证，我负责用{tool}采集数据。',
  '第一次被允许单独处理{issue}，完成后由师傅复核通过。',
  '和同组实习生一起练习了{tool}的使用，互相检查测量结果。',
];
const reflections = [
  '体会到规范操作比速度更重要，尤其是开机前的点检不能省。',
  '感觉课堂上学的理论在现场都能找到对应，但细节要多得多。',
  '发现自己在读图方面还有欠缺，需要回头复习专业课的内容。',
  '对岗位的节奏慢慢适应了，也更理解了质量意识的含义。',
  '沟通很关键，有问题及时问师傅能少走很多弯路。',
  '安全帽、防护眼镜这些细节师傅每天都会检查，我也养成了习惯。',
  '这两周比较累，但能看到自己操作越来越熟练，很有成就感。',
  '认识到记录和交接同样是工作的一部分，不能只顾动手。',
  '对照岗位能力要求，我在故障判断上还需要更多练习。',
  '企业的现场管理要求很细，让我对“标准化”有了新的认识。',
];
const nexts = [
  '下一阶段计划在师傅指导下尝试独立完成整个工序。',
  '下周准备系统整理一遍常见报警的处理流程。',
  '接下来想多参与设备保养，弄清楚各部件的结构。',
  '计划把本期的笔记整理成操作要点，请师傅帮忙把关。',
  '下一阶段重点练习测量与记录，减少返工。',
  '准备利用休息时间复习相关的电气基础知识。',
  '接下来会跟着班组参加一次设备的大修。',
  '计划在下次考核前把安全规程再完整学一遍。',
];

function logText(rand: () => number, post: string, mentor: string): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const fill = (tpl: string) =>
    tpl
      .replaceAll('{line}', pick(lines))
      .replaceAll('{mentor}', mentor)
      .replaceAll('{task}', pick(tasks[post] ?? tasks['工业机器人装调']!))
      .replaceAll('{tool}', pick(tools))
      .replaceAll('{issue}', pick(issues));
  const a = Math.floor(rand() * details.length);
  const b = (a + 1 + Math.floor(rand() * (details.length - 1))) % details.length;
  return [pick(openings), details[a]!, details[b]!, pick(reflections), pick(nexts)].map(fill).join('');
}

/** What the demo plants for the anomaly detectors (and all they should find). */
export const plantedAnomalies = {
  /** three students at the lead host hand in the same text, lightly edited, for their third log */
  nearDuplicateStudents: 3,
  /** four students' last logs are sent from one phone */
  sharedDeviceStudents: 4,
  /** one placement whose logs nobody ever co-signed */
  neverCosigned: 1,
  /** one placement that stopped sending logs five weeks ago */
  missingLogs: 1,
} as const;

async function seedSupervisionDemo(tx: Tx, consortiumId: string, placements: DemoPlacement[]) {
  const rand = prng(20261129 + 18);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const active = placements.filter((p) => p.status === 'active' && p.mentorUserId);
  const atLead = active.filter((p) => p.mentorUserId === active[0]!.mentorUserId);
  const dup = atLead.slice(0, plantedAnomalies.nearDuplicateStudents);
  const device = atLead.slice(3, 3 + plantedAnomalies.sharedDeviceStudents);
  const never = atLead[7]!;
  const missing = atLead[8]!;
  const copied =
    '本周在精密装配区跟随李师傅学习六轴机器人示教编程，逐步熟悉岗位的作业标准。用示教器检查时发现定位偏差超出公差，在师傅提示下找到了原因并记录在交接本上。班组复盘了一次程序坐标系设置错误的问题，我负责整理现场照片和处理过程。体会到规范操作比速度更重要，尤其是开机前的点检不能省。下一阶段计划在师傅指导下尝试独立完成整个工序。';
  const edits = [
    (t: string) => t,
    (t: string) => t.replace('本周', '这周').replace('记录在交接本上', '写进了交接本'),
    (t: string) => t.replace('精密装配区', '一号总装线').replace('尤其是', '特别是'),
  ];
  const rows: (typeof internshipLogs.$inferInsert)[] = [];
  const at = (day: string, hour: number) =>
    new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`));
  let n = 0;
  for (const p of active) {
    n++;
    const periods = p === missing ? 2 : 4;
    const mentorName = mentorNames[n % mentorNames.length]!;
    for (let k = 0; k < periods; k++) {
      const periodStart = addDays(p.startDate, 14 * k);
      const periodEnd = addDays(p.startDate, 14 * k + 13);
      const submitted = addDays(periodEnd, 1);
      const dupAt = dup.indexOf(p);
      const content = k === 2 && dupAt >= 0 ? edits[dupAt]!(copied) : logText(rand, p.postTitle, mentorName);
      const last = k === periods - 1;
      const status =
        p === never ? 'submitted' : last && rand() < 0.4 ? 'submitted' : last ? 'cosigned' : 'reviewed';
      const cosigned = status === 'cosigned' || status === 'reviewed';
      rows.push({
        consortiumId,
        placementId: p.id,
        periodStart,
        periodEnd,
        content,
        signature: logSignature(content),
        status,
        submittedBy: p.studentUserId,
        submittedAt: at(submitted, 20),
        ip: `10.${20 + (n % 200)}.${Math.floor(n / 200)}.${1 + ((n * 7 + k) % 250)}`,
        deviceId: sha(k === 3 && device.includes(p) ? 'demo-shared-phone' : `demo-device-${n}`),
        cosignedBy: cosigned ? p.mentorUserId : null,
        cosignedAt: cosigned ? at(addDays(submitted, 1), 10) : null,
        mentorNote: cosigned && rand() < 0.3 ? '记录真实，继续保持。' : null,
        reviewedBy: status === 'reviewed' ? p.schoolUserId : null,
        reviewedAt: status === 'reviewed' ? at(addDays(submitted, 2), 15) : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(internshipLogs).values(rows.slice(i, i + 500));
}
