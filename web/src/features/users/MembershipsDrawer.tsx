// The roles an account holds in this consortium: take one away, give another.
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Popconfirm, Table, Typography } from 'antd';
import { useAccess, useRolesCatalog } from '../../app/access';
import { ME_KEY, useMe } from '../../app/auth';
import { EmptyState, ErrorState, PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { applyFieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import type { Membership } from '../../lib/types';
import { useAddMembership, useRemoveMembership, useUser } from './api';
import { assignableRoles, canUnassign } from './assignable';
import { RoleUnitFields } from './RoleUnitFields';

type Values = { roleCode: string; memberUnitId?: string };

type Props = { consortiumId: string; userId: string | null; onClose: () => void };

export function MembershipsDrawer({ consortiumId, userId, onClose }: Props) {
  const { t, locale, pick } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const access = useAccess();
  const catalog = useRolesCatalog();
  const user = useUser(consortiumId, userId);
  const add = useAddMembership(consortiumId);
  const remove = useRemoveMembership(consortiumId);
  const [form] = Form.useForm<Values>();
  const roles = catalog.data?.roles ?? [];
  const self = userId === me.user.id;

  function afterChange() {
    if (self) void qc.invalidateQueries({ queryKey: ME_KEY });
  }

  async function onAdd(v: Values) {
    if (!userId) return;
    try {
      await add.mutateAsync({
        userId,
        input: { roleCode: v.roleCode, memberUnitId: v.memberUnitId || undefined },
      });
      void message.success(t('users.roleAdded'));
      form.resetFields();
      afterChange();
    } catch (err) {
      if (!applyFieldErrors(form, err, t, ['roleCode', 'memberUnitId'])) {
        void message.error(errorMessage(t, err, locale));
      }
    }
  }

  async function onRemove(m: Membership) {
    if (!userId) return;
    try {
      await remove.mutateAsync({ userId, membershipId: m.id });
      void message.success(t('users.roleRemoved'));
      afterChange();
    } catch (err) {
      void message.error(errorMessage(t, err, locale));
    }
  }

  const gone = user.error instanceof ApiError && user.error.status === 404;
  const memberships = user.data?.memberships ?? [];

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      size={560}
      title={user.data ? t('users.rolesTitle', { name: user.data.displayName }) : t('users.manageRoles')}
      forceRender
      afterOpenChange={(visible) => {
        if (!visible) form.resetFields();
      }}
    >
      {gone ? (
        <EmptyState description={t('users.goneFromConsortium')} />
      ) : user.isError ? (
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      ) : user.isPending && userId ? (
        <PageSpinner />
      ) : (
        <>
          <Table<Membership>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={memberships}
            locale={{ emptyText: t('users.noRoles') }}
            columns={[
              {
                title: t('users.role'),
                key: 'role',
                render: (_: unknown, m) => pick(m.roleNameZh, m.roleNameEn),
              },
              { title: t('users.unit'), dataIndex: 'memberUnitName', render: (v: string | null) => v ?? '—' },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 90,
                render: (_: unknown, m) =>
                  canUnassign(roles, access, m.roleCode, m.memberUnitId) ? (
                    <Popconfirm
                      title={
                        memberships.length === 1 ? t('users.removeLastConfirm') : t('users.removeRoleConfirm')
                      }
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => onRemove(m)}
                    >
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('common.remove')} ${pick(m.roleNameZh, m.roleNameEn)}`}
                      />
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
          <Card size="small" title={t('users.addRole')} style={{ marginTop: 24 }}>
            <Typography.Paragraph type="secondary">{t('users.addRoleHelp')}</Typography.Paragraph>
            <Form<Values> form={form} layout="vertical" name="add-membership" onFinish={(v) => void onAdd(v)}>
              <RoleUnitFields consortiumId={consortiumId} roles={assignableRoles(roles, access)} />
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                {t('users.addRole')}
              </Button>
            </Form>
          </Card>
        </>
      )}
    </Drawer>
  );
}
