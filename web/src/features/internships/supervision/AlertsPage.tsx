// /internships/alerts: what is about to go wrong, as of today — insurance running out while the
// placement goes on, agreements not confirmed by all three parties near the start, overdue logs, hosts
// near their 10% cap — grouped by kind, most severe first, each with its numbers and where to act.
import {
  Alert as AntAlert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Pagination,
  Row,
  Select,
  Skeleton,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useCurrentConsortiumId } from '../../../app/consortium';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState } from '../../../components/States';
import type { TFunction } from '../../../lib/i18n';
import { useI18n } from '../../../lib/i18n';
import { useAlerts } from './api';
import { alertKindLabel, alertKinds, severityColor, severityLabel } from './labels';
import type { Alert, AlertKind, AlertSeverity } from './types';

const PAGE_SIZE = 200;

/** The host key of a cap alert's link (`unit:<id>` or `ext:<id>`), as the server writes it. */
function hostKeyOf(a: Alert): string | null {
  if (!a.host) return null;
  return a.host.kind === 'member' ? `unit:${a.host.unitId}` : `ext:${a.host.externalHostId}`;
}

export default function AlertsPage() {
  const { t, pick } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '', 10) || 1);
  const kindParam = search.get('kind');
  const kind = alertKinds.includes(kindParam as AlertKind) ? (kindParam as AlertKind) : undefined;
  const sevParam = search.get('severity');
  const severity = sevParam === 'high' || sevParam === 'warn' ? (sevParam as AlertSeverity) : undefined;
  const host = search.get('host');
  const alerts = useAlerts(consortiumId, { page, pageSize: PAGE_SIZE, kind, severity });

  const set = (patch: Record<string, string | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const items = (alerts.data?.items ?? []).filter((a) => !host || hostKeyOf(a) === host);
  const groups = alertKinds
    .map((k) => ({ kind: k, items: items.filter((a) => a.kind === k) }))
    .filter((g) => g.items.length > 0);
  const hostName = host ? items.find((a) => hostKeyOf(a) === host)?.host?.name : null;

  return (
    <>
      <PageHeader
        title={t('nav.supAlerts')}
        subtitle={
          alerts.data ? t('sup.alerts.subtitleAsOf', { date: alerts.data.asOf }) : t('sup.alerts.subtitle')
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {alertKinds.map((k) => {
          const n = (alerts.data?.items ?? []).filter((a) => a.kind === k).length;
          const high = (alerts.data?.items ?? []).filter((a) => a.kind === k && a.severity === 'high').length;
          return (
            <Col xs={12} lg={6} key={k}>
              <Card
                size="small"
                hoverable
                onClick={() => set({ kind: kind === k ? undefined : k, host: undefined })}
                data-testid={`alerts-count-${k}`}
              >
                <Statistic
                  title={alertKindLabel(t, k)}
                  value={alerts.data ? n : '—'}
                  suffix={high ? <Tag color="red">{t('sup.alerts.highN', { n: high })}</Tag> : null}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<string>
            style={{ width: 200 }}
            value={kind ?? 'all'}
            aria-label={t('sup.col.kind')}
            onChange={(v) => set({ kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('sup.alerts.allKinds') },
              ...alertKinds.map((k) => ({ value: k, label: alertKindLabel(t, k) })),
            ]}
          />
          <Select<string>
            style={{ width: 160 }}
            value={severity ?? 'all'}
            aria-label={t('sup.col.severity')}
            onChange={(v) => set({ severity: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('sup.alerts.allSeverities') },
              { value: 'high', label: severityLabel(t, 'high') },
              { value: 'warn', label: severityLabel(t, 'warn') },
            ]}
          />
          {host ? (
            <Tag closable onClose={() => set({ host: undefined })} color="blue">
              {t('sup.alerts.onlyHost', { name: hostName ?? host })}
            </Tag>
          ) : null}
        </Flex>
        {alerts.isError ? (
          <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : !alerts.data ? (
          <Skeleton active />
        ) : groups.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={kind || severity || host ? t('common.noMatch') : t('sup.alerts.none')}
            data-testid="alerts-empty"
          />
        ) : (
          <Flex vertical gap={16}>
            {groups.map((g) => (
              <section key={g.kind} aria-label={alertKindLabel(t, g.kind)} data-testid={`alerts-${g.kind}`}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {alertKindLabel(t, g.kind)}（{g.items.length}）
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                  {t(`sup.alerts.why.${g.kind}`)}
                </Typography.Paragraph>
                <List
                  size="small"
                  bordered
                  dataSource={g.items}
                  renderItem={(a) => (
                    <List.Item
                      key={`${a.kind}-${a.link}-${a.placementId ?? ''}`}
                      actions={
                        a.placementId
                          ? [
                              <Link key="open" to={a.link}>
                                <Button size="small">{t('sup.openPlacement')}</Button>
                              </Link>,
                            ]
                          : []
                      }
                    >
                      <Flex vertical gap={4} style={{ minWidth: 0 }}>
                        <Flex gap={8} align="center" wrap>
                          <Tag color={severityColor[a.severity]}>{severityLabel(t, a.severity)}</Tag>
                          <Typography.Text>{pick(a.messageZh, a.messageEn)}</Typography.Text>
                        </Flex>
                        <Flex gap={6} wrap>
                          {numbersOf(t, a).map((n) => (
                            <Tag key={n.key} bordered={false}>
                              {n.label}：<span className="cj-mono">{n.value}</span>
                            </Tag>
                          ))}
                        </Flex>
                      </Flex>
                    </List.Item>
                  )}
                />
              </section>
            ))}
            {alerts.data.total > PAGE_SIZE ? (
              <Flex justify="flex-end">
                <Pagination
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={alerts.data.total}
                  showSizeChanger={false}
                  onChange={(p) => set({ page: String(p) })}
                />
              </Flex>
            ) : null}
          </Flex>
        )}
      </Card>
      <AntAlert type="info" showIcon style={{ marginTop: 16 }} title={t('sup.alerts.sent')} />
    </>
  );
}

/** The numbers behind an alert, labelled (cap alerts read “18 / 19”). */
function numbersOf(t: TFunction, a: Alert): { key: string; label: string; value: string }[] {
  const n = a.numbers;
  const v = (k: string) => (n[k] === null || n[k] === undefined ? '—' : String(n[k]));
  const out: { key: string; label: string; value: string }[] = [];
  const add = (key: string, label: string, value: string) => out.push({ key, label, value });
  switch (a.kind) {
    case 'insurance_expiring':
      add('insuranceEnd', t('sup.num.insuranceEnd'), v('insuranceEnd'));
      add('endDate', t('sup.num.endDate'), v('endDate'));
      if (typeof n.daysLeft === 'number')
        add('daysLeft', t('sup.num.daysLeft'), t('sup.daysN', { n: n.daysLeft }));
      break;
    case 'agreement_unconfirmed':
      add('startDate', t('sup.num.startDate'), v('startDate'));
      if (typeof n.daysToStart === 'number')
        add('daysToStart', t('sup.num.daysToStart'), t('sup.daysN', { n: n.daysToStart }));
      add(
        'missing',
        t('sup.num.missing'),
        String(n.missing ?? '')
          .split(',')
          .filter(Boolean)
          .map((p) => (p === 'school' || p === 'host' || p === 'student' ? t(`sup.party.${p}`) : p))
          .join('、') || '—',
      );
      break;
    case 'logs_overdue':
      add('since', t('sup.num.since'), v('since'));
      add('daysSince', t('sup.num.daysSince'), t('sup.daysN', { n: v('daysSince') }));
      add('dueBy', t('sup.num.dueBy'), v('dueBy'));
      add('daysOverdue', t('sup.num.daysOverdue'), t('sup.daysN', { n: v('daysOverdue') }));
      add('cadence', t('sup.num.cadence'), t('sup.daysN', { n: v('cadenceDays') }));
      break;
    case 'cap_near_limit':
      add('peak', t('sup.num.peakCap'), `${v('peak')} / ${v('cap')}`);
      add('employees', t('sup.num.employees'), v('employees'));
      add('peakOn', t('sup.num.peakOn'), v('peakOn'));
      if (typeof n.usedShare === 'number')
        add('share', t('sup.num.usedShare'), `${Math.round(n.usedShare * 1000) / 10}%`);
      if (a.host?.name) add('host', t('sup.col.host'), a.host.name);
      break;
  }
  return out;
}
