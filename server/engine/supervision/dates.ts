// Calendar-day arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.

const DAY = 86_400_000;

function parse(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO date: ${date}`);
  return t;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY);
}

export function addDays(date: string, days: number): string {
  return new Date(parse(date) + days * DAY).toISOString().slice(0, 10);
}

/** Days of the inclusive period [start, end]. */
export function periodDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}
