// /internships/compliance (合规): the open placements' current violations and warnings — totals, grouped
// by host, school or rule with a chart of blocking vs warning per group, and every finding with a link
// to its placement; filtered by severity and rule.
import {
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useListParams } from '../../lib/useListParams';
import { BarChart } from '../matching/BarChart';
import { useCompliance, useRules } from './api';
import { CertaintyTag, SourceText } from './Findings';
import { ruleSeverities, severityColor, severityLabel } from './labels';
import type { ComplianceFinding, ComplianceGroupBy, RuleSeverity } from './types';

const groupBys: ComplianceGroupBy[] = ['host', 'school', 'rule'];
const isGroupBy = (v: string | undefined): v is ComplianceGroupBy => groupBys.some((g) => g === v);
const isSeverity = (v: string | undefined): v is RuleSeverity => ruleSeverities.some((s) => s === v);

export default function CompliancePage() {
  const { t, locale, pick } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const list = useListParams(['groupBy', 'severity', 'ruleId'] as const, { sort: '', sorts: [] });
  const groupBy = isGroupBy(list.filters.groupBy) ? list.filters.groupBy : 'host';
  const severity = isSeverity(list.filters.severity) ? list.filters.severity : undefined;
  const data = useCompliance(consortiumId, { groupBy, severity, ruleId: list.filters.ruleId });
  const rules = useRules(consortiumId);

  const groups = useMemo(() => (data.data?.groups ?? []).slice(0, 20), [data.data]);
  const series = useMemo(
    () => [
      { name: t('intern.severity.block'), values: groups.map((g) => g.block), color: '#ff4d4f' },
      { name: t('intern.severity.warn'), values: groups.map((g) => g.warn), color: '#fa8c16' },
    ],
    [groups, t],
  );

  const columns: TableColumnsType<ComplianceFinding> = [
    {
      title: t('intern.col.student'),
      dataIndex: 'studentName',
      width: 110,
      render: (n: string, f) => (
        <Link to={`/internships/placements/${f.placementId}`} data-testid="compliance-placement-link">
          {n}
        </Link>
      ),
    },
    { title: t('intern.col.host'), dataIndex: 'hostName', width: 180 },
    { title: t('intern.col.school'), dataIndex: 'schoolName', width: 160 },
    {
      title: t('intern.col.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (s: RuleSeverity) => <Tag color={severityColor[s]}>{severityLabel(t, s)}</Tag>,
    },
    {
      title: t('intern.col.finding'),
      key: 'message',
      minWidth: 320,
      render: (_: unknown, f) => (
        <Flex vertical gap={2}>
          <Flex gap={4} wrap>
            <Tag className="cj-mono">{f.ruleId}</Tag>
            <CertaintyTag certainty={f.certainty} />
          </Flex>
          <span>{pick(f.messageZh, f.messageEn)}</span>
          <SourceText source={f.source} />
        </Flex>
      ),
    },
    {
      title: t('intern.col.evaluatedAt'),
      dataIndex: 'evaluatedAt',
      width: 150,
      render: (v: string) => formatDateTime(v, locale),
    },
  ];

  const d = data.data;
  return (
    <>
      <PageHeader title={t('nav.internCompliance')} subtitle={t('intern.compliance.subtitle')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={groupBy}
          onChange={(v) => list.update({ groupBy: v === 'host' ? undefined : v })}
          options={groupBys.map((g) => ({ value: g, label: t(`intern.compliance.by.${g}`) }))}
          aria-label={t('intern.compliance.groupBy')}
        />
        <Select
          allowClear
          value={severity}
          onChange={(v?: string) => list.update({ severity: v })}
          placeholder={t('intern.filter.severity')}
          aria-label={t('intern.filter.severity')}
          style={{ width: 140 }}
          options={ruleSeverities.map((s) => ({ value: s, label: severityLabel(t, s) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={list.filters.ruleId}
          onChange={(v?: string) => list.update({ ruleId: v })}
          placeholder={t('intern.filter.rule')}
          aria-label={t('intern.filter.rule')}
          loading={rules.isLoading}
          style={{ width: 320 }}
          options={(rules.data ?? []).map((r) => ({
            value: r.id,
            label: `${r.id} ${pick(r.titleZh, r.titleEn)}`,
          }))}
        />
      </Flex>
      {data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} sm={8}>
              <Card loading={data.isLoading}>
                <Statistic title={t('intern.compliance.openPlacements')} value={d?.totals.placements ?? 0} />
              </Card>
            </Col>
            <Col xs={12} sm={8}>
              <Card loading={data.isLoading} data-testid="compliance-block">
                <Statistic
                  title={t('intern.compliance.block')}
                  value={d?.totals.block ?? 0}
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Card>
            </Col>
            <Col xs={12} sm={8}>
              <Card loading={data.isLoading} data-testid="compliance-warn">
                <Statistic
                  title={t('intern.compliance.warn')}
                  value={d?.totals.warn ?? 0}
                  styles={{ content: { color: '#d46b08' } }}
                />
              </Card>
            </Col>
          </Row>
          <Card
            title={t('intern.compliance.chartTitle', { by: t(`intern.compliance.by.${groupBy}`) })}
            style={{ marginBottom: 16 }}
            loading={data.isLoading}
          >
            {groups.length ? (
              <>
                <BarChart
                  categories={groups.map((g) => g.label)}
                  series={series}
                  ariaLabel={t('intern.compliance.chartAria')}
                />
                {(d?.groups.length ?? 0) > groups.length ? (
                  <Typography.Text type="secondary">
                    {t('intern.compliance.topN', { n: groups.length, total: d?.groups.length ?? 0 })}
                  </Typography.Text>
                ) : null}
              </>
            ) : (
              <EmptyState description={t('intern.compliance.none')} />
            )}
          </Card>
          <Card title={t('intern.compliance.findings')}>
            <Table<ComplianceFinding>
              rowKey={(f) => `${f.placementId}-${f.ruleId}`}
              columns={columns}
              dataSource={d?.findings}
              loading={data.isLoading}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('intern.compliance.none') }}
              pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
            />
          </Card>
        </>
      )}
    </>
  );
}
