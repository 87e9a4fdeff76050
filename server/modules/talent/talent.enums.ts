// The closed vocabularies of the three lists and the talent platform, shared by the database schema,
// the API schemas and the web app (so this file imports nothing).

/** 三张清单: 核心产品清单, 技术需求清单, 人才需求清单 */
export const listKinds = ['product', 'tech', 'talent'] as const;
/** review of a list item by the secretariat: 草稿 → 待审核 → 已发布 | 已退回; 已归档 when withdrawn */
export const listStatuses = ['draft', 'submitted', 'published', 'returned', 'archived'] as const;
/** a technology demand's own progress: 征集 → 对接中 → 已签约 → 已解决 / 关闭 */
export const techProgress = ['collecting', 'matching', 'signed', 'solved', 'closed'] as const;
/** where an enterprise's product sits on its industry chain */
export const chainPositions = ['upstream', 'midstream', 'downstream'] as const;
/** what can answer a list item; later modules add their kinds here */
export const linkTargetKinds = ['posting', 'cohort', 'tech_contract', 'other'] as const;

/** 学历层次: 中职, 高职专科, 职业本科, 普通本科, 其他 */
export const educationLevels = ['secondary', 'higher', 'undergraduate', 'university', 'other'] as const;

export const postingKinds = ['job', 'internship'] as const;
/** 草稿 → 待审核 → 已发布 | 已驳回; 已关闭 at the deadline or by the enterprise */
export const postingStatuses = ['draft', 'pending', 'published', 'rejected', 'closed'] as const;

export const candidateKinds = ['student', 'graduate', 'worker'] as const;
export const certificateKinds = ['1+X', 'skill_level', 'qualification', 'other'] as const;

export const applicationStatuses = [
  'applied',
  'shortlisted',
  'interviewing',
  'offered',
  'accepted',
  'declined',
  'rejected',
  'withdrawn',
] as const;

/** 毕业去向 */
export const destinationTypes = [
  'employed_contract',
  'flexible',
  'further_study',
  'enlisted',
  'entrepreneurship',
  'unemployed',
] as const;
/** how an outcome was verified */
export const verificationSources = [
  'employer_confirmed',
  'signed_agreement',
  'social_insurance',
  'self_report',
] as const;

export type ListKind = (typeof listKinds)[number];
export type ListStatus = (typeof listStatuses)[number];
export type TechProgress = (typeof techProgress)[number];
export type EducationLevel = (typeof educationLevels)[number];
export type PostingStatus = (typeof postingStatuses)[number];
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type DestinationType = (typeof destinationTypes)[number];
export type VerificationSource = (typeof verificationSources)[number];
