// /internships/hosts (外部实习单位): hosts outside the consortium, registered with their USCC and employee
// count (the base of the 10% cap); register and edit them — a new employee count re-evaluates the caps of
// their open placements.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { useHosts } from './api';
import { HostFormModal } from './HostFormModal';
import { useInternshipScope } from './scope';
import type { Host } from './types';

const sorts = ['name', '-name'];

export default function HostsPage() {
  const { t } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const scope = useInternshipScope();
  const list = useListParams(['q'] as const, { sort: 'name', sorts });
  const [search, setSearch] = useState(list.filters.q ?? '');
  const hosts = useHosts(consortiumId, {
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    q: list.filters.q,
  });
  const [editing, setEditing] = useState<Host | 'new' | null>(null);

  const columns: TableColumnsType<Host> = [
    {
      title: t('intern.host.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      minWidth: 200,
    },
    {
      title: t('intern.host.uscc'),
      dataIndex: 'uscc',
      width: 200,
      render: (v: string) => <span className="cj-mono">{v}</span>,
    },
    {
      title: t('intern.host.employees'),
      dataIndex: 'employeeCount',
      align: 'right',
      width: 120,
      render: (n: number | null) =>
        n === null ? <Typography.Text type="warning">{t('intern.host.noEmployees')}</Typography.Text> : n,
    },
    {
      title: t('intern.host.asOf'),
      dataIndex: 'employeeCountAsOf',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('intern.host.contact'),
      key: 'contact',
      width: 180,
      render: (_: unknown, h) => [h.contactName, h.contactPhone].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('intern.col.placements'),
      dataIndex: 'placements',
      align: 'right',
      width: 100,
      render: (n: number, h) =>
        n > 0 ? <Link to={`/internships/placements?q=${encodeURIComponent(h.name)}`}>{n}</Link> : 0,
    },
    ...(scope.canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, h: Host) => (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setEditing(h)}
                aria-label={`${t('common.edit')} ${h.name}`}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.internHosts')}
        subtitle={t('intern.host.subtitle')}
        extra={
          scope.canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="host-create"
            >
              {t('intern.host.register')}
            </Button>
          ) : null
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('intern.host.employeesReevaluate')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => list.update({ q: v.trim() })}
            placeholder={t('intern.filter.hostSearch')}
            aria-label={t('intern.filter.hostSearch')}
            style={{ width: 260 }}
          />
        </Flex>
        {hosts.isError ? (
          <ErrorState error={hosts.error} onRetry={() => void hosts.refetch()} />
        ) : hosts.data?.total === 0 && !list.filters.q ? (
          <EmptyState description={t('intern.host.empty')}>
            {scope.canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('intern.host.register')}
              </Button>
            ) : null}
          </EmptyState>
        ) : (
          <Table<Host>
            rowKey="id"
            columns={columns}
            dataSource={hosts.data?.items}
            loading={hosts.isLoading}
            scroll={{ x: 1000 }}
            {...serverPaging(list, hosts.data?.total ?? 0, 'name', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      <HostFormModal
        consortiumId={consortiumId}
        open={editing !== null}
        host={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
