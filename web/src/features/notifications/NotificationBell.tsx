// The bell in the header: the unread count (asked again every 45 s), and the latest notifications in a
// dropdown; each opens the page it is about.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useLatestNotifications, useMarkRead, type Notification } from './api';
import { sinceText } from './format';
import { useOpenNotification } from './useOpenNotification';

export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  const unread = latest.data?.unread ?? 0;
  const openOne = useOpenNotification();

  const panel = (
    <div
      className="ant-dropdown-menu"
      style={{ width: 360, maxWidth: 'calc(100vw - 24px)', padding: 0 }}
      data-testid="notification-panel"
    >
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '10px 16px', borderBottom: '1px solid #f0f0f0' }}
      >
        <Typography.Text strong>{t('nav.notifications')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {latest.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : latest.isError ? (
          <Typography.Paragraph type="danger" style={{ padding: 16, margin: 0 }}>
            {t('common.loadFailed')}
          </Typography.Paragraph>
        ) : latest.data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {latest.data.items.map((n) => (
              <BellItem
                key={n.id}
                n={n}
                onOpen={() => {
                  setOpen(false);
                  openOne(n);
                }}
              />
            ))}
          </ul>
        )}
      </div>
      <div style={{ borderTop: '1px solid #f0f0f0', padding: '8px 16px', textAlign: 'center' }}>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notifications-all">
          {t('notifications.viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => panel}
    >
      <Button
        type="text"
        aria-label={unread ? t('notifications.bellUnread', { n: unread }) : t('notifications.bell')}
        data-testid="notification-bell"
        style={{ paddingInline: 8 }}
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}

function BellItem({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        data-testid="notification-item"
        style={{
          display: 'block',
          width: '100%',
          textAlign: 'start',
          border: 0,
          borderBottom: '1px solid #f5f5f5',
          background: n.readAt ? 'transparent' : '#f0f7ff',
          padding: '10px 16px',
          cursor: 'pointer',
          font: 'inherit',
        }}
      >
        <Flex gap={8} align="flex-start">
          <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 2 }} />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong={!n.readAt} style={{ display: 'block' }}>
              {n.title}
            </Typography.Text>
            {n.body ? (
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {n.body}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sinceText(t, n.createdAt, locale)}
            </Typography.Text>
          </div>
        </Flex>
      </button>
    </li>
  );
}
