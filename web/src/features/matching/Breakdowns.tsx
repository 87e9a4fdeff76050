// A finished run by school, by major and by enterprise (capacity vs placed): a chart of the largest, and
// the whole table; a school or an enterprise opens its students in the results below.
import { Button, Progress, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../lib/i18n';
import { BarChart } from './BarChart';
import { formatNumber, share } from './labels';
import type { RunSummary } from './types';

const CHART_TOP = 15;
const colors = { students: '#d9d9d9', placed: '#1677ff', capacity: '#ffd591' };

type Row = { key: string; name: string; total: number; placed: number; pick?: () => void };

type Props = {
  summary: RunSummary;
  majorNames: Map<string, string>;
  onPickSchool: (id: string) => void;
  onPickEnterprise: (id: string) => void;
};

export function Breakdowns({ summary, majorNames, onPickSchool, onPickEnterprise }: Props) {
  const { t, locale } = useI18n();

  const table = (rows: Row[], nameTitle: string, totalTitle: string, rateTitle: string) => {
    const columns: TableColumnsType<Row> = [
      {
        title: nameTitle,
        dataIndex: 'name',
        render: (name: string, r) =>
          r.pick ? (
            <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={r.pick}>
              {name}
            </Button>
          ) : (
            name
          ),
      },
      {
        title: totalTitle,
        dataIndex: 'total',
        align: 'right',
        sorter: (a, b) => a.total - b.total,
        render: (v: number) => formatNumber(v, locale),
      },
      {
        title: t('matching.stat.placed'),
        dataIndex: 'placed',
        align: 'right',
        sorter: (a, b) => a.placed - b.placed,
        render: (v: number) => formatNumber(v, locale),
      },
      {
        title: rateTitle,
        key: 'rate',
        width: 220,
        sorter: (a, b) => (a.total ? a.placed / a.total : 0) - (b.total ? b.placed / b.total : 0),
        render: (_: unknown, r) => (
          <Progress
            percent={r.total ? Math.round((r.placed / r.total) * 1000) / 10 : 0}
            size="small"
            format={() => share(r.placed, r.total)}
            aria-label={`${r.name} ${share(r.placed, r.total)}`}
          />
        ),
      },
    ];
    return (
      <Table<Row>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 640 }}
      />
    );
  };

  const chart = (rows: Row[], totalName: string, totalColor: string, label: string) => {
    const top = [...rows].sort((a, b) => b.total - a.total).slice(0, CHART_TOP);
    return (
      <>
        <BarChart
          ariaLabel={label}
          categories={top.map((r) => r.name)}
          series={[
            { name: totalName, values: top.map((r) => r.total), color: totalColor },
            { name: t('matching.stat.placed'), values: top.map((r) => r.placed), color: colors.placed },
          ]}
          overlap
        />
        {rows.length > CHART_TOP ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('matching.breakdown.chartTop', { n: CHART_TOP, total: rows.length })}
          </Typography.Paragraph>
        ) : null}
      </>
    );
  };

  const schools: Row[] = summary.bySchool.map((s) => ({
    key: s.id,
    name: s.name,
    total: s.students,
    placed: s.placed,
    pick: () => onPickSchool(s.id),
  }));
  const majors: Row[] = summary.byMajor.map((m) => ({
    key: m.code,
    name: majorNames.has(m.code) ? `${m.code} ${majorNames.get(m.code)}` : m.code,
    total: m.students,
    placed: m.placed,
  }));
  const enterprises: Row[] = summary.byEnterprise.map((e) => ({
    key: e.id,
    name: e.name,
    total: e.capacity,
    placed: e.placed,
    pick: () => onPickEnterprise(e.id),
  }));
  const capacity = enterprises.reduce((n, e) => n + e.total, 0);

  const empty = <Typography.Text type="secondary">{t('matching.breakdown.none')}</Typography.Text>;

  return (
    <Tabs
      items={[
        {
          key: 'school',
          label: t('matching.breakdown.bySchool', { n: schools.length }),
          children: schools.length ? (
            <>
              {chart(
                schools,
                t('matching.stat.students'),
                colors.students,
                t('matching.breakdown.bySchoolChart'),
              )}
              {table(
                schools,
                t('matching.result.school'),
                t('matching.stat.students'),
                t('matching.breakdown.rate'),
              )}
            </>
          ) : (
            empty
          ),
        },
        {
          key: 'major',
          label: t('matching.breakdown.byMajor', { n: majors.length }),
          children: majors.length ? (
            <>
              {chart(
                majors,
                t('matching.stat.students'),
                colors.students,
                t('matching.breakdown.byMajorChart'),
              )}
              {table(
                majors,
                t('matching.result.major'),
                t('matching.stat.students'),
                t('matching.breakdown.rate'),
              )}
            </>
          ) : (
            empty
          ),
        },
        {
          key: 'enterprise',
          label: t('matching.breakdown.byEnterprise', { n: enterprises.length }),
          children: enterprises.length ? (
            <>
              <Typography.Paragraph type="secondary">
                {t('matching.breakdown.capacityNote', {
                  capacity: formatNumber(capacity, locale),
                  placed: formatNumber(
                    enterprises.reduce((n, e) => n + e.placed, 0),
                    locale,
                  ),
                })}
              </Typography.Paragraph>
              {chart(
                enterprises,
                t('matching.breakdown.capacity'),
                colors.capacity,
                t('matching.breakdown.byEnterpriseChart'),
              )}
              {table(
                enterprises,
                t('matching.result.enterprise'),
                t('matching.breakdown.capacity'),
                t('matching.breakdown.fill'),
              )}
            </>
          ) : (
            empty
          ),
        },
      ]}
    />
  );
}
