// /outcomes: 毕业去向 records, one per graduate and cohort year. Opened from a rate (?rate=local&part=
// numerator&cohortYear=2025…) it shows the records behind that figure and says so in a banner.
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Dropdown,
  Flex,
  Input,
  Popconfirm,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { ImportWizard, type ImportField } from '../../components/ImportWizard';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { TFunction } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { CodeSelect } from '../candidates/CodeSelect';
import { talentErrorMessage } from '../candidates/issues';
import { industryPattern, majorPrefixPattern } from '../candidates/rules';
import { SchoolSelect } from '../candidates/SchoolSelect';
import { outcomePaths, useDeleteOutcome, useOutcomes } from './api';
import { DrillDownBanner } from './DrillDownBanner';
import {
  destinationColor,
  destinationLabel,
  destinationTypes,
  isDestination,
  isRateKey,
  isRatePart,
  isVerification,
  verificationColor,
  verificationLabel,
  verificationSources,
} from './labels';
import { OutcomeDrawer } from './OutcomeDrawer';
import type { Outcome, OutcomeFilters, RateScope } from './types';
import { useScopeText } from './useScopeText';

const sorts = ['cohortYear', '-cohortYear', 'updatedAt', '-updatedAt', 'name', '-name'];
const uuid = /^[0-9a-f-]{36}$/i;
const filterKeys = [
  'q',
  'cohortYear',
  'schoolUnitId',
  'majorCode',
  'industry',
  'destination',
  'verificationSource',
  'rate',
  'part',
] as const;

/** The columns the outcome import reads (the keys are the server's field keys). */
function importFields(t: TFunction): ImportField[] {
  return [
    { key: 'idCard', label: t('cand.idCard') },
    { key: 'name', label: t('cand.name') },
    { key: 'cohortYear', label: t('outc.cohortYear') },
    { key: 'destination', label: t('outc.destination') },
    { key: 'employerName', label: t('outc.employerName') },
    { key: 'employerUscc', label: t('outc.employerUscc') },
    { key: 'employerDistrict', label: t('outc.employerDistrict') },
    { key: 'employerIndustry', label: t('outc.employerIndustry') },
    { key: 'occupationCode', label: t('outc.occupation') },
    { key: 'relatedToMajor', label: t('outc.related') },
    { key: 'startDate', label: t('outc.startDate') },
    { key: 'verificationSource', label: t('outc.verificationSource') },
    { key: 'verifiedBy', label: t('outc.verifiedBy') },
    { key: 'verifiedAt', label: t('outc.verifiedAt') },
  ];
}

export default function OutcomesPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can, canEverywhere, canOnUnit } = useAccess();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams(filterKeys, { sort: '-cohortYear', sorts });
  const f = list.filters;
  const seesAllSchools = canEverywhere('outcome.read');
  const scope: RateScope = {
    cohortYear: f.cohortYear && /^\d{4}$/.test(f.cohortYear) ? Number(f.cohortYear) : undefined,
    schoolUnitId: f.schoolUnitId && uuid.test(f.schoolUnitId) ? f.schoolUnitId : undefined,
    majorCode: f.majorCode && majorPrefixPattern.test(f.majorCode) ? f.majorCode : undefined,
    industry: f.industry && industryPattern.test(f.industry) ? f.industry : undefined,
  };
  const rate = isRateKey(f.rate) ? f.rate : undefined;
  const filters: OutcomeFilters = {
    ...scope,
    q: f.q,
    destination: isDestination(f.destination) ? f.destination : undefined,
    verificationSource: isVerification(f.verificationSource) ? f.verificationSource : undefined,
    rate,
    part: rate ? (isRatePart(f.part) ? f.part : 'numerator') : undefined,
  };
  const query = useOutcomes(consortiumId, {
    ...filters,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  const scopeText = useScopeText(scope);
  const remove = useDeleteOutcome(consortiumId);
  // the drawer keeps its record while it closes (its title and fields stay put during the animation)
  const [editing, setEditing] = useState<Outcome | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const edit = (o: Outcome | null) => {
    setEditing(o);
    setEditOpen(true);
  };
  const [importing, setImporting] = useState(false);
  const mayWrite = can('outcome.write');
  const mayEdit = (o: Outcome) => canOnUnit('outcome.write', o.schoolUnitId);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  function exportAs(format: 'xlsx' | 'csv') {
    api
      .download(
        outcomePaths(consortiumId).export,
        { format, ...filters },
        `${t('outc.exportName')}.${format}`,
      )
      .catch((err: unknown) => void message.error(talentErrorMessage(t, err, locale)));
  }

  async function del(o: Outcome) {
    try {
      await remove.mutateAsync(o.id);
      void message.success(t('outc.deleted', { name: o.candidateName, year: o.cohortYear }));
    } catch (err) {
      void message.error(talentErrorMessage(t, err, locale));
    }
  }

  const columns: TableColumnsType<Outcome> = [
    {
      title: t('outc.graduate'),
      dataIndex: 'candidateName',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      fixed: 'left',
      width: 140,
      render: (name: string, o) => (
        <Flex vertical>
          <span>{name}</span>
          {o.majorName || o.majorCode ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.majorName ?? o.majorCode}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('outc.cohortYear'),
      dataIndex: 'cohortYear',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'cohortYear'),
      render: (y: number) => t('outc.cohortN', { year: y }),
    },
    ...(seesAllSchools
      ? [
          {
            title: t('cand.school'),
            dataIndex: 'schoolName',
            width: 170,
            render: (v: string | null) => v ?? '—',
          },
        ]
      : []),
    {
      title: t('outc.destination'),
      dataIndex: 'destination',
      width: 160,
      render: (v: Outcome['destination']) => <Tag color={destinationColor[v]}>{destinationLabel(t, v)}</Tag>,
    },
    {
      title: t('outc.employer'),
      key: 'employer',
      width: 230,
      render: (_: unknown, o) =>
        o.employerName ? (
          <Flex vertical>
            <span>{o.employerName}</span>
            <Flex gap={4} align="center" wrap>
              {o.employerDistrict ? (
                <Typography.Text type="secondary" className="cj-mono" style={{ fontSize: 12 }}>
                  {o.employerDistrict}
                </Typography.Text>
              ) : null}
              {o.local ? (
                <Tag color="green" variant="filled">
                  {t('outc.local')}
                </Tag>
              ) : null}
            </Flex>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('outc.industryShort'),
      dataIndex: 'employerIndustry',
      width: 100,
      render: (v: string | null) => <span className="cj-mono">{v ?? '—'}</span>,
    },
    {
      title: t('outc.relatedShort'),
      dataIndex: 'relatedToMajor',
      width: 100,
      render: (v: boolean | null) =>
        v === null ? (
          <Typography.Text type="secondary">{t('outc.unknown')}</Typography.Text>
        ) : v ? (
          t('common.yes')
        ) : (
          t('common.no')
        ),
    },
    {
      title: t('outc.verificationSource'),
      dataIndex: 'verificationSource',
      width: 150,
      render: (v: Outcome['verificationSource'], o) => (
        <Tooltip
          title={
            o.verifiedBy || o.verifiedAt
              ? [o.verifiedBy, o.verifiedAt ? formatDate(o.verifiedAt, locale) : null]
                  .filter(Boolean)
                  .join(' · ')
              : undefined
          }
        >
          <Tag color={verificationColor[v]}>{verificationLabel(t, v)}</Tag>
        </Tooltip>
      ),
    },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, o) =>
        mayEdit(o) ? (
          <Flex gap={4}>
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              onClick={() => edit(o)}
              aria-label={`${t('common.edit')} ${o.candidateName}`}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('outc.deleteTitle')}
              description={t('outc.deleteConfirm', { name: o.candidateName, year: o.cohortYear })}
              okText={t('outc.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => del(o)}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t('outc.delete')} ${o.candidateName}`}
                data-testid="outcome-delete"
              >
                {t('outc.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.outcomes')}
        subtitle={t('outc.subtitle')}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('cand.exportXlsx') },
                  { key: 'csv', label: t('cand.exportCsv') },
                ],
                onClick: ({ key }) => exportAs(key === 'csv' ? 'csv' : 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="outcomes-export">
                {t('cand.export')}
              </Button>
            </Dropdown>
            {mayWrite ? (
              <>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => setImporting(true)}
                  data-testid="outcomes-import"
                >
                  {t('cand.import')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => edit(null)}
                  data-testid="outcome-create"
                >
                  {t('outc.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {filters.rate && filters.part ? (
        <DrillDownBanner
          rate={filters.rate}
          part={filters.part}
          scope={scope}
          scopeText={scopeText}
          partialView={!seesAllSchools}
          total={query.data?.total}
          onClear={() => list.update({ rate: undefined, part: undefined })}
        />
      ) : null}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={f.q ?? ''}
            defaultValue={f.q}
            placeholder={t('outc.searchPlaceholder')}
            aria-label={t('outc.searchPlaceholder')}
            allowClear
            enterButton
            maxLength={40}
            onSearch={(v) => list.update({ q: v.trim() })}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="outcomes-search"
          />
          <DatePicker
            picker="year"
            placeholder={t('outc.allCohorts')}
            aria-label={t('outc.cohortYear')}
            value={scope.cohortYear ? dayjs(`${scope.cohortYear}-01-01`) : null}
            onChange={(d) => list.update({ cohortYear: d ? d.year() : undefined })}
            style={{ width: 120 }}
          />
          {seesAllSchools ? (
            <SchoolSelect
              consortiumId={consortiumId}
              value={scope.schoolUnitId}
              onChange={(v) => list.update({ schoolUnitId: v })}
              allowClear
              placeholder={t('cand.allSchools')}
              aria-label={t('cand.school')}
              style={{ width: 220 }}
            />
          ) : null}
          <CodeSelect
            kind="major"
            pattern={majorPrefixPattern}
            value={scope.majorCode}
            onChange={(v) => list.update({ majorCode: v })}
            placeholder={t('cand.allMajors')}
            aria-label={t('cand.major')}
            style={{ width: 190 }}
          />
          <CodeSelect
            kind="industry"
            pattern={industryPattern}
            value={scope.industry}
            onChange={(v) => list.update({ industry: v })}
            placeholder={t('outc.allIndustries')}
            aria-label={t('outc.employerIndustry')}
            style={{ width: 170 }}
          />
          <Select
            allowClear
            placeholder={t('outc.allDestinations')}
            aria-label={t('outc.destination')}
            value={filters.destination}
            onChange={(v?: string) => list.update({ destination: v })}
            options={destinationTypes.map((d) => ({ value: d, label: destinationLabel(t, d) }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t('outc.allSources')}
            aria-label={t('outc.verificationSource')}
            value={filters.verificationSource}
            onChange={(v?: string) => list.update({ verificationSource: v })}
            options={verificationSources.map((s) => ({ value: s, label: verificationLabel(t, s) }))}
            style={{ width: 150 }}
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() => list.update(Object.fromEntries(filterKeys.map((k) => [k, undefined])))}
            >
              {t('cand.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<Outcome>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 1350 }}
            locale={{ emptyText: filtered ? t('common.noMatch') : t('outc.empty') }}
            data-testid="outcomes-table"
            {...serverPaging(list, query.data?.total ?? 0, '-cohortYear', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {mayWrite ? (
        <>
          <OutcomeDrawer
            consortiumId={consortiumId}
            outcome={editing}
            open={editOpen}
            onClose={() => setEditOpen(false)}
          />
          <ImportWizard
            open={importing}
            onClose={() => setImporting(false)}
            title={t('outc.importTitle')}
            fields={importFields(t)}
            importPath={outcomePaths(consortiumId).import}
            templatePath={outcomePaths(consortiumId).template}
            templateName={t('outc.templateName')}
            onImported={() =>
              void Promise.all([
                qc.invalidateQueries({ queryKey: ['outcomes', consortiumId] }),
                qc.invalidateQueries({ queryKey: ['talent', consortiumId] }),
              ])
            }
          />
        </>
      ) : null}
    </>
  );
}
