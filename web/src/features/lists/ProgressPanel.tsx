// A technology demand's own progress: 征集 → 对接中 → 已签约 → 已解决, or 关闭 on the way; the moves the
// rules allow from where it stands, for those who may make them.
import { Button, Flex, Steps, Typography } from 'antd';
import { techProgressNext } from '../../../../server/modules/talent/talent.core.ts';
import { useI18n } from '../../lib/i18n';
import { progressLabel } from './labels';
import type { HistoryEntry, ListItemDetail, TechProgress } from './types';
import { isTechProgress } from './types';

const mainPath: TechProgress[] = ['collecting', 'matching', 'signed', 'solved'];

/** Where a closed demand stood when it was closed (from its history). */
function closedFrom(history: HistoryEntry[]): TechProgress | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (h?.field === 'progress' && h.to === 'closed') return isTechProgress(h.from) ? h.from : null;
  }
  return null;
}

type Props = {
  item: ListItemDetail;
  onMove: (to: TechProgress) => void;
};

export function ProgressPanel({ item, onMove }: Props) {
  const { t } = useI18n();
  const progress = item.progress;
  if (!progress) return null;

  let steps: { title: string; status: 'wait' | 'process' | 'finish' | 'error' }[];
  if (progress === 'closed') {
    const from = closedFrom(item.history);
    const reached = from ? mainPath.slice(0, mainPath.indexOf(from) + 1) : [];
    steps = [
      ...reached.map((p) => ({ title: progressLabel(t, p), status: 'finish' as const })),
      { title: progressLabel(t, 'closed'), status: 'error' },
    ];
  } else {
    const at = mainPath.indexOf(progress);
    steps = mainPath.map((p, i) => ({
      title: progressLabel(t, p),
      status: i < at || progress === 'solved' ? 'finish' : i === at ? 'process' : 'wait',
    }));
  }

  const next = techProgressNext[progress];
  const mayMove = item.canEdit || item.canReview;
  let hint: string | null = null;
  if (next.length === 0) hint = t('lists.progressDone');
  else if (!mayMove) hint = t('lists.progressNoRight');
  else if (item.status !== 'published') hint = t('lists.progressNotPublished');

  return (
    <Flex vertical gap={12} data-testid="list-item-progress">
      <Steps size="small" items={steps} aria-label={t('lists.progressTitle')} />
      {hint ? (
        <Typography.Text type="secondary">{hint}</Typography.Text>
      ) : (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">{t('lists.progressNext')}</Typography.Text>
          {next.map((to) => (
            <Button
              key={to}
              size="small"
              danger={to === 'closed'}
              type={
                to === 'closed' || mainPath.indexOf(to) < mainPath.indexOf(progress) ? 'default' : 'primary'
              }
              onClick={() => onMove(to)}
              data-testid={`progress-${to}`}
            >
              {t(`lists.progressMove.${to}`)}
            </Button>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
