// How many items of the list (as filtered) are in each status, and how many published ones still wait
// for an answer; a figure filters the table to its items.
import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import type { StatusCounts } from './api';
import { statusLabel } from './labels';
import type { ListStatus } from './types';

type Props = {
  /** the statuses the viewer may see items in */
  statuses: readonly ListStatus[];
  counts: StatusCounts;
  status: ListStatus | undefined;
  awaitingSelected: boolean;
  onStatus: (status: ListStatus | undefined) => void;
  onAwaiting: () => void;
};

export function StatusSummary({ statuses, counts, status, awaitingSelected, onStatus, onAwaiting }: Props) {
  const { t } = useI18n();
  const figures = statuses.map((s) => counts.byStatus[s]);
  const total = figures.every((n) => n !== undefined)
    ? figures.reduce<number>((a, n) => a + (n ?? 0), 0)
    : undefined;
  const show = (n: number | undefined) => (n === undefined ? '…' : n.toLocaleString());

  const figure = (
    key: string,
    label: string,
    n: number | undefined,
    selected: boolean,
    onClick: () => void,
    warn?: boolean,
  ) => (
    <Button
      key={key}
      size="small"
      color={warn ? 'orange' : selected ? 'primary' : 'default'}
      variant={selected ? 'solid' : warn ? 'outlined' : 'filled'}
      aria-pressed={selected}
      onClick={onClick}
      data-testid={`list-count-${key}`}
    >
      <span>{label}</span>
      <Typography.Text strong style={{ color: 'inherit' }}>
        {show(n)}
      </Typography.Text>
    </Button>
  );

  return (
    <Flex
      gap={8}
      wrap
      align="center"
      role="group"
      aria-label={t('lists.summary')}
      style={{ marginBottom: 12 }}
    >
      {figure('all', t('lists.summaryAll'), total, !status && !awaitingSelected, () => onStatus(undefined))}
      {statuses.map((s) =>
        figure(s, statusLabel(t, s), counts.byStatus[s], status === s && !awaitingSelected, () =>
          onStatus(s),
        ),
      )}
      {figure('awaiting', t('lists.summaryAwaiting'), counts.awaiting, awaitingSelected, onAwaiting, true)}
    </Flex>
  );
}
