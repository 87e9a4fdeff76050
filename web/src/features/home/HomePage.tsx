// /: the current consortium at a glance; for those who see every consortium and chose none, the list.
import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { useMe } from '../../app/auth';
import { useConsortium } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { levelColor, levelLabel, statusColor, statusLabel } from '../../lib/labels';
import { useConsortiumSummary } from '../consortia/api';
import { ConsortiaTable } from '../consortia/ConsortiaTable';
import { ConsortiumProfile } from './ConsortiumProfile';

// the chart library is big: the figures show first, the chart follows
const UnitsByType = lazy(() => import('./UnitsByType'));

export default function HomePage() {
  const { consortiumId, seesAll } = useConsortium();
  if (consortiumId) return <ConsortiumOverview consortiumId={consortiumId} />;
  if (seesAll) return <AllConsortia />;
  return <NoMembership />;
}

function AllConsortia() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('home.allTitle')} subtitle={t('home.allSubtitle')} />
      <Card>
        <ConsortiaTable />
      </Card>
    </>
  );
}

function NoMembership() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('nav.home')} />
      <Card>
        <EmptyState description={t('home.noMembership')}>
          <Link to="/account">
            <Button>{t('nav.account')}</Button>
          </Link>
        </EmptyState>
      </Card>
    </>
  );
}

function ConsortiumOverview({ consortiumId }: { consortiumId: string }) {
  const { t, locale, pick } = useI18n();
  const me = useMe();
  const { can } = useAccess();
  const { seesAll, setConsortiumId } = useConsortium();
  const summary = useConsortiumSummary(consortiumId);

  if (summary.isPending) return <PageSpinner />;
  if (summary.isError) {
    const gone = summary.error instanceof ApiError && summary.error.status === 404;
    return (
      <Card>
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        {gone && seesAll ? (
          <Flex justify="center">
            <Button onClick={() => setConsortiumId(null)}>{t('home.clearChoice')}</Button>
          </Flex>
        ) : null}
      </Card>
    );
  }

  const { consortium, unitsByType, users } = summary.data;
  const unitCount = unitsByType.reduce((n, u) => n + u.count, 0);
  const myRoles = me.memberships.filter((m) => m.consortiumId === consortiumId);

  return (
    <>
      <PageHeader
        title={pick(consortium.name, consortium.nameEn)}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <Tag color={levelColor[consortium.level]}>{levelLabel(t, consortium.level)}</Tag>
            <Tag color={statusColor[consortium.status]}>{statusLabel(t, consortium.status)}</Tag>
            <span>
              {t('consortium.code')}: {consortium.code}
            </span>
            {consortium.regionCode ? (
              <span>
                {t('consortium.regionCode')}: {consortium.regionCode}
              </span>
            ) : null}
            <span>
              {t('common.createdAt')}: {formatDate(consortium.createdAt, locale)}
            </span>
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={8} lg={6}>
          <Card>
            <Statistic title={t('home.unitCount')} value={unitCount} data-testid="stat-units" />
          </Card>
        </Col>
        <Col xs={8} lg={6}>
          <Card>
            <Statistic title={t('home.userCount')} value={users} data-testid="stat-users" />
          </Card>
        </Col>
        <Col xs={8} lg={6}>
          <Card>
            <Statistic title={t('home.typeCount')} value={unitsByType.filter((u) => u.count > 0).length} />
          </Card>
        </Col>
        <Col xs={24} lg={6}>
          <Card style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('home.myRoles')}</Typography.Text>
            <Flex gap={4} wrap style={{ marginTop: 8 }}>
              {myRoles.length === 0 ? (
                <Typography.Text>{seesAll ? t('home.platformAdmin') : '—'}</Typography.Text>
              ) : (
                myRoles.map((m) => (
                  <Tag key={m.id} color="blue">
                    {pick(m.roleNameZh, m.roleNameEn)}
                    {m.memberUnitName ? ` · ${m.memberUnitName}` : ''}
                  </Tag>
                ))
              )}
            </Flex>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('home.composition')}>
            {unitCount === 0 ? (
              <EmptyState description={t('home.noUnits')}>
                {can('unit.create') ? (
                  <Link to="/units">
                    <Button type="primary">{t('units.create')}</Button>
                  </Link>
                ) : null}
              </EmptyState>
            ) : (
              <Suspense fallback={<PageSpinner />}>
                <UnitsByType data={unitsByType} linkToUnits={can('unit.read')} />
              </Suspense>
            )}
          </Card>
        </Col>
      </Row>
      <ConsortiumProfile data={summary.data} />
    </>
  );
}
