// The alerts' arithmetic: insurance running out, agreements unconfirmed near the start, and a host's
// peak number of interns from today on against its 10% cap.
import { addDays, daysBetween } from './dates.ts';

export type AlertSeverity = 'high' | 'warn';

export const DEFAULT_ALERT_WINDOWS = {
  insuranceDays: 14,
  agreementDays: 7,
  capWarnShare: 0.9,
  capShare: 0.1,
} as const;

export type InsuranceState = {
  status: string;
  endDate: string;
  insuranceEnd: string | null;
};

/**
 * Insurance that ends within `withinDays` while the placement goes on past it (warn), or that has
 * ended — or was never recorded — while the placement is active (high).
 */
export function insuranceAlert(
  p: InsuranceState,
  today: string,
  withinDays: number = DEFAULT_ALERT_WINDOWS.insuranceDays,
): { severity: AlertSeverity; daysLeft: number | null; state: 'missing' | 'expired' | 'expiring' } | null {
  if (p.status !== 'active' && p.status !== 'pending') return null;
  if (p.insuranceEnd === null) {
    return p.status === 'active' ? { severity: 'high', daysLeft: null, state: 'missing' } : null;
  }
  if (p.insuranceEnd >= p.endDate) return null;
  const daysLeft = daysBetween(today, p.insuranceEnd);
  if (daysLeft < 0) return { severity: p.status === 'active' ? 'high' : 'warn', daysLeft, state: 'expired' };
  if (daysLeft <= withinDays) return { severity: 'warn', daysLeft, state: 'expiring' };
  return null;
}

export const parties = ['school', 'host', 'student'] as const;

/**
 * An agreement not confirmed by all three parties when the start is `withinDays` days away or less
 * (warn), or the placement has started (high).
 */
export function agreementAlert(
  p: { status: string; startDate: string },
  confirmed: ReadonlySet<string>,
  today: string,
  withinDays: number = DEFAULT_ALERT_WINDOWS.agreementDays,
): { severity: AlertSeverity; missing: string[]; daysToStart: number } | null {
  if (p.status !== 'active' && p.status !== 'pending') return null;
  const daysToStart = daysBetween(today, p.startDate);
  if (daysToStart > withinDays) return null;
  const missing = parties.filter((x) => !confirmed.has(x));
  if (missing.length === 0) return null;
  return { severity: daysToStart <= 0 ? 'high' : 'warn', missing, daysToStart };
}

/**
 * The most intervals [start, end] (inclusive dates) in force on any one day from `from` on, and the
 * first day it is reached.
 */
export function peakConcurrent(
  intervals: readonly { start: string; end: string }[],
  from: string,
): { peak: number; on: string | null } {
  const events: { day: string; delta: number }[] = [];
  for (const iv of intervals) {
    if (iv.end < from || iv.end < iv.start) continue;
    events.push({ day: iv.start < from ? from : iv.start, delta: 1 });
    events.push({ day: addDays(iv.end, 1), delta: -1 });
  }
  // ends (the day after the last day) before starts on the same day
  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.delta - b.delta));
  let current = 0;
  let peak = 0;
  let on: string | null = null;
  for (const e of events) {
    current += e.delta;
    if (current > peak) {
      peak = current;
      on = e.day;
    }
  }
  return { peak, on };
}

/**
 * The host's cap (floor of 10% of its employees) and an alert when the peak reaches 90% of it (warn)
 * or exceeds it (high).
 */
export function capAlert(
  employeeCount: number,
  peak: number,
  opts: { share?: number; warnShare?: number } = {},
): { cap: number; severity: AlertSeverity; usedShare: number | null } | null {
  const share = opts.share ?? DEFAULT_ALERT_WINDOWS.capShare;
  const warnShare = opts.warnShare ?? DEFAULT_ALERT_WINDOWS.capWarnShare;
  const cap = Math.floor(employeeCount * share + 1e-9);
  if (peak === 0) return null;
  const usedShare = cap > 0 ? Math.round((peak / cap) * 1000) / 1000 : null;
  if (peak > cap) return { cap, severity: 'high', usedShare };
  if (peak >= warnShare * cap - 1e-9) return { cap, severity: 'warn', usedShare };
  return null;
}
