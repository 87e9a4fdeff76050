// /lists: the three lists (核心产品清单, 技术需求清单, 人才需求清单), one tab each. Member units add
// items as drafts and submit them; the secretariat publishes or returns them; published items are
// answered by postings, programmes and contracts. Kind, filters, page and the open item live in the URL.
import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { ImportWizard, type ImportField } from '../../components/ImportWizard';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import type { TFunction } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../lib/useListParams';
import { CodeName, CodeSelect } from '../postings/codes';
import { UnitSelect } from '../units/UnitSelect';
import { useListItems, useStatusCounts, type ListFilter } from './api';
import { fieldLabel, kindFields, patterns } from './fields';
import { Codes, Words } from './ItemFacts';
import { ItemDetailDrawer } from './ItemDetailDrawer';
import { ItemFormDrawer } from './ItemFormDrawer';
import {
  chainPositionLabel,
  kindLabel,
  kindShortLabel,
  levelLabel,
  progressColor,
  progressLabel,
  statusColor,
  statusLabel,
} from './labels';
import { StatusSummary } from './StatusSummary';
import {
  isAnswered,
  isListKind,
  isListStatus,
  isTechProgress,
  listKinds,
  listStatuses,
  techProgress,
  type Answered,
  type ListItem,
  type ListKind,
  type ListStatus,
  type TechProgress,
} from './types';

const sorts = ['updatedAt', '-updatedAt', 'title', '-title', 'createdAt', '-createdAt'];
const filterKeys = [
  'kind',
  'status',
  'progress',
  'unitId',
  'q',
  'answered',
  'majorCode',
  'industryCode',
  'item',
] as const;
const readerStatuses: readonly ListStatus[] = ['published', 'archived'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The columns the import of a list reads (the keys are the server's column keys). */
function importFields(t: TFunction, kind: ListKind): ImportField[] {
  return [
    { key: 'unitName', label: t('lists.import.unitName') },
    { key: 'unitUscc', label: t('lists.import.unitUscc') },
    { key: 'title', label: fieldLabel(t, 'title') },
    { key: 'description', label: fieldLabel(t, 'description') },
    ...kindFields[kind].map((f) => ({ key: f, label: fieldLabel(t, f) })),
  ];
}

export default function ListsPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can, canOnUnit } = useAccess();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams(filterKeys, { sort: '-updatedAt', sorts });
  const [search] = useSearchParams();
  const kind: ListKind = isListKind(list.filters.kind) ? list.filters.kind : 'product';
  const status = isListStatus(list.filters.status) ? list.filters.status : undefined;
  const progress =
    kind === 'tech' && isTechProgress(list.filters.progress) ? list.filters.progress : undefined;
  const answered = isAnswered(list.filters.answered) ? list.filters.answered : undefined;
  const unitId = list.filters.unitId && uuid.test(list.filters.unitId) ? list.filters.unitId : undefined;
  const q = list.filters.q;
  // talent demands are found by major, the other lists by industry
  const majorCode =
    kind === 'talent' && patterns.majorCode.test(list.filters.majorCode ?? '')
      ? list.filters.majorCode
      : undefined;
  const industryCode =
    kind !== 'talent' && patterns.industryCode.test(list.filters.industryCode ?? '')
      ? list.filters.industryCode
      : undefined;
  const filter: ListFilter = { kind, status, progress, unitId, q, answered, majorCode, industryCode };
  const codeFilter =
    kind === 'talent'
      ? {
          catalog: 'major' as const,
          param: 'majorCode' as const,
          value: majorCode,
          pattern: patterns.majorCode,
          label: t('lists.filter.major'),
        }
      : {
          catalog: 'industry' as const,
          param: 'industryCode' as const,
          value: industryCode,
          pattern: patterns.industryCode,
          label: t('lists.filter.industry'),
        };
  const query = useListItems(consortiumId, {
    ...filter,
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
  });
  // the form drawer keeps its item while it closes (its title and fields do not flip to "add")
  const [form, setForm] = useState<{ open: boolean; item: ListItem | null }>({ open: false, item: null });
  const setEditing = (item: ListItem | 'new') => setForm({ open: true, item: item === 'new' ? null : item });
  const [importing, setImporting] = useState(false);
  const mayWrite = can('list.write');
  const reviewer = can('list.review');
  const filtered = Boolean(status || progress || unitId || q || answered || majorCode || industryCode);
  const awaitingSelected = status === 'published' && answered === 'no';
  // readers see published and archived items only: drafts and reviews are their units' business
  const shownStatuses: readonly ListStatus[] = mayWrite ? listStatuses : readerStatuses;
  const counts = useStatusCounts(
    consortiumId,
    { kind, progress, unitId, q, answered, majorCode, industryCode },
    shownStatuses,
  );

  const openItem = (id: string | undefined) => list.update({ item: id, page: list.page });
  /** The URL of the list with an item open (a link: it opens in a new tab too). */
  const itemSearch = (id: string) => {
    const p = new URLSearchParams(search);
    p.set('item', id);
    return `?${p.toString()}`;
  };
  const editable = (i: ListItem) =>
    i.status !== 'archived' && (reviewer || canOnUnit('list.write', i.unitId));

  function exportAs(format: 'xlsx' | 'csv') {
    api
      .download(
        `/consortia/${consortiumId}/lists/export`,
        // the export holds what the list shows: the same filters
        { format, ...filter },
        `${kindLabel(t, kind)}.${format}`,
      )
      .catch((err: unknown) => void message.error(errorMessage(t, err, locale)));
  }

  const titleColumn: TableColumnsType<ListItem>[number] = {
    title: fieldLabel(t, 'title'),
    dataIndex: 'title',
    width: 220,
    sorter: true,
    sortOrder: sortOrderOf(list.sort, 'title'),
    render: (title: string, i) => (
      <Flex vertical gap={2}>
        <Link to={{ search: itemSearch(i.id) }} replace data-testid="list-item-open">
          {title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.unitName}
        </Typography.Text>
      </Flex>
    ),
  };
  const responseColumn: TableColumnsType<ListItem>[number] = {
    title: t('lists.response'),
    key: 'response',
    width: 110,
    render: (_: unknown, i) =>
      i.linkCount > 0 ? (
        <Tag color="green">{t('lists.answeredN', { n: i.linkCount })}</Tag>
      ) : i.status === 'published' ? (
        <Tag color="orange" data-testid="list-awaiting">
          {t('lists.awaiting')}
        </Tag>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  };
  const statusColumn: TableColumnsType<ListItem>[number] = {
    title: t('lists.field.status'),
    dataIndex: 'status',
    width: 96,
    render: (v: ListStatus, i) =>
      v === 'returned' && i.reviewNote ? (
        <Tooltip title={t('lists.returnedTooltip', { note: i.reviewNote })}>
          <Tag color={statusColor[v]}>{statusLabel(t, v)}</Tag>
        </Tooltip>
      ) : (
        <Tag color={statusColor[v]}>{statusLabel(t, v)}</Tag>
      ),
  };
  const kindColumns: Record<ListKind, TableColumnsType<ListItem>> = {
    product: [
      {
        title: fieldLabel(t, 'chain'),
        key: 'chain',
        render: (_: unknown, i) =>
          i.chain || i.chainPosition ? (
            <Flex gap={4} wrap align="center">
              <span>{i.chain ?? ''}</span>
              {i.chainPosition ? <Tag>{chainPositionLabel(t, i.chainPosition)}</Tag> : null}
            </Flex>
          ) : (
            '—'
          ),
      },
      {
        title: fieldLabel(t, 'keyTechnologies'),
        dataIndex: 'keyTechnologies',
        render: (v: string[]) => <Words words={v} max={3} />,
      },
      { title: fieldLabel(t, 'year'), dataIndex: 'year', width: 70, render: (v: number | null) => v ?? '—' },
    ],
    tech: [
      { title: fieldLabel(t, 'field'), dataIndex: 'field', render: (v: string | null) => v ?? '—' },
      {
        title: t('lists.budgetColumn'),
        dataIndex: 'budget',
        width: 120,
        align: 'right',
        render: (v: number | null) => (v === null ? '—' : v.toLocaleString(locale)),
      },
      {
        title: fieldLabel(t, 'deadline'),
        dataIndex: 'deadline',
        width: 124,
        render: (v: string | null) => formatDate(v, locale),
      },
      {
        title: fieldLabel(t, 'progress'),
        dataIndex: 'progress',
        width: 110,
        render: (v: TechProgress | null) =>
          v ? <Tag color={progressColor[v]}>{progressLabel(t, v)}</Tag> : '—',
      },
    ],
    talent: [
      {
        title: t('lists.codesColumn'),
        key: 'codes',
        width: 180,
        render: (_: unknown, i) =>
          i.occupationCode || i.majorCodes.length ? (
            <Flex vertical gap={4}>
              {i.occupationCode ? (
                <Typography.Text title={fieldLabel(t, 'occupationCode')}>
                  <CodeName kind="occupation" code={i.occupationCode} />
                </Typography.Text>
              ) : null}
              {i.majorCodes.length ? <Codes kind="major" codes={i.majorCodes} /> : null}
            </Flex>
          ) : (
            '—'
          ),
      },
      {
        title: fieldLabel(t, 'level'),
        dataIndex: 'level',
        width: 90,
        render: (v: ListItem['level']) => (v ? levelLabel(t, v) : '—'),
      },
      {
        title: t('lists.headcountColumn'),
        dataIndex: 'headcount',
        width: 80,
        align: 'right',
        render: (v: number | null) => v ?? '—',
      },
      {
        title: t('lists.window'),
        key: 'window',
        width: 130,
        render: (_: unknown, i) =>
          i.windowStart || i.windowEnd ? (
            <Flex vertical>
              <span>{formatDate(i.windowStart, locale)}</span>
              <Typography.Text type="secondary">– {formatDate(i.windowEnd, locale)}</Typography.Text>
            </Flex>
          ) : (
            '—'
          ),
      },
    ],
  };
  const columns: TableColumnsType<ListItem> = [
    titleColumn,
    ...kindColumns[kind],
    statusColumn,
    responseColumn,
    {
      title: fieldLabel(t, 'updatedAt'),
      dataIndex: 'updatedAt',
      width: 124,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'updatedAt'),
      render: (v: string) => <span title={formatDateTime(v, locale)}>{formatDate(v, locale)}</span>,
    },
  ];
  if (mayWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, i) =>
        editable(i) ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing(i)}
            aria-label={`${t('common.edit')} ${i.title}`}
          >
            {t('common.edit')}
          </Button>
        ) : null,
    });
  }

  const emptyText = filtered ? (
    t('common.noMatch')
  ) : (
    <EmptyState description={t(`lists.empty.${kind}`)}>
      {mayWrite ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('lists.createOne', { kind: kindShortLabel(t, kind) })}
        </Button>
      ) : null}
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title={t('nav.lists')}
        subtitle={t('lists.subtitle')}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('lists.exportXlsx') },
                  { key: 'csv', label: t('lists.exportCsv') },
                ],
                onClick: ({ key }) => exportAs(key === 'csv' ? 'csv' : 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} data-testid="lists-export">
                {t('lists.export')}
              </Button>
            </Dropdown>
            {mayWrite ? (
              <>
                <Tooltip title={reviewer ? t('lists.importHelpReviewer') : t('lists.importHelpUnit')}>
                  <Button
                    icon={<UploadOutlined />}
                    onClick={() => setImporting(true)}
                    data-testid="lists-import"
                  >
                    {t('lists.import')}
                  </Button>
                </Tooltip>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing('new')}
                  data-testid="list-item-create"
                >
                  {t('lists.createOne', { kind: kindShortLabel(t, kind) })}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card
        activeTabKey={kind}
        onTabChange={(k) =>
          list.update({
            kind: k,
            status: undefined,
            progress: undefined,
            q: undefined,
            majorCode: undefined,
            industryCode: undefined,
            item: undefined,
          })
        }
        tabList={listKinds.map((k) => ({ key: k, label: kindLabel(t, k) }))}
        data-testid="lists-card"
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t(`lists.kindHelp.${kind}`)}
        </Typography.Paragraph>
        <StatusSummary
          statuses={shownStatuses}
          counts={counts}
          status={status}
          awaitingSelected={awaitingSelected}
          onStatus={(s) => list.update({ status: s, answered: awaitingSelected ? undefined : answered })}
          onAwaiting={() => list.update({ status: 'published', answered: 'no' })}
        />
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={`${kind}-${q ?? ''}`}
            defaultValue={q}
            placeholder={t('lists.searchPlaceholder')}
            aria-label={t('lists.searchPlaceholder')}
            allowClear
            enterButton
            maxLength={64}
            onSearch={(v) => list.update({ q: v.trim() })}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="lists-search"
          />
          <Select
            allowClear
            placeholder={t('lists.allStatuses')}
            aria-label={t('lists.field.status')}
            value={status}
            onChange={(v?: ListStatus) => list.update({ status: v })}
            options={shownStatuses.map((v) => ({ value: v, label: statusLabel(t, v) }))}
            style={{ width: 130 }}
            data-testid="lists-status"
          />
          {kind === 'tech' ? (
            <Select
              allowClear
              placeholder={t('lists.allProgress')}
              aria-label={fieldLabel(t, 'progress')}
              value={progress}
              onChange={(v?: TechProgress) => list.update({ progress: v })}
              options={techProgress.map((v) => ({ value: v, label: progressLabel(t, v) }))}
              style={{ width: 130 }}
              data-testid="lists-progress"
            />
          ) : null}
          <Select
            allowClear
            placeholder={t('lists.allResponses')}
            aria-label={t('lists.response')}
            value={answered}
            onChange={(v?: Answered) => list.update({ answered: v })}
            options={[
              { value: 'no', label: t('lists.answered.no') },
              { value: 'yes', label: t('lists.answered.yes') },
            ]}
            style={{ width: 130 }}
            data-testid="lists-answered"
          />
          {/* talent demands by major, the other lists by industry: the code, above it or below it */}
          <CodeSelect
            key={codeFilter.catalog}
            kind={codeFilter.catalog}
            value={codeFilter.value}
            onChange={(v) => list.update({ [codeFilter.param]: v ?? undefined })}
            customCode={codeFilter.pattern}
            allowClear
            placeholder={codeFilter.label}
            aria-label={codeFilter.label}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid={`lists-${codeFilter.catalog}`}
          />
          <UnitSelect
            consortiumId={consortiumId}
            value={unitId}
            onChange={(id) => list.update({ unitId: id })}
            allowClear
            placeholder={t('lists.allUnits')}
            aria-label={fieldLabel(t, 'unitId')}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="lists-unit"
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() =>
                list.update({
                  status: undefined,
                  progress: undefined,
                  unitId: undefined,
                  q: undefined,
                  answered: undefined,
                  majorCode: undefined,
                  industryCode: undefined,
                })
              }
            >
              {t('lists.clearFilters')}
            </Button>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<ListItem>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items}
            loading={query.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText }}
            data-testid="lists-table"
            {...serverPaging(list, query.data?.total ?? 0, '-updatedAt', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {mayWrite ? (
        <ImportWizard
          key={kind}
          open={importing}
          onClose={() => setImporting(false)}
          title={t('lists.importTitle', { kind: kindLabel(t, kind) })}
          fields={importFields(t, kind)}
          importPath={`/consortia/${consortiumId}/lists/import`}
          templatePath={`/consortia/${consortiumId}/lists/template`}
          templateName={t('lists.templateName', { kind: kindLabel(t, kind) })}
          query={{ kind }}
          onImported={() => void qc.invalidateQueries({ queryKey: ['lists', consortiumId] })}
        />
      ) : null}
      <ItemDetailDrawer
        consortiumId={consortiumId}
        itemId={list.filters.item && uuid.test(list.filters.item) ? list.filters.item : undefined}
        onClose={() => openItem(undefined)}
        onEdit={(i) => setEditing(i)}
      />
      <ItemFormDrawer
        consortiumId={consortiumId}
        kind={form.item ? form.item.kind : kind}
        item={form.item}
        open={form.open}
        onClose={() => setForm((f) => ({ ...f, open: false }))}
        onCreated={(i) => openItem(i.id)}
      />
    </>
  );
}
