// Pure rules of the lists and the talent platform: state machines, who may post, what counts as local.
// No I/O here; services call these and unit tests check them.
import type {
  ApplicationStatus,
  DestinationType,
  ListStatus,
  PostingStatus,
  TechProgress,
} from './talent.enums.ts';

// ---------------------------------------------------------------------------------------------------
// List items: 草稿 → 待审核 → 已发布 | 已退回 → …; a technology demand's progress moves separately.

export type ListAction = 'submit' | 'publish' | 'return' | 'archive' | 'reopen';
export const listTransitions: Record<
  ListAction,
  { from: ListStatus[]; to: ListStatus; by: 'owner' | 'reviewer' }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'owner' },
  publish: { from: ['submitted'], to: 'published', by: 'reviewer' },
  return: { from: ['submitted', 'published'], to: 'returned', by: 'reviewer' },
  archive: { from: ['draft', 'returned', 'published'], to: 'archived', by: 'owner' },
  reopen: { from: ['archived'], to: 'draft', by: 'owner' },
};

export const techProgressNext: Record<TechProgress, TechProgress[]> = {
  collecting: ['matching', 'closed'],
  matching: ['signed', 'collecting', 'closed'],
  signed: ['solved', 'closed'],
  solved: [],
  closed: [],
};

// ---------------------------------------------------------------------------------------------------
// Postings

export type PostingAction = 'submit' | 'approve' | 'reject' | 'close' | 'reopen';
export const postingTransitions: Record<
  PostingAction,
  { from: PostingStatus[]; to: PostingStatus; by: 'owner' | 'vetter' }
> = {
  submit: { from: ['draft', 'rejected'], to: 'pending', by: 'owner' },
  approve: { from: ['pending'], to: 'published', by: 'vetter' },
  reject: { from: ['pending', 'published'], to: 'rejected', by: 'vetter' },
  close: { from: ['draft', 'pending', 'published', 'rejected'], to: 'closed', by: 'owner' },
  reopen: { from: ['closed'], to: 'draft', by: 'owner' },
};

/** Only member enterprises post jobs and internships. */
export const postingUnitTypes = ['enterprise'] as const;

/** A unit may post while it is a member: joined (or no date) and not yet left. */
export function isCurrentMember(
  u: { leftOn: string | null; joinedOn: string | null },
  today: string,
): boolean {
  if (u.leftOn && u.leftOn <= today) return false;
  if (u.joinedOn && u.joinedOn > today) return false;
  return true;
}

/** Whether a published posting is open to applications on `today` (YYYY-MM-DD). */
export function isOpen(p: { status: PostingStatus; deadline: string }, today: string): boolean {
  return p.status === 'published' && p.deadline >= today;
}

// ---------------------------------------------------------------------------------------------------
// Applications: the candidate applies, withdraws, accepts or declines; the enterprise shortlists,
// interviews, offers and rejects. Every other move is refused.

export type ApplicationAction =
  'withdraw' | 'shortlist' | 'interview' | 'offer' | 'reject' | 'accept' | 'decline';
export const applicationTransitions: Record<
  ApplicationAction,
  { from: ApplicationStatus[]; to: ApplicationStatus; by: 'candidate' | 'enterprise' }
> = {
  withdraw: { from: ['applied', 'shortlisted', 'interviewing', 'offered'], to: 'withdrawn', by: 'candidate' },
  shortlist: { from: ['applied'], to: 'shortlisted', by: 'enterprise' },
  interview: { from: ['applied', 'shortlisted', 'interviewing'], to: 'interviewing', by: 'enterprise' },
  offer: { from: ['applied', 'shortlisted', 'interviewing'], to: 'offered', by: 'enterprise' },
  reject: { from: ['applied', 'shortlisted', 'interviewing'], to: 'rejected', by: 'enterprise' },
  accept: { from: ['offered'], to: 'accepted', by: 'candidate' },
  decline: { from: ['offered'], to: 'declined', by: 'candidate' },
};

/** Statuses in which an application is still alive (a new one for the same posting is refused). */
export const openApplicationStatuses: ApplicationStatus[] = [
  'applied',
  'shortlisted',
  'interviewing',
  'offered',
];

export function nextStatus<S extends string, A extends string>(
  table: Record<A, { from: S[]; to: S }>,
  action: A,
  current: S,
): S | null {
  const t = table[action];
  return t.from.includes(current) ? t.to : null;
}

// ---------------------------------------------------------------------------------------------------
// Outcomes and rates

/** Destinations that are employment (the base of 本地就业率 and 专业对口率). */
export const employedDestinations: DestinationType[] = ['employed_contract', 'flexible', 'entrepreneurship'];
/** Destinations that count as 落实 (everything but unemployed). */
export const placedDestinations: DestinationType[] = [
  'employed_contract',
  'flexible',
  'further_study',
  'enlisted',
  'entrepreneurship',
];

/**
 * The part of a GB/T 2260 code that names the consortium's city: the first 4 digits for a prefecture or
 * county code, the first 2 for a province-level municipality (北京 110000…). Null without a code.
 */
export function cityPrefix(regionCode: string | null | undefined): string | null {
  if (!regionCode || !/^\d{6}$/.test(regionCode)) return null;
  return regionCode.slice(2, 4) === '00' ? regionCode.slice(0, 2) : regionCode.slice(0, 4);
}

export function isLocal(employerDistrict: string | null | undefined, prefix: string | null): boolean {
  return !!prefix && !!employerDistrict && employerDistrict.startsWith(prefix);
}

export const rateKeys = ['employment', 'local', 'related'] as const;
export type RateKey = (typeof rateKeys)[number];

/** What each rate counts: shown beside the figure, so nobody has to guess. */
export const rateDefinitions: Record<RateKey, { zh: string; en: string }> = {
  employment: {
    zh: '就业率（毕业去向落实率）= 去向为签约就业、灵活就业、升学、应征入伍、自主创业的毕业生数 ÷ 毕业生总数（有去向记录者）',
    en: 'Employment rate (destination secured) = graduates employed with a contract, flexibly employed, in further study, enlisted or self-employed ÷ all graduates with an outcome record',
  },
  local: {
    zh: '本地就业率 = 就业单位所在地（行政区划代码）在联合体所在城市的就业毕业生数 ÷ 就业毕业生数（签约就业、灵活就业、自主创业）；所在地不明者计为非本地',
    en: 'Local employment rate = employed graduates whose employer’s region code lies in the consortium’s city ÷ employed graduates (contract, flexible, self-employed); an unknown location counts as not local',
  },
  related: {
    zh: '专业对口率 = 标记为“与所学专业相关”的就业毕业生数 ÷ 就业毕业生数（签约就业、灵活就业、自主创业）',
    en: 'Major-related rate = employed graduates whose work is marked related to their major ÷ employed graduates (contract, flexible, self-employed)',
  },
};

/** Ratio with four decimals, or null when nothing is counted. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}
