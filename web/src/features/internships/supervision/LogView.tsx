// One log as its readers see it: the period, the status, the text, the work artefacts to download, the
// enterprise mentor's note (the reason, when returned) and the school's review.
import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { downloadLogFile } from './api';
import { supErrorMessage } from './errors';
import { formatSize, logStatusColor, logStatusLabel } from './labels';
import type { Log, LogStatus } from './types';

export function LogStatusTag({ status }: { status: LogStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={logStatusColor[status]} data-testid="log-status">
      {logStatusLabel(t, status)}
    </Tag>
  );
}

export function LogFiles({ consortiumId, log }: { consortiumId: string; log: Log }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  if (log.files.length === 0) return null;
  return (
    <Flex gap={4} wrap align="center" data-testid="log-files">
      <Typography.Text type="secondary">{t('sup.log.files')}：</Typography.Text>
      {log.files.map((f) => (
        <Button
          key={f.id}
          size="small"
          type="link"
          icon={<PaperClipOutlined />}
          title={t('sup.log.sha256', { hash: f.sha256 })}
          aria-label={t('sup.log.download', { name: f.fileName })}
          onClick={() =>
            void downloadLogFile(consortiumId, log.id, f.id, f.fileName).catch((err: unknown) =>
              message.error(supErrorMessage(t, err, locale)),
            )
          }
        >
          {f.fileName}（{formatSize(f.size)}）
        </Button>
      ))}
    </Flex>
  );
}

/** The notes of the enterprise mentor and the school. */
export function LogNotes({ log }: { log: Log }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={6}>
      {log.status === 'returned' ? (
        <Alert
          type="warning"
          showIcon
          title={t('sup.log.returnedTitle')}
          description={log.mentorNote}
          data-testid="log-returned-note"
        />
      ) : log.status === 'submitted' && log.mentorNote && !log.cosignedAt ? (
        <Typography.Text type="secondary">
          {t('sup.log.lastReturn', { note: log.mentorNote })}
        </Typography.Text>
      ) : log.cosignedAt ? (
        <Typography.Text>
          <Tag color="cyan">{t('sup.log.cosigned')}</Tag>
          {t(log.cosignedOnBehalf ? 'sup.log.cosignedOnBehalf' : 'sup.log.cosignedBy', {
            name: log.cosignedByName ?? '—',
            time: formatDateTime(log.cosignedAt, locale),
          })}
          {log.mentorNote ? `：${log.mentorNote}` : null}
        </Typography.Text>
      ) : null}
      {log.reviewedAt ? (
        <Typography.Text>
          <Tag color="success">{t('sup.log.reviewed')}</Tag>
          {t('sup.log.reviewedBy', {
            name: log.reviewedByName ?? '—',
            time: formatDateTime(log.reviewedAt, locale),
          })}
          {log.reviewNote ? `：${log.reviewNote}` : null}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The period, as a heading: “2026-11-08 ~ 2026-11-21 · 14 天”. */
export function LogPeriod({ log }: { log: Log }) {
  const { t } = useI18n();
  return (
    <span>
      <span className="cj-mono">
        {log.periodStart} ~ {log.periodEnd}
      </span>
      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
        {' '}
        · {t('sup.log.days', { n: log.days })}
      </Typography.Text>
    </span>
  );
}

export function LogCard({
  consortiumId,
  log,
  actions,
  heading,
}: {
  consortiumId: string;
  log: Log;
  actions?: ReactNode;
  /** replaces the period as the card's title (the inbox names the student) */
  heading?: ReactNode;
}) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      title={heading ?? <LogPeriod log={log} />}
      extra={<LogStatusTag status={log.status} />}
      data-testid="log-card"
      aria-label={t('sup.log.aria', { from: log.periodStart, to: log.periodEnd })}
      role="article"
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
          ellipsis={{
            rows: 4,
            expandable: 'collapsible',
            symbol: (open) => (open ? t('sup.log.less') : t('sup.log.more')),
          }}
          data-testid="log-content"
        >
          {log.content}
        </Typography.Paragraph>
        <LogFiles consortiumId={consortiumId} log={log} />
        <LogNotes log={log} />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sup.log.submittedAt', { time: formatDateTime(log.submittedAt, locale) })}
          </Typography.Text>
          {actions}
        </Flex>
      </Flex>
    </Card>
  );
}
