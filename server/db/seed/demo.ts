// The demo consortium seeded on first start. Every name here is fictional: 江临 is not a real city,
// and no unit impersonates a real organisation. Units' region codes are left empty rather than invented;
// USCCs have a valid check character but a region part (329900) no real city has, and the same
// fictional 329900 is the demo city's code (its talent data: ./talent-demo.ts).
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { queryRows } from '../client.ts';
import {
  consortia,
  consortiumIndustries,
  consortiumParks,
  consortiumStatusHistory,
  memberships,
  memberUnits,
  users,
} from '../schema/index.ts';
import { requiresUscc } from '../../modules/consortium/consortium.core.ts';
import { hashPassword } from '../../modules/identity/password.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import { today } from '../../modules/talent/talent.shared.ts';
import { seedInternshipsDemo } from './internships-demo.ts';
import { seedTalentDemo } from './talent-demo.ts';

export const DEFAULT_DEMO_PASSWORD = 'chanjiao2026';
export const DEMO_CONSORTIUM_CODE = 'jianglin-im';

type UnitType = (typeof memberUnits.$inferInsert)['type'];
type UnitRole = (typeof memberUnits.$inferInsert)['role'];
type UnitSeed = {
  name: string;
  type: UnitType;
  role: UnitRole;
  industryCode?: string;
  employeeCount?: number;
  enrolment?: number;
};

/** A small deterministic generator, so every demo database is the same. */
export function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return (x >>> 8) / 0x1000000;
  };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/**
 * A valid-form 统一社会信用代码 (GB 32100-2015 check character) for demo unit n. Characters 3–8 use
 * 329900, a prefecture-shaped code no real city has, so no demo code is a real organisation's.
 */
export function demoUscc(n: number, category = '91'): string {
  const body = `${category}329900${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, ch, i) => acc + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

const schools: UnitSeed[] = [
  { name: '江临职业技术大学', type: 'vocational_undergraduate', role: 'council', enrolment: 14200 },
  { name: '江临理工学院', type: 'university', role: 'member', enrolment: 18600 },
  { name: '江临职业技术学院', type: 'higher_vocational', role: 'lead', enrolment: 12800 },
  { name: '江临工业职业技术学院', type: 'higher_vocational', role: 'council', enrolment: 11300 },
  { name: '江临信息职业技术学院', type: 'higher_vocational', role: 'council', enrolment: 9800 },
  { name: '江临机电职业技术学院', type: 'higher_vocational', role: 'member', enrolment: 8700 },
  { name: '江临商贸职业学院', type: 'higher_vocational', role: 'member', enrolment: 7600 },
  { name: '江临卫生职业技术学院', type: 'higher_vocational', role: 'member', enrolment: 6900 },
  { name: '江临科技职业学院', type: 'higher_vocational', role: 'member', enrolment: 6200 },
  { name: '江临市第一中等职业学校', type: 'secondary_vocational', role: 'council', enrolment: 3900 },
  { name: '江临市第二中等职业学校', type: 'secondary_vocational', role: 'member', enrolment: 3400 },
  { name: '江临市机电工程学校', type: 'secondary_vocational', role: 'member', enrolment: 3100 },
  { name: '江临市工业学校', type: 'secondary_vocational', role: 'member', enrolment: 2800 },
  { name: '江临市信息技术学校', type: 'secondary_vocational', role: 'member', enrolment: 2600 },
  { name: '江临市商业学校', type: 'secondary_vocational', role: 'member', enrolment: 2300 },
  { name: '江临市卫生学校', type: 'secondary_vocational', role: 'member', enrolment: 2100 },
  { name: '江临市旅游学校', type: 'secondary_vocational', role: 'member', enrolment: 1700 },
  { name: '江临县职业教育中心', type: 'secondary_vocational', role: 'member', enrolment: 2500 },
  { name: '临江县职业教育中心', type: 'secondary_vocational', role: 'member', enrolment: 1900 },
  { name: '江临市高级技工学校', type: 'training_institution', role: 'member', enrolment: 2200 },
];

const others: UnitSeed[] = [
  { name: '江临市人民政府', type: 'government', role: 'lead' },
  { name: '江临市教育局', type: 'government', role: 'council' },
  { name: '江临市人力资源和社会保障局', type: 'government', role: 'council' },
  { name: '江临经济技术开发区管理委员会', type: 'park', role: 'lead' },
  { name: '江临工业机器人研究院', type: 'research_institute', role: 'member', industryCode: '73' },
  { name: '江临市智能制造行业协会', type: 'industry_association', role: 'member', industryCode: '34' },
];

/** enterprise name stems and what they make, with the GB/T 4754 大类 of that trade */
const stems = [
  '恒远',
  '精研',
  '瑞达',
  '博越',
  '鼎盛',
  '天工',
  '宏图',
  '新锐',
  '联创',
  '同昌',
  '启明',
  '致远',
  '华茂',
  '信达',
  '金桥',
  '永固',
  '凯旋',
  '方正',
  '卓越',
  '中达',
];
const trades: [string, string][] = [
  ['智能装备', '35'],
  ['精密机械', '34'],
  ['数控科技', '34'],
  ['机器人', '34'],
  ['电子科技', '39'],
  ['半导体', '39'],
  ['传感技术', '40'],
  ['汽车零部件', '36'],
  ['新能源科技', '38'],
  ['电气', '38'],
  ['模具', '35'],
  ['自动化', '35'],
  ['软件', '65'],
  ['检测技术', '74'],
  ['供应链管理', '59'],
];

function enterprises(): UnitSeed[] {
  const rand = prng(20261129);
  const out: UnitSeed[] = [
    {
      name: '江临智能装备有限公司',
      type: 'enterprise',
      role: 'lead',
      industryCode: '35',
      employeeCount: 1860,
    },
    {
      name: '江临精密机械股份有限公司',
      type: 'enterprise',
      role: 'council',
      industryCode: '34',
      employeeCount: 1240,
    },
  ];
  const seen = new Set(out.map((u) => u.name));
  for (let i = 0; out.length < 200; i++) {
    const stem = stems[i % stems.length]!;
    const [trade, industryCode] = trades[Math.floor(i / stems.length) % trades.length]!;
    const form = rand() < 0.15 ? '股份有限公司' : '有限公司';
    const name = `江临${stem}${trade}${form}`;
    if (seen.has(name)) continue;
    seen.add(name);
    // employee counts skewed like a real park: many small firms, a few large ones
    const employeeCount = Math.round(20 + 2500 * rand() ** 3);
    out.push({
      name,
      type: 'enterprise',
      role: rand() < 0.05 ? 'council' : 'member',
      industryCode,
      employeeCount,
    });
  }
  return out;
}

const consortiumDefs = [
  {
    code: DEMO_CONSORTIUM_CODE,
    name: '江临市智能制造产教联合体',
    nameEn: 'Jianglin Intelligent Manufacturing Industry–Education Consortium (demo)',
    level: 'provincial' as const,
    status: 'building' as const,
    batch: 1,
    batchYear: 2024,
    history: [
      { status: 'preparing' as const, since: '2023-09-01', note: '市政府牵头启动筹建' },
      { status: 'building' as const, since: '2024-03-15', note: '理事会成立，章程通过' },
    ],
    parks: [
      { name: '江临经济技术开发区', kind: 'national_etdz' as const, outputValue: 1286.4, outputYear: 2025 },
    ],
    industries: [
      { industryCode: '34', chains: ['工业机器人', '数控机床'] },
      { industryCode: '39', chains: ['集成电路', '智能传感器'] },
      { industryCode: '36', chains: ['新能源汽车零部件'] },
    ],
    units: [...others, ...schools, ...enterprises()],
  },
  {
    code: 'jianglin-logistics',
    name: '江临市现代物流产教联合体',
    nameEn: 'Jianglin Modern Logistics Industry–Education Consortium (demo)',
    level: 'municipal' as const,
    status: 'preparing' as const,
    batch: null,
    batchYear: null,
    history: [{ status: 'preparing' as const, since: '2025-06-01', note: '筹建' }],
    parks: [
      { name: '江临港物流园区', kind: 'industrial_park' as const, outputValue: null, outputYear: null },
    ],
    industries: [{ industryCode: '59', chains: ['港口物流', '冷链物流'] }],
    units: [
      { name: '江临港区管理委员会', type: 'park', role: 'lead' },
      { name: '江临交通职业技术学院', type: 'higher_vocational', role: 'lead', enrolment: 7400 },
      {
        name: '江临通达物流有限公司',
        type: 'enterprise',
        role: 'council',
        industryCode: '59',
        employeeCount: 640,
      },
    ] as UnitSeed[],
  },
];

export type DemoAccount = { username: string; displayName: string; roleZh: string; roleEn: string };

/** username, name, role, consortium index or null for platform, unit name */
const accountDefs: [string, string, string, string, string, number | null, string | null][] = [
  ['admin', '平台管理员', 'platform_admin', '平台管理员', 'Platform admin', null, null],
  ['authority', '省教育厅职成处', 'authority', '教育行政部门', 'Education authority', 0, null],
  ['secretariat', '联合体秘书处', 'secretariat', '秘书处', 'Secretariat', 0, null],
  ['school', '江临职院管理员', 'unit_admin', '学校管理员', 'School admin', 0, '江临职业技术学院'],
  [
    'enterprise',
    '江临智能装备管理员',
    'unit_admin',
    '企业管理员',
    'Enterprise admin',
    0,
    '江临智能装备有限公司',
  ],
  ['teacher', '王老师', 'teacher', '教师', 'Teacher', 0, '江临职业技术学院'],
  ['mentor', '李师傅', 'mentor', '企业导师', 'Enterprise mentor', 0, '江临智能装备有限公司'],
  ['student', '张同学', 'student', '学生', 'Student', 0, '江临职业技术学院'],
];

export const demoAccounts: DemoAccount[] = accountDefs.map(([username, displayName, , roleZh, roleEn]) => ({
  username,
  displayName,
  roleZh,
  roleEn,
}));

export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${users}`);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx: Tx) => {
    const consortiumIds: string[] = [];
    const unitIds = new Map<string, { consortiumId: string; id: string }>();
    const unitsOf: {
      id: string;
      name: string;
      type: string;
      uscc: string | null;
      industryCode: string | null;
      employeeCount: number | null;
    }[][] = [];
    const userIds = new Map<string, string>();
    let serial = 0;
    for (const def of consortiumDefs) {
      const [c] = await tx
        .insert(consortia)
        .values({
          code: def.code,
          name: def.name,
          nameEn: def.nameEn,
          level: def.level,
          status: def.status,
          batch: def.batch,
          batchYear: def.batchYear,
        })
        .returning();
      if (!c) throw new Error('seed: consortium not created');
      consortiumIds.push(c.id);
      await recordAudit(tx, {
        consortiumId: c.id,
        actor: null,
        entity: 'consortium',
        entityId: c.id,
        action: 'seed',
      });
      await tx.insert(consortiumStatusHistory).values(def.history.map((h) => ({ consortiumId: c.id, ...h })));
      await tx
        .insert(consortiumParks)
        .values(def.parks.map((p, i) => ({ consortiumId: c.id, position: i, ...p })));
      await tx
        .insert(consortiumIndustries)
        .values(def.industries.map((x, i) => ({ consortiumId: c.id, position: i, ...x })));
      const rows = def.units.map((u) => {
        serial++;
        const needsUscc = requiresUscc(u.type);
        return {
          consortiumId: c.id,
          name: u.name,
          type: u.type,
          role: u.role,
          uscc: needsUscc ? demoUscc(serial, u.type === 'enterprise' ? '91' : '52') : null,
          industryCode: u.industryCode ?? null,
          joinedOn: def.history[def.history.length - 1]!.since,
          employeeCount: u.employeeCount ?? null,
          employeeCountAsOf: u.employeeCount ? '2026-06-30' : null,
          enrolment: u.enrolment ?? null,
          enrolmentAsOf: u.enrolment ? '2026-09-01' : null,
        };
      });
      const created = await tx.insert(memberUnits).values(rows).returning({
        id: memberUnits.id,
        name: memberUnits.name,
        type: memberUnits.type,
        uscc: memberUnits.uscc,
        industryCode: memberUnits.industryCode,
        employeeCount: memberUnits.employeeCount,
      });
      for (const u of created) unitIds.set(u.name, { consortiumId: c.id, id: u.id });
      unitsOf.push(created);
    }
    for (const [username, displayName, roleCode, , , consortiumIndex, unitName] of accountDefs) {
      const [u] = await tx.insert(users).values({ username, displayName, passwordHash }).returning();
      if (!u) throw new Error('seed: user not created');
      userIds.set(username, u.id);
      const unit = unitName ? unitIds.get(unitName) : undefined;
      if (unitName && !unit) throw new Error(`seed: no unit ${unitName}`);
      const targets =
        consortiumIndex === null
          ? [null]
          : roleCode === 'authority'
            ? consortiumIds // the authority oversees both demo consortia
            : [consortiumIds[consortiumIndex] ?? null];
      for (const consortiumId of targets) {
        await tx
          .insert(memberships)
          .values({ userId: u.id, consortiumId, memberUnitId: unit?.id ?? null, roleCode });
      }
    }
    const user = (name: string) => userIds.get(name)!;
    await seedTalentDemo(
      tx,
      consortiumIds[0]!,
      unitsOf[0]!,
      {
        student: user('student'),
        enterprise: user('enterprise'),
        secretariat: user('secretariat'),
        school: user('school'),
      },
      today(),
    );
    await seedInternshipsDemo(
      tx,
      consortiumIds[0]!,
      unitsOf[0]!,
      {
        school: user('school'),
        teacher: user('teacher'),
        enterprise: user('enterprise'),
        mentor: user('mentor'),
        secretariat: user('secretariat'),
      },
      passwordHash,
      today(),
    );
  });
}
