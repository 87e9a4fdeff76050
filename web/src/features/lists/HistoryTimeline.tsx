// The status history of an item, newest first: when, who, from → to, and the note (a return's reason).
import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { progressColor, progressLabel, statusColor, statusLabel } from './labels';
import { isListStatus, isTechProgress, type HistoryEntry } from './types';

export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t, locale } = useI18n();
  if (history.length === 0)
    return <Typography.Text type="secondary">{t('lists.historyEmpty')}</Typography.Text>;

  const tag = (field: string, v: string) => {
    if (field === 'progress' && isTechProgress(v)) {
      return <Tag color={progressColor[v]}>{progressLabel(t, v)}</Tag>;
    }
    if (isListStatus(v)) return <Tag color={statusColor[v]}>{statusLabel(t, v)}</Tag>;
    return <Tag>{v}</Tag>;
  };
  const dot = (h: HistoryEntry) => {
    if (h.field === 'progress') return 'blue';
    if (h.to === 'returned') return 'red';
    if (h.to === 'published') return 'green';
    return 'gray';
  };

  return (
    <Timeline
      data-testid="list-item-history"
      items={[...history].reverse().map((h, i) => ({
        key: `${h.at}-${i}`,
        color: dot(h),
        content: (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong>
                {h.field === 'progress' ? t('lists.historyProgress') : t('lists.historyStatus')}
              </Typography.Text>
              {h.from ? (
                <>
                  {tag(h.field, h.from)}
                  <ArrowRightOutlined aria-label={t('lists.historyTo')} style={{ color: '#8c8c8c' }} />
                </>
              ) : (
                <Typography.Text type="secondary">{t('lists.historyCreated')}</Typography.Text>
              )}
              {tag(h.field, h.to)}
            </Flex>
            <Typography.Text type="secondary">
              {t('lists.historyBy', { time: formatDateTime(h.at, locale), actor: h.actorName })}
            </Typography.Text>
            {h.note ? (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {h.note}
              </Typography.Paragraph>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
