// The closed vocabularies of internships, shared by the database schema, the API schemas, the compliance
// engine and the web app (so this file imports nothing).

/** 认识实习 (observation) and 岗位实习 (position internship); 跟岗/顶岗 are abolished (2021). */
export const internshipKinds = ['observation', 'position'] as const;
export type InternshipKind = (typeof internshipKinds)[number];

/** a plan: 草稿 → 进行中 → 已结束 */
export const planStatuses = ['draft', 'active', 'closed'] as const;

/**
 * a placement: 待签协议 (saved; agreement and insurance pending) → 实习中 → 已完成 | 已终止;
 * 已取消 before it started. Only a cancelled placement stops counting towards the ratio caps.
 */
export const placementStatuses = ['pending', 'active', 'completed', 'terminated', 'cancelled'] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

/** where the host is: a member unit of the consortium or an external host registered with its USCC */
export const hostKinds = ['member', 'external'] as const;

/**
 * Venue types. The banned ones are the 营业性娱乐场所 of the rules (bars, nightclubs, KTV, bath centres,
 * game halls, internet cafés); the others are ordinary workplaces.
 */
export const venueTypes = [
  'factory',
  'office',
  'laboratory',
  'construction_site',
  'retail',
  'hotel_catering',
  'hospital',
  'school',
  'outdoor',
  'other',
  'bar',
  'nightclub',
  'ktv',
  'bath_centre',
  'game_hall',
  'internet_cafe',
] as const;
export type VenueType = (typeof venueTypes)[number];
export const bannedVenueTypes: readonly VenueType[] = [
  'bar',
  'nightclub',
  'ktv',
  'bath_centre',
  'game_hall',
  'internet_cafe',
];

/** how pay reaches the student: `bank_to_student` and `cash_to_student` are "in money, directly to the student" */
export const payChannels = [
  'bank_to_student',
  'cash_to_student',
  'via_school',
  'via_agent',
  'in_kind',
] as const;
export const payFrequencies = ['monthly', 'biweekly', 'weekly', 'end_of_term', 'lump_sum'] as const;

/** who pays the 实习责任保险 premium; never the student */
export const premiumPayers = ['school', 'host', 'government', 'student'] as const;

/** 体力劳动强度 class I–IV (GB 3869); III and above is refused */
export const intensityClasses = [1, 2, 3, 4] as const;

/** the three parties of the agreement */
export const agreementParties = ['school', 'host', 'student'] as const;
export type AgreementParty = (typeof agreementParties)[number];

/** a log: 已提交 → 已会签 (enterprise mentor) | 已退回 (to the student, who resubmits); then 已审阅 (school mentor) */
export const logStatuses = ['submitted', 'cosigned', 'returned', 'reviewed'] as const;

/** anomaly flags — for humans to review, never automatic punishments */
export const flagKinds = ['near_duplicate', 'shared_device', 'never_cosigned', 'missing_logs'] as const;
export const flagStatuses = ['open', 'dismissed', 'confirmed'] as const;

/** who assesses: the enterprise mentor and school mentor grade the student; the student rates the host */
export const assessorRoles = ['enterprise_mentor', 'school_mentor', 'student'] as const;

export const ruleSeverities = ['block', 'warn'] as const;
export type RuleSeverity = (typeof ruleSeverities)[number];
/** [V] verified in a public source; [P] provincial or secondary sources; [M] believed but unverified */
export const certainties = ['V', 'P', 'M'] as const;
export type Certainty = (typeof certainties)[number];
