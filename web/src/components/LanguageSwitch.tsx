import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useAuth } from '../app/auth';
import { useI18n } from '../lib/i18n';

/** One button that switches between 中文 and English (it names the language it switches to). */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useAuth();
  const [busy, setBusy] = useState(false);
  const next = locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type={type}
      icon={<TranslationOutlined />}
      loading={busy}
      data-testid="lang-switch"
      aria-label={t('lang.switchTo', { lang: next === 'en' ? 'English' : '中文' })}
      lang={next}
      onClick={() => {
        setBusy(true);
        void changeLocale(next).finally(() => setBusy(false));
      }}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
