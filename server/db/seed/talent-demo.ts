// The demo consortium's talent data: the three lists, postings, students, applications and two cohorts
// of employment outcomes, in credible volumes so the dashboard means something on first start.
// Everything is fictional and deterministic. People's 身份证号 carry a valid check digit but the address
// code 329901–329906 (the fictional city's districts), so none is a real person's.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  applications,
  candidates,
  catalogEntries,
  catalogImports,
  catalogs,
  consortia,
  employmentOutcomes,
  listItems,
  listLinks,
  postings,
  statusEvents,
} from '../schema/index.ts';
import { idCardCheckChar } from '../../lib/identifiers.ts';
import { searchFields } from '../../modules/talent/postings.service.ts';
import { prng } from './demo.ts';

/** The fictional city's code (like the USCCs' 329900): 本地就业 compares employers' districts with it. */
export const DEMO_CITY_CODE = '329900';
const districts = ['329901', '329902', '329903', '329904', '329905', '329906'];
/** where graduates who left the city went: province-level codes, real and not claiming any city */
const elsewhere = ['310000', '330000', '440000', '320000', '110000'];

/**
 * A handful of 2021 高职专科 majors as public material names them, loaded into the major catalog for the
 * demo only, marked 'M' (believed, unverified) — the official catalog replaces them on import.
 */
export const demoMajors: { code: string; name: string; parent: string; level: number }[] = [
  { code: '4601', name: '机械设计制造类', parent: '46', level: 2 },
  { code: '4603', name: '自动化类', parent: '46', level: 2 },
  { code: '5102', name: '计算机类', parent: '51', level: 2 },
  { code: '460103', name: '数控技术', parent: '4601', level: 3 },
  { code: '460105', name: '工业设计', parent: '4601', level: 3 },
  { code: '460301', name: '机电一体化技术', parent: '4603', level: 3 },
  { code: '460305', name: '工业机器人技术', parent: '4603', level: 3 },
  { code: '510204', name: '数字媒体技术', parent: '5102', level: 3 },
];
const majorCodes = demoMajors.filter((m) => m.level === 3).map((m) => m.code);

type Unit = { id: string; name: string; type: string; uscc: string | null; industryCode: string | null };
type DemoUsers = { student: string; enterprise: string; secretariat: string; school: string };

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given =
  '子涵浩宇欣怡梓轩一诺宇轩雨桐思远晨曦佳豪俊杰雅琪嘉怡明轩志强文博晓东婷婷丽娜建华海涛春燕国栋玉兰立新振宇凯文梦瑶天佑';

const postingTemplates: {
  title: string;
  kind: 'job' | 'internship';
  majors: string[];
  skills: string[];
  req: string;
  occupation: string;
}[] = [
  {
    title: '数控车床操作工',
    kind: 'job',
    majors: ['460103'],
    skills: ['数控车床', 'G代码编程', '游标卡尺'],
    req: '熟悉数控车床操作与日常保养，能看懂机械图纸，持数控车工证书优先。',
    occupation: '6',
  },
  {
    title: '数控编程员',
    kind: 'job',
    majors: ['460103', '4601'],
    skills: ['UG编程', 'Mastercam', '数控加工工艺'],
    req: '负责加工中心数控程序编制与工艺优化，掌握多轴加工。',
    occupation: '6',
  },
  {
    title: '工业机器人运维工程师',
    kind: 'job',
    majors: ['460305', '460301'],
    skills: ['工业机器人', '示教编程', '故障诊断'],
    req: '负责产线工业机器人运维、点检与故障排除，熟悉主流机器人示教器。',
    occupation: '6',
  },
  {
    title: '工业机器人调试技术员（实习）',
    kind: 'internship',
    majors: ['460305'],
    skills: ['机器人调试', 'PLC'],
    req: '参与工业机器人工作站安装调试，学习离线编程与运维。',
    occupation: '6',
  },
  {
    title: '机电设备维修工',
    kind: 'job',
    majors: ['460301', '46'],
    skills: ['电气维修', '液压与气动', 'PLC'],
    req: '负责车间机电设备的维护保养与故障维修，能倒班。',
    occupation: '6',
  },
  {
    title: 'PLC 编程工程师',
    kind: 'job',
    majors: ['460301', '460305'],
    skills: ['PLC编程', '组态软件', '电气图纸'],
    req: '负责自动化产线 PLC 程序开发与现场调试。',
    occupation: '2',
  },
  {
    title: '智能产线运维技术员',
    kind: 'job',
    majors: ['460301', '460305', '460103'],
    skills: ['MES', '设备点检', '数据采集'],
    req: '负责智能制造产线的日常运维与数据采集，参与精益改善。',
    occupation: '6',
  },
  {
    title: '质量检验员（实习）',
    kind: 'internship',
    majors: ['46'],
    skills: ['三坐标测量', '质量体系'],
    req: '学习来料与成品检验，使用测量器具完成检测记录。',
    occupation: '6',
  },
  {
    title: '工业设计助理',
    kind: 'job',
    majors: ['460105'],
    skills: ['产品造型', 'Rhino', '三维建模'],
    req: '协助设计师完成产品外观与结构设计，制作渲染图与样机。',
    occupation: '2',
  },
  {
    title: '数字媒体设计师',
    kind: 'job',
    majors: ['510204', '51'],
    skills: ['短视频剪辑', '三维动画', '平面设计'],
    req: '负责企业宣传片、产品动画与新媒体内容制作。',
    occupation: '4',
  },
  {
    title: '数字孪生建模（实习）',
    kind: 'internship',
    majors: ['510204', '460305'],
    skills: ['三维建模', '虚拟仿真'],
    req: '参与产线数字孪生建模与虚拟调试项目。',
    occupation: '2',
  },
  {
    title: '电气装配工',
    kind: 'job',
    majors: [],
    skills: ['电气装配', '接线'],
    req: '按图纸完成电气柜装配与接线，专业不限，可接受培训。',
    occupation: '6',
  },
];

const talentTemplates: {
  title: string;
  majors: string[];
  skills: string[];
  occupation: string;
  level: 'higher' | 'secondary';
}[] = [
  {
    title: '数控加工技能人才',
    majors: ['460103'],
    skills: ['数控车铣', '工艺编制'],
    occupation: '6',
    level: 'higher',
  },
  {
    title: '工业机器人运维人才',
    majors: ['460305', '460301'],
    skills: ['机器人运维', '示教编程'],
    occupation: '6',
    level: 'higher',
  },
  {
    title: '机电一体化技术人才',
    majors: ['460301'],
    skills: ['PLC', '电气控制'],
    occupation: '6',
    level: 'higher',
  },
  {
    title: '智能制造工程技术人员',
    majors: ['46'],
    skills: ['智能产线', 'MES'],
    occupation: '2',
    level: 'higher',
  },
  {
    title: '数字媒体与可视化人才',
    majors: ['510204'],
    skills: ['三维可视化', '视频制作'],
    occupation: '4',
    level: 'higher',
  },
  {
    title: '财务与供应链管理人才',
    majors: ['53'],
    skills: ['成本核算', '供应链'],
    occupation: '3',
    level: 'higher',
  },
  { title: '产线操作工（中职）', majors: ['46'], skills: ['设备操作'], occupation: '6', level: 'secondary' },
];

const productNames = [
  '六轴工业机器人',
  '五轴联动数控机床',
  '精密减速器',
  '伺服电机',
  '智能传感器',
  '新能源汽车电驱壳体',
  'AGV 搬运机器人',
  '激光切割机',
  '工业视觉检测系统',
  '数控系统',
];
const techProblems = [
  '机器人焊接节拍提升',
  '薄壁件加工变形控制',
  '视觉检测误判率降低',
  '产线能耗监测与优化',
  '设备预测性维护模型',
  '精密减速器寿命测试方法',
  '伺服参数自整定',
  '数字孪生虚拟调试',
];

function pad(n: number, w: number) {
  return String(n).padStart(w, '0');
}

/** YYYY-MM-DD of `base` shifted by `days`. */
function shift(base: string, days: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedTalentDemo(
  tx: Tx,
  consortiumId: string,
  units: Unit[],
  users: DemoUsers,
  today: string,
): Promise<void> {
  const rand = prng(20261201);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  await tx.update(consortia).set({ regionCode: DEMO_CITY_CODE }).where(eq(consortia.id, consortiumId));

  // the demo's majors in the current major catalog, marked as unverified
  const [majorCatalog] = await tx
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.kind, 'major'), eq(catalogs.isCurrent, true)));
  if (majorCatalog) {
    await tx
      .insert(catalogEntries)
      .values(
        demoMajors.map((m) => ({
          catalogId: majorCatalog.id,
          code: m.code,
          name: m.name,
          level: m.level,
          parentCode: m.parent,
          educationLevel: 'higher' as const,
          builtin: false,
          certainty: 'M' as const,
        })),
      )
      .onConflictDoNothing();
    await tx.insert(catalogImports).values({
      catalogId: majorCatalog.id,
      actorName: '演示数据（未经核对，请以官方目录导入覆盖）',
      rows: demoMajors.length,
      inserted: demoMajors.length,
      updated: 0,
    });
  }

  const enterprises = units.filter((u) => u.type === 'enterprise');
  const schools = units.filter((u) => u.type === 'higher_vocational');
  const lead = enterprises.find((u) => u.name === '江临智能装备有限公司') ?? enterprises[0]!;
  const leadSchool = schools.find((u) => u.name === '江临职业技术学院') ?? schools[0]!;
  const events: (typeof statusEvents.$inferInsert)[] = [];
  const secretariat = { actorId: users.secretariat, actorName: '联合体秘书处' };
  const at = (daysAgo: number) => new Date(Date.parse(`${today}T09:00:00+08:00`) - daysAgo * 86_400_000);

  // ---- the three lists
  const itemRows: (typeof listItems.$inferInsert)[] = [];
  for (let i = 0; i < 40; i++) {
    const u = i === 0 ? lead : pick(enterprises);
    itemRows.push({
      consortiumId,
      kind: 'product',
      unitId: u.id,
      title: `${productNames[i % productNames.length]}${i >= productNames.length ? `（${u.name.replace(/^江临|有限公司|股份/g, '')}）` : ''}`,
      description: '联合体重点产业链核心产品',
      status: i % 9 === 8 ? 'submitted' : 'published',
      industryCode: u.industryCode,
      chain: pick(['工业机器人', '数控机床', '智能传感器', '新能源汽车零部件']),
      chainPosition: pick(['upstream', 'midstream', 'downstream'] as const),
      keyTechnologies: [
        pick(['精密传动', '运动控制', '机器视觉', '伺服驱动']),
        pick(['轻量化', '高精度加工', '嵌入式软件']),
      ],
      year: 2024 + (i % 3),
      createdBy: users.secretariat,
    });
  }
  for (let i = 0; i < 24; i++) {
    const u = i === 0 ? lead : pick(enterprises);
    itemRows.push({
      consortiumId,
      kind: 'tech',
      unitId: u.id,
      title: `${techProblems[i % techProblems.length]}${i >= techProblems.length ? `（第${Math.floor(i / techProblems.length) + 1}期）` : ''}`,
      description: '企业生产中亟待解决的技术问题，面向联合体院校与研究院征集方案。',
      status: i % 7 === 6 ? 'submitted' : 'published',
      industryCode: u.industryCode,
      field: pick(['智能制造', '机器视觉', '精密加工', '能源管理']),
      expectedOutcome: '形成可在产线应用的工艺方案或软件工具',
      budget: Math.round(5 + rand() * 95),
      deadline: shift(today, 30 + Math.floor(rand() * 180)),
      progress: pick(['collecting', 'collecting', 'matching', 'signed', 'solved'] as const),
      createdBy: users.secretariat,
    });
  }
  for (let i = 0; i < 60; i++) {
    const u = i < 3 ? lead : pick(enterprises);
    const t = talentTemplates[i % talentTemplates.length]!;
    itemRows.push({
      consortiumId,
      kind: 'talent',
      unitId: u.id,
      title: `${t.title}需求`,
      status: i % 10 === 9 ? 'submitted' : 'published',
      occupationCode: t.occupation,
      majorCodes: t.majors,
      level: t.level,
      headcount: 2 + Math.floor(rand() * 30),
      skills: t.skills,
      windowStart: shift(today, -30),
      windowEnd: shift(today, 180),
      regionCode: pick(districts),
      location: '江临经济技术开发区',
      createdBy: users.secretariat,
    });
  }
  const items = await tx
    .insert(listItems)
    .values(
      itemRows.map((r) =>
        r.status === 'published'
          ? { ...r, publishedAt: at(60), reviewedAt: at(60), reviewedBy: users.secretariat }
          : r,
      ),
    )
    .returning();
  for (const it of items) {
    events.push({
      consortiumId,
      entity: 'list_item',
      entityId: it.id,
      fromStatus: null,
      toStatus: 'submitted',
      actorName: '演示数据',
      at: at(70),
    });
    if (it.status === 'published') {
      events.push({
        consortiumId,
        entity: 'list_item',
        entityId: it.id,
        fromStatus: 'submitted',
        toStatus: 'published',
        ...secretariat,
        at: at(60),
      });
    }
  }
  const talentItems = items.filter((i) => i.kind === 'talent' && i.status === 'published');

  // ---- postings
  const postingRows: (typeof postings.$inferInsert)[] = [];
  for (let i = 0; i < 320; i++) {
    const u = i < 12 ? lead : pick(enterprises);
    const t = i < 12 ? postingTemplates[i]! : pick(postingTemplates);
    const r = rand();
    const status =
      i < 12
        ? 'published'
        : r < 0.72
          ? 'published'
          : r < 0.8
            ? 'pending'
            : r < 0.86
              ? 'draft'
              : r < 0.9
                ? 'rejected'
                : 'closed';
    const payMin = 3500 + Math.floor(rand() * 8) * 500;
    const demand = talentItems.find(
      (d) => d.unitId === u.id && d.majorCodes.some((m) => t.majors.includes(m)),
    );
    postingRows.push({
      consortiumId,
      unitId: u.id,
      kind: t.kind,
      title: t.title,
      occupationCode: t.occupation,
      majorCodes: t.majors,
      levels: ['higher'],
      headcount: 1 + Math.floor(rand() * 10),
      districtCode: pick(districts),
      payMin: t.kind === 'internship' ? 2400 : payMin,
      payMax: t.kind === 'internship' ? 3200 : payMin + 1500 + Math.floor(rand() * 4) * 500,
      hours: pick(['五天八小时', '做五休二', '两班倒，周末双休']),
      requirements: t.req,
      skills: t.skills,
      deadline:
        status === 'closed'
          ? shift(today, -Math.floor(1 + rand() * 60))
          : shift(today, 14 + Math.floor(rand() * 90)),
      status,
      rejectReason: status === 'rejected' ? '薪资范围不明确，请补充试用期待遇' : null,
      vettedBy:
        status === 'published' || status === 'closed' || status === 'rejected' ? users.secretariat : null,
      vettedAt: status === 'published' || status === 'closed' ? at(30 + Math.floor(rand() * 30)) : null,
      closedAt: status === 'closed' ? at(1) : null,
      talentDemandId: demand?.id ?? null,
      ...searchFields({ title: t.title, requirements: t.req, skills: t.skills }),
      createdBy: users.enterprise,
      createdAt: at(70),
    });
  }
  const posted = await tx.insert(postings).values(postingRows).returning();
  const links: (typeof listLinks.$inferInsert)[] = [];
  const linked = new Set<string>();
  for (const p of posted) {
    events.push({
      consortiumId,
      entity: 'posting',
      entityId: p.id,
      fromStatus: null,
      toStatus: p.status === 'draft' ? 'draft' : 'pending',
      actorName: '演示数据',
      at: at(70),
    });
    if (p.status === 'published' || p.status === 'closed') {
      events.push({
        consortiumId,
        entity: 'posting',
        entityId: p.id,
        fromStatus: 'pending',
        toStatus: 'published',
        ...secretariat,
        at: p.vettedAt ?? at(40),
      });
    }
    if (p.status === 'closed') {
      events.push({
        consortiumId,
        entity: 'posting',
        entityId: p.id,
        fromStatus: 'published',
        toStatus: 'closed',
        actorName: 'system',
        note: '已过截止日期，自动关闭',
        at: at(1),
      });
    }
    if (p.status === 'rejected') {
      events.push({
        consortiumId,
        entity: 'posting',
        entityId: p.id,
        fromStatus: 'pending',
        toStatus: 'rejected',
        ...secretariat,
        note: p.rejectReason,
        at: at(20),
      });
    }
    if (p.talentDemandId && !linked.has(`${p.talentDemandId}/${p.id}`)) {
      linked.add(`${p.talentDemandId}/${p.id}`);
      links.push({
        consortiumId,
        itemId: p.talentDemandId,
        targetKind: 'posting',
        targetId: p.id,
        label: p.title,
        createdBy: users.enterprise,
      });
    }
  }
  if (links.length) await tx.insert(listLinks).values(links);

  // ---- candidates: current students of the 高职 schools, and two cohorts of graduates
  const candidateRows: (typeof candidates.$inferInsert)[] = [];
  let seq = 0;
  /** a given name of one or two characters: the first of one pair of the list, the second of another */
  const givenName = () => {
    const pairs = given.length / 2;
    const first = given[2 * Math.floor(rand() * pairs)]!;
    const second = given[2 * Math.floor(rand() * pairs) + 1]!;
    return rand() < 0.2 ? first : `${first}${second}`;
  };
  const person = (birthYear: number) => {
    seq++;
    const birth = `${birthYear}${pad(1 + Math.floor(rand() * 12), 2)}${pad(1 + Math.floor(rand() * 28), 2)}`;
    const body = `${pick(districts)}${birth}${pad(seq % 1000, 3)}`;
    const idCard = body + idCardCheckChar(body);
    const male = Number(body[16]) % 2 === 1;
    return {
      idCard,
      gender: male ? ('male' as const) : ('female' as const),
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      name: `${pick([...surnames])}${givenName()}`,
    };
  };
  const certificatePool = [
    { name: '工业机器人操作与运维职业技能等级证书（1+X，中级）', kind: '1+X' as const },
    { name: '数控车铣加工职业技能等级证书（1+X，中级）', kind: '1+X' as const },
    { name: '电工职业技能等级证书（四级）', kind: 'skill_level' as const },
  ];
  const addCandidate = (kind: 'student' | 'graduate', school: Unit, enrolmentYear: number, n: number) => {
    const p = person(enrolmentYear - 18 - Math.floor(rand() * 2));
    const major = pick(majorCodes);
    candidateRows.push({
      consortiumId,
      kind,
      schoolUnitId: school.id,
      ...p,
      studentNo: `${enrolmentYear}${pad(n, 5)}`,
      mobile: `13${pad(Math.floor(rand() * 1e9), 9)}`,
      majorCode: major,
      level: 'higher',
      yearOfStudy:
        kind === 'student'
          ? Math.min(
              3,
              Math.max(1, Number(today.slice(0, 4)) - enrolmentYear + (today.slice(5) >= '09' ? 1 : 0)),
            )
          : null,
      enrolmentYear,
      expectedGraduation: `${enrolmentYear + 3}-06-30`,
      homeDistrict: rand() < 0.7 ? pick(districts) : null,
      skills: postingTemplates.find((t) => t.majors.includes(major))?.skills.slice(0, 2) ?? [],
      certificates: rand() < 0.35 ? [pick(certificatePool)] : [],
      consentShare: rand() < 0.85,
      consentAt: at(100),
    });
  };
  let n = 0;
  for (const school of schools) {
    for (let k = 0; k < 300; k++) addCandidate('student', school, 2024 + (k % 3), ++n);
    for (let k = 0; k < 90; k++) addCandidate('graduate', school, 2021, ++n);
    for (let k = 0; k < 100; k++) addCandidate('graduate', school, 2022, ++n);
  }
  const inserted: (typeof candidates.$inferSelect)[] = [];
  for (let i = 0; i < candidateRows.length; i += 1000) {
    inserted.push(
      ...(await tx
        .insert(candidates)
        .values(candidateRows.slice(i, i + 1000))
        .returning()),
    );
  }
  // the demo student account is a second-year student of 江临职业技术学院
  const me = inserted.find(
    (c) => c.schoolUnitId === leadSchool.id && c.kind === 'student' && c.enrolmentYear === 2025,
  )!;
  await tx
    .update(candidates)
    .set({ userId: users.student, name: '张同学', majorCode: '460305', consentShare: true })
    .where(and(eq(candidates.consortiumId, consortiumId), eq(candidates.id, me.id)));

  // ---- applications from current students to published postings
  const students = inserted.filter((c) => c.kind === 'student' && c.id !== me.id);
  const open = posted.filter((p) => p.status === 'published' || p.status === 'closed');
  const appRows: (typeof applications.$inferInsert)[] = [];
  const seen = new Set<string>();
  const flows: string[][] = [
    ['applied'],
    ['applied', 'shortlisted'],
    ['applied', 'shortlisted', 'interviewing'],
    ['applied', 'shortlisted', 'interviewing', 'offered'],
    ['applied', 'shortlisted', 'interviewing', 'offered', 'accepted'],
    ['applied', 'rejected'],
    ['applied', 'shortlisted', 'interviewing', 'rejected'],
    ['applied', 'withdrawn'],
    ['applied', 'shortlisted', 'interviewing', 'offered', 'declined'],
  ];
  const weights = [30, 12, 8, 5, 10, 15, 8, 5, 3];
  const plan: string[][] = [];
  while (appRows.length < 1500) {
    const c = pick(students);
    const p = pick(open);
    const key = `${p.id}/${c.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let w = rand() * 99;
    let f = 0;
    while (f < weights.length - 1 && w >= weights[f]!) w -= weights[f++]!;
    const flow = flows[f]!;
    plan.push(flow);
    appRows.push({
      consortiumId,
      postingId: p.id,
      candidateId: c.id,
      status: flow[flow.length - 1] as (typeof applications.$inferInsert)['status'],
      createdAt: at(40 - Math.floor(rand() * 35)),
      createdBy: c.userId,
    });
  }
  const apps = await tx.insert(applications).values(appRows).returning();
  apps.forEach((a, i) => {
    const flow = plan[i]!;
    flow.forEach((to, k) => {
      const byStudent = to === 'applied' || to === 'withdrawn' || to === 'accepted' || to === 'declined';
      events.push({
        consortiumId,
        entity: 'application',
        entityId: a.id,
        fromStatus: k === 0 ? null : flow[k - 1]!,
        toStatus: to,
        actorName: byStudent ? '学生' : '企业招聘负责人',
        at: new Date(a.createdAt.getTime() + k * 2 * 86_400_000),
      });
    });
  });

  // ---- outcomes of the two graduated cohorts (2024 and 2025)
  const graduates = inserted.filter((c) => c.kind === 'graduate');
  const outcomeRows: (typeof employmentOutcomes.$inferInsert)[] = [];
  for (const g of graduates) {
    const cohortYear = (g.enrolmentYear ?? 2021) + 3;
    const r = rand();
    const destination =
      r < 0.68
        ? 'employed_contract'
        : r < 0.76
          ? 'flexible'
          : r < 0.86
            ? 'further_study'
            : r < 0.88
              ? 'enlisted'
              : r < 0.9
                ? 'entrepreneurship'
                : 'unemployed';
    const employed =
      destination === 'employed_contract' || destination === 'flexible' || destination === 'entrepreneurship';
    const member = employed && destination !== 'entrepreneurship' && rand() < 0.6 ? pick(enterprises) : null;
    const local = member !== null || (employed && rand() < 0.35);
    const v = rand();
    outcomeRows.push({
      consortiumId,
      candidateId: g.id,
      schoolUnitId: g.schoolUnitId,
      majorCode: g.majorCode,
      cohortYear,
      destination,
      employerName: employed
        ? (member?.name ??
          (destination === 'entrepreneurship'
            ? `${g.name}工作室`
            : `外地合作企业${pad(Math.floor(rand() * 90), 2)}`))
        : null,
      employerUscc: member?.uscc ?? null,
      employerDistrict: employed ? (local ? pick(districts) : pick(elsewhere)) : null,
      employerIndustry: employed ? (member?.industryCode ?? pick(['34', '35', '39', '65'])) : null,
      occupationCode: employed ? pick(['6', '2', '4']) : null,
      relatedToMajor: employed ? rand() < 0.74 : null,
      startDate: employed ? `${cohortYear}-07-${pad(1 + Math.floor(rand() * 28), 2)}` : null,
      verificationSource:
        destination === 'unemployed'
          ? 'self_report'
          : v < 0.4
            ? 'employer_confirmed'
            : v < 0.7
              ? 'signed_agreement'
              : v < 0.9
                ? 'social_insurance'
                : 'self_report',
      verifiedBy: '就业指导中心',
      verifiedAt: `${cohortYear}-09-30`,
      createdBy: users.school,
    });
  }
  for (let i = 0; i < outcomeRows.length; i += 1000) {
    await tx.insert(employmentOutcomes).values(outcomeRows.slice(i, i + 1000));
  }
  for (let i = 0; i < events.length; i += 2000)
    await tx.insert(statusEvents).values(events.slice(i, i + 2000));
}
