// When a notification came, in words: "just now", "5 minutes ago", … then the date and time.
import { formatDateTime } from '../../lib/format';
import type { TFunction } from '../../lib/i18n';
import type { Locale } from '../../lib/types';

export function sinceText(t: TFunction, iso: string, locale: Locale, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (Number.isNaN(minutes)) return iso;
  if (minutes < 1) return t('notifications.justNow');
  if (minutes < 60) return t('notifications.minutesAgo', { n: minutes });
  if (minutes < 24 * 60) return t('notifications.hoursAgo', { n: Math.floor(minutes / 60) });
  return formatDateTime(iso, locale);
}

/** The group a notification kind belongs to (posting.pending → posting), for its label and colour. */
export function kindGroup(kind: string): 'posting' | 'application' | 'other' {
  if (kind.startsWith('posting.')) return 'posting';
  if (kind.startsWith('application.')) return 'application';
  return 'other';
}
