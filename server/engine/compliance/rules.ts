// The internship rules of 《职业学校学生实习管理规定》 as data: id, title, source, certainty, parameters
// with their defaults, default severity, and the check. The secretariat may change parameters and
// severities (stored per consortium), never delete a rule. Pure: no I/O.
import {
  bannedVenueTypes,
  internshipKinds,
  type Certainty,
  type InternshipKind,
  type RuleSeverity,
  type VenueType,
} from '../../modules/internships/internships.enums.ts';
import { addMonths, ageOn } from './dates.ts';

/** What the rules look at: one placement, its student, its host and post, as of a save or a start. */
export type PlacementFacts = {
  kind: string;
  startDate: string;
  endDate: string;
  /** `save`: creating or changing the placement; `start`: the placement is about to begin */
  stage: 'save' | 'start';
  student: { name: string; birthDate: string; yearOfStudy: number | null; majorCode: string | null };
  guardianConsent: boolean;
  venueType: VenueType;
  viaIntermediary: boolean;
  intensityClass: number;
  dailyHours: number;
  daysPerWeek: number;
  nightShifts: boolean;
  holidayWork: boolean;
  overtime: boolean;
  hazardousWork: boolean;
  exemptionRef: string | null;
  payAmount: number | null;
  postWage: number | null;
  payChannel: string | null;
  payFrequency: string | null;
  postMajorCodes: readonly string[];
  insurance: {
    insurer: string | null;
    policyNo: string | null;
    start: string | null;
    end: string | null;
    paidBy: string | null;
  };
  feesCharged: boolean;
  documentsHeld: boolean;
  host: {
    name: string;
    employeeCount: number | null;
    /** most position interns at the host on one day of the period, this placement included */
    peak: { count: number; date: string };
  };
  post: {
    title: string;
    staffCount: number | null;
    /** most position interns on this post on one day of the period, this placement included */
    peak: { count: number; date: string };
  };
  /** parties that confirmed the current agreement (null: no agreement yet) */
  agreementConfirmed: readonly string[] | null;
};

export type ParamDef = {
  key: string;
  labelZh: string;
  labelEn: string;
  default: number;
  min: number;
  max: number;
  /** whole numbers only */
  integer: boolean;
};

export type Violation = {
  zh: string;
  en: string;
  facts: Record<string, string | number | boolean | null>;
  /** `warn` when the rule could not be checked for want of data, whatever the rule's severity */
  severity?: 'warn';
};

export type RuleDef = {
  id: string;
  titleZh: string;
  titleEn: string;
  source: { document: string; article: string | null; note: string | null };
  certainty: Certainty;
  appliesTo: readonly InternshipKind[];
  params: readonly ParamDef[];
  defaultSeverity: RuleSeverity;
  /** the severity cannot be changed (a condition of starting a placement) */
  severityLocked: boolean;
  check: (f: PlacementFacts, p: Readonly<Record<string, number>>) => Violation | null;
};

export const DOC_2021 = '《职业学校学生实习管理规定》（教职成〔2021〕4号）';
const DOC_2016 = '《职业学校学生实习管理规定》（2016 年版）';
const ARTICLE_UNVERIFIED = '条款号待核实';
const art16 = (item: string) => ({ document: DOC_2021, article: `第十六条第（${item}）项`, note: null });
const unverified = (note: string | null = null) => ({
  document: DOC_2021,
  article: null,
  note: note ?? ARTICLE_UNVERIFIED,
});

const both = internshipKinds;
const position = ['position'] as const;

/** 11.2 → "11.2", 10 → "10" */
function pct(ratio: number): string {
  return String(Math.round(ratio * 1000) / 10);
}
/** integer comparison of count/base ≤ ratio, exact for ratios given to 4 decimals */
function withinRatio(count: number, base: number, ratio: number): boolean {
  return count * 10_000 <= Math.round(ratio * 10_000) * base;
}
const yuan = (n: number) => n.toFixed(2).replace(/\.00$/, '');

export const rules: readonly RuleDef[] = [
  {
    id: 'R-TYPE',
    titleZh: '实习类型只能是认识实习或岗位实习',
    titleEn: 'An internship is an observation or a position internship',
    source: { document: DOC_2021, article: '第二条', note: '跟岗实习、顶岗实习的提法已取消' },
    certainty: 'V',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f) =>
      (internshipKinds as readonly string[]).includes(f.kind)
        ? null
        : {
            zh: `实习类型“${f.kind}”不再使用，只能是认识实习或岗位实习（规则 R-TYPE）`,
            en: `Internship type "${f.kind}" is abolished; use observation or position (rule R-TYPE)`,
            facts: { kind: f.kind },
          },
  },
  {
    id: 'R-YEAR1',
    titleZh: '不得安排一年级学生岗位实习',
    titleEn: 'No position internship for first-year students',
    source: art16('一'),
    certainty: 'V',
    appliesTo: position,
    params: [
      {
        key: 'minYear',
        labelZh: '岗位实习最低年级',
        labelEn: 'Lowest year of study',
        default: 2,
        min: 1,
        max: 5,
        integer: true,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const minYear = p.minYear!;
      if (f.student.yearOfStudy === null) {
        return {
          zh: `${f.student.name}的年级未登记，无法核对“不得安排一年级学生岗位实习”（规则 R-YEAR1）`,
          en: `${f.student.name}'s year of study is not recorded; rule R-YEAR1 cannot be checked`,
          facts: { yearOfStudy: null },
          severity: 'warn',
        };
      }
      if (f.student.yearOfStudy >= minYear) return null;
      return {
        zh: `${f.student.name}为${f.student.yearOfStudy}年级学生，岗位实习须${minYear}年级及以上（规则 R-YEAR1）`,
        en: `${f.student.name} is in year ${f.student.yearOfStudy}; position internships start in year ${minYear} (rule R-YEAR1)`,
        facts: { yearOfStudy: f.student.yearOfStudy, minYear },
      };
    },
  },
  {
    id: 'R-AGE-MIN',
    titleZh: '不得安排未满 16 周岁的学生岗位实习',
    titleEn: 'No position internship under the age of 16',
    source: art16('二'),
    certainty: 'V',
    appliesTo: position,
    params: [
      {
        key: 'minAge',
        labelZh: '最低年龄（周岁）',
        labelEn: 'Minimum age',
        default: 16,
        min: 14,
        max: 18,
        integer: true,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const minAge = p.minAge!;
      const age = ageOn(f.student.birthDate, f.startDate);
      if (age >= minAge) return null;
      return {
        zh: `${f.student.name}在实习开始日 ${f.startDate} 为 ${age} 周岁，未满 ${minAge} 周岁（规则 R-AGE-MIN）`,
        en: `${f.student.name} is ${age} on the start date ${f.startDate}, under ${minAge} (rule R-AGE-MIN)`,
        facts: { age, minAge, birthDate: f.student.birthDate, startDate: f.startDate },
      };
    },
  },
  {
    id: 'R-GUARDIAN',
    titleZh: '未满 18 周岁须有监护人知情同意书',
    titleEn: 'Guardian consent for students under 18',
    source: unverified('条款号待核实；未成年学生须取得监护人知情同意'),
    certainty: 'P',
    appliesTo: both,
    params: [
      {
        key: 'adultAge',
        labelZh: '成年年龄（周岁）',
        labelEn: 'Age of majority',
        default: 18,
        min: 16,
        max: 18,
        integer: true,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const adultAge = p.adultAge!;
      const age = ageOn(f.student.birthDate, f.startDate);
      if (age >= adultAge || f.guardianConsent) return null;
      return {
        zh: `${f.student.name}在实习开始日为 ${age} 周岁，须有监护人知情同意书（规则 R-GUARDIAN）`,
        en: `${f.student.name} is ${age} at the start; a guardian's consent is required (rule R-GUARDIAN)`,
        facts: { age, adultAge },
      };
    },
  },
  {
    id: 'R-VENUE',
    titleZh: '不得安排到酒吧、夜总会、歌厅、洗浴中心、电子游戏厅、网吧等营业性娱乐场所',
    titleEn: 'No internships in bars, nightclubs, KTV, bath centres, game halls, internet cafés',
    source: art16('五'),
    certainty: 'V',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f) =>
      bannedVenueTypes.includes(f.venueType)
        ? {
            zh: `实习场所类型为营业性娱乐场所（${venueZh[f.venueType]}），不得安排实习（规则 R-VENUE）`,
            en: `The venue is a commercial entertainment place (${f.venueType}) (rule R-VENUE)`,
            facts: { venueType: f.venueType },
          }
        : null,
  },
  {
    id: 'R-INTERMEDIARY',
    titleZh: '不得通过中介机构或有偿代理组织、安排和管理实习',
    titleEn: 'No placements through intermediaries or paid agents',
    source: art16('六'),
    certainty: 'V',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f) =>
      f.viaIntermediary || f.payChannel === 'via_agent'
        ? {
            zh: '该实习经由中介机构或有偿代理安排（或报酬经中介发放），不得安排（规则 R-INTERMEDIARY）',
            en: 'The placement is arranged (or paid) through an intermediary (rule R-INTERMEDIARY)',
            facts: { viaIntermediary: f.viaIntermediary, payChannel: f.payChannel },
          }
        : null,
  },
  {
    id: 'R-INTENSITY',
    titleZh: '不得安排 III 级及以上体力劳动强度的实习',
    titleEn: 'No physical work of intensity class III or above',
    source: art16('七'),
    certainty: 'V',
    appliesTo: both,
    params: [
      {
        key: 'refusedFromClass',
        labelZh: '禁止的最低强度级别',
        labelEn: 'Lowest refused class',
        default: 3,
        min: 2,
        max: 4,
        integer: true,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const from = p.refusedFromClass!;
      if (f.intensityClass < from) return null;
      return {
        zh: `体力劳动强度为 ${roman[f.intensityClass] ?? f.intensityClass} 级，${roman[from] ?? from} 级及以上不得安排（规则 R-INTENSITY）`,
        en: `Physical intensity class ${f.intensityClass}; class ${from} and above is refused (rule R-INTENSITY)`,
        facts: { intensityClass: f.intensityClass, refusedFromClass: from },
      };
    },
  },
  {
    id: 'R-HOURS',
    titleZh: '不得安排加班、夜班和法定节假日实习（已备案的例外除外）',
    titleEn: 'No overtime, night shifts or statutory-holiday work unless an exemption is filed',
    source: unverified(),
    certainty: 'P',
    appliesTo: position,
    params: [
      {
        key: 'maxDailyHours',
        labelZh: '每日最长实习时间（小时）',
        labelEn: 'Longest day (hours)',
        default: 8,
        min: 4,
        max: 12,
        integer: false,
      },
      {
        key: 'maxDaysPerWeek',
        labelZh: '每周最多实习天数',
        labelEn: 'Most days a week',
        default: 5,
        min: 1,
        max: 7,
        integer: true,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      if (f.exemptionRef) return null;
      const problems: string[] = [];
      const problemsEn: string[] = [];
      if (f.dailyHours > p.maxDailyHours!) {
        problems.push(`每日 ${f.dailyHours} 小时超过 ${p.maxDailyHours} 小时`);
        problemsEn.push(`${f.dailyHours} hours a day exceeds ${p.maxDailyHours}`);
      }
      if (f.daysPerWeek > p.maxDaysPerWeek!) {
        problems.push(`每周 ${f.daysPerWeek} 天超过 ${p.maxDaysPerWeek} 天`);
        problemsEn.push(`${f.daysPerWeek} days a week exceeds ${p.maxDaysPerWeek}`);
      }
      const add = (zh: string, en: string) => (problems.push(zh), problemsEn.push(en));
      if (f.overtime) add('安排加班', 'overtime');
      if (f.nightShifts) add('安排夜班', 'night shifts');
      if (f.holidayWork) add('法定节假日实习', 'statutory-holiday work');
      if (problems.length === 0) return null;
      return {
        zh: `${problems.join('、')}，且无备案的例外（规则 R-HOURS）`,
        en: `${problemsEn.join(', ')}, with no filed exemption (rule R-HOURS)`,
        facts: {
          dailyHours: f.dailyHours,
          daysPerWeek: f.daysPerWeek,
          overtime: f.overtime,
          nightShifts: f.nightShifts,
          holidayWork: f.holidayWork,
        },
      };
    },
  },
  {
    id: 'R-HAZARD',
    titleZh: '不得安排高空、井下、放射性、有毒、易燃易爆等危险作业（已备案的例外除外）',
    titleEn: 'No high-altitude, underground, radioactive, toxic or explosive work unless exempted',
    source: unverified(),
    certainty: 'P',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f) =>
      f.hazardousWork && !f.exemptionRef
        ? {
            zh: '岗位涉及高空、井下、放射性、有毒或易燃易爆作业，且无备案的例外（规则 R-HAZARD）',
            en: 'The post involves hazardous work with no filed exemption (rule R-HAZARD)',
            facts: { hazardousWork: true },
          }
        : null,
  },
  {
    id: 'R-PAY',
    titleZh: '岗位实习报酬不低于本单位相同岗位工资的 80%',
    titleEn: "Position interns' pay is at least 80% of the same post's wage",
    source: unverified(),
    certainty: 'V',
    appliesTo: position,
    params: [
      {
        key: 'minRatio',
        labelZh: '报酬与相同岗位工资之比下限',
        labelEn: 'Lowest pay / wage',
        default: 0.8,
        min: 0.5,
        max: 1,
        integer: false,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const minRatio = p.minRatio!;
      // a position intern is paid: the pay and the wage it is measured against are required
      if (f.payAmount === null || f.postWage === null || f.postWage <= 0) {
        return {
          zh: '岗位实习须填写实习报酬和相同岗位工资（大于 0），以核对报酬标准（规则 R-PAY）',
          en: "A position internship states its pay and the same post's wage (above 0) (rule R-PAY)",
          facts: { payAmount: f.payAmount, postWage: f.postWage },
        };
      }
      // in fen (分), exact
      const pay = Math.round(f.payAmount * 100);
      const wage = Math.round(f.postWage * 100);
      if (pay * 10_000 >= Math.round(minRatio * 10_000) * wage) return null;
      return {
        zh: `实习报酬 ${yuan(f.payAmount)} 元/月为相同岗位工资 ${yuan(f.postWage)} 元的 ${pct(f.payAmount / f.postWage)}%，低于 ${pct(minRatio)}%（规则 R-PAY）`,
        en: `Pay ${yuan(f.payAmount)} is ${pct(f.payAmount / f.postWage)}% of the post's wage ${yuan(f.postWage)}, below ${pct(minRatio)}% (rule R-PAY)`,
        facts: {
          payAmount: f.payAmount,
          postWage: f.postWage,
          minRatio,
          minimum: Math.ceil(f.postWage * minRatio * 100) / 100,
        },
      };
    },
  },
  {
    id: 'R-PAY-CHANNEL',
    titleZh: '报酬以货币形式直接支付给学生，至少每月一次',
    titleEn: 'Pay in money, directly to the student, at least monthly',
    source: unverified(),
    certainty: 'V',
    appliesTo: position,
    params: [],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f): Violation | null => {
      const direct = f.payChannel === 'bank_to_student' || f.payChannel === 'cash_to_student';
      const often =
        f.payFrequency === 'monthly' || f.payFrequency === 'biweekly' || f.payFrequency === 'weekly';
      if (direct && often) return null;
      return {
        zh: `报酬发放方式（${f.payChannel ?? '未填写'}，${f.payFrequency ?? '未填写'}）不符合“以货币形式直接、按月足额支付给学生”（规则 R-PAY-CHANNEL）`,
        en: `Pay channel ${f.payChannel ?? 'missing'} / frequency ${f.payFrequency ?? 'missing'}: pay must go to the student in money at least monthly (rule R-PAY-CHANNEL)`,
        facts: { payChannel: f.payChannel, payFrequency: f.payFrequency },
      };
    },
  },
  {
    id: 'R-RATIO-HOST',
    titleZh: '岗位实习学生不超过实习单位在岗职工总数的 10%',
    titleEn: "Position interns at most 10% of the host's on-post employees",
    source: {
      document: DOC_2016,
      article: '第九条',
      note: '2016 年版第九条已核实；2021 年版是否保留此比例尚未核实，可由秘书处调整',
    },
    certainty: 'M',
    appliesTo: position,
    params: [
      {
        key: 'maxRatio',
        labelZh: '上限比例',
        labelEn: 'Cap',
        default: 0.1,
        min: 0.01,
        max: 1,
        integer: false,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const maxRatio = p.maxRatio!;
      const { count, date } = f.host.peak;
      if (f.host.employeeCount === null || f.host.employeeCount <= 0) {
        return {
          zh: `${f.host.name}未登记在岗职工人数，无法核对 ${pct(maxRatio)}% 上限（规则 R-RATIO-HOST）`,
          en: `${f.host.name} has no employee count; the ${pct(maxRatio)}% cap cannot be checked (rule R-RATIO-HOST)`,
          facts: { employeeCount: f.host.employeeCount, interns: count },
          severity: 'warn',
        };
      }
      const employees = f.host.employeeCount;
      if (withinRatio(count, employees, maxRatio)) return null;
      return {
        zh: `实习生将达到在岗职工的 ${pct(count / employees)}%，超过 ${pct(maxRatio)}% 上限（规则 R-RATIO-HOST）：${date} 当天${f.host.name}有岗位实习学生 ${count} 人，在岗职工 ${employees} 人，最多 ${Math.floor((employees * Math.round(maxRatio * 10_000)) / 10_000)} 人`,
        en: `Interns would reach ${pct(count / employees)}% of on-post employees, above the ${pct(maxRatio)}% cap (rule R-RATIO-HOST): ${count} interns at ${f.host.name} on ${date}, ${employees} employees`,
        facts: {
          interns: count,
          employees,
          date,
          maxRatio,
          allowed: Math.floor((employees * Math.round(maxRatio * 10_000)) / 10_000),
        },
      };
    },
  },
  {
    id: 'R-RATIO-POST',
    titleZh: '同一岗位的实习学生不超过该岗位在岗职工的 20%',
    titleEn: "Interns on one post at most 20% of that post's staff",
    source: {
      document: DOC_2016,
      article: '第九条',
      note: '2016 年版第九条已核实；2021 年版是否保留此比例尚未核实，可由秘书处调整',
    },
    certainty: 'M',
    appliesTo: position,
    params: [
      {
        key: 'maxRatio',
        labelZh: '上限比例',
        labelEn: 'Cap',
        default: 0.2,
        min: 0.01,
        max: 1,
        integer: false,
      },
    ],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const maxRatio = p.maxRatio!;
      const { count, date } = f.post.peak;
      if (f.post.staffCount === null || f.post.staffCount <= 0) {
        return {
          zh: `岗位“${f.post.title}”未填写在岗职工人数，无法核对 ${pct(maxRatio)}% 上限（规则 R-RATIO-POST）`,
          en: `Post "${f.post.title}" has no staff count; the ${pct(maxRatio)}% cap cannot be checked (rule R-RATIO-POST)`,
          facts: { staffCount: f.post.staffCount, interns: count },
          severity: 'warn',
        };
      }
      const staff = f.post.staffCount;
      if (withinRatio(count, staff, maxRatio)) return null;
      return {
        zh: `岗位“${f.post.title}”的实习生将达到该岗位在岗职工的 ${pct(count / staff)}%，超过 ${pct(maxRatio)}% 上限（规则 R-RATIO-POST）：${date} 当天实习生 ${count} 人，该岗位在岗职工 ${staff} 人`,
        en: `Interns on "${f.post.title}" would reach ${pct(count / staff)}% of its staff, above the ${pct(maxRatio)}% cap (rule R-RATIO-POST): ${count} interns on ${date}, ${staff} staff`,
        facts: { interns: count, staff, date, maxRatio },
      };
    },
  },
  {
    id: 'R-DURATION',
    titleZh: '岗位实习一般为 6 个月',
    titleEn: 'A position internship is generally 6 months',
    source: unverified(),
    certainty: 'P',
    appliesTo: position,
    params: [
      {
        key: 'months',
        labelZh: '一般时长（月）',
        labelEn: 'Usual length (months)',
        default: 6,
        min: 1,
        max: 24,
        integer: true,
      },
    ],
    defaultSeverity: 'warn',
    severityLocked: false,
    check: (f, p): Violation | null => {
      const months = p.months!;
      const limit = addMonths(f.startDate, months);
      if (f.endDate < limit) return null;
      return {
        zh: `实习期 ${f.startDate} 至 ${f.endDate} 超过一般的 ${months} 个月（规则 R-DURATION）`,
        en: `The period ${f.startDate} – ${f.endDate} is longer than the usual ${months} months (rule R-DURATION)`,
        facts: { startDate: f.startDate, endDate: f.endDate, months },
      };
    },
  },
  {
    id: 'R-MAJOR',
    titleZh: '实习岗位应与所学专业对口或相近，原则上不跨专业大类',
    titleEn: "The post fits the student's major; in principle not across 专业大类",
    source: unverified(),
    certainty: 'P',
    appliesTo: position,
    params: [],
    defaultSeverity: 'warn',
    severityLocked: false,
    check: (f): Violation | null => {
      const major = f.student.majorCode;
      if (!major || f.postMajorCodes.length === 0) {
        return {
          zh: '学生专业或岗位对应专业未填写，无法核对专业对口（规则 R-MAJOR）',
          en: "The student's major or the post's majors are missing (rule R-MAJOR)",
          facts: { majorCode: major, postMajorCodes: f.postMajorCodes.join(',') },
          severity: 'warn',
        };
      }
      // 专业大类 = the first two digits of a major code (专业类 four, 专业 six)
      const group = major.slice(0, 2);
      if (f.postMajorCodes.some((c) => c.slice(0, 2) === group)) return null;
      return {
        zh: `学生专业 ${major} 与岗位对应专业（${f.postMajorCodes.join('、')}）不属同一专业大类（规则 R-MAJOR）`,
        en: `Major ${major} and the post's majors (${f.postMajorCodes.join(', ')}) are in different 专业大类 (rule R-MAJOR)`,
        facts: { majorCode: major, postMajorCodes: f.postMajorCodes.join(',') },
      };
    },
  },
  {
    id: 'R-AGREEMENT',
    titleZh: '实习开始前须签订学校、实习单位、学生三方协议',
    titleEn: 'A three-party agreement before the internship starts',
    source: unverified(),
    certainty: 'P',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: true,
    check: (f): Violation | null => {
      if (f.stage !== 'start') return null;
      const confirmed = f.agreementConfirmed ?? [];
      const missing = (['school', 'host', 'student'] as const).filter((p) => !confirmed.includes(p));
      if (missing.length === 0) return null;
      const zh = { school: '学校', host: '实习单位', student: '学生' } as const;
      return {
        zh: `三方协议尚未全部确认（待确认：${missing.map((m) => zh[m]).join('、')}），不能开始实习（规则 R-AGREEMENT）`,
        en: `The three-party agreement is not confirmed by ${missing.join(', ')} (rule R-AGREEMENT)`,
        facts: { missing: missing.join(',') },
      };
    },
  },
  {
    id: 'R-INSURANCE',
    titleZh: '实习责任保险覆盖整个实习期，保费不由学生承担',
    titleEn: 'Internship liability insurance for the whole period, premium not charged to the student',
    source: unverified(),
    certainty: 'P',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: true,
    check: (f): Violation | null => {
      const i = f.insurance;
      if (!i.insurer || !i.policyNo || !i.start || !i.end || !i.paidBy) {
        const v: Violation = {
          zh: '实习责任保险信息不完整（保险公司、保单号、保险期间、付费方），开始实习前必须补全（规则 R-INSURANCE）',
          en: 'Insurance details are incomplete; they are required before the start (rule R-INSURANCE)',
          facts: { insurer: i.insurer, policyNo: i.policyNo, start: i.start, end: i.end, paidBy: i.paidBy },
        };
        return f.stage === 'start' ? v : { ...v, severity: 'warn' };
      }
      if (i.paidBy === 'student') {
        return {
          zh: '实习责任保险保费不得由学生承担（规则 R-INSURANCE）',
          en: 'The premium must not be charged to the student (rule R-INSURANCE)',
          facts: { paidBy: i.paidBy },
        };
      }
      if (i.start > f.startDate || i.end < f.endDate) {
        return {
          zh: `保险期间 ${i.start} 至 ${i.end} 未覆盖实习期 ${f.startDate} 至 ${f.endDate}（规则 R-INSURANCE）`,
          en: `Insurance ${i.start} – ${i.end} does not cover the period ${f.startDate} – ${f.endDate} (rule R-INSURANCE)`,
          facts: { insuranceStart: i.start, insuranceEnd: i.end, startDate: f.startDate, endDate: f.endDate },
        };
      }
      return null;
    },
  },
  {
    id: 'R-FEES',
    titleZh: '不得收取押金、培训费、管理费、报酬提成，不得扣押证件',
    titleEn: 'No deposits, fees or commission on pay; no holding of documents',
    source: unverified(),
    certainty: 'P',
    appliesTo: both,
    params: [],
    defaultSeverity: 'block',
    severityLocked: false,
    check: (f): Violation | null => {
      if (!f.feesCharged && !f.documentsHeld) return null;
      const what = [
        f.feesCharged ? '向学生收取费用或报酬提成' : null,
        f.documentsHeld ? '扣押学生证件' : null,
      ]
        .filter(Boolean)
        .join('、');
      return {
        zh: `${what}（规则 R-FEES）`,
        en: `${[f.feesCharged ? 'fees charged to the student' : null, f.documentsHeld ? 'documents held' : null].filter(Boolean).join(', ')} (rule R-FEES)`,
        facts: { feesCharged: f.feesCharged, documentsHeld: f.documentsHeld },
      };
    },
  },
];

export const venueZh: Record<VenueType, string> = {
  factory: '工厂车间',
  office: '办公场所',
  laboratory: '实验室',
  construction_site: '施工现场',
  retail: '门店',
  hotel_catering: '酒店餐饮',
  hospital: '医疗机构',
  school: '学校',
  outdoor: '户外',
  other: '其他',
  bar: '酒吧',
  nightclub: '夜总会',
  ktv: '歌厅',
  bath_centre: '洗浴中心',
  game_hall: '电子游戏厅',
  internet_cafe: '网吧',
};
const roman: Record<number, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export const ruleById: ReadonlyMap<string, RuleDef> = new Map(rules.map((r) => [r.id, r]));
