// Client-side checks of a member unit's fields, with the server's own validators (server/lib/identifiers.ts
// and the pure unit rules of consortium.core.ts), so a mistake shows on the field before anything is sent.
import type { FormRule } from 'antd';
import { requiresUscc, schoolTypes } from '../../../../server/modules/consortium/consortium.core.ts';
import { validateRegionCode, validateUscc } from '../../../../server/lib/identifiers.ts';
import type { TFunction } from '../../lib/i18n';
import type { Locale, UnitType } from '../../lib/types';

export { requiresUscc };

const enrolmentTypes = new Set<string>([...schoolTypes, 'training_institution']);
const industryTypes = new Set<string>(['enterprise', 'research_institute', 'industry_association']);

export const hasEnrolment = (type: UnitType | undefined) => !!type && enrolmentTypes.has(type);
export const hasIndustry = (type: UnitType | undefined) => !!type && industryTypes.has(type);

function validatorOf(check: (v: string) => { ok: true } | { ok: false; message: string; messageZh: string }) {
  return (locale: Locale): FormRule => ({
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const r = check(value);
      if (!r.ok) throw new Error(locale === 'en' ? r.message : r.messageZh);
    },
  });
}

export const usccRule = validatorOf(validateUscc);
export const regionRule = validatorOf(validateRegionCode);

export function industryRule(t: TFunction): FormRule {
  return { pattern: /^([A-T]|\d{2,4})$/, message: t('rule.industryCode') };
}

export function countRules(t: TFunction): FormRule[] {
  return [{ type: 'integer', min: 0, max: 10_000_000, message: t('rule.count') }];
}
