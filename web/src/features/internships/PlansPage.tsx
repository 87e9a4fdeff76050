// /internships/plans: the internship plans (a school sees its own), filtered by school, kind, status and
// text, with how many placements each has and how many of them a rule blocks; create and edit a plan.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { SchoolSelect } from '../candidates/SchoolSelect';
import { usePlans } from './api';
import { internshipKinds, kindLabel, planStatusColor, planStatuses, planStatusLabel } from './labels';
import { PlanFormDrawer } from './PlanFormDrawer';
import { useInternshipScope } from './scope';
import type { InternshipKind, Plan, PlanStatus } from './types';

const sorts = ['-startDate', 'startDate', 'title', '-title', 'createdAt', '-createdAt'];

export default function PlansPage() {
  const { t } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const navigate = useNavigate();
  const { canEverywhere } = useAccess();
  const scope = useInternshipScope();
  const list = useListParams(['schoolUnitId', 'kind', 'status', 'q'] as const, { sort: '-startDate', sorts });
  const [search, setSearch] = useState(list.filters.q ?? '');
  const plans = usePlans(consortiumId, {
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    ...list.filters,
  });
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const seesAllSchools = canEverywhere('internship.read');

  const columns: TableColumnsType<Plan> = [
    {
      title: t('intern.col.plan'),
      dataIndex: 'title',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'title'),
      minWidth: 200,
      render: (title: string, p) => (
        <Link to={`/internships/plans/${p.id}`} data-testid="plan-link">
          {title}
        </Link>
      ),
    },
    ...(seesAllSchools || scope.ownSchools.length > 1
      ? [{ title: t('intern.col.school'), dataIndex: 'schoolName', width: 200 }]
      : []),
    {
      title: t('intern.col.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: InternshipKind) => kindLabel(t, k),
    },
    { title: t('intern.col.cohort'), dataIndex: 'cohort', width: 100 },
    {
      title: t('intern.col.period'),
      dataIndex: 'startDate',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'startDate'),
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
      render: (s: PlanStatus) => <Tag color={planStatusColor[s]}>{planStatusLabel(t, s)}</Tag>,
    },
    {
      title: t('intern.col.placements'),
      dataIndex: 'placements',
      align: 'right',
      width: 90,
      render: (n: number) => <span className="cj-mono">{n}</span>,
    },
    {
      title: t('intern.col.blocked'),
      dataIndex: 'blocked',
      align: 'right',
      width: 90,
      render: (n: number) =>
        n > 0 ? (
          <Tag color="red" data-testid="plan-blocked">
            {n}
          </Tag>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    { title: t('intern.col.teacher'), dataIndex: 'teacherName', width: 100 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, p) =>
        p.canEdit ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing(p)}
            aria-label={`${t('common.edit')} ${p.title}`}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];

  const createButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      disabled={!scope.canWrite}
      onClick={() => setEditing('new')}
      data-testid="plan-create"
    >
      {t('intern.plan.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('nav.internPlans')}
        subtitle={t('intern.plan.subtitle')}
        extra={
          scope.canWrite || !scope.ready ? (
            createButton
          ) : (
            <Tooltip title={t('intern.plan.onlySchools')}>{createButton}</Tooltip>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {seesAllSchools ? (
            <SchoolSelect
              consortiumId={consortiumId}
              value={list.filters.schoolUnitId}
              onChange={(id) => list.update({ schoolUnitId: id })}
              allowClear
              placeholder={t('intern.filter.school')}
              aria-label={t('intern.filter.school')}
              style={{ width: 240 }}
            />
          ) : null}
          <Select
            allowClear
            value={list.filters.kind}
            onChange={(v?: string) => list.update({ kind: v })}
            placeholder={t('intern.filter.kind')}
            aria-label={t('intern.filter.kind')}
            style={{ width: 140 }}
            options={internshipKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
          <Select
            allowClear
            value={list.filters.status}
            onChange={(v?: string) => list.update({ status: v })}
            placeholder={t('intern.filter.status')}
            aria-label={t('intern.filter.status')}
            style={{ width: 140 }}
            options={planStatuses.map((s) => ({ value: s, label: planStatusLabel(t, s) }))}
          />
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => list.update({ q: v.trim() })}
            placeholder={t('intern.filter.planSearch')}
            aria-label={t('intern.filter.planSearch')}
            style={{ width: 240 }}
          />
        </Flex>
        {plans.isError ? (
          <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
        ) : plans.data && plans.data.total === 0 && !Object.values(list.filters).some(Boolean) ? (
          <EmptyState description={scope.canWrite ? t('intern.plan.emptyCanCreate') : t('intern.plan.empty')}>
            {scope.canWrite ? createButton : null}
          </EmptyState>
        ) : (
          <Table<Plan>
            rowKey="id"
            columns={columns}
            dataSource={plans.data?.items}
            loading={plans.isLoading}
            scroll={{ x: 1100 }}
            {...serverPaging(list, plans.data?.total ?? 0, '-startDate', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {scope.canWrite ? (
        <PlanFormDrawer
          consortiumId={consortiumId}
          open={editing !== null}
          plan={editing === 'new' ? null : editing}
          scope={scope}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            if (editing === 'new') void navigate(`/internships/plans/${p.id}`);
          }}
        />
      ) : null}
    </>
  );
}
