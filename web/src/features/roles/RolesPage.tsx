// /roles: every capability (rows) against every role (columns), each cell the scope the role holds it in.
import { Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useRolesCatalog } from '../../app/access';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSpinner } from '../../components/States';
import { scopes } from '../../lib/enums';
import { useI18n } from '../../lib/i18n';
import { scopeColor, scopeLabel } from '../../lib/labels';
import type { CapabilityDef, Scope } from '../../lib/types';

type Row = CapabilityDef & { scopes: Record<string, Scope | undefined> };

// the built-in roles from the widest to the narrowest, capabilities by subject; others follow, as given
const roleOrder = [
  'platform_admin',
  'authority',
  'secretariat',
  'unit_admin',
  'teacher',
  'mentor',
  'student',
];
const subjectOrder = ['consortium', 'unit', 'user', 'audit', 'role'];

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

export default function RolesPage() {
  const { t, pick } = useI18n();
  const catalog = useRolesCatalog();

  if (catalog.isPending) return <PageSpinner />;
  if (catalog.isError) return <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />;

  const { grants } = catalog.data;
  const roles = [...catalog.data.roles].sort((a, b) => rank(roleOrder, a.code) - rank(roleOrder, b.code));
  const capabilities = [...catalog.data.capabilities].sort(
    (a, b) => rank(subjectOrder, a.code.split('.')[0] ?? '') - rank(subjectOrder, b.code.split('.')[0] ?? ''),
  );
  const rows: Row[] = capabilities.map((c) => ({
    ...c,
    scopes: Object.fromEntries(
      grants.filter((g) => g.capabilityCode === c.code).map((g) => [g.roleCode, g.scope]),
    ),
  }));

  const columns: TableColumnsType<Row> = [
    {
      title: t('roles.capability'),
      key: 'capability',
      fixed: 'left',
      width: 250,
      render: (_: unknown, c) => (
        <Flex vertical>
          <span>
            {pick(c.descriptionZh, c.descriptionEn)}{' '}
            <Tag color={c.kind === 'write' ? 'orange' : 'default'} style={{ marginInlineStart: 4 }}>
              {c.kind === 'write' ? t('roles.write') : t('roles.read')}
            </Tag>
          </span>
          <Typography.Text type="secondary" className="cj-mono">
            {c.code}
          </Typography.Text>
        </Flex>
      ),
    },
    ...roles.map((r) => ({
      key: r.code,
      align: 'center' as const,
      width: 108,
      title: (
        <Tooltip title={pick(r.descriptionZh, r.descriptionEn)}>
          <span data-testid={`role-col-${r.code}`}>{pick(r.nameZh, r.nameEn)}</span>
        </Tooltip>
      ),
      render: (_: unknown, c: Row) => {
        const scope = c.scopes[r.code];
        return scope ? (
          <Tag color={scopeColor[scope]} style={{ marginInlineEnd: 0 }}>
            {scopeLabel(t, scope)}
          </Tag>
        ) : (
          <Typography.Text type="secondary" aria-label={t('roles.none')}>
            —
          </Typography.Text>
        );
      },
    })),
  ];

  return (
    <>
      <PageHeader title={t('nav.roles')} subtitle={t('roles.subtitle')} />
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('roles.legend')}</Typography.Text>
          {scopes.map((s) => (
            <Tooltip key={s} title={t(`scopeHelp.${s}`)}>
              <Tag color={scopeColor[s]}>{scopeLabel(t, s)}</Tag>
            </Tooltip>
          ))}
        </Flex>
        <Table<Row>
          rowKey="code"
          size="middle"
          bordered
          pagination={false}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 250 + roles.length * 108 }}
        />
      </Card>
      <Card title={t('roles.descriptions')} style={{ marginTop: 16 }}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={roles}
          scroll={{ x: 640 }}
          columns={[
            {
              title: t('roles.role'),
              key: 'name',
              width: 160,
              render: (_: unknown, r) => pick(r.nameZh, r.nameEn),
            },
            {
              title: t('roles.description'),
              key: 'desc',
              render: (_: unknown, r) => pick(r.descriptionZh, r.descriptionEn),
            },
            {
              title: t('roles.level'),
              dataIndex: 'level',
              width: 120,
              render: (v: 'platform' | 'consortium') => t(`roleLevel.${v}`),
            },
            {
              title: t('roles.unitRequirement'),
              dataIndex: 'unitRequirement',
              width: 140,
              render: (v: 'none' | 'optional' | 'required') => t(`unitRequirement.${v}`),
            },
          ]}
        />
      </Card>
    </>
  );
}
