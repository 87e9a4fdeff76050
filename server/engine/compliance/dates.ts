// Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, without time zones.

const DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** The same day `months` months later, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Age in whole years on `on`: the years since birth, less one if the birthday has not come yet that
 * year. Someone born on 29 February turns a year older on 1 March in other years.
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

export type Interval = { start: string; end: string };

/**
 * The largest number of intervals (inclusive dates) that cover one day within `window`, and the first
 * such day. Intervals outside the window do not count. O(n log n).
 */
export function peakOverlap(
  intervals: readonly Interval[],
  window: Interval,
): { count: number; date: string } {
  const lo = dayNumber(window.start);
  const hi = dayNumber(window.end);
  const events: [number, number][] = [];
  for (const iv of intervals) {
    const s = Math.max(dayNumber(iv.start), lo);
    const e = Math.min(dayNumber(iv.end), hi);
    if (s > e) continue;
    events.push([s, 1], [e + 1, -1]);
  }
  // ends (−1) before starts (+1) on the same day: an interval ending yesterday does not meet one starting today
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let count = 0;
  let best = 0;
  let bestDay = lo;
  for (const [day, delta] of events) {
    count += delta;
    if (count > best) {
      best = count;
      bestDay = day;
    }
  }
  return { count: best, date: isoOfDay(bestDay) };
}
