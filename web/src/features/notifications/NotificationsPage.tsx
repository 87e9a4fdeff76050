// /notifications: the signed-in user's notifications, newest first; all or unread only; mark read one by
// one or all at once; each opens the page it is about.
import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { pageSizes, useListParams } from '../../lib/useListParams';
import { useMarkRead, useNotifications, type Notification } from './api';
import { kindGroup, sinceText } from './format';
import { useOpenNotification } from './useOpenNotification';

const groupColor = { posting: 'blue', application: 'purple', other: 'default' } as const;

export default function NotificationsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useListParams(['show'], { sort: '-createdAt', sorts: ['-createdAt'] });
  const unreadOnly = list.filters.show === 'unread';
  const query = useNotifications({ unread: unreadOnly, page: list.page, pageSize: list.pageSize });
  const markRead = useMarkRead();
  const openOne = useOpenNotification();
  const unread = query.data?.unread ?? 0;

  function mark(ids?: string[]) {
    markRead.mutate(ids, {
      onSuccess: (r) => void message.success(t('notifications.marked', { n: r.updated })),
      onError: (err) => void message.error(errorMessage(t, err, locale)),
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        subtitle={t('notifications.subtitle', { n: unread })}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markRead.isPending && markRead.variables === undefined}
            onClick={() => mark(undefined)}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => list.update({ show: v === 'unread' ? 'unread' : undefined })}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unreadOnly', { n: unread }) },
          ]}
          aria-label={t('notifications.filter')}
          style={{ marginBottom: 16 }}
        />
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <List<Notification>
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            locale={{
              emptyText: (
                <EmptyState
                  description={unreadOnly ? t('notifications.noUnread') : t('notifications.empty')}
                />
              ),
            }}
            pagination={
              (query.data?.total ?? 0) > list.pageSize
                ? {
                    current: list.page,
                    pageSize: list.pageSize,
                    total: query.data?.total ?? 0,
                    showSizeChanger: true,
                    pageSizeOptions: [...pageSizes],
                    onChange: (page, pageSize) => list.update({ page, pageSize }),
                    showTotal: (n) => t('common.total', { n }),
                  }
                : false
            }
            renderItem={(n) => {
              const group = kindGroup(n.kind);
              return (
                <List.Item
                  data-testid="notification-row"
                  style={{ background: n.readAt ? undefined : '#f7fbff', paddingInline: 12 }}
                  actions={[
                    n.link ? (
                      <Button key="open" type="link" size="small" onClick={() => openOne(n)}>
                        {t('notifications.open')}
                      </Button>
                    ) : null,
                    !n.readAt ? (
                      <Button key="read" type="link" size="small" onClick={() => mark([n.id])}>
                        {t('notifications.markRead')}
                      </Button>
                    ) : null,
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                    title={
                      <Flex gap={8} align="center" wrap>
                        <Tag color={groupColor[group]} bordered={false}>
                          {t(`notifications.group.${group}`)}
                        </Tag>
                        {n.link ? (
                          <Typography.Link strong={!n.readAt} onClick={() => openOne(n)}>
                            {n.title}
                          </Typography.Link>
                        ) : (
                          <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                        )}
                      </Flex>
                    }
                    description={
                      <>
                        {n.body ? (
                          <Typography.Paragraph style={{ margin: '0 0 4px', whiteSpace: 'pre-wrap' }}>
                            {n.body}
                          </Typography.Paragraph>
                        ) : null}
                        <Typography.Text
                          type="secondary"
                          style={{ fontSize: 12 }}
                          title={formatDateTime(n.createdAt, locale)}
                        >
                          {sinceText(t, n.createdAt, locale)}
                          {n.readAt
                            ? ` · ${t('notifications.readAt', { at: formatDateTime(n.readAt, locale) })}`
                            : ''}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Card>
    </>
  );
}
