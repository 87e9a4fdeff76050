// Postings as a table: an enterprise's own (every status), the secretariat's vetting queue and all postings.
import { CheckOutlined, CloseOutlined, EditOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Select,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, type ListParams } from '../../lib/useListParams';
import { UnitSelect } from '../units/UnitSelect';
import { usePostingCount, usePostings } from './api';
import {
  chinaToday,
  formatPayShort,
  isPostingKind,
  isPostingStatus,
  postingActionAllowed,
  postingKindLabel,
  postingKinds,
  postingStatusLabel,
  postingStatuses,
} from './labels';
import { Highlight, PostingStatusTag, searchTerms } from './PostingBits';
import type { Posting, PostingFilter, PostingStatus } from './types';
import { usePostingActions } from './usePostingActions';

export type TableMode = 'mine' | 'vet' | 'all';
export const tableFilterKeys = ['q', 'kind', 'status', 'unitId'] as const;
type TableKey = (typeof tableFilterKeys)[number] | 'view';

/** The API filter of a table view, from the URL's filters. */
export function tableFilter(mode: TableMode, f: Record<TableKey, string | undefined>): PostingFilter {
  return {
    q: f.q,
    kind: isPostingKind(f.kind) ? f.kind : undefined,
    status: mode === 'vet' ? 'pending' : isPostingStatus(f.status) ? f.status : undefined,
    unitId: mode === 'mine' ? undefined : f.unitId,
    mine: mode === 'mine' ? 'true' : undefined,
  };
}

export function tableSort(mode: TableMode, sort: string): string {
  if (sort !== 'auto' && sort !== '-relevance') return sort;
  return mode === 'vet' ? 'createdAt' : '-createdAt';
}

function StatusTab({
  consortiumId,
  filter,
  status,
  label,
}: {
  consortiumId: string;
  filter: PostingFilter;
  status?: PostingStatus;
  label: string;
}) {
  const count = usePostingCount(consortiumId, { ...filter, status });
  return (
    <span data-testid={`status-tab-${status ?? 'all'}`}>
      {label}
      {count.data !== undefined ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
          {count.data}
        </Typography.Text>
      ) : null}
    </span>
  );
}

type Props = {
  consortiumId: string;
  mode: TableMode;
  list: ListParams<TableKey>;
  onEdit: (p: Posting) => void;
  onReject: (p: Posting) => void;
};

export function PostingTable({ consortiumId, mode, list, onEdit, onReject }: Props) {
  const { t, locale } = useI18n();
  const filter = tableFilter(mode, list.filters);
  const sort = tableSort(mode, list.sort);
  const query = usePostings(consortiumId, { ...filter, page: list.page, pageSize: list.pageSize, sort });
  const { run, pendingId } = usePostingActions(consortiumId);
  const terms = searchTerms(filter.q);
  const today = chinaToday();
  const filtered = Boolean(filter.q || filter.kind || filter.unitId || (mode !== 'vet' && filter.status));

  const columns: TableColumnsType<Posting> = [
    {
      title: t('postings.field.title'),
      key: 'title',
      width: 260,
      render: (_: unknown, p) => (
        <Flex vertical>
          <Link to={`/postings/${p.id}`} data-testid="posting-link">
            <Highlight text={p.title} terms={terms} />
          </Link>
          {mode !== 'mine' ? <Typography.Text type="secondary">{p.unitName}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('postings.field.kind'),
      dataIndex: 'kind',
      width: 70,
      render: (k: Posting['kind']) => postingKindLabel(t, k),
    },
    {
      title: t('postings.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PostingStatus, p) => <PostingStatusTag status={s} reason={p.rejectReason} />,
    },
    {
      title: t('postings.table.headcount'),
      dataIndex: 'headcount',
      width: 80,
      align: 'right',
    },
    {
      title: t('postings.table.pay'),
      key: 'payMax',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'payMax'),
      width: 140,
      render: (_: unknown, p) => <span style={{ whiteSpace: 'nowrap' }}>{formatPayShort(t, p, locale)}</span>,
    },
    {
      title: t('postings.field.deadline'),
      dataIndex: 'deadline',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'deadline'),
      width: 120,
      render: (d: string) =>
        d < today ? (
          <Typography.Text type="secondary">{`${d} · ${t('postings.card.expired')}`}</Typography.Text>
        ) : (
          d
        ),
    },
    {
      title: t('postings.field.applications'),
      dataIndex: 'applicationCount',
      width: 100,
      align: 'right',
      render: (n: number | null, p) =>
        n === null ? (
          '—'
        ) : n > 0 ? (
          <Link
            to={`/applications?postingId=${p.id}`}
            aria-label={t('postings.table.applicantsOf', { title: p.title, n })}
            data-testid="posting-applications"
          >
            {n}
          </Link>
        ) : (
          0
        ),
    },
    {
      title: mode === 'vet' ? t('postings.table.submittedAt') : t('common.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'createdAt'),
      width: 110,
      render: (v: string) => formatDate(v, locale),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: mode === 'mine' ? 200 : 170,
      render: (_: unknown, p) =>
        mode === 'mine' ? (
          <Flex gap={0} wrap>
            {p.status !== 'closed' ? (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(p)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {postingActionAllowed('submit', p.status) ? (
              <Button
                size="small"
                type="link"
                icon={<SendOutlined />}
                loading={pendingId === p.id}
                onClick={() => void run(p, 'submit')}
                data-testid="posting-row-submit"
              >
                {t('postings.action.submit')}
              </Button>
            ) : null}
            {postingActionAllowed('close', p.status) ? (
              <Popconfirm
                title={t('postings.confirm.close', { title: p.title })}
                description={t('postings.confirm.closeHelp')}
                okText={t('postings.action.close')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => run(p, 'close')}
              >
                <Button size="small" type="link" danger icon={<CloseOutlined />}>
                  {t('postings.action.close')}
                </Button>
              </Popconfirm>
            ) : null}
            {postingActionAllowed('reopen', p.status) ? (
              <Button
                size="small"
                type="link"
                icon={<UndoOutlined />}
                loading={pendingId === p.id}
                onClick={() => void run(p, 'reopen')}
              >
                {t('postings.action.reopen')}
              </Button>
            ) : null}
          </Flex>
        ) : (
          <Flex gap={0} wrap>
            {postingActionAllowed('approve', p.status) ? (
              <Popconfirm
                title={t('postings.confirm.approve', { title: p.title })}
                description={t('postings.confirm.approveHelp')}
                okText={t('postings.action.approve')}
                cancelText={t('common.cancel')}
                onConfirm={() => run(p, 'approve')}
              >
                <Button size="small" type="link" icon={<CheckOutlined />} data-testid="posting-row-approve">
                  {t('postings.action.approve')}
                </Button>
              </Popconfirm>
            ) : null}
            {postingActionAllowed('reject', p.status) ? (
              <Button
                size="small"
                type="link"
                danger
                icon={<CloseOutlined />}
                onClick={() => onReject(p)}
                data-testid="posting-row-reject"
              >
                {p.status === 'published' ? t('postings.action.takeDown') : t('postings.action.reject')}
              </Button>
            ) : null}
          </Flex>
        ),
    },
  ];

  const countFilter = { ...filter, status: undefined };
  return (
    <Card>
      {mode !== 'vet' ? (
        <Tabs
          activeKey={filter.status ?? 'all'}
          onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
          items={[undefined, ...postingStatuses].map((s) => ({
            key: s ?? 'all',
            label: (
              <StatusTab
                consortiumId={consortiumId}
                filter={countFilter}
                status={s}
                label={s ? postingStatusLabel(t, s) : t('postings.filter.allStatuses')}
              />
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('postings.vet.queueHelp')}</Typography.Paragraph>
      )}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={list.filters.q ?? ''}
          defaultValue={list.filters.q}
          placeholder={t('postings.search.placeholderShort')}
          aria-label={t('postings.search.label')}
          allowClear
          enterButton
          maxLength={64}
          onSearch={(v) => list.update({ q: v.trim() })}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="postings-table-search"
        />
        <Segmented
          value={filter.kind ?? 'all'}
          onChange={(v) => list.update({ kind: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: t('postings.filter.allKinds') },
            ...postingKinds.map((k) => ({ value: k, label: postingKindLabel(t, k) })),
          ]}
          aria-label={t('postings.field.kind')}
        />
        {mode !== 'mine' ? (
          <UnitSelect
            consortiumId={consortiumId}
            value={filter.unitId}
            onChange={(id) => list.update({ unitId: id })}
            filter={(u) => u.type === 'enterprise'}
            allowClear
            placeholder={t('postings.filter.enterprise')}
            aria-label={t('postings.filter.enterprise')}
            style={{ width: 240 }}
          />
        ) : null}
        <Select
          value={sort}
          onChange={(v: string) => list.update({ sort: v })}
          aria-label={t('postings.sort.label')}
          options={[
            { value: '-createdAt', label: t('postings.sort.newest') },
            { value: 'createdAt', label: t('postings.sort.oldest') },
            { value: 'deadline', label: t('postings.sort.deadline') },
            { value: '-payMax', label: t('postings.sort.pay') },
          ]}
          style={{ width: 150, marginLeft: 'auto' }}
        />
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Posting>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          scroll={{ x: 1150 }}
          locale={{
            emptyText: filtered
              ? t('common.noMatch')
              : mode === 'vet'
                ? t('postings.vet.empty')
                : mode === 'mine'
                  ? t('postings.mine.empty')
                  : t('postings.all.empty'),
          }}
          {...serverPaging(list, query.data?.total ?? 0, tableSort(mode, 'auto'), (n) =>
            t('common.total', { n }),
          )}
        />
      )}
    </Card>
  );
}
