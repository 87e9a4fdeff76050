// Display names and colours of the postings vocabulary, and the small formatting rules of the pages.
import {
  educationLevels,
  postingKinds,
  postingStatuses,
} from '../../../../server/modules/talent/talent.enums.ts';
import { postingTransitions } from '../../../../server/modules/talent/talent.core.ts';
import type { TFunction } from '../../lib/i18n';
import type { EducationLevel, Posting, PostingAction, PostingKind, PostingStatus } from './types';

export { educationLevels, postingKinds, postingStatuses, postingTransitions };

export const postingStatusLabel = (t: TFunction, s: PostingStatus) => t(`postings.status.${s}`);
export const postingKindLabel = (t: TFunction, k: PostingKind) => t(`postings.kind.${k}`);
export const educationLevelLabel = (t: TFunction, l: EducationLevel) => t(`postings.level.${l}`);

export const postingStatusColor: Record<PostingStatus, string> = {
  draft: 'default',
  pending: 'gold',
  published: 'green',
  rejected: 'red',
  closed: 'default',
};

export const isPostingStatus = (v: unknown): v is PostingStatus => postingStatuses.some((s) => s === v);
export const isPostingKind = (v: unknown): v is PostingKind => postingKinds.some((s) => s === v);
export const isEducationLevel = (v: unknown): v is EducationLevel => educationLevels.some((s) => s === v);

/** Whether `action` may be taken on a posting in `status` (the server's own table). */
export function postingActionAllowed(action: PostingAction, status: PostingStatus): boolean {
  return postingTransitions[action].from.includes(status);
}

/** Today in China (deadlines are Chinese calendar days), YYYY-MM-DD. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Published and not past its deadline: students may apply. */
export function isOpenPosting(p: Pick<Posting, 'status' | 'deadline'>): boolean {
  return p.status === 'published' && p.deadline >= chinaToday();
}

/** The monthly pay range, e.g. "6,000–9,000 元/月"; "面议" when neither end is given. */
export function formatPay(t: TFunction, p: Pick<Posting, 'payMin' | 'payMax'>, locale: string): string {
  const n = (v: number) => v.toLocaleString(locale);
  if (p.payMin != null && p.payMax != null) {
    return p.payMin === p.payMax
      ? t('postings.pay.exact', { n: n(p.payMin) })
      : t('postings.pay.range', { from: n(p.payMin), to: n(p.payMax) });
  }
  if (p.payMin != null) return t('postings.pay.from', { n: n(p.payMin) });
  if (p.payMax != null) return t('postings.pay.upTo', { n: n(p.payMax) });
  return t('postings.pay.negotiable');
}

/** Days left until the deadline (0 on the day; negative once it has passed). */
export function daysLeft(deadline: string): number {
  const a = Date.parse(`${chinaToday()}T00:00:00Z`);
  const b = Date.parse(`${deadline}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** The pay range as numbers only, for a column headed "月薪（元）": "6,000–9,000", "≥ 6,000", "面议". */
export function formatPayShort(t: TFunction, p: Pick<Posting, 'payMin' | 'payMax'>, locale: string): string {
  const n = (v: number) => v.toLocaleString(locale);
  if (p.payMin != null && p.payMax != null)
    return p.payMin === p.payMax ? n(p.payMin) : `${n(p.payMin)}–${n(p.payMax)}`;
  if (p.payMin != null) return `≥ ${n(p.payMin)}`;
  if (p.payMax != null) return `≤ ${n(p.payMax)}`;
  return t('postings.pay.negotiableShort');
}
