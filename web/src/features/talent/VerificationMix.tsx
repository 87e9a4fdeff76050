// How the outcome records in scope were verified: a donut with a table beside it (the table is what screen
// readers read, and each source links to its records).
import { Col, Row, Table } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { fontFamily } from '../../app/theme';
import { withQuery } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { verificationLabel } from '../outcomes/labels';
import type { RateScope, VerificationSource } from '../outcomes/types';
import { EChart } from '../../components/charts/EChart';
import type { ChartOption } from '../../components/charts/echarts';
import { count, percent } from './format';
import type { Rates } from './types';

const sourceColors: Record<VerificationSource, string> = {
  employer_confirmed: '#3a8f5c',
  signed_agreement: '#1f6f8b',
  social_insurance: '#2f9aa0',
  self_report: '#c98a1b',
};

type Props = { data: Rates['verification']; scope: RateScope; canDrill: boolean };

export function VerificationMix({ data, scope, canDrill }: Props) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => data.map((d) => ({ ...d, label: verificationLabel(t, d.source) })), [data, t]);
  const shown = useMemo(() => rows.filter((r) => r.count > 0), [rows]);
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily },
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      series: [
        {
          type: 'pie',
          radius: ['42%', '70%'],
          center: ['50%', '50%'],
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: {
            formatter: (p: unknown) => {
              const { name, dataIndex } = p as { name: string; dataIndex: number };
              return `${name}\n${percent(shown[dataIndex]?.share, locale)}`;
            },
          },
          data: shown.map((r) => ({
            name: r.label,
            value: r.count,
            itemStyle: { color: sourceColors[r.source] },
          })),
        },
      ],
    }),
    [shown, locale],
  );
  return (
    <Row gutter={[24, 16]} align="middle">
      <Col xs={24} md={13}>
        <EChart option={option} height={300} ariaLabel={t('rates.verificationChart')} />
      </Col>
      <Col xs={24} md={11}>
        <Table
          size="small"
          rowKey="source"
          pagination={false}
          dataSource={rows}
          data-testid="verification-table"
          columns={[
            {
              title: t('outc.verificationSource'),
              dataIndex: 'label',
              render: (label: string, r) => (
                <>
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: 2,
                      marginRight: 8,
                      background: sourceColors[r.source],
                    }}
                  />
                  {canDrill ? (
                    <Link to={withQuery('/outcomes', { ...scope, verificationSource: r.source })}>
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </>
              ),
            },
            {
              title: t('rates.count'),
              dataIndex: 'count',
              align: 'right',
              width: 90,
              render: (v: number) => count(v, locale),
            },
            {
              title: t('rates.share'),
              dataIndex: 'share',
              align: 'right',
              width: 90,
              render: (v: number | null) => percent(v, locale),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
