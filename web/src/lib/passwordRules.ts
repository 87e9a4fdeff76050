// The server's password rule (server/modules/identity/password.ts), checked before sending.
import type { FormRule } from 'antd';
import type { TFunction } from './i18n';

export function passwordRules(t: TFunction, username: () => string | undefined): FormRule[] {
  return [
    { required: true, message: t('rule.required') },
    { min: 8, message: t('rule.min8') },
    { max: 128, message: t('rule.max128') },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value === '') return;
        if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) throw new Error(t('rule.letterDigit'));
        const name = username();
        if (name && value.toLowerCase() === name.toLowerCase()) throw new Error(t('rule.notUsername'));
      },
    },
  ];
}

/** A "repeat the password" field that must equal the field `other`. */
export function confirmRules(t: TFunction, other: string): FormRule[] {
  return [
    { required: true, message: t('rule.required') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: unknown) => {
        if (value && value !== getFieldValue(other)) throw new Error(t('rule.passwordMismatch'));
      },
    }),
  ];
}
