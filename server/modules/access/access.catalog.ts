// The built-in roles, capabilities and their default grants. This is the seed of the role tables:
// at every migration run, missing roles and capabilities are inserted, and a new capability receives
// its default grants once. After that the tables are the truth (an operator may change grants).
import type { Scope } from './access.core.ts';

export type RoleDef = {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  level: 'platform' | 'consortium';
  /** roles whose holders may hand this role out */
  assignableBy: string[];
  /** whether a membership of this role names a member unit, and of which types */
  unitRequirement: 'none' | 'optional' | 'required';
  unitTypes: string[] | null;
};

const schools = [
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'training_institution',
];
const enterprises = ['enterprise', 'research_institute', 'park', 'industry_association'];

export const roleCatalog: RoleDef[] = [
  {
    code: 'platform_admin',
    nameZh: '平台管理员',
    nameEn: 'Platform administrator',
    descriptionZh: '运维整个平台：创建联合体、指派秘书处与教育行政部门账号。',
    descriptionEn: 'Runs the platform: creates consortia, appoints secretariats and authority accounts.',
    level: 'platform',
    assignableBy: ['platform_admin'],
    unitRequirement: 'none',
    unitTypes: null,
  },
  {
    code: 'authority',
    nameZh: '教育行政部门',
    nameEn: 'Education authority',
    descriptionZh: '省、市教育行政部门：只读查看其监管的联合体。',
    descriptionEn: 'Provincial or city education department: read-only across the consortia it oversees.',
    level: 'consortium',
    assignableBy: ['platform_admin'],
    unitRequirement: 'none',
    unitTypes: null,
  },
  {
    code: 'secretariat',
    nameZh: '联合体秘书处',
    nameEn: 'Consortium secretariat',
    descriptionZh: '联合体的运营方：管理成员、账号、清单、项目与评价。',
    descriptionEn: 'Operates the consortium: members, accounts, lists, programmes, evaluation.',
    level: 'consortium',
    assignableBy: ['platform_admin', 'secretariat'],
    unitRequirement: 'optional',
    unitTypes: null,
  },
  {
    code: 'unit_admin',
    nameZh: '成员单位管理员',
    nameEn: 'Member-unit administrator',
    descriptionZh: '管理本单位信息与本单位账号（学校、企业等）。',
    descriptionEn: "Manages their own unit's profile and its accounts (a school, an enterprise…).",
    level: 'consortium',
    assignableBy: ['platform_admin', 'secretariat', 'unit_admin'],
    unitRequirement: 'required',
    unitTypes: null,
  },
  {
    code: 'teacher',
    nameZh: '教师',
    nameEn: 'Teacher',
    descriptionZh: '学校教师：项目、实习指导与企业实践记录。',
    descriptionEn: 'School teacher: programmes, internship supervision, enterprise practice.',
    level: 'consortium',
    assignableBy: ['platform_admin', 'secretariat', 'unit_admin'],
    unitRequirement: 'required',
    unitTypes: schools,
  },
  {
    code: 'mentor',
    nameZh: '企业导师',
    nameEn: 'Enterprise mentor',
    descriptionZh: '企业导师：带教学徒与实习生，会签实习日志。',
    descriptionEn: 'Enterprise mentor: coaches apprentices and interns, co-signs logs.',
    level: 'consortium',
    assignableBy: ['platform_admin', 'secretariat', 'unit_admin'],
    unitRequirement: 'required',
    unitTypes: enterprises,
  },
  {
    code: 'student',
    nameZh: '学生/学员',
    nameEn: 'Student / trainee',
    descriptionZh: '学生或学员：个人档案、求职申请、实习与去向。',
    descriptionEn: 'Student or trainee: profile, applications, internship, outcomes.',
    level: 'consortium',
    assignableBy: ['platform_admin', 'secretariat', 'unit_admin'],
    unitRequirement: 'required',
    unitTypes: schools,
  },
];

export type CapabilityDef = {
  code: `${string}.${string}`;
  kind: 'read' | 'write';
  descriptionZh: string;
  descriptionEn: string;
  grants: Partial<Record<string, Scope>>;
};

const members = {
  secretariat: 'consortium',
  unit_admin: 'consortium',
  teacher: 'consortium',
  mentor: 'consortium',
  student: 'consortium',
} as const;

export const capabilityCatalog: CapabilityDef[] = [
  {
    code: 'consortium.read',
    kind: 'read',
    descriptionZh: '查看联合体概况',
    descriptionEn: 'View the consortium profile',
    grants: { platform_admin: 'platform', authority: 'oversight', ...members },
  },
  {
    code: 'consortium.create',
    kind: 'write',
    descriptionZh: '创建联合体',
    descriptionEn: 'Create a consortium',
    grants: { platform_admin: 'platform' },
  },
  {
    code: 'consortium.update',
    kind: 'write',
    descriptionZh: '编辑联合体概况',
    descriptionEn: 'Edit the consortium profile',
    grants: { platform_admin: 'platform', secretariat: 'consortium' },
  },
  {
    code: 'unit.read',
    kind: 'read',
    descriptionZh: '查看成员单位',
    descriptionEn: 'View member units',
    grants: { platform_admin: 'platform', authority: 'oversight', ...members },
  },
  {
    code: 'unit.create',
    kind: 'write',
    descriptionZh: '新增成员单位，设定其类型与在联合体中的角色',
    descriptionEn: 'Add member units; set their type and role in the consortium',
    grants: { platform_admin: 'platform', secretariat: 'consortium' },
  },
  {
    code: 'unit.update',
    kind: 'write',
    descriptionZh: '编辑成员单位',
    descriptionEn: 'Edit member units',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'user.read',
    kind: 'read',
    descriptionZh: '查看账号',
    descriptionEn: 'View accounts',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'user.manage',
    kind: 'write',
    descriptionZh: '创建、编辑、停用账号与重置密码',
    descriptionEn: 'Create, edit and disable accounts; reset passwords',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'user.read_personal',
    kind: 'read',
    descriptionZh: '查看账号的个人信息（不打码）',
    descriptionEn: 'See accounts’ personal data unmasked',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'audit.read',
    kind: 'read',
    descriptionZh: '查看审计日志',
    descriptionEn: 'View the audit trail',
    grants: { platform_admin: 'platform', secretariat: 'consortium', authority: 'oversight' },
  },
  {
    code: 'catalog.manage',
    kind: 'write',
    descriptionZh: '导入国家参考目录、设定当前版本、编辑专业—行业/职业对照',
    descriptionEn: 'Import national catalogs, choose the current versions, edit the major crosswalk',
    grants: { platform_admin: 'platform' },
  },
  {
    code: 'role.read',
    kind: 'read',
    descriptionZh: '查看角色与权限表',
    descriptionEn: 'View roles and their permissions',
    grants: { platform_admin: 'platform', secretariat: 'consortium', authority: 'oversight' },
  },
  {
    code: 'list.read',
    kind: 'read',
    descriptionZh: '查看三张清单（核心产品、技术需求、人才需求）',
    descriptionEn: 'View the three lists (core products, technology and talent demands)',
    grants: { platform_admin: 'platform', authority: 'oversight', ...members },
  },
  {
    code: 'list.write',
    kind: 'write',
    descriptionZh: '填报与修改本单位的清单条目，关联响应事项',
    descriptionEn: "Add and edit a unit's list items; link what answers them",
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'list.review',
    kind: 'write',
    descriptionZh: '审核、发布与退回清单条目',
    descriptionEn: 'Review, publish and return list items',
    grants: { platform_admin: 'platform', secretariat: 'consortium' },
  },
  {
    code: 'posting.read',
    kind: 'read',
    descriptionZh: '查看岗位（学生只见已审核发布的岗位）',
    descriptionEn: 'View postings (students see vetted, published ones only)',
    grants: { platform_admin: 'platform', authority: 'oversight', ...members },
  },
  {
    code: 'posting.write',
    kind: 'write',
    descriptionZh: '发布与管理本企业的招聘、实习岗位',
    descriptionEn: "Create and manage an enterprise's job and internship postings",
    grants: { platform_admin: 'platform', unit_admin: 'unit' },
  },
  {
    code: 'posting.vet',
    kind: 'write',
    descriptionZh: '审核岗位：通过后学生可见，驳回须说明理由',
    descriptionEn: 'Vet postings: approve (students then see them) or reject with a reason',
    grants: { platform_admin: 'platform', secretariat: 'consortium' },
  },
  {
    code: 'candidate.read',
    kind: 'read',
    descriptionZh: '查看学生/求职者档案',
    descriptionEn: 'View candidate profiles',
    grants: {
      platform_admin: 'platform',
      secretariat: 'consortium',
      unit_admin: 'unit',
      teacher: 'unit',
      student: 'own',
    },
  },
  {
    code: 'candidate.write',
    kind: 'write',
    descriptionZh: '登记、导入与修改学生档案（学生本人可改自己的）',
    descriptionEn: 'Register, import and edit candidates (students edit their own)',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit', student: 'own' },
  },
  {
    code: 'candidate.read_personal',
    kind: 'read',
    descriptionZh: '查看学生身份证号、手机号（不打码）',
    descriptionEn: 'See candidates’ ID numbers and phones unmasked',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'application.apply',
    kind: 'write',
    descriptionZh: '投递、撤回申请，接受或拒绝录用',
    descriptionEn: 'Apply, withdraw, accept or decline an offer',
    grants: { student: 'own' },
  },
  {
    code: 'application.read',
    kind: 'read',
    descriptionZh: '查看求职申请（企业看本企业岗位的，学校看本校学生的）',
    descriptionEn: "View applications (an enterprise its postings', a school its students')",
    grants: {
      platform_admin: 'platform',
      secretariat: 'consortium',
      unit_admin: 'unit',
      teacher: 'unit',
      mentor: 'unit',
      student: 'own',
    },
  },
  {
    code: 'application.manage',
    kind: 'write',
    descriptionZh: '处理本企业岗位的申请：初筛、面试、录用、不录用',
    descriptionEn: "Handle applications to the unit's postings: shortlist, interview, offer, reject",
    grants: { platform_admin: 'platform', unit_admin: 'unit', mentor: 'unit' },
  },
  {
    code: 'outcome.read',
    kind: 'read',
    descriptionZh: '查看毕业去向记录',
    descriptionEn: 'View employment outcome records',
    grants: {
      platform_admin: 'platform',
      secretariat: 'consortium',
      unit_admin: 'unit',
      teacher: 'unit',
      student: 'own',
    },
  },
  {
    code: 'outcome.write',
    kind: 'write',
    descriptionZh: '登记、导入与核实毕业去向',
    descriptionEn: 'Record, import and verify employment outcomes',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'talent.stats',
    kind: 'read',
    descriptionZh: '查看供需看板与就业率、本地就业率、专业对口率',
    descriptionEn: 'View the supply–demand dashboard and the employment rates',
    grants: { platform_admin: 'platform', authority: 'oversight', ...members },
  },
  {
    code: 'matching.read',
    kind: 'read',
    descriptionZh: '查看供需撮合运行及其结果与解释',
    descriptionEn: 'View matching runs, their results and explanations',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'matching.run',
    kind: 'write',
    descriptionZh: '发起、确认与删除供需撮合（学校只为本校学生）',
    descriptionEn: 'Start, confirm and delete matching runs (a school for its own students)',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit' },
  },
  {
    code: 'internship.read',
    kind: 'read',
    descriptionZh:
      '查看实习计划、实习安排、协议、日志与合规情况（学校看本校的，实习单位看本单位的，学生看本人的）',
    descriptionEn:
      'View internship plans, placements, agreements, logs and compliance (a school its own, a host its own, a student their own)',
    grants: {
      platform_admin: 'platform',
      authority: 'oversight',
      secretariat: 'consortium',
      unit_admin: 'unit',
      teacher: 'unit',
      mentor: 'unit',
      student: 'own',
    },
  },
  {
    code: 'internship.write',
    kind: 'write',
    descriptionZh: '制定实习计划、安排实习、以学校一方确认协议、审阅日志与处理异常',
    descriptionEn:
      'Make internship plans and placements, confirm agreements for the school, review logs and flags',
    grants: { platform_admin: 'platform', secretariat: 'consortium', unit_admin: 'unit', teacher: 'unit' },
  },
  {
    code: 'internship.supervise',
    kind: 'write',
    descriptionZh: '实习单位一方：确认协议、会签或退回实习日志、评价实习生',
    descriptionEn: "The host's side: confirm agreements, co-sign or return logs, assess interns",
    grants: { platform_admin: 'platform', unit_admin: 'unit', mentor: 'unit' },
  },
  {
    code: 'internship.log',
    kind: 'write',
    descriptionZh: '学生一方：确认实习协议、提交实习日志、评价实习单位',
    descriptionEn: "The student's side: confirm the agreement, submit logs, rate the host",
    grants: { student: 'own' },
  },
  {
    code: 'internship.rules',
    kind: 'write',
    descriptionZh: '调整实习合规规则的参数与严重程度（不可删除规则）',
    descriptionEn:
      'Change the parameters and severities of the internship compliance rules (rules cannot be deleted)',
    grants: { platform_admin: 'platform', secretariat: 'consortium' },
  },
];
