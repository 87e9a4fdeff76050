import type { FormRule } from 'antd';
import type { TFunction } from '../../lib/i18n';

export function contactRules(t: TFunction): { phone: FormRule[]; email: FormRule[] } {
  return {
    phone: [{ pattern: /^1\d{10}$/, message: t('rule.phone') }],
    email: [{ type: 'email', message: t('rule.email') }],
  };
}
