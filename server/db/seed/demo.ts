// The demo consortium seeded on first start. Every name here is fictional: 江临 is not a real city,
// and no unit impersonates a real organisation. Region codes are left empty rather than invented.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { queryRows } from '../client.ts';
import { consortia, memberships, memberUnits, users } from '../schema/index.ts';
import { hashPassword } from '../../modules/identity/password.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';

export const DEFAULT_DEMO_PASSWORD = 'chanjiao2026';
export const DEMO_CONSORTIUM_CODE = 'jianglin-im';

type UnitType = (typeof memberUnits.$inferInsert)['type'];
type UnitRole = (typeof memberUnits.$inferInsert)['role'];

const consortiumDefs = [
  {
    code: DEMO_CONSORTIUM_CODE,
    name: '江临市智能制造产教联合体',
    nameEn: 'Jianglin Intelligent Manufacturing Industry–Education Consortium (demo)',
    level: 'provincial' as const,
    status: 'building' as const,
    units: [
      ['江临市人民政府', 'government', 'lead'],
      ['江临经济技术开发区管理委员会', 'park', 'lead'],
      ['江临职业技术学院', 'higher_vocational', 'lead'],
      ['江临市第一中等职业学校', 'secondary_vocational', 'council'],
      ['江临智能装备有限公司', 'enterprise', 'lead'],
      ['江临精密机械股份有限公司', 'enterprise', 'council'],
      ['江临工业机器人研究院', 'research_institute', 'member'],
      ['江临市智能制造行业协会', 'industry_association', 'member'],
    ] as [string, UnitType, UnitRole][],
  },
  {
    code: 'jianglin-logistics',
    name: '江临市现代物流产教联合体',
    nameEn: 'Jianglin Modern Logistics Industry–Education Consortium (demo)',
    level: 'municipal' as const,
    status: 'preparing' as const,
    units: [
      ['江临港区管理委员会', 'park', 'lead'],
      ['江临交通职业技术学院', 'higher_vocational', 'lead'],
      ['江临通达物流有限公司', 'enterprise', 'council'],
    ] as [string, UnitType, UnitRole][],
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
    for (const def of consortiumDefs) {
      const [c] = await tx
        .insert(consortia)
        .values({ code: def.code, name: def.name, nameEn: def.nameEn, level: def.level, status: def.status })
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
      for (const [name, type, role] of def.units) {
        const [u] = await tx.insert(memberUnits).values({ consortiumId: c.id, name, type, role }).returning();
        if (!u) throw new Error('seed: unit not created');
        unitIds.set(name, { consortiumId: c.id, id: u.id });
      }
    }
    for (const [username, displayName, roleCode, , , consortiumIndex, unitName] of accountDefs) {
      const [u] = await tx.insert(users).values({ username, displayName, passwordHash }).returning();
      if (!u) throw new Error('seed: user not created');
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
  });
}
