// A run being computed: queued behind others, or its progress through the phases; the page polls it.
import { Card, Flex, Progress, Steps, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { isPhase, phaseLabel, phases } from './labels';
import type { Run } from './types';

export function RunProgress({ run }: { run: Run }) {
  const { t } = useI18n();
  const current = isPhase(run.phase) ? phases.indexOf(run.phase) : -1;
  return (
    <Card data-testid="run-progress">
      <Flex vertical gap={16}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {run.status === 'queued' ? t('matching.progress.queued') : t('matching.progress.running')}
        </Typography.Title>
        <Progress
          percent={run.progress}
          status="active"
          aria-label={t('matching.progressLabel', { n: run.progress })}
        />
        <Steps
          size="small"
          current={Math.max(0, current)}
          status={run.status === 'queued' ? 'wait' : 'process'}
          items={phases.map((p) => ({ title: phaseLabel(t, p) }))}
        />
        <Typography.Text type="secondary" aria-live="polite">
          {run.status === 'queued'
            ? t('matching.progress.queuedHelp')
            : t('matching.progress.phaseNow', { phase: phaseLabel(t, run.phase), n: run.progress })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
