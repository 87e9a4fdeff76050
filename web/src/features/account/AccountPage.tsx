// /account: my profile, my roles, my password, my language.
import { Card, Col, Descriptions, Radio, Row, Table, Tag } from 'antd';
import { useAuth, useMe } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Locale, Membership } from '../../lib/types';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function AccountPage() {
  const { t, locale, pick } = useI18n();
  const me = useMe();
  const { changeLocale } = useAuth();
  const u = me.user;

  return (
    <>
      <PageHeader title={t('nav.account')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('users.username'), children: u.username },
                { key: 'displayName', label: t('users.displayName'), children: u.displayName },
                { key: 'phone', label: t('users.phone'), children: u.phone ?? '—' },
                { key: 'email', label: t('users.email'), children: u.email ?? '—' },
                {
                  key: 'status',
                  label: t('users.status'),
                  children: (
                    <Tag color={u.status === 'active' ? 'green' : 'default'}>
                      {t(`userStatus.${u.status}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'lastLogin',
                  label: t('users.lastLogin'),
                  children: formatDateTime(u.lastLoginAt, locale),
                },
                {
                  key: 'createdAt',
                  label: t('common.createdAt'),
                  children: formatDateTime(u.createdAt, locale),
                },
              ]}
            />
          </Card>
          <Card title={t('account.memberships')} style={{ marginTop: 16 }}>
            <Table<Membership>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={me.memberships}
              locale={{ emptyText: t('account.noMemberships') }}
              scroll={{ x: 520 }}
              columns={[
                {
                  title: t('account.consortium'),
                  dataIndex: 'consortiumName',
                  render: (v: string | null) => v ?? t('account.platformWide'),
                },
                {
                  title: t('users.unit'),
                  dataIndex: 'memberUnitName',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('users.role'),
                  key: 'role',
                  render: (_: unknown, m) => <Tag color="blue">{pick(m.roleNameZh, m.roleNameEn)}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('account.changePassword')}>
            <ChangePasswordForm username={u.username} />
          </Card>
          <Card title={t('account.language')} style={{ marginTop: 16 }}>
            <Radio.Group
              aria-label={t('account.language')}
              value={locale}
              onChange={(e) => void changeLocale(e.target.value as Locale)}
              options={[
                { value: 'zh-CN', label: '中文（简体）' },
                { value: 'en', label: 'English' },
              ]}
              optionType="button"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
