// Masking of personal data (个人信息保护法: show the minimum). Used by presenters and the audit trail.

export function maskPhone(v: string): string {
  if (v.length < 7) return '*'.repeat(v.length);
  return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
}

export function maskIdCard(v: string): string {
  if (v.length < 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

export function maskEmail(v: string): string {
  const at = v.indexOf('@');
  if (at <= 0) return '***';
  return `${v[0]}***${v.slice(at)}`;
}

export type PersonalField = 'phone' | 'email' | 'idCard' | 'address';

const maskers: Record<PersonalField, (v: string) => string> = {
  phone: maskPhone,
  email: maskEmail,
  idCard: maskIdCard,
  address: (v) => (v.length <= 6 ? '***' : `${v.slice(0, 6)}***`),
};

/** A copy of `record` with the named personal fields masked (null and absent stay as they are). */
export function maskRecord<T extends Record<string, unknown>>(
  record: T,
  fields: Partial<Record<keyof T & string, PersonalField>>,
): T {
  const out: Record<string, unknown> = { ...record };
  for (const [key, kind] of Object.entries(fields) as [string, PersonalField][]) {
    const v = out[key];
    if (typeof v === 'string' && v.length > 0) out[key] = maskers[kind](v);
  }
  return out as T;
}
