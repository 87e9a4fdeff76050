// Readable names and values for the fields found in audit entries.
import { consortiumLevels, consortiumStatuses, isUnitRole, isUnitType } from '../../lib/enums';
import { formatDateTime } from '../../lib/format';
import { isMessageKey, type TFunction } from '../../lib/i18n';
import { levelLabel, statusLabel, unitRoleLabel, unitTypeLabel } from '../../lib/labels';
import type { Locale } from '../../lib/types';

export function fieldLabel(t: TFunction, field: string): string {
  const key = `auditField.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

export function entityLabel(t: TFunction, entity: string): string {
  const key = `auditEntity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

export function actionLabel(t: TFunction, action: string): string {
  const key = `auditAction.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function formatValue(t: TFunction, locale: Locale, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') {
    if (field === 'type' && isUnitType(v)) return unitTypeLabel(t, v);
    if (field === 'role' && isUnitRole(v)) return unitRoleLabel(t, v);
    const level = consortiumLevels.find((l) => l === v);
    if (field === 'level' && level) return levelLabel(t, level);
    const status = consortiumStatuses.find((s) => s === v);
    if (field === 'status' && status) return statusLabel(t, status);
    if (field === 'status' && (v === 'active' || v === 'disabled')) return t(`userStatus.${v}`);
    if (field === 'locale') return v === 'en' ? 'English' : '中文';
    if (/At$/.test(field)) return formatDateTime(v, locale);
    return v;
  }
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** A short name of the changed record, from whatever the entry carries. */
export function subjectOf(before: unknown, after: unknown): string | null {
  for (const rec of [after, before]) {
    if (typeof rec !== 'object' || rec === null) continue;
    const r = rec as Record<string, unknown>;
    for (const k of ['name', 'displayName', 'username', 'roleCode']) {
      const v = r[k];
      if (typeof v === 'string' && v) return v;
    }
  }
  return null;
}
