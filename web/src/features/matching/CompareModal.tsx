// Two finished runs side by side: their totals, and how many students they place alike or differently.
import { SwapOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Modal,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useComparison, useFinishedRuns } from './api';
import { formatNumber, kindLabel, modeLabel, share } from './labels';
import type { Comparison, RunListItem } from './types';

type Props = {
  consortiumId: string;
  open: boolean;
  onClose: () => void;
  /** the two runs to compare first (e.g. ticked in the list) */
  initial?: [RunListItem, RunListItem];
};

type Side = Comparison['a'];
type Metric = { key: string; label: string; a: ReactNode; b: ReactNode };

export function CompareModal({ consortiumId, open, onClose, initial }: Props) {
  const { t, locale } = useI18n();
  const runs = useFinishedRuns(consortiumId, open);
  // undefined: the default pick, the two runs asked for or else the two newest finished ones
  const [pickA, setA] = useState<string>();
  const [pickB, setB] = useState<string>();
  const newest = runs.data;
  const a = pickA ?? initial?.[0].id ?? newest?.[1]?.id;
  const b = pickB ?? initial?.[1].id ?? newest?.[0]?.id;
  const comparison = useComparison(consortiumId, a, b);

  function close() {
    setA(undefined);
    setB(undefined);
    onClose();
  }

  const choices = [...(runs.data ?? [])];
  // the runs asked for stay readable while the list loads (or when they are older than it reaches)
  for (const r of initial ?? []) if (!choices.some((c) => c.id === r.id)) choices.push(r);
  const options = choices.map((r) => ({
    value: r.id,
    label: `${r.name} · ${formatDateTime(r.createdAt, locale)}`,
  }));

  const metrics = (x: Comparison): Metric[] => {
    const row = (key: string, label: string, f: (s: Side) => ReactNode): Metric => ({
      key,
      label,
      a: f(x.a),
      b: f(x.b),
    });
    const sum = (s: Side) => s.summary;
    return [
      row('mode', t('matching.col.mode'), (s) =>
        s.mode === 'optimal' && s.placeFirst
          ? `${modeLabel(t, s.mode)} · ${t('matching.placeFirstShort')}`
          : modeLabel(t, s.mode),
      ),
      row('kind', t('matching.col.kind'), (s) => kindLabel(t, s.postingKind)),
      row('students', t('matching.stat.students'), (s) => formatNumber(sum(s)?.students, locale)),
      row('posts', t('matching.stat.posts'), (s) => formatNumber(sum(s)?.posts, locale)),
      row('placed', t('matching.stat.placed'), (s) =>
        sum(s)
          ? `${formatNumber(sum(s)!.placed, locale)}（${share(sum(s)!.placed, sum(s)!.students)}）`
          : '—',
      ),
      row('objective', t('matching.stat.objective'), (s) => formatNumber(sum(s)?.objective, locale)),
      row('averageScore', t('matching.stat.averageScore'), (s) =>
        formatNumber(sum(s)?.averageScore, locale, 2),
      ),
      row('averageWishRank', t('matching.stat.averageWishRank'), (s) =>
        formatNumber(sum(s)?.averageWishRank, locale, 2),
      ),
      row('gotFirstWish', t('matching.stat.gotFirstWish'), (s) => formatNumber(sum(s)?.gotFirstWish, locale)),
      row('solveMs', t('matching.stat.solveMs'), (s) =>
        s.solveMs === null ? '—' : t('matching.ms', { n: formatNumber(s.solveMs, locale) }),
      ),
    ];
  };

  const columns = (x: Comparison): TableColumnsType<Metric> => [
    { title: t('matching.compare.metric'), dataIndex: 'label', width: 160 },
    {
      title: (
        <Flex vertical>
          <Link to={`/matching/${x.a.id}`}>{x.a.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            A · {formatDateTime(x.a.createdAt, locale)}
          </Typography.Text>
        </Flex>
      ),
      dataIndex: 'a',
    },
    {
      title: (
        <Flex vertical>
          <Link to={`/matching/${x.b.id}`}>{x.b.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            B · {formatDateTime(x.b.createdAt, locale)}
          </Typography.Text>
        </Flex>
      ),
      dataIndex: 'b',
    },
  ];

  const bothUnplaced = (x: Comparison) =>
    x.sameStudents - x.samePost - x.movedPost - x.onlyPlacedInA - x.onlyPlacedInB;

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('matching.compare.title')}
      width={860}
      footer={<Button onClick={close}>{t('matching.close')}</Button>}
    >
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.data && runs.data.length < 2 ? (
        <Alert type="info" showIcon title={t('matching.compare.needTwo')} />
      ) : (
        <>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
            <Select
              value={a}
              onChange={setA}
              options={options}
              loading={runs.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('matching.compare.pickA')}
              aria-label={t('matching.compare.pickA')}
              style={{ flex: 1, minWidth: 240 }}
              data-testid="compare-a"
            />
            <Button
              icon={<SwapOutlined />}
              aria-label={t('matching.compare.swap')}
              title={t('matching.compare.swap')}
              onClick={() => {
                setA(b);
                setB(a);
              }}
            />
            <Select
              value={b}
              onChange={setB}
              options={options}
              loading={runs.isFetching}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('matching.compare.pickB')}
              aria-label={t('matching.compare.pickB')}
              style={{ flex: 1, minWidth: 240 }}
              data-testid="compare-b"
            />
          </Flex>
          {a && b && a === b ? (
            <Alert type="warning" showIcon title={t('matching.compare.same')} />
          ) : !a || !b ? (
            <Typography.Text type="secondary">{t('matching.compare.pick')}</Typography.Text>
          ) : comparison.isError ? (
            <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />
          ) : !comparison.data ? (
            <Skeleton active />
          ) : (
            <>
              {comparison.data.a.postingKind !== comparison.data.b.postingKind ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('matching.compare.otherKinds')}
                />
              ) : null}
              <Table<Metric>
                size="small"
                rowKey="key"
                pagination={false}
                columns={columns(comparison.data)}
                dataSource={metrics(comparison.data)}
                scroll={{ x: 560 }}
              />
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('matching.compare.overlap', { n: formatNumber(comparison.data.sameStudents, locale) })}
              </Typography.Title>
              <Row gutter={[12, 12]} data-testid="compare-overlap">
                {(
                  [
                    ['samePost', comparison.data.samePost, 'green'],
                    ['movedPost', comparison.data.movedPost, 'orange'],
                    ['onlyPlacedInA', comparison.data.onlyPlacedInA, 'blue'],
                    ['onlyPlacedInB', comparison.data.onlyPlacedInB, 'purple'],
                    ['bothUnplaced', bothUnplaced(comparison.data), 'default'],
                  ] as const
                ).map(([key, n, color]) => (
                  <Col xs={12} sm={8} md={8} lg={8} key={key}>
                    <Card size="small">
                      <Statistic
                        title={
                          <Flex gap={4} align="center">
                            <Tag color={color} style={{ marginInlineEnd: 0 }}>
                              {share(n, comparison.data.sameStudents)}
                            </Tag>
                            {t(`matching.compare.${key}`)}
                          </Flex>
                        }
                        value={n}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
