// /users: the accounts of the current consortium (those in my units, for a unit administrator).
import { PlusOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useAccess, useRolesCatalog } from '../../app/access';
import { useMe } from '../../app/auth';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { UserWithMemberships } from '../../lib/types';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { UnitSelect } from '../units/UnitSelect';
import { useUsers } from './api';
import { CreateUserDrawer } from './CreateUserDrawer';
import { UserActions, type UserDialog } from './UserActions';
import { UserDialogs } from './UserDialogs';

const sorts = ['username', '-username', 'displayName', '-displayName', 'createdAt', '-createdAt'];
const statuses = ['active', 'disabled'] as const;
type Status = (typeof statuses)[number];
const isStatus = (v: unknown): v is Status => statuses.some((s) => s === v);

export default function UsersPage() {
  const { t, locale, pick } = useI18n();
  const me = useMe();
  const consortiumId = useCurrentConsortiumId();
  const access = useAccess();
  const catalog = useRolesCatalog();
  const list = useListParams(['q', 'roleCode', 'status', 'memberUnitId'], { sort: 'username', sorts });
  const status = isStatus(list.filters.status) ? list.filters.status : undefined;
  const query = useUsers(consortiumId, {
    q: list.filters.q,
    roleCode: list.filters.roleCode,
    status,
    memberUnitId: list.filters.memberUnitId,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const consortiumRoles = (catalog.data?.roles ?? []).filter((r) => r.level === 'consortium');
  const filtered = Boolean(list.filters.q || list.filters.roleCode || status || list.filters.memberUnitId);
  const manages = access.can('user.manage');

  const columns: TableColumnsType<UserWithMemberships> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'username'),
      render: (v: string, u) => (
        <Flex vertical>
          <span className="cj-mono">{v}</span>
          {u.id === me.user.id ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('users.you')}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'displayName'),
    },
    {
      title: t('users.roles'),
      key: 'memberships',
      width: 260,
      render: (_: unknown, u) => (
        <Flex gap={4} vertical align="flex-start">
          {u.memberships.map((m) => (
            <Tag key={m.id} color="blue" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {pick(m.roleNameZh, m.roleNameEn)}
              {m.memberUnitName ? ` · ${m.memberUnitName}` : ''}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('users.contact'),
      key: 'contact',
      width: 190,
      render: (_: unknown, u) =>
        u.phone || u.email ? (
          <Flex vertical>
            {u.phone ? <span aria-label={t('users.phone')}>{u.phone}</span> : null}
            {u.email ? (
              <Typography.Text
                ellipsis={{ tooltip: u.email }}
                aria-label={t('users.email')}
                style={{ maxWidth: 170 }}
              >
                {u.email}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: Status) => (
        <Badge status={v === 'active' ? 'success' : 'default'} text={t(`userStatus.${v}`)} />
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (v: string | null) => (v ? formatDateTime(v, locale) : t('users.never')),
    },
  ];
  if (manages) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 150,
      render: (_: unknown, u) => <UserActions user={u} onOpen={setDialog} />,
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={access.canEverywhere('user.read') ? t('users.subtitle') : t('users.subtitleUnit')}
        extra={
          manages ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={list.filters.q ?? ''}
            defaultValue={list.filters.q}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            allowClear
            enterButton
            onSearch={(v) => list.update({ q: v.trim() })}
            style={{ width: 300, maxWidth: '100%' }}
          />
          <Select
            allowClear
            placeholder={t('users.allRoles')}
            aria-label={t('users.role')}
            value={list.filters.roleCode}
            onChange={(v?: string) => list.update({ roleCode: v })}
            options={consortiumRoles.map((r) => ({ value: r.code, label: pick(r.nameZh, r.nameEn) }))}
            style={{ width: 180 }}
          />
          {access.can('unit.read') ? (
            <UnitSelect
              consortiumId={consortiumId}
              allowClear
              placeholder={t('users.allUnits')}
              aria-label={t('users.unit')}
              value={list.filters.memberUnitId}
              onChange={(v) => list.update({ memberUnitId: v })}
              style={{ width: 240 }}
            />
          ) : null}
          <Select
            allowClear
            placeholder={t('users.allStatuses')}
            aria-label={t('users.status')}
            value={status}
            onChange={(v?: Status) => list.update({ status: v })}
            options={statuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
            style={{ width: 130 }}
          />
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<UserWithMemberships>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 1080 }}
            locale={{ emptyText: filtered ? t('common.noMatch') : t('users.empty') }}
            {...serverPaging(list, query.data?.total ?? 0, 'username', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {manages ? (
        <>
          <CreateUserDrawer consortiumId={consortiumId} open={creating} onClose={() => setCreating(false)} />
          <UserDialogs consortiumId={consortiumId} dialog={dialog} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </>
  );
}
