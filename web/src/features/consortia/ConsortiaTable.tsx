// The consortia visible to me, searchable and paged; a row can be made the current consortium.
import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { useConsortium } from '../../app/consortium';
import { ErrorState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { levelColor, levelLabel, statusColor, statusLabel } from '../../lib/labels';
import type { Consortium } from '../../lib/types';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { useConsortia } from './api';

const sorts = ['name', '-name', 'createdAt', '-createdAt'];

export function ConsortiaTable() {
  const { t, locale, pick } = useI18n();
  const navigate = useNavigate();
  const { consortiumId, setConsortiumId } = useConsortium();
  const list = useListParams(['q'], { sort: 'name', sorts });
  const query = useConsortia({
    q: list.filters.q,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });

  function choose(c: Consortium) {
    setConsortiumId(c.id);
    void navigate('/');
  }

  const columns: TableColumnsType<Consortium> = [
    {
      title: t('consortium.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      render: (_: string, c) => (
        <Flex vertical>
          <Typography.Link onClick={() => choose(c)}>{pick(c.name, c.nameEn)}</Typography.Link>
          {locale === 'en' || !c.nameEn ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.nameEn}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('consortium.code'),
      dataIndex: 'code',
      render: (v: string) => <span className="cj-mono">{v}</span>,
    },
    {
      title: t('consortium.level'),
      dataIndex: 'level',
      render: (v: Consortium['level']) => <Tag color={levelColor[v]}>{levelLabel(t, v)}</Tag>,
    },
    {
      title: t('consortium.status'),
      dataIndex: 'status',
      render: (v: Consortium['status']) => <Tag color={statusColor[v]}>{statusLabel(t, v)}</Tag>,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'createdAt'),
      render: (v: string) => formatDate(v, locale),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_: unknown, c) =>
        c.id === consortiumId ? (
          <Tag icon={<CheckCircleFilled />} color="success">
            {t('consortium.isCurrent')}
          </Tag>
        ) : (
          <Button size="small" onClick={() => choose(c)}>
            {t('consortium.makeCurrent')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={list.filters.q ?? ''}
          defaultValue={list.filters.q}
          placeholder={t('consortium.searchPlaceholder')}
          aria-label={t('consortium.searchPlaceholder')}
          allowClear
          enterButton
          onSearch={(v) => list.update({ q: v.trim() })}
          style={{ maxWidth: 360 }}
        />
      </Flex>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Consortium>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          scroll={{ x: 800 }}
          locale={{ emptyText: list.filters.q ? t('common.noMatch') : t('consortium.empty') }}
          {...serverPaging(list, query.data?.total ?? 0, 'name', (n) => t('common.total', { n }))}
        />
      )}
    </>
  );
}
