// The actions on one account row, shown only when I manage every role the account holds here
// (the server's rule: a user is managed by whoever may manage all their memberships in the consortium).
import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex } from 'antd';
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import { useCurrentConsortiumId } from '../../app/consortium';
import { errorMessage } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { UserWithMemberships } from '../../lib/types';
import { useUpdateUser } from './api';

export type UserDialog = { kind: 'edit' | 'password' | 'roles'; user: UserWithMemberships };

export function UserActions({
  user,
  onOpen,
}: {
  user: UserWithMemberships;
  onOpen: (d: UserDialog) => void;
}) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const me = useMe();
  const access = useAccess();
  const consortiumId = useCurrentConsortiumId();
  const update = useUpdateUser(consortiumId);

  const manageable = user.memberships.every((m) => access.canOnUnit('user.manage', m.memberUnitId));
  if (!manageable) return null;
  const self = user.id === me.user.id;
  const disabling = user.status === 'active';

  function toggleStatus() {
    modal.confirm({
      title: disabling
        ? t('users.disableConfirm', { name: user.displayName })
        : t('users.enableConfirm', { name: user.displayName }),
      content: disabling ? t('users.disableHelp') : undefined,
      okText: disabling ? t('users.disable') : t('users.enable'),
      okButtonProps: { danger: disabling },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await update.mutateAsync({ id: user.id, patch: { status: disabling ? 'disabled' : 'active' } });
          void message.success(disabling ? t('users.disabled') : t('users.enabled'));
        } catch (err) {
          void message.error(errorMessage(t, err, locale));
        }
      },
    });
  }

  const items = [
    { key: 'roles', label: t('users.manageRoles'), onClick: () => onOpen({ kind: 'roles', user }) },
    { key: 'password', label: t('users.resetPassword'), onClick: () => onOpen({ kind: 'password', user }) },
    ...(self
      ? []
      : [
          {
            key: 'status',
            danger: disabling,
            label: disabling ? t('users.disable') : t('users.enable'),
            onClick: toggleStatus,
          },
        ]),
  ];

  return (
    <Flex gap={4}>
      <Button size="small" type="link" onClick={() => onOpen({ kind: 'edit', user })}>
        {t('common.edit')}
      </Button>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button size="small" type="link" aria-label={t('users.moreActions', { name: user.displayName })}>
          {t('common.more')} <DownOutlined />
        </Button>
      </Dropdown>
    </Flex>
  );
}
