// /internships/logs: the log inbox across placements — by default what the viewer must act on (a host
// mentor: submitted logs to co-sign; the school: co-signed logs to review), with the actions inline and a
// drawer to read a log.
import { EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { useCurrentConsortiumId } from '../../../app/consortium';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../../lib/useListParams';
import { useInternshipScope } from '../scope';
import { useLogInbox } from './api';
import { logStatuses, logStatusLabel } from './labels';
import { LogActions, useLogRights } from './LogActions';
import { LogDrawer } from './LogDrawer';
import { LogStatusTag } from './LogView';
import type { Log, LogStatus } from './types';

const sorts = ['-submittedAt', 'submittedAt', '-periodStart', 'periodStart'];

/** What the viewer acts on first: host staff co-sign submitted logs; the school reviews co-signed ones. */
export function useDefaultLogStatus(): { status: LogStatus | undefined; ready: boolean } {
  const { can } = useAccess();
  const scope = useInternshipScope();
  // a school's administrator holds internship.supervise too (on the school itself): the school comes first
  if (scope.whole || scope.ownSchools.length > 0) return { status: 'cosigned', ready: scope.ready };
  if (can('internship.supervise')) return { status: 'submitted', ready: scope.ready };
  return { status: undefined, ready: scope.ready };
}

export default function LogInboxPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const rightsOf = useLogRights();
  const { status: fallback, ready } = useDefaultLogStatus();
  const list = useListParams(['status'], { sort: '-submittedAt', sorts });
  const asked = list.filters.status;
  const status: LogStatus | undefined =
    asked === 'all' ? undefined : logStatuses.includes(asked as LogStatus) ? (asked as LogStatus) : fallback;
  // the default depends on the roles' scopes: wait for them rather than load a list to throw away
  const logs = useLogInbox(
    consortiumId,
    { page: list.page, pageSize: list.pageSize, sort: list.sort, status },
    ready || asked !== undefined,
  );
  const [reading, setReading] = useState<string | null>(null);

  const columns: TableColumnsType<Log> = [
    {
      title: t('sup.col.student'),
      key: 'student',
      width: 150,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Link to={`/internships/placements/${r.placementId}`}>{r.placement.studentName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.placement.schoolName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sup.col.host'),
      key: 'host',
      width: 200,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.placement.hostName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.placement.postTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sup.col.period'),
      dataIndex: 'periodStart',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'periodStart'),
      width: 200,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span className="cj-mono">
            {r.periodStart} ~ {r.periodEnd}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sup.log.days', { n: r.days })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sup.col.content'),
      dataIndex: 'content',
      minWidth: 220,
      render: (v: string, r) => (
        <Flex vertical gap={2}>
          <Typography.Text ellipsis={{ tooltip: false }} style={{ maxWidth: 360 }}>
            {v}
          </Typography.Text>
          {r.files.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <PaperClipOutlined /> {t('sup.log.fileN', { n: r.files.length })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('sup.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: LogStatus) => <LogStatusTag status={s} />,
    },
    {
      title: t('sup.col.submittedAt'),
      dataIndex: 'submittedAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'submittedAt'),
      width: 150,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, locale)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Flex gap={8} wrap>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            onClick={() => setReading(r.id)}
            aria-label={t('sup.read', { name: r.placement.studentName, from: r.periodStart })}
            data-testid="log-read"
          >
            {t('sup.readShort')}
          </Button>
          <LogActions consortiumId={consortiumId} log={r} rights={{ ...rightsOf(r), edit: false }} />
        </Flex>
      ),
    },
  ];

  const statusValue = asked === 'all' ? 'all' : (status ?? 'all');
  const empty = logs.data && logs.data.total === 0;

  return (
    <>
      <PageHeader title={t('nav.supLogs')} subtitle={t('sup.inbox.subtitle')} />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<string>
            style={{ width: 180 }}
            value={statusValue}
            aria-label={t('sup.col.status')}
            data-testid="inbox-status"
            onChange={(v) => list.update({ status: v })}
            options={[
              { value: 'all', label: t('sup.allStatuses') },
              ...logStatuses.map((s) => ({ value: s, label: logStatusLabel(t, s) })),
            ]}
          />
          {fallback && status === fallback && asked === undefined ? (
            <Tooltip title={t('sup.inbox.defaultHelp')}>
              <Typography.Text type="secondary">
                {t(fallback === 'submitted' ? 'sup.inbox.defaultMentor' : 'sup.inbox.defaultSchool')}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Flex>
        {logs.isError ? (
          <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />
        ) : empty ? (
          <EmptyState
            description={
              status ? t('sup.inbox.emptyStatus', { status: logStatusLabel(t, status) }) : t('sup.log.empty')
            }
          />
        ) : (
          <Table<Log>
            rowKey="id"
            columns={columns}
            dataSource={logs.data?.items}
            loading={logs.isPending || logs.isFetching}
            scroll={{ x: 1260 }}
            {...serverPaging(list, logs.data?.total ?? 0, '-submittedAt', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      <LogDrawer consortiumId={consortiumId} logId={reading} onClose={() => setReading(null)} />
    </>
  );
}
