import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../lib/i18n';
import { useAuth, useMe } from '../auth';

export function UserMenu() {
  const t = useT();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'account',
            icon: <UserOutlined />,
            label: <span data-testid="menu-account">{t('nav.account')}</span>,
            onClick: () => void navigate('/account'),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('auth.logout')}</span>,
            onClick: () => void logout(),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" aria-label={t('nav.userMenu')} style={{ paddingInline: 8 }}>
        <Avatar size="small" style={{ backgroundColor: '#1f6f8b' }} icon={<UserOutlined />} />
        {screens.sm === false ? null : <span data-testid="user-name">{me.user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
