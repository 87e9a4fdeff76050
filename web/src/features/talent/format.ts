// Numbers of the talent pages.
import type { Locale } from '../../lib/types';

/** 0.7224 → "72.2%" (or "—" when there is no value). */
export function percent(v: number | null | undefined, locale: Locale, digits = 1): string {
  if (v === null || v === undefined) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);
}

export function count(v: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(v);
}
