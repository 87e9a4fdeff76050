// Many students' logs sent from one device (the browser's device token) or one IP address: a sign
// that someone writes the logs for others. Schools' computer rooms and company networks share IPs
// legitimately, so the IP threshold is higher and counted per day.

export type SubmissionTrace = {
  logId: string;
  placementId: string;
  studentId: string;
  /** sha-256 of the browser's device token (null when the client sent none) */
  deviceId: string | null;
  ip: string | null;
  /** the day it was sent (China date) */
  day: string;
};

export type SharedSource = {
  by: 'device' | 'ip';
  /** the device hash or the IP */
  key: string;
  /** for IPs: the day counted */
  day: string | null;
  studentIds: string[];
  placementIds: string[];
  logIds: string[];
};

export const DEFAULT_DEVICE_THRESHOLDS = { minStudentsPerDevice: 3, minStudentsPerIpPerDay: 8 } as const;

export type DeviceThresholds = { minStudentsPerDevice: number; minStudentsPerIpPerDay: number };

/** Devices used by at least `minStudentsPerDevice` students, IPs by `minStudentsPerIpPerDay` on one day. */
export function sharedSources(
  traces: readonly SubmissionTrace[],
  thresholds: Partial<DeviceThresholds> = {},
): SharedSource[] {
  const t = { ...DEFAULT_DEVICE_THRESHOLDS, ...thresholds };
  const groups = new Map<
    string,
    { by: 'device' | 'ip'; key: string; day: string | null; rows: SubmissionTrace[] }
  >();
  const add = (gk: string, by: 'device' | 'ip', key: string, day: string | null, r: SubmissionTrace) => {
    const g = groups.get(gk);
    if (g) g.rows.push(r);
    else groups.set(gk, { by, key, day, rows: [r] });
  };
  for (const r of traces) {
    if (r.deviceId) add(`d\u0000${r.deviceId}`, 'device', r.deviceId, null, r);
    if (r.ip) add(`i\u0000${r.ip}\u0000${r.day}`, 'ip', r.ip, r.day, r);
  }
  const out: SharedSource[] = [];
  for (const g of groups.values()) {
    const students = [...new Set(g.rows.map((r) => r.studentId))].sort();
    const min = g.by === 'device' ? t.minStudentsPerDevice : t.minStudentsPerIpPerDay;
    if (students.length < min) continue;
    out.push({
      by: g.by,
      key: g.key,
      day: g.day,
      studentIds: students,
      placementIds: [...new Set(g.rows.map((r) => r.placementId))].sort(),
      logIds: [...new Set(g.rows.map((r) => r.logId))].sort(),
    });
  }
  return out.sort((a, b) => (a.by + a.key + (a.day ?? '') < b.by + b.key + (b.day ?? '') ? -1 : 1));
}

/** What a flag shows of an IP: its network (10.20.3.4 → 10.20.3.*; IPv6: the first four groups). */
export function networkOf(ip: string): string {
  if (ip.includes(':')) return `${ip.split(':').slice(0, 4).join(':')}::*`;
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts.slice(0, 3).join('.')}.*` : ip;
}
