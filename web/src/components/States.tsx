// Loading, error and empty states shared by the pages.
import { Button, Empty, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { errorMessage } from '../lib/errors';

export function PageSpinner({ tip }: { tip?: string }) {
  const { t } = useI18n();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }} role="status" aria-live="polite">
      <Spin size="large" description={tip ?? t('common.loading')} />
    </Flex>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorMessage(t, error, locale)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}

export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '32px 0' }}>
      {children}
    </Empty>
  );
}
