// /units: the member units of the current consortium; add and edit them where allowed.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { isUnitRole, isUnitType, unitRoles, unitTypes } from '../../lib/enums';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { unitRoleColor, unitRoleLabel, unitTypeLabel } from '../../lib/labels';
import type { Unit, UnitRole, UnitType } from '../../lib/types';
import { pageSizes, sortOf, sortOrderOf, useListParams } from '../../lib/useListParams';
import { useUnits } from './api';
import { UnitFormModal } from './UnitFormModal';

const sorts = ['name', '-name', 'type', '-type', 'createdAt', '-createdAt'];

export default function UnitsPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can, canOnUnit } = useAccess();
  const list = useListParams(['q', 'type', 'role'], { sort: 'name', sorts });
  const type = isUnitType(list.filters.type) ? list.filters.type : undefined;
  const role = isUnitRole(list.filters.role) ? list.filters.role : undefined;
  const query = useUnits(consortiumId, {
    q: list.filters.q,
    type,
    role,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const filtered = Boolean(list.filters.q || type || role);

  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      render: (name: string, u) => (
        <Flex vertical>
          <span>{name}</span>
          {u.uscc ? (
            <Typography.Text type="secondary" className="cj-mono">
              {u.uscc}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('units.type'),
      dataIndex: 'type',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'type'),
      render: (v: UnitType) => unitTypeLabel(t, v),
    },
    {
      title: t('units.role'),
      dataIndex: 'role',
      render: (v: UnitRole) => <Tag color={unitRoleColor[v]}>{unitRoleLabel(t, v)}</Tag>,
    },
    { title: t('units.joinedOn'), dataIndex: 'joinedOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('users.status'),
      key: 'standing',
      render: (_: unknown, u) =>
        u.leftOn ? (
          <Tag>{`${t('units.left')} ${u.leftOn}`}</Tag>
        ) : (
          <Tag color="green">{t('units.current')}</Tag>
        ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'createdAt'),
      render: (v: string) => formatDate(v, locale),
    },
  ];
  if (can('unit.update')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, u) =>
        canOnUnit('unit.update', u.id) ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing(u)}
            aria-label={`${t('common.edit')} ${u.name}`}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('units.subtitle')}
        extra={
          can('unit.create') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="unit-create"
            >
              {t('units.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            placeholder={t('units.searchPlaceholder')}
            aria-label={t('units.searchPlaceholder')}
            allowClear
            enterButton
            onSearch={(v) => list.update({ q: v.trim() })}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="units-search"
          />
          <Select
            allowClear
            placeholder={t('units.allTypes')}
            aria-label={t('units.type')}
            value={type}
            onChange={(v?: UnitType) => list.update({ type: v })}
            options={unitTypes.map((v) => ({ value: v, label: unitTypeLabel(t, v) }))}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            placeholder={t('units.allRoles')}
            aria-label={t('units.role')}
            value={role}
            onChange={(v?: UnitRole) => list.update({ role: v })}
            options={unitRoles.map((v) => ({ value: v, label: unitRoleLabel(t, v) }))}
            style={{ width: 160 }}
          />
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Unit>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 960 }}
            locale={{ emptyText: filtered ? t('common.noMatch') : t('units.empty') }}
            onChange={(pagination, _filters, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              list.update({
                page: pagination.current,
                pageSize: pagination.pageSize,
                sort: sortOf(s?.field, s?.order) ?? 'name',
              });
            }}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [...pageSizes],
              showTotal: (total) => t('common.total', { n: total }),
            }}
          />
        )}
      </Card>
      <UnitFormModal
        consortiumId={consortiumId}
        unit={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
