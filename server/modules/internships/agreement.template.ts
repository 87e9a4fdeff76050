// The three-party internship agreement (三方协议) template: what the agreement says, built from a
// placement's data, and its content hash. Pure: no I/O. The content is stored as it was generated, with
// the template version that produced it, so an old version still reads (and prints) as it was signed.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { maskIdCard } from '../../lib/mask.ts';
import {
  hostKinds,
  internshipKinds,
  payChannels,
  payFrequencies,
  premiumPayers,
  venueTypes,
  type InternshipKind,
  type VenueType,
} from './internships.enums.ts';

export const AGREEMENT_TEMPLATE_ID = 'chanjiao.internship-tripartite';
/** Bump when the clauses or the shape change: content built by another template version hashes apart. */
export const AGREEMENT_TEMPLATE_VERSION = '1.0';
export const AGREEMENT_TITLE = '职业学校学生实习三方协议';

// ---------------------------------------------------------------------------------------------------
// Labels (copied into the content, so that a stored version never depends on today's tables)

export const kindLabels: Record<InternshipKind, string> = { observation: '认识实习', position: '岗位实习' };

export const venueTypeLabels: Record<VenueType, string> = {
  factory: '工厂车间',
  office: '办公场所',
  laboratory: '实验室',
  construction_site: '建设工地',
  retail: '商超门店',
  hotel_catering: '酒店餐饮',
  hospital: '医疗机构',
  school: '学校',
  outdoor: '户外作业',
  other: '其他场所',
  bar: '酒吧',
  nightclub: '夜总会',
  ktv: 'KTV',
  bath_centre: '洗浴中心',
  game_hall: '游戏厅',
  internet_cafe: '网吧',
};

export const payChannelLabels: Record<(typeof payChannels)[number], string> = {
  bank_to_student: '银行转账直接发放至学生本人账户',
  cash_to_student: '现金直接发放给学生本人',
  via_school: '经学校转发',
  via_agent: '经中介机构转发',
  in_kind: '实物折抵',
};

export const payFrequencyLabels: Record<(typeof payFrequencies)[number], string> = {
  monthly: '按月',
  biweekly: '每两周',
  weekly: '按周',
  end_of_term: '实习结束时',
  lump_sum: '一次性',
};

export const premiumPayerLabels: Record<(typeof premiumPayers)[number], string> = {
  school: '甲方（学校）',
  host: '乙方（实习单位）',
  government: '财政经费',
  student: '学生本人',
};

export const intensityLabels: Record<number, string> = {
  1: 'Ⅰ级（轻）',
  2: 'Ⅱ级（中等）',
  3: 'Ⅲ级（重）',
  4: 'Ⅳ级（很重）',
};

// ---------------------------------------------------------------------------------------------------
// Standard clauses (written for this platform; plain language)

export const clauses = {
  safety:
    '乙方应为丙方提供符合国家标准的安全生产和职业卫生条件，发放必要的劳动防护用品；丙方上岗前，乙方应进行安全生产和岗位操作培训，未经培训不得上岗。乙方不得安排丙方从事高空、井下、放射性、有毒、易燃易爆等危险作业，不得安排丙方从事第Ⅲ级及以上体力劳动强度的工作，不得安排丙方到营业性娱乐场所实习。甲方应在实习前对丙方进行安全教育，丙方应遵守乙方的安全操作规程和劳动纪律。发生事故时，乙方应立即组织救治并及时告知甲方，三方依法妥善处理。',
  fees: '甲方、乙方及任何中介机构均不得向丙方收取押金、保证金、培训费、管理费等任何费用，不得扣押丙方的居民身份证、学生证等证件，不得克扣、截留或拖欠丙方的实习报酬。',
  insurance:
    '实习期间丙方应享有实习责任保险保障，保险应覆盖实习的全部期间，保险费不得由丙方承担。保险未落实前，丙方不得上岗实习。',
  assessment:
    '实习结束时，由乙方实习指导人员与甲方指导教师依据实习计划确定的考核项目和权重，结合丙方的实习日志与表现，共同评定丙方的实习成绩。',
  breach:
    '三方应全面履行本协议。任何一方违反本协议或实习管理有关规定，给其他方造成损失的，依法承担相应责任。乙方安排丙方从事本协议禁止的工作、拖欠实习报酬或未提供安全保障的，甲方有权调整或终止丙方在乙方的实习。丙方严重违反实习纪律或乙方规章制度的，经三方协商，可以终止实习。协议履行中发生争议，三方先行协商；协商不成的，可以向有关主管部门申请调解，或者依法提起诉讼。',
  effect:
    '本协议经甲、乙、丙三方在线确认后生效。协议所依据的实习数据发生变化时，平台生成新版本，新版本须三方重新确认；原版本自新版本生成时起不再作为现行版本，但其内容与确认记录予以保留。',
  guardian: '丙方未满十八周岁，本协议须经其监护人知情同意，监护人知情同意书作为本协议附件。',
} as const;

// ---------------------------------------------------------------------------------------------------
// The content's shape (also the API's description of it)

const rubricItem = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
});

export const agreementContent = z
  .object({
    template: z.object({
      id: z.string(),
      version: z.string().describe('the template version that produced this content'),
      title: z.string(),
    }),
    kind: z.enum(internshipKinds),
    kindLabel: z.string(),
    parties: z.object({
      school: z.object({ role: z.literal('甲方'), name: z.string(), uscc: z.string().nullable() }),
      host: z.object({
        role: z.literal('乙方'),
        kind: z.enum(hostKinds),
        name: z.string(),
        uscc: z.string().nullable(),
      }),
      student: z.object({
        role: z.literal('丙方'),
        name: z.string(),
        studentNo: z.string().nullable(),
        idCardMasked: z.string().describe('公民身份号码, masked'),
        minor: z.boolean().describe('under 18 on the first day of the internship'),
      }),
      guardian: z
        .object({ consentOnFile: z.boolean(), clause: z.string() })
        .nullable()
        .describe('present when the student is under 18'),
    }),
    period: z.object({ start: z.string(), end: z.string(), days: z.number().int() }),
    place: z.object({
      address: z.string().nullable(),
      venueType: z.enum(venueTypes),
      venueTypeLabel: z.string(),
    }),
    work: z.object({ postTitle: z.string(), planTitle: z.string(), goals: z.string().nullable() }),
    hours: z.object({
      dailyHours: z.number(),
      daysPerWeek: z.number().int(),
      weeklyHours: z.number(),
      nightShifts: z.boolean(),
      holidayWork: z.boolean(),
      overtime: z.boolean(),
      exemptionRef: z.string().nullable(),
      clause: z.string(),
    }),
    pay: z.object({
      amount: z.number().nullable().describe('元 per month'),
      unit: z.literal('元/月'),
      postWage: z.number().nullable().describe("the same post's wage, 元 per month"),
      ratioToPostWage: z.number().nullable().describe('percent, one decimal'),
      channel: z.enum(payChannels).nullable(),
      channelLabel: z.string().nullable(),
      frequency: z.enum(payFrequencies).nullable(),
      frequencyLabel: z.string().nullable(),
      clause: z.string(),
      feesClause: z.string(),
    }),
    insurance: z.object({
      insurer: z.string().nullable(),
      policyNo: z.string().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      premiumPaidBy: z.enum(premiumPayers).nullable(),
      premiumPaidByLabel: z.string().nullable(),
      clause: z.string(),
    }),
    safety: z.object({
      intensityClass: z.number().int(),
      intensityLabel: z.string(),
      hazardousWork: z.boolean(),
      clause: z.string(),
    }),
    assessment: z.object({ rubric: z.array(rubricItem), clause: z.string() }),
    breach: z.object({ clause: z.string() }),
    mentors: z.object({
      school: z.object({ name: z.string() }),
      enterprise: z.object({ name: z.string() }),
    }),
    effect: z.object({ clause: z.string() }),
  })
  .describe('The agreement as generated from the placement (template version inside)');
export type AgreementContent = z.infer<typeof agreementContent>;

// ---------------------------------------------------------------------------------------------------
// Building the content

export type AgreementInput = {
  placement: {
    hostKind: (typeof hostKinds)[number];
    postTitle: string;
    schoolMentorName: string;
    enterpriseMentorName: string;
    startDate: string;
    endDate: string;
    dailyHours: number;
    daysPerWeek: number;
    nightShifts: boolean;
    holidayWork: boolean;
    overtime: boolean;
    hazardousWork: boolean;
    exemptionRef: string | null;
    payAmount: number | null;
    postWage: number | null;
    payChannel: (typeof payChannels)[number] | null;
    payFrequency: (typeof payFrequencies)[number] | null;
    intensityClass: number;
    venueType: VenueType;
    address: string | null;
    guardianConsent: boolean;
    insurer: string | null;
    policyNo: string | null;
    insuranceStart: string | null;
    insuranceEnd: string | null;
    premiumPaidBy: (typeof premiumPayers)[number] | null;
  };
  plan: { title: string; kind: InternshipKind; goals: string | null; rubric: unknown };
  school: { name: string; uscc: string | null };
  host: { name: string; uscc: string | null };
  student: { name: string; studentNo: string | null; idCard: string; birthDate: string };
};

/** Full years of age on `on` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const money = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function parseRubric(raw: unknown): z.infer<typeof rubricItem>[] {
  const parsed = z.array(rubricItem).safeParse(raw);
  return parsed.success ? parsed.data.map((r) => ({ key: r.key, label: r.label, weight: r.weight })) : [];
}

function hoursClause(p: AgreementInput['placement'], weeklyHours: number): string {
  const head = `丙方每日实习时间为${p.dailyHours}小时，每周实习${p.daysPerWeek}天（每周合计${weeklyHours}小时）。`;
  const items: [boolean, string][] = [
    [p.overtime, '加班'],
    [p.nightShifts, '夜班'],
    [p.holidayWork, '法定节假日实习'],
  ];
  const arranged = items.filter(([on]) => on).map(([, label]) => label);
  const none = items.filter(([on]) => !on).map(([, label]) => label);
  const parts = [head];
  if (none.length) parts.push(`乙方不安排丙方${none.join('、')}。`);
  if (arranged.length) {
    parts.push(
      p.exemptionRef
        ? `因岗位特殊需要，经依规备案（备案编号：${p.exemptionRef}），乙方可安排丙方${arranged.join('、')}，并应依法安排补休或支付相应报酬。`
        : `实习数据显示乙方安排丙方${arranged.join('、')}，但未见备案；未经备案，乙方不得作此安排。`,
    );
  }
  return parts.join('');
}

function payClause(p: AgreementInput['placement'], ratio: number | null): string {
  if (p.payAmount === null) return '本次实习不约定实习报酬。';
  const how = [
    p.payFrequency ? payFrequencyLabels[p.payFrequency] : null,
    p.payChannel ? `以${payChannelLabels[p.payChannel]}的方式` : null,
  ]
    .filter(Boolean)
    .join('');
  const basis =
    p.postWage !== null && ratio !== null
      ? `（同岗位职工工资为每月${money(p.postWage)}元，实习报酬为其${ratio}%）`
      : '';
  return `乙方${how}向丙方支付实习报酬，每月${money(p.payAmount)}元${basis}。`;
}

function insuranceClause(p: AgreementInput['placement']): string {
  const facts =
    p.insurer && p.policyNo
      ? `由${p.premiumPaidBy ? premiumPayerLabels[p.premiumPaidBy] : '（未填写）'}投保实习责任保险，承保单位：${p.insurer}，保单号：${p.policyNo}，保险期间：${p.insuranceStart ?? '（未填写）'}至${p.insuranceEnd ?? '（未填写）'}。`
      : '实习责任保险信息尚未填写。';
  return `${facts}${clauses.insurance}`;
}

function safetyClause(p: AgreementInput['placement']): string {
  const cls = `本岗位体力劳动强度为${intensityLabels[p.intensityClass] ?? `第${p.intensityClass}级`}。`;
  const hazard = p.hazardousWork
    ? p.exemptionRef
      ? `本岗位涉及特殊作业，已依规备案（备案编号：${p.exemptionRef}），乙方须落实专项防护措施并全程指导。`
      : '实习数据显示本岗位涉及危险作业且未见备案；未经备案，乙方不得作此安排。'
    : '';
  return `${clauses.safety}${cls}${hazard}`;
}

/** The agreement's content from the placement's data (deterministic: same data, same content). */
export function buildAgreementContent(input: AgreementInput): AgreementContent {
  const { placement: p, plan, school, host, student } = input;
  const weeklyHours = round1(p.dailyHours * p.daysPerWeek);
  const ratio =
    p.payAmount !== null && p.postWage !== null && p.postWage > 0
      ? round1((p.payAmount / p.postWage) * 100)
      : null;
  const minor = ageOn(student.birthDate, p.startDate) < 18;
  const rubric = parseRubric(plan.rubric);
  const rubricText = rubric.length
    ? `考核项目及权重：${rubric.map((r) => `${r.label}${r.weight}%`).join('，')}。`
    : '考核项目及权重以实习计划为准。';
  return {
    template: { id: AGREEMENT_TEMPLATE_ID, version: AGREEMENT_TEMPLATE_VERSION, title: AGREEMENT_TITLE },
    kind: plan.kind,
    kindLabel: kindLabels[plan.kind],
    parties: {
      school: { role: '甲方', name: school.name, uscc: school.uscc },
      host: { role: '乙方', kind: p.hostKind, name: host.name, uscc: host.uscc },
      student: {
        role: '丙方',
        name: student.name,
        studentNo: student.studentNo,
        idCardMasked: maskIdCard(student.idCard),
        minor,
      },
      guardian: minor ? { consentOnFile: p.guardianConsent, clause: clauses.guardian } : null,
    },
    period: { start: p.startDate, end: p.endDate, days: daysBetween(p.startDate, p.endDate) },
    place: { address: p.address, venueType: p.venueType, venueTypeLabel: venueTypeLabels[p.venueType] },
    work: { postTitle: p.postTitle, planTitle: plan.title, goals: plan.goals },
    hours: {
      dailyHours: p.dailyHours,
      daysPerWeek: p.daysPerWeek,
      weeklyHours,
      nightShifts: p.nightShifts,
      holidayWork: p.holidayWork,
      overtime: p.overtime,
      exemptionRef: p.exemptionRef,
      clause: hoursClause(p, weeklyHours),
    },
    pay: {
      amount: p.payAmount,
      unit: '元/月',
      postWage: p.postWage,
      ratioToPostWage: ratio,
      channel: p.payChannel,
      channelLabel: p.payChannel ? payChannelLabels[p.payChannel] : null,
      frequency: p.payFrequency,
      frequencyLabel: p.payFrequency ? payFrequencyLabels[p.payFrequency] : null,
      clause: payClause(p, ratio),
      feesClause: clauses.fees,
    },
    insurance: {
      insurer: p.insurer,
      policyNo: p.policyNo,
      start: p.insuranceStart,
      end: p.insuranceEnd,
      premiumPaidBy: p.premiumPaidBy,
      premiumPaidByLabel: p.premiumPaidBy ? premiumPayerLabels[p.premiumPaidBy] : null,
      clause: insuranceClause(p),
    },
    safety: {
      intensityClass: p.intensityClass,
      intensityLabel: intensityLabels[p.intensityClass] ?? `第${p.intensityClass}级`,
      hazardousWork: p.hazardousWork,
      clause: safetyClause(p),
    },
    assessment: { rubric, clause: `${clauses.assessment}${rubricText}` },
    breach: { clause: clauses.breach },
    mentors: {
      school: { name: p.schoolMentorName },
      enterprise: { name: p.enterpriseMentorName },
    },
    effect: { clause: clauses.effect },
  };
}

// ---------------------------------------------------------------------------------------------------
// Canonical JSON and the hash

/**
 * JSON with object keys sorted (recursively), no whitespace, `undefined` members left out: the same
 * value always gives the same text, whatever order its keys were built or stored in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha-256 (hex) of the canonical JSON of the content. */
export function contentHashOf(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
