// Client-side checks of the talent forms with the server's own validators (server/lib/identifiers.ts), so
// a wrong ID number, phone or code shows on its field, in the reader's language, before anything is sent.
import type { FormRule } from 'antd';
import {
  validateIdCard,
  validateMobile,
  validateRegionCode,
  validateUscc,
} from '../../../../server/lib/identifiers.ts';
import type { TFunction } from '../../lib/i18n';
import type { Locale } from '../../lib/types';

type Check = (v: string) => { ok: true } | { ok: false; message: string; messageZh: string };

function validatorOf(check: Check) {
  return (locale: Locale): FormRule => ({
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const r = check(value);
      if (!r.ok) throw new Error(locale === 'en' ? r.message : r.messageZh);
    },
  });
}

export const idCardRule = validatorOf((v) => validateIdCard(v));
export const mobileRule = validatorOf(validateMobile);
export const regionRule = validatorOf(validateRegionCode);
export const usccRule = validatorOf(validateUscc);

/** An ID number as the server sends it to viewers without the right to see it: 3299**********2876. */
export const isMasked = (v: string | null | undefined) => !!v && v.includes('*');

export const majorCodePattern = /^\d{6}$/;
export const majorPrefixPattern = /^\d{2,6}$/;
export const industryPattern = /^([A-T]|\d{2,4})$/;
export const occupationPattern = /^\d(-\d{2}){0,3}$/;
export const regionPattern = /^\d{6}$/;

export function patternRule(pattern: RegExp, message: string): FormRule {
  return { pattern, message };
}

/** A required text field, its message naming the field. */
export function requiredRule(t: TFunction, field: string): FormRule {
  return { required: true, whitespace: true, message: t('cand.rule.required', { field }) };
}

/** A required choice (select, picker), its message naming the field. */
export function chooseRule(t: TFunction, field: string): FormRule {
  return { required: true, message: t('cand.rule.choose', { field }) };
}
