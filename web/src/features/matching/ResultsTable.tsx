// Each student of a finished run: the post obtained (or none), its score and wish rank, and on expanding
// the row, why no post the student preferred was obtained. Filters and sort live in the URL.
import { Button, Flex, Input, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type Key } from 'react';
import { ErrorState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { serverPaging, sortOrderOf, type ListParams } from '../../lib/useListParams';
import { useResults } from './api';
import { contextOf, Explanation } from './Explanation';
import type { Result, ResultFilter, Run, RunSummary } from './types';

export const resultFilterKeys = ['placed', 'school', 'enterprise', 'q'] as const;
export type ResultFilterKey = (typeof resultFilterKeys)[number];
export const resultSorts = ['name', '-name', 'score', '-score'];

type Props = {
  consortiumId: string;
  run: Run;
  summary: RunSummary;
  list: ListParams<ResultFilterKey>;
  majorNames: Map<string, string>;
};

export function ResultsTable({ consortiumId, run, summary, list, majorNames }: Props) {
  const { t } = useI18n();
  const placed =
    list.filters.placed === 'true' || list.filters.placed === 'false' ? list.filters.placed : undefined;
  const filter: ResultFilter = {
    placed,
    schoolUnitId: list.filters.school,
    enterpriseId: list.filters.enterprise,
    q: list.filters.q,
  };
  const results = useResults(
    consortiumId,
    run.id,
    { ...filter, page: list.page, pageSize: list.pageSize, sort: list.sort },
    true,
  );
  const [expanded, setExpanded] = useState<Key[]>([]);
  const ctx = contextOf(run);
  const filtered = Boolean(placed || filter.schoolUnitId || filter.enterpriseId || filter.q);

  const columns: TableColumnsType<Result> = [
    {
      title: t('matching.result.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'name'),
      render: (name: string) => name || '—',
    },
    {
      title: t('matching.result.school'),
      dataIndex: 'schoolName',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('matching.result.major'),
      dataIndex: 'majorCode',
      render: (code: string | null) =>
        code ? (
          <Flex vertical>
            <span>{majorNames.get(code) ?? code}</span>
            {majorNames.has(code) ? (
              <Typography.Text type="secondary" className="cj-mono">
                {code}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('matching.result.posting'),
      dataIndex: 'posting',
      render: (p: Result['posting']) =>
        p ? (
          <Flex vertical>
            <span>{p.title}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.enterpriseName}
            </Typography.Text>
          </Flex>
        ) : (
          <Tag>{t('matching.result.unplaced')}</Tag>
        ),
    },
    {
      title: t('matching.result.score'),
      dataIndex: 'score',
      align: 'right',
      sorter: true,
      // the best scores first on the first click
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(list.sort, 'score'),
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('matching.result.wish'),
      dataIndex: 'wishRank',
      render: (v: number | null, r) =>
        r.posting === null ? (
          '—'
        ) : v ? (
          <Tag color={v === 1 ? 'green' : 'blue'}>{t('matching.result.wishRank', { n: v })}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('matching.result.notAWish')}</Typography.Text>
        ),
    },
    {
      title: t('matching.result.preferred'),
      key: 'preferred',
      render: (_: unknown, r) =>
        r.explanation.length ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() =>
              setExpanded((keys) =>
                keys.includes(r.candidateId)
                  ? keys.filter((k) => k !== r.candidateId)
                  : [...keys, r.candidateId],
              )
            }
          >
            {t('matching.result.preferredN', { n: r.explanation.length })}
          </Button>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const enterprises = [...summary.byEnterprise].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={placed ?? 'all'}
          onChange={(v) => list.update({ placed: v === 'all' ? undefined : String(v) })}
          options={[
            { value: 'all', label: t('matching.result.all') },
            { value: 'true', label: t('matching.result.placedOnly') },
            { value: 'false', label: t('matching.result.unplacedOnly') },
          ]}
          aria-label={t('matching.result.placedFilter')}
          data-testid="results-placed"
        />
        {summary.bySchool.length > 1 ? (
          <Select
            allowClear
            placeholder={t('matching.result.allSchools')}
            aria-label={t('matching.result.school')}
            value={filter.schoolUnitId}
            onChange={(v?: string) => list.update({ school: v })}
            options={summary.bySchool.map((s) => ({ value: s.id, label: s.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            data-testid="results-school"
          />
        ) : null}
        <Select
          allowClear
          placeholder={t('matching.result.allEnterprises')}
          aria-label={t('matching.result.enterprise')}
          value={filter.enterpriseId}
          onChange={(v?: string) => list.update({ enterprise: v })}
          options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          data-testid="results-enterprise"
        />
        <Input.Search
          key={filter.q ?? ''}
          defaultValue={filter.q}
          placeholder={t('matching.result.search')}
          aria-label={t('matching.result.search')}
          allowClear
          maxLength={40}
          onSearch={(v) => list.update({ q: v.trim() })}
          style={{ width: 220 }}
          data-testid="results-search"
        />
      </Flex>
      {results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <Table<Result>
          rowKey="candidateId"
          columns={columns}
          dataSource={results.data?.items}
          loading={results.isFetching}
          scroll={{ x: 960 }}
          locale={{ emptyText: filtered ? t('common.noMatch') : t('matching.result.empty') }}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded([...keys]),
            expandedRowRender: (r) => <Explanation result={r} ctx={ctx} />,
          }}
          {...serverPaging(list, results.data?.total ?? 0, 'name', (n) => t('common.total', { n }))}
          data-testid="results-table"
        />
      )}
    </>
  );
}
