// /audit: who changed what in the current consortium, newest first; a row opens the field-by-field diff.
import { Card, DatePicker, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { auditActions, auditEntities } from '../../lib/enums';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { AuditEntry } from '../../lib/types';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { useAudit } from './api';
import { AuditDiff } from './AuditDiff';
import { actionLabel, entityLabel, subjectOf } from './auditFormat';

const sorts = ['at', '-at'];
const DAY = 'YYYY-MM-DD';

const actionColor: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  disable: 'orange',
  enable: 'cyan',
  reset_password: 'purple',
  seed: 'default',
};

function parseDay(v: string | undefined): Dayjs | null {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = dayjs(v);
  return d.isValid() ? d : null;
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const list = useListParams(['entity', 'action', 'from', 'to'], { sort: '-at', sorts });
  const from = parseDay(list.filters.from);
  const to = parseDay(list.filters.to);
  const query = useAudit(consortiumId, {
    entity: list.filters.entity,
    action: list.filters.action,
    from: from?.startOf('day').toISOString(),
    to: to?.endOf('day').toISOString(),
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const filtered = Boolean(list.filters.entity || list.filters.action || from || to);

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'at'),
      render: (v: string) => formatDateTime(v, locale),
    },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 160 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 120,
      render: (v: string) => <Tag color={actionColor[v] ?? 'default'}>{actionLabel(t, v)}</Tag>,
    },
    { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (v: string) => entityLabel(t, v) },
    {
      title: t('audit.subject'),
      key: 'subject',
      render: (_: unknown, e) => (
        <Flex vertical>
          <span>{subjectOf(e.before, e.after) ?? '—'}</span>
          <Typography.Text type="secondary" className="cj-mono" copyable={{ text: e.entityId }}>
            {e.entityId.slice(0, 8)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('audit.allEntities')}
            aria-label={t('audit.entity')}
            value={list.filters.entity}
            onChange={(v?: string) => list.update({ entity: v })}
            options={auditEntities.map((v) => ({ value: v, label: entityLabel(t, v) }))}
            style={{ width: 160 }}
          />
          <Select
            allowClear
            placeholder={t('audit.allActions')}
            aria-label={t('audit.action')}
            value={list.filters.action}
            onChange={(v?: string) => list.update({ action: v })}
            options={auditActions.map((v) => ({ value: v, label: actionLabel(t, v) }))}
            style={{ width: 160 }}
          />
          <DatePicker.RangePicker
            aria-label={t('audit.dateRange')}
            value={[from, to]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              list.update({ from: range?.[0]?.format(DAY) ?? null, to: range?.[1]?.format(DAY) ?? null })
            }
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
          />
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 760 }}
            expandable={{
              expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
              rowExpandable: (e) => e.before !== null || e.after !== null,
            }}
            locale={{ emptyText: filtered ? t('common.noMatch') : t('audit.empty') }}
            {...serverPaging(list, query.data?.total ?? 0, '-at', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
    </>
  );
}
