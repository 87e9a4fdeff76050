// /matching: the placement-matching runs of the consortium (a school administrator: its own), newest first;
// start one, open one, delete one, compare two.
import { DeleteOutlined, DiffOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { isActive, isFinished, useDeleteRun, useRuns } from './api';
import { CompareModal } from './CompareModal';
import { formatNumber, kindLabel, modeLabel, share } from './labels';
import { RunFormDrawer } from './RunFormDrawer';
import { RunStatusTag } from './RunStatus';
import { useRunScope } from './scope';
import type { RunListItem } from './types';

const sorts = ['-createdAt', 'createdAt'];

export default function MatchingPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const scope = useRunScope();
  const list = useListParams([], { sort: '-createdAt', sorts });
  const runs = useRuns(consortiumId, { page: list.page, pageSize: list.pageSize, sort: list.sort });
  const remove = useDeleteRun(consortiumId);
  const [creating, setCreating] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);

  const selectedRuns = (runs.data?.items ?? []).filter((r) => selected.includes(r.id));
  const pair: [RunListItem, RunListItem] | undefined =
    selectedRuns.length === 2 ? [selectedRuns[1]!, selectedRuns[0]!] : undefined; // A: the older

  async function onDelete(run: RunListItem) {
    try {
      await remove.mutateAsync(run.id);
      setSelected((s) => s.filter((id) => id !== run.id));
      void message.success(t('matching.deleted', { name: run.name }));
    } catch (err) {
      void message.error(
        err instanceof ApiError && err.code === 'INVALID_TRANSITION'
          ? t('matching.deleteRefused')
          : errorMessage(t, err, locale),
      );
    }
  }

  const deleteBlocked = (r: RunListItem): string | null =>
    r.status === 'confirmed'
      ? t('matching.deleteConfirmed')
      : isActive(r.status)
        ? t('matching.deleteActive')
        : null;

  const columns: TableColumnsType<RunListItem> = [
    {
      title: t('matching.col.name'),
      dataIndex: 'name',
      minWidth: 200,
      render: (name: string, r) => (
        <Link to={`/matching/${r.id}`} data-testid="matching-run-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('matching.col.mode'),
      dataIndex: 'mode',
      width: 140,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          <Tag color={r.mode === 'optimal' ? 'geekblue' : 'cyan'}>{modeLabel(t, r.mode)}</Tag>
          {r.placeFirst ? <Tag>{t('matching.placeFirstShort')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('matching.col.kind'),
      dataIndex: 'postingKind',
      width: 90,
      render: (_: unknown, r) => kindLabel(t, r.postingKind),
    },
    {
      title: t('matching.col.status'),
      dataIndex: 'status',
      width: 170,
      render: (_: unknown, r) => <RunStatusTag run={r} />,
    },
    {
      title: t('matching.col.placed'),
      key: 'placed',
      align: 'right',
      width: 110,
      render: (_: unknown, r) => {
        if (!isFinished(r.status) || r.placed === null || r.students === null) return '—';
        return (
          <Flex vertical align="flex-end">
            <span className="cj-mono">
              {formatNumber(r.placed, locale)} / {formatNumber(r.students, locale)}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {share(r.placed, r.students)}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('matching.col.created'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'createdAt'),
      width: 170,
      render: (v: string, r) => (
        <Flex vertical>
          <span>{r.createdByName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatDateTime(v, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, r) => {
        const blocked = deleteBlocked(r);
        return (
          <Flex gap={4}>
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              onClick={() => void navigate(`/matching/${r.id}`)}
              aria-label={`${t('matching.open')} ${r.name}`}
            >
              {t('matching.open')}
            </Button>
            {scope.canRun ? (
              blocked ? (
                <Tooltip title={blocked}>
                  <Button size="small" type="link" danger disabled icon={<DeleteOutlined />}>
                    {t('matching.delete')}
                  </Button>
                </Tooltip>
              ) : (
                <Popconfirm
                  title={t('matching.deleteTitle', { name: r.name })}
                  description={t('matching.deleteText')}
                  okText={t('matching.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onDelete(r)}
                >
                  <Button
                    size="small"
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('matching.delete')} ${r.name}`}
                    data-testid="matching-delete"
                  >
                    {t('matching.delete')}
                  </Button>
                </Popconfirm>
              )
            ) : null}
          </Flex>
        );
      },
    },
  ];

  const createButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      disabled={!scope.canCreate}
      onClick={() => setCreating(true)}
      data-testid="matching-create"
    >
      {t('matching.create')}
    </Button>
  );
  const empty = runs.data && runs.data.total === 0;

  return (
    <>
      <PageHeader
        title={t('nav.matching')}
        subtitle={
          !scope.whole && scope.ownSchools.length ? t('matching.subtitleSchool') : t('matching.subtitle')
        }
        extra={
          <>
            <Button
              icon={<DiffOutlined />}
              disabled={!runs.data || runs.data.total < 2}
              onClick={() => setComparing(true)}
              data-testid="matching-compare"
            >
              {pair ? t('matching.compareSelected') : t('matching.compare')}
            </Button>
            {scope.canRun ? (
              scope.canCreate || !scope.ready ? (
                createButton
              ) : (
                <Tooltip title={t('matching.createOnlySchools')}>{createButton}</Tooltip>
              )
            ) : null}
          </>
        }
      />
      <Card>
        {runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
        ) : empty ? (
          <EmptyState description={scope.canCreate ? t('matching.emptyCanCreate') : t('matching.empty')}>
            {scope.canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('matching.create')}
              </Button>
            ) : null}
          </EmptyState>
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              {t('matching.selectHint')}
            </Typography.Paragraph>
            <Table<RunListItem>
              rowKey="id"
              columns={columns}
              dataSource={runs.data?.items}
              loading={runs.isLoading}
              scroll={{ x: 1060 }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String).slice(-2)),
                hideSelectAll: true,
                getCheckboxProps: (r) => ({
                  disabled: !isFinished(r.status) || (selected.length >= 2 && !selected.includes(r.id)),
                  'aria-label': t('matching.selectRun', { name: r.name }),
                }),
              }}
              {...serverPaging(list, runs.data?.total ?? 0, '-createdAt', (n) => t('common.total', { n }))}
            />
          </>
        )}
      </Card>
      {scope.canCreate ? (
        <RunFormDrawer
          consortiumId={consortiumId}
          scope={scope}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(run) => {
            setCreating(false);
            void navigate(`/matching/${run.id}`);
          }}
        />
      ) : null}
      <CompareModal
        consortiumId={consortiumId}
        open={comparing}
        onClose={() => setComparing(false)}
        initial={pair}
      />
    </>
  );
}
