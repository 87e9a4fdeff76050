// The 实习日志 tab of a placement: how often a log is due, the logs newest first with what the viewer may
// do with each (the student submits, edits and resubmits; the host mentor co-signs or returns; the
// school reviews).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Pagination, Select, Skeleton, Tooltip } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../../app/access';
import { EmptyState, ErrorState } from '../../../components/States';
import { useI18n } from '../../../lib/i18n';
import { useAlerts, usePlacementLogs, usePlanIfReadable } from './api';
import { logStatuses, logStatusLabel } from './labels';
import { LogActions, useLogRights } from './LogActions';
import { LogFormModal } from './LogFormModal';
import { LogCard } from './LogView';
import type { Log, LogStatus, SupervisedPlacement } from './types';

const PAGE_SIZE = 10;

/** The plan's cadence: from the plan when the viewer may read it, else from an overdue alert, else unknown. */
export function useCadence(consortiumId: string, placement: SupervisedPlacement): number | null {
  const readsPlan = placement.sides.school || placement.sides.all;
  const plan = usePlanIfReadable(consortiumId, placement.planId, readsPlan);
  const overdue = useAlerts(
    consortiumId,
    { page: 1, pageSize: 1, kind: 'logs_overdue', placementId: placement.id },
    !readsPlan && placement.status === 'active',
  );
  if (plan.data) return plan.data.logCadenceDays;
  const n = overdue.data?.items[0]?.numbers.cadenceDays;
  return typeof n === 'number' ? n : null;
}

export function PlacementLogs({
  consortiumId,
  placement,
}: {
  consortiumId: string;
  placement: SupervisedPlacement;
}) {
  const { t } = useI18n();
  const { can } = useAccess();
  const rightsOf = useLogRights();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<LogStatus | undefined>(undefined);
  const [editing, setEditing] = useState<Log | 'new' | null>(null);
  const logs = usePlacementLogs(consortiumId, placement.id, {
    page,
    pageSize: PAGE_SIZE,
    sort: '-periodStart',
    status,
  });
  const latest = usePlacementLogs(consortiumId, placement.id, { page: 1, pageSize: 1, sort: '-periodStart' });
  const cadence = useCadence(consortiumId, placement);
  const isStudent = placement.sides.student && can('internship.log');
  const active = placement.status === 'active';
  const lastEnd = latest.data?.items[0]?.periodEnd ?? null;

  const newButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      disabled={!active || latest.isLoading}
      onClick={() => setEditing('new')}
      data-testid="log-new"
    >
      {t('sup.log.new')}
    </Button>
  );

  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        title={cadence ? t('sup.cadence', { n: cadence, max: 2 * cadence }) : t('sup.cadenceUnknown')}
        description={t('sup.cadenceFlow')}
        data-testid="log-cadence"
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Select<LogStatus | 'all'>
          style={{ width: 160 }}
          value={status ?? 'all'}
          aria-label={t('sup.col.status')}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('sup.allStatuses') },
            ...logStatuses.map((s) => ({ value: s, label: logStatusLabel(t, s) })),
          ]}
        />
        {isStudent ? (
          active ? (
            newButton
          ) : (
            <Tooltip title={t('sup.log.onlyActive')}>{newButton}</Tooltip>
          )
        ) : null}
      </Flex>
      {logs.isError ? (
        <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />
      ) : logs.isLoading ? (
        <Skeleton active />
      ) : logs.data && logs.data.total === 0 ? (
        <EmptyState
          description={
            status ? t('common.noMatch') : isStudent ? t('sup.log.emptyStudent') : t('sup.log.empty')
          }
        >
          {isStudent && active && !status ? newButton : null}
        </EmptyState>
      ) : (
        <>
          {logs.data?.items.map((log) => (
            <LogCard
              key={log.id}
              consortiumId={consortiumId}
              log={log}
              actions={
                <LogActions
                  consortiumId={consortiumId}
                  log={log}
                  rights={rightsOf(log)}
                  onEdit={() => setEditing(log)}
                />
              }
            />
          ))}
          <Flex justify="flex-end">
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={logs.data?.total ?? 0}
              onChange={setPage}
              size="small"
              showTotal={(n) => t('common.total', { n })}
            />
          </Flex>
        </>
      )}
      {editing ? (
        <LogFormModal
          consortiumId={consortiumId}
          placement={placement}
          lastEnd={editing === 'new' ? lastEnd : null}
          cadenceDays={cadence}
          log={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
