// The frame of every logged-in page: side navigation (a drawer on phones), header, content.
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageSpinner } from '../../components/States';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { useT } from '../../lib/i18n';
import { Brand } from './Brand';
import { ConsortiumSwitcher } from './ConsortiumSwitcher';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 8 } }}
        >
          <div style={{ padding: '4px 8px 12px' }}>
            <ConsortiumSwitcher block />
          </div>
          <SideNav onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          width={220}
          collapsedWidth={64}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          trigger={null}
          style={{ borderRight: '1px solid #eef0f2' }}
        >
          <div style={{ height: 56, display: 'flex', alignItems: 'center', padding: '0 20px' }}>
            <Brand compact={collapsed} />
          </div>
          <SideNav />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #eef0f2',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isPhone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.open')}
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            />
          )}
          {isPhone ? <Brand /> : <ConsortiumSwitcher />}
          <Flex gap={4} align="center" style={{ marginLeft: 'auto' }}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
          <main style={{ maxWidth: 1400, margin: '0 auto' }}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
