// The providers around the router: data cache, language, antd theme and locale, session, consortium.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../lib/i18n';
import { AuthProvider } from './auth';
import { ConsortiumProvider } from './consortium';
import { createQueryClient } from './queryClient';
import { router } from './router';
import { theme } from './theme';

function Themed() {
  const { locale } = useI18n();
  // the date pickers take their month and weekday names from dayjs
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <AuthProvider>
          <ConsortiumProvider>
            <RouterProvider router={router} />
          </ConsortiumProvider>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
