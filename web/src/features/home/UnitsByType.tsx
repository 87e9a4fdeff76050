// Member units by type: a donut chart with a table beside it (the table is also what screen readers read).
import { Col, Grid, Row, Table } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { fontFamily } from '../../app/theme';
import { useI18n } from '../../lib/i18n';
import { unitTypeLabel } from '../../lib/labels';
import type { UnitType } from '../../lib/types';

const palette = [
  '#1f6f8b',
  '#3a8f5c',
  '#c98a1b',
  '#7a5ea8',
  '#c2453d',
  '#2f9aa0',
  '#8c6d46',
  '#5b7bd5',
  '#b0558c',
  '#6b8e23',
];

type Props = { data: { type: UnitType; count: number }[]; linkToUnits: boolean };

export default function UnitsByType({ data, linkToUnits }: Props) {
  const { t } = useI18n();
  // on a phone the slice labels do not fit: the legend and the table say it
  const roomy = Grid.useBreakpoint().sm !== false;
  const rows = useMemo(
    () =>
      data
        .filter((d) => d.count > 0)
        .map((d) => ({ ...d, label: unitTypeLabel(t, d.type) }))
        .sort((a, b) => b.count - a.count),
    [data, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      color: palette,
      textStyle: { fontFamily },
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['42%', '70%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: roomy, formatter: '{b}\n{c}' },
          labelLine: { show: roomy },
          data: rows.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    }),
    [rows, roomy],
  );
  return (
    <Row gutter={[24, 16]} align="middle">
      <Col xs={24} md={14}>
        <EChart option={option} height={320} ariaLabel={t('home.composition')} />
      </Col>
      <Col xs={24} md={10}>
        <Table
          size="small"
          rowKey="type"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('units.type'),
              dataIndex: 'label',
              render: (label: string, r) =>
                linkToUnits ? <Link to={`/units?type=${r.type}`}>{label}</Link> : label,
            },
            { title: t('home.count'), dataIndex: 'count', align: 'right', width: 100 },
          ]}
        />
      </Col>
    </Row>
  );
}
