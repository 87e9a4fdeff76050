// The only shapes of users that leave the server. Personal data is masked unless the viewer may see it.
import { maskRecord } from '../../lib/mask.ts';
import type { UserRow } from './identity.repo.ts';

export function presentUser(u: UserRow, opts: { personal: boolean }) {
  const base = {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    email: u.email,
    status: u.status,
    locale: u.locale,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
  return opts.personal ? base : maskRecord(base, { phone: 'phone', email: 'email' });
}

/** What the audit trail keeps of a user: never the password hash, personal data masked. */
export function auditUser(u: UserRow) {
  return presentUser(u, { personal: false });
}
