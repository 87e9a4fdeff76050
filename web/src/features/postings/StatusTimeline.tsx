// The recorded transitions of a posting or an application: when, who, from what to what, and why.
import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { HistoryEntry } from './types';

type Props = {
  history: HistoryEntry[];
  /** the name of a status */
  statusLabel: (status: string) => string;
  /** more lines for an entry (e.g. the interview time and place) */
  extra?: (entry: HistoryEntry) => ReactNode;
  /** the colour of the dot for the status reached */
  color?: (status: string) => string | undefined;
};

export function StatusTimeline({ history, statusLabel, extra, color }: Props) {
  const { t, locale } = useI18n();
  return (
    <div data-testid="status-history">
      <Timeline
        items={[...history].reverse().map((h, i) => ({
          key: `${h.at}-${i}`,
          color: color?.(h.to),
          content: (
            <div>
              <Typography.Text strong>
                {h.from
                  ? t('postings.history.move', { from: statusLabel(h.from), to: statusLabel(h.to) })
                  : t('postings.history.created', { to: statusLabel(h.to) })}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {t('postings.history.byAt', {
                    actor: h.actorName === 'system' ? t('postings.history.system') : h.actorName,
                    at: formatDateTime(h.at, locale),
                  })}
                </Typography.Text>
              </div>
              {extra?.(h)}
              {h.note ? (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {h.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
