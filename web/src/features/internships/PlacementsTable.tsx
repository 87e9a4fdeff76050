// A table of placements: student, host, post, period, status and what the rules found (red: blocking,
// orange: warnings); the student's name opens the placement.
import { Flex, Input, Select, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { sortOrderOf, type ListParams } from '../../lib/useListParams';
import { FindingBadges } from './Findings';
import { hostKindLabel, kindLabel, placementStatuses, statusColor, statusLabel } from './labels';
import type { Placement, PlacementStatus } from './types';

type Props = {
  items: Placement[] | undefined;
  loading: boolean;
  sort: string;
  paging: Pick<TableProps<Placement>, 'onChange' | 'pagination'>;
  show?: { plan?: boolean; school?: boolean };
};

/**
 * The filters above a placements table — status, what the rules found, free text — kept in the URL;
 * `children` come first (e.g. a school picker).
 */
export function PlacementFilters({
  list,
  children,
}: {
  list: ListParams<'status' | 'finding' | 'q'>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(list.filters.q ?? '');
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {children}
      <Select
        allowClear
        value={list.filters.status}
        onChange={(v?: string) => list.update({ status: v })}
        placeholder={t('intern.filter.status')}
        aria-label={t('intern.filter.status')}
        style={{ width: 140 }}
        options={placementStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
      />
      <Select
        allowClear
        value={list.filters.finding}
        onChange={(v?: string) => list.update({ finding: v })}
        placeholder={t('intern.filter.finding')}
        aria-label={t('intern.filter.finding')}
        style={{ width: 160 }}
        options={(['block', 'warn', 'any'] as const).map((f) => ({
          value: f,
          label: t(`intern.filter.finding.${f}`),
        }))}
      />
      <Input.Search
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => list.update({ q: v.trim() })}
        placeholder={t('intern.filter.placementSearch')}
        aria-label={t('intern.filter.placementSearch')}
        style={{ width: 240 }}
      />
    </Flex>
  );
}

export function StatusTag({ status }: { status: PlacementStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColor[status]} data-testid="placement-status">
      {statusLabel(t, status)}
    </Tag>
  );
}

export function PlacementsTable({ items, loading, sort, paging, show = {} }: Props) {
  const { t } = useI18n();
  const columns: TableColumnsType<Placement> = [
    {
      title: t('intern.col.student'),
      dataIndex: 'studentName',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'studentName'),
      width: 150,
      render: (name: string, p) => (
        <Flex vertical>
          <Link to={`/internships/placements/${p.id}`} data-testid="placement-link">
            {name}
          </Link>
          {p.studentNo ? (
            <Typography.Text type="secondary" className="cj-mono" style={{ fontSize: 12 }}>
              {p.studentNo}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    ...(show.school ? [{ title: t('intern.col.school'), dataIndex: 'schoolName', width: 180 }] : []),
    ...(show.plan
      ? [
          {
            title: t('intern.col.plan'),
            dataIndex: 'planTitle',
            width: 180,
            render: (title: string, p: Placement) => (
              <Flex vertical>
                <span>{title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {kindLabel(t, p.kind)}
                </Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
    {
      title: t('intern.col.host'),
      dataIndex: 'hostName',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'hostName'),
      width: 200,
      render: (name: string, p) => (
        <Flex gap={4} wrap align="center">
          <span>{name}</span>
          {p.hostKind === 'external' ? <Tag>{hostKindLabel(t, 'external')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('intern.col.post'), dataIndex: 'postTitle', width: 150 },
    {
      title: t('intern.col.period'),
      dataIndex: 'startDate',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'startDate'),
      width: 200,
      render: (_: unknown, p) => (
        <span className="cj-mono">
          {p.startDate} ~ {p.endDate}
        </span>
      ),
    },
    {
      title: t('intern.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PlacementStatus) => <StatusTag status={s} />,
    },
    {
      title: t('intern.col.findings'),
      key: 'findings',
      width: 150,
      render: (_: unknown, p) => <FindingBadges findings={p.findings} />,
    },
  ];
  return (
    <Table<Placement>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1000 }}
      {...paging}
    />
  );
}
