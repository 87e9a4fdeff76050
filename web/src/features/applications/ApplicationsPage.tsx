// /applications: a student's own applications (withdraw; accept or decline an offer); an enterprise's
// applicants across its postings (shortlist, schedule an interview, offer, reject); a school's students'
// applications; the secretariat's view of all of them.
import { CloseCircleFilled, DownOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Dropdown,
  Flex,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { unitTypes } from '../../lib/enums';
import { useDebounced } from '../../lib/useDebounced';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { UnitSelect } from '../units/UnitSelect';
import { usePosting, usePostings } from '../postings/api';
import { educationLevelLabel } from '../postings/labels';
import { useActionDialog } from './ActionDialog';
import { useApplications } from './api';
import {
  allowedActions,
  applicationActionLabel,
  applicationStatuses,
  applicationStatusLabel,
  ApplicationStatusTag,
  isApplicationStatus,
} from './labels';
import type { Application, ApplicationAction, ApplicationFilter } from './types';
import { useApplicationSide, type ApplicationSide } from './useApplicationSide';

const destructive = new Set<ApplicationAction>(['reject', 'withdraw', 'decline']);
const sorts = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt'];
const schoolTypes = unitTypes.filter((u) =>
  ['secondary_vocational', 'higher_vocational', 'vocational_undergraduate', 'university'].includes(u),
);

export default function ApplicationsPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { side, canManageUnit } = useApplicationSide();
  const list = useListParams(['status', 'postingId', 'unitId', 'schoolUnitId'], {
    sort: '-updatedAt',
    sorts,
  });
  const status = isApplicationStatus(list.filters.status) ? list.filters.status : undefined;
  const filter: ApplicationFilter = {
    status,
    postingId: side === 'student' ? undefined : list.filters.postingId,
    unitId: side === 'all' ? list.filters.unitId : undefined,
    schoolUnitId: side === 'all' ? list.filters.schoolUnitId : undefined,
    mine: side === 'student' ? 'true' : undefined,
  };
  const query = useApplications(consortiumId, {
    ...filter,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const actions = useActionDialog(consortiumId);
  const filtered = Boolean(status || filter.postingId || filter.unitId || filter.schoolUnitId);

  const columns: TableColumnsType<Application> = [];
  if (side !== 'student') {
    columns.push({
      title: t('applications.field.applicant'),
      key: 'candidate',
      width: 220,
      render: (_: unknown, a) => (
        <Flex vertical>
          <Link to={`/applications/${a.id}`} data-testid="application-link">
            {a.candidate.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              a.candidate.schoolName,
              a.candidate.majorName ?? a.candidate.majorCode,
              a.candidate.level ? educationLevelLabel(t, a.candidate.level) : null,
            ]
              .filter(Boolean)
              .join(' · ') || '—'}
          </Typography.Text>
        </Flex>
      ),
    });
  }
  columns.push(
    {
      title: t('applications.field.posting'),
      key: 'posting',
      width: 220,
      render: (_: unknown, a) => (
        <Flex vertical>
          {side === 'student' ? (
            <Link to={`/applications/${a.id}`} data-testid="application-link">
              {a.posting.title}
            </Link>
          ) : (
            <Link to={`/postings/${a.posting.id}`}>{a.posting.title}</Link>
          )}
          {side !== 'enterprise' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.posting.unitName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('applications.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, a) => <ApplicationStatusTag status={a.status} />,
    },
    {
      title: t('applications.field.interview'),
      key: 'interview',
      width: 170,
      render: (_: unknown, a) =>
        a.interviewAt && (a.status === 'interviewing' || a.status === 'offered') ? (
          <Flex vertical>
            <span>{formatDateTime(a.interviewAt, locale)}</span>
            {a.interviewPlace ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.interviewPlace}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('applications.field.appliedAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'createdAt'),
      width: 125,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v, locale)}</span>,
    },
    {
      title: t('applications.field.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'updatedAt'),
      width: 150,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, locale)}</span>,
    },
  );
  if (side === 'student' || side === 'enterprise') {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 210,
      render: (_: unknown, a) => {
        const allowed = allowedActions(a.status, {
          isMine: side === 'student',
          canManage: side === 'enterprise' && canManageUnit(a.posting.unitId),
        });
        if (allowed.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        // the next steps inline, the rest (and the destructive ones) behind "more"
        const inline = allowed.filter((x) => !destructive.has(x)).slice(0, 2);
        const more = allowed.filter((x) => !inline.includes(x));
        return (
          <Flex gap={0} align="center">
            {inline.map((action) => (
              <Button
                key={action}
                size="small"
                type="link"
                onClick={() => actions.open(a, action)}
                data-testid={`row-${action}`}
              >
                {applicationActionLabel(t, action)}
              </Button>
            ))}
            {more.length ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: more.map((action) => ({
                    key: action,
                    danger: destructive.has(action),
                    label: <span data-testid={`row-${action}`}>{applicationActionLabel(t, action)}</span>,
                  })),
                  onClick: ({ key }) => actions.open(a, key as ApplicationAction),
                }}
              >
                <Button size="small" type="link" icon={<DownOutlined />} iconPlacement="end">
                  {t('common.more')}
                </Button>
              </Dropdown>
            ) : null}
          </Flex>
        );
      },
    });
  }

  return (
    <>
      <PageHeader title={t('nav.applications')} subtitle={t(`applications.subtitle.${side}`)} />
      <Card>
        <Tabs
          activeKey={status ?? 'all'}
          onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
          items={[
            { key: 'all', label: t('applications.filter.allStatuses') },
            ...applicationStatuses.map((s) => ({ key: s, label: applicationStatusLabel(t, s) })),
          ]}
        />
        <Filters
          side={side}
          consortiumId={consortiumId}
          filter={filter}
          onChange={(patch) => list.update(patch)}
        />
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Application>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: side === 'student' ? 1000 : 1200 }}
            locale={{ emptyText: filtered ? t('common.noMatch') : t(`applications.empty.${side}`) }}
            {...serverPaging(list, query.data?.total ?? 0, '-updatedAt', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {actions.dialog}
    </>
  );
}

type FilterPatch = { postingId?: string; unitId?: string; schoolUnitId?: string };

function Filters({
  side,
  consortiumId,
  filter,
  onChange,
}: {
  side: ApplicationSide;
  consortiumId: string;
  filter: ApplicationFilter;
  onChange: (patch: FilterPatch) => void;
}) {
  const { t } = useI18n();
  if (side === 'student') return null;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {side === 'enterprise' ? (
        <PostingPicker
          consortiumId={consortiumId}
          value={filter.postingId}
          onChange={(postingId) => onChange({ postingId })}
        />
      ) : filter.postingId ? (
        <PostingChip
          consortiumId={consortiumId}
          postingId={filter.postingId}
          onClear={() => onChange({ postingId: undefined })}
        />
      ) : null}
      {side === 'all' ? (
        <>
          <UnitSelect
            consortiumId={consortiumId}
            value={filter.unitId}
            onChange={(unitId) => onChange({ unitId })}
            filter={(u) => u.type === 'enterprise'}
            allowClear
            placeholder={t('applications.filter.enterprise')}
            aria-label={t('applications.filter.enterprise')}
            style={{ width: 240 }}
          />
          <UnitSelect
            consortiumId={consortiumId}
            value={filter.schoolUnitId}
            onChange={(schoolUnitId) => onChange({ schoolUnitId })}
            filter={(u) => schoolTypes.includes(u.type)}
            allowClear
            placeholder={t('applications.filter.school')}
            aria-label={t('applications.filter.school')}
            style={{ width: 240 }}
          />
        </>
      ) : null}
    </Flex>
  );
}

/** The enterprise's own postings, searched by title as one types. */
function PostingPicker({
  consortiumId,
  value,
  onChange,
}: {
  consortiumId: string;
  value?: string;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = usePostings(consortiumId, {
    mine: 'true',
    q: q || undefined,
    page: 1,
    pageSize: 50,
    sort: '-createdAt',
  });
  const selected = usePostingMaybe(consortiumId, value);
  const options = (list.data?.items ?? []).map((p) => ({
    value: p.id,
    label: t('applications.filter.postingOption', { title: p.title, n: p.applicationCount ?? 0 }),
  }));
  if (value && !options.some((o) => o.value === value) && selected)
    options.unshift({ value, label: selected });
  return (
    <Select
      allowClear
      value={value}
      onChange={(v?: string) => {
        onChange(v);
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('applications.filter.posting')}
      aria-label={t('applications.filter.posting')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common.loading') : t('applications.filter.noPostings')}
      options={options}
      style={{ width: 320, maxWidth: '100%' }}
      data-testid="applications-posting-filter"
    />
  );
}

function usePostingMaybe(consortiumId: string, postingId: string | undefined): string | undefined {
  const q = usePosting(consortiumId, postingId ?? '', !!postingId);
  return postingId ? q.data?.title : undefined;
}

function PostingChip({
  consortiumId,
  postingId,
  onClear,
}: {
  consortiumId: string;
  postingId: string;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const title = usePostingMaybe(consortiumId, postingId);
  return (
    <Tag
      closable
      closeIcon={<CloseCircleFilled aria-label={t('applications.filter.clearPosting')} />}
      onClose={onClear}
      style={{ alignSelf: 'center', padding: '4px 8px' }}
    >
      {t('applications.filter.postingIs', { title: title ?? '…' })}
    </Tag>
  );
}
