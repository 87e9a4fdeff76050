// The charts of the supply–demand dashboard. Each takes the dashboard's own figures and, on a click, opens
// the records behind the bar, stage or year.
import { Table } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { fontFamily } from '../../app/theme';
import { EmptyState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { colors } from './charts';
import { count, percent } from './format';
import type { Dashboard } from './types';

const axisLabel = { fontFamily, color: '#595959' };

/** 专业大类: talent demand (headcount of published demands) against registered students. */
export function DemandSupplyChart({
  data,
  canCandidates,
  canLists,
}: {
  data: Dashboard['demandVsSupply'];
  canCandidates: boolean;
  canLists: boolean;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const rows = useMemo(
    () =>
      data.map((d) => ({
        ...d,
        label: d.majorGroup === '' ? t('dash.anyMajor') : (d.name ?? d.majorGroup),
      })),
    [data, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { ...axisLabel, interval: 0, width: 84, overflow: 'break' },
      },
      yAxis: { type: 'value', axisLabel },
      series: [
        {
          type: 'bar',
          name: t('dash.demand'),
          data: rows.map((r) => r.demand),
          itemStyle: { color: colors.demand },
          cursor: canLists ? 'pointer' : 'default',
        },
        {
          type: 'bar',
          name: t('dash.supply'),
          data: rows.map((r) => r.supply),
          itemStyle: { color: colors.supply },
          cursor: canCandidates ? 'pointer' : 'default',
        },
      ],
    }),
    [rows, t, canLists, canCandidates],
  );
  if (rows.length === 0) return <EmptyState description={t('dash.noDemandSupply')} />;

  function open(seriesIndex: number | undefined, dataIndex: number) {
    const row = rows[dataIndex];
    if (!row) return;
    if (seriesIndex === 0 && canLists) void navigate('/lists?kind=talent');
    if (seriesIndex === 1 && canCandidates && row.majorGroup)
      void navigate(`/candidates?majorCode=${row.majorGroup}`);
  }

  return (
    <>
      <EChart
        option={option}
        height={320}
        ariaLabel={t('dash.demandSupplyAria')}
        onClick={(e) => open(e.seriesIndex, e.dataIndex)}
        data-testid="chart-demand-supply"
      />
      <Table
        size="small"
        rowKey="majorGroup"
        pagination={false}
        dataSource={rows}
        style={{ marginTop: 8 }}
        data-testid="demand-supply-table"
        columns={[
          {
            title: t('dash.majorGroup'),
            dataIndex: 'label',
            render: (label: string, r) => (
              <>
                {r.majorGroup ? <span className="cj-mono">{r.majorGroup} </span> : null}
                {label}
              </>
            ),
          },
          {
            title: t('dash.demand'),
            dataIndex: 'demand',
            align: 'right',
            render: (v: number) =>
              canLists ? <Link to="/lists?kind=talent">{count(v, locale)}</Link> : count(v, locale),
          },
          {
            title: t('dash.supply'),
            dataIndex: 'supply',
            align: 'right',
            render: (v: number, r) =>
              canCandidates && r.majorGroup ? (
                <Link to={`/candidates?majorCode=${r.majorGroup}`}>{count(v, locale)}</Link>
              ) : (
                count(v, locale)
              ),
          },
        ]}
      />
    </>
  );
}

/** Talent demand by 职业大类 (occupation major group). */
export function OccupationChart({
  data,
  canLists,
}: {
  data: Dashboard['demandByOccupation'];
  canLists: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rows = useMemo(() => [...data].reverse(), [data]);
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.name ?? r.occupation),
        axisLabel: { ...axisLabel, width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('dash.demand'),
          data: rows.map((r) => r.demand),
          itemStyle: { color: colors.demand },
          label: { show: true, position: 'right' },
          cursor: canLists ? 'pointer' : 'default',
        },
      ],
    }),
    [rows, t, canLists],
  );
  if (rows.length === 0) return <EmptyState description={t('dash.noOccupation')} />;
  return (
    <EChart
      option={option}
      height={Math.max(220, rows.length * 44 + 40)}
      ariaLabel={t('dash.occupationAria', {
        list: data.map((d) => `${d.name ?? d.occupation} ${d.demand}`).join(t('common.listSeparator')),
      })}
      onClick={() => {
        if (canLists) void navigate('/lists?kind=talent');
      }}
      data-testid="chart-occupation"
    />
  );
}

const stages = ['applied', 'shortlisted', 'interviewing', 'offered', 'accepted'] as const;
type Stage = (typeof stages)[number];

export const stageLink = (s: Stage) => (s === 'applied' ? '/applications' : `/applications?status=${s}`);

/** Applications: applied → shortlisted → interviewing → offered → accepted. */
export function FunnelChart({
  funnel,
  canApplications,
}: {
  funnel: Dashboard['funnel'];
  canApplications: boolean;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { name, value } = p as { name: string; value: number };
          return `${name}: ${count(value, locale)}`;
        },
      },
      color: ['#5b7bd5', '#2f9aa0', '#3a8f5c', '#c98a1b', '#c2453d'],
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '6%',
          width: '88%',
          top: 8,
          bottom: 8,
          minSize: '42%',
          gap: 2,
          cursor: canApplications ? 'pointer' : 'default',
          label: {
            position: 'inside',
            color: '#fff',
            formatter: (p: unknown) => {
              const { name, value } = p as { name: string; value: number };
              const share = funnel.applied ? ` · ${percent(value / funnel.applied, locale, 0)}` : '';
              return `${name} ${count(value, locale)}${share}`;
            },
          },
          data: stages.map((s) => ({ name: t(`dash.stage.${s}`), value: funnel[s] })),
        },
      ],
    }),
    [funnel, t, locale, canApplications],
  );
  if (funnel.applied === 0) return <EmptyState description={t('dash.noApplications')} />;
  return (
    <EChart
      option={option}
      height={300}
      ariaLabel={t('dash.funnelAria', {
        list: stages.map((s) => `${t(`dash.stage.${s}`)} ${funnel[s]}`).join(t('common.listSeparator')),
      })}
      onClick={(e) => {
        const s = stages[e.dataIndex];
        if (s && canApplications) void navigate(stageLink(s));
      }}
      data-testid="chart-funnel"
    />
  );
}

/** New applications per week (the last 26 weeks that had any). */
export function WeeklyChart({ data }: { data: Dashboard['applicationsByWeek'] }) {
  const { t, locale } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily },
      tooltip: {
        trigger: 'axis',
        formatter: (p: unknown) => {
          const first = (p as { dataIndex: number }[])[0];
          const row = first ? data[first.dataIndex] : undefined;
          return row ? t('dash.weekTooltip', { week: row.week, n: count(row.count, locale) }) : '';
        },
      },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.week.slice(5).replace('-', '/')),
        axisLabel,
      },
      yAxis: { type: 'value', axisLabel, minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('dash.applications'),
          data: data.map((d) => d.count),
          itemStyle: { color: colors.applications },
          barMaxWidth: 36,
        },
      ],
    }),
    [data, t, locale],
  );
  if (data.length === 0) return <EmptyState description={t('dash.noWeeks')} />;
  return (
    <EChart
      option={option}
      height={300}
      ariaLabel={t('dash.weeklyAria', {
        list: data.map((d) => `${d.week} ${d.count}`).join(t('common.listSeparator')),
      })}
      data-testid="chart-weekly"
    />
  );
}

/** The three rates by cohort year; a click on a year opens the rates page for it. */
export function TrendChart({ data }: { data: Dashboard['outcomesTrend'] }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(() => {
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    return {
      textStyle: { fontFamily },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—'),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.map((d) => t('outc.cohortN', { year: d.cohortYear })),
        axisLabel,
      },
      yAxis: {
        type: 'value',
        // from the nearest ten below the lowest rate: the differences between years stay visible
        min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10),
        max: 100,
        axisLabel: { ...axisLabel, formatter: '{value}%' },
      },
      series: (['employment', 'local', 'related'] as const).map((k) => ({
        type: 'line' as const,
        name: t(`rates.name.${k}`),
        data: data.map((d) => pct(d[k])),
        itemStyle: { color: colors[k] },
        lineStyle: { color: colors[k], width: 2 },
        symbolSize: 10,
        connectNulls: false,
        cursor: 'pointer',
      })),
    };
  }, [data, t]);
  if (data.length === 0) return <EmptyState description={t('dash.noOutcomes')} />;
  return (
    <>
      <EChart
        option={option}
        height={300}
        ariaLabel={t('dash.trendAria')}
        onClick={(e) => {
          const row = data[e.dataIndex];
          if (row) void navigate(`/talent/rates?cohortYear=${row.cohortYear}`);
        }}
        data-testid="chart-trend"
      />
      <Table
        size="small"
        rowKey="cohortYear"
        pagination={false}
        dataSource={data}
        style={{ marginTop: 8 }}
        data-testid="trend-table"
        columns={[
          {
            title: t('outc.cohortYear'),
            dataIndex: 'cohortYear',
            render: (y: number) => (
              <Link to={`/talent/rates?cohortYear=${y}`}>{t('outc.cohortN', { year: y })}</Link>
            ),
          },
          {
            title: t('rates.total'),
            dataIndex: 'total',
            align: 'right',
            render: (v: number) => count(v, locale),
          },
          ...(['employment', 'local', 'related'] as const).map((k) => ({
            title: t(`rates.name.${k}`),
            dataIndex: k,
            align: 'right' as const,
            render: (v: number | null) => percent(v, locale),
          })),
        ]}
      />
    </>
  );
}
