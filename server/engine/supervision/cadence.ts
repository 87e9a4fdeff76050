// Logs that stop coming, and logs nobody at the host ever co-signs.
import { addDays, daysBetween } from './dates.ts';

export const DEFAULT_GRACE_DAYS = 3;

export type CadencePlacement = {
  startDate: string;
  endDate: string;
  /** the plan's log cadence */
  cadenceDays: number;
  /** the end of the latest log's period (null: no log yet) */
  lastLogEnd: string | null;
};

export type OverdueLog = {
  /** the last log's period end, or the placement's start when there is no log */
  since: string;
  daysSince: number;
  /** the last day a log was still on time */
  dueBy: string;
  daysOverdue: number;
};

/**
 * A log is overdue when more than cadence + grace days have passed since the last log's period ended
 * (or since the start, before the first log). Exactly cadence + grace days is still on time.
 */
export function overdueLog(
  p: CadencePlacement,
  today: string,
  graceDays = DEFAULT_GRACE_DAYS,
): OverdueLog | null {
  if (today < p.startDate) return null;
  if (p.lastLogEnd && p.lastLogEnd >= p.endDate) return null;
  const since = p.lastLogEnd ?? p.startDate;
  const allowed = p.cadenceDays + graceDays;
  const daysSince = daysBetween(since, today);
  if (daysSince <= allowed) return null;
  return { since, daysSince, dueBy: addDays(since, allowed), daysOverdue: daysSince - allowed };
}

export const DEFAULT_COSIGN_RULE = { minLogs: 2, olderThanDays: 14 } as const;

export type CosignLog = { id: string; submittedOn: string; cosigned: boolean };

/**
 * A placement with at least `minLogs` logs submitted more than `olderThanDays` days ago, none of them
 * co-signed by the host: the host's supervision exists on paper only. Returns those logs, or null.
 */
export function neverCosigned(
  logs: readonly CosignLog[],
  today: string,
  rule: { minLogs?: number; olderThanDays?: number } = {},
): { logIds: string[]; oldest: string } | null {
  const minLogs = rule.minLogs ?? DEFAULT_COSIGN_RULE.minLogs;
  const olderThan = rule.olderThanDays ?? DEFAULT_COSIGN_RULE.olderThanDays;
  const old = logs.filter((l) => daysBetween(l.submittedOn, today) > olderThan);
  if (old.length < minLogs || old.some((l) => l.cosigned)) return null;
  const sorted = [...old].sort((a, b) =>
    a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0,
  );
  return { logIds: sorted.map((l) => l.id), oldest: sorted[0]!.submittedOn };
}
