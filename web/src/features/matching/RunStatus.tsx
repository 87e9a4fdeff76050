// A run's status: a tag, and while it is computed, its progress and phase.
import { Flex, Progress, Tag, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { isActive } from './api';
import { phaseLabel, statusColor, statusLabel } from './labels';
import type { RunListItem } from './types';

type Props = { run: Pick<RunListItem, 'status' | 'progress' | 'phase'> };

export function RunStatusTag({ run }: Props) {
  const { t } = useI18n();
  if (!isActive(run.status)) return <Tag color={statusColor[run.status]}>{statusLabel(t, run.status)}</Tag>;
  return (
    <Flex vertical gap={2} style={{ minWidth: 140 }}>
      <Flex gap={6} align="center">
        <Tag color={statusColor[run.status]} style={{ marginInlineEnd: 0 }}>
          {statusLabel(t, run.status)}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {phaseLabel(t, run.phase)}
        </Typography.Text>
      </Flex>
      <Progress
        percent={run.progress}
        size="small"
        status="active"
        aria-label={t('matching.progressLabel', { n: run.progress })}
      />
    </Flex>
  );
}
