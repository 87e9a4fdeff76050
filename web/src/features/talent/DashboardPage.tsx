// /talent/dashboard: the supply–demand dashboard. Talent demand against registered students by 专业大类,
// demand by occupation, the application funnel, applications per week and the outcome rates by cohort.
// Every figure comes from GET /talent/dashboard; a click on a figure opens the records behind it.
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSpinner } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { useSchoolScope } from '../candidates/scope';
import { useDashboard } from './api';
import { DemandSupplyChart, FunnelChart, OccupationChart, TrendChart, WeeklyChart } from './DashboardCharts';
import { count, percent } from './format';
import type { Dashboard } from './types';

function Kpi({
  title,
  value,
  note,
  to,
  testId,
}: {
  title: string;
  value: string;
  note: ReactNode;
  to?: string;
  testId: string;
}) {
  const stat = <Statistic title={title} value={value} data-testid={testId} />;
  return (
    <Card size="small" style={{ height: '100%' }}>
      {to ? (
        <Link to={to} aria-label={`${title} ${value}`} style={{ color: 'inherit', display: 'block' }}>
          {stat}
        </Link>
      ) : (
        stat
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note}
      </Typography.Text>
    </Card>
  );
}

/** The candidates list shows something: the user reaches every school, or their own. */
function useReachesStudents() {
  const scope = useSchoolScope('candidate.read');
  return scope.everywhere || scope.schools.length > 0;
}

function Kpis({ d }: { d: Dashboard }) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const reachesStudents = useReachesStudents();
  const latest = d.outcomesTrend.at(-1);
  // each student has one major, so the groups add up to the students with a major
  const students = d.demandVsSupply.reduce((n, g) => n + g.supply, 0);
  const span = { xs: 12, md: 8, xl: 4 };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col {...span}>
        <Kpi
          title={t('dash.kpi.openPostings')}
          value={count(d.funnel.openPostings, locale)}
          note={t('dash.kpi.openPostingsNote', { n: count(d.funnel.postings, locale) })}
          to={can('posting.read') ? '/postings?status=published' : undefined}
          testId="kpi-open-postings"
        />
      </Col>
      <Col {...span}>
        <Kpi
          title={t('dash.kpi.openings')}
          value={count(d.funnel.openings, locale)}
          note={t('dash.kpi.openingsNote')}
          to={can('posting.read') ? '/postings?status=published' : undefined}
          testId="kpi-openings"
        />
      </Col>
      <Col {...span}>
        <Kpi
          title={t('dash.kpi.students')}
          value={count(students, locale)}
          note={t('dash.kpi.studentsNote')}
          to={reachesStudents ? '/candidates' : undefined}
          testId="kpi-students"
        />
      </Col>
      <Col {...span}>
        <Kpi
          title={t('dash.kpi.applied')}
          value={count(d.funnel.applied, locale)}
          note={t('dash.kpi.appliedNote')}
          to={can('application.read') ? '/applications' : undefined}
          testId="kpi-applied"
        />
      </Col>
      <Col {...span}>
        <Kpi
          title={t('dash.kpi.accepted')}
          value={count(d.funnel.accepted, locale)}
          note={t('dash.kpi.acceptedNote')}
          to={can('application.read') ? '/applications?status=accepted' : undefined}
          testId="kpi-accepted"
        />
      </Col>
      <Col {...span}>
        <Kpi
          title={t('dash.kpi.employment')}
          value={latest ? percent(latest.employment, locale) : '—'}
          note={
            latest
              ? t('dash.kpi.employmentNote', { year: latest.cohortYear, n: count(latest.total, locale) })
              : t('dash.noOutcomes')
          }
          to={latest ? `/talent/rates?cohortYear=${latest.cohortYear}` : '/talent/rates'}
          testId="kpi-employment"
        />
      </Col>
    </Row>
  );
}

export default function DashboardPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can } = useAccess();
  const reachesStudents = useReachesStudents();
  const q = useDashboard(consortiumId);

  let body;
  if (q.isPending) body = <PageSpinner />;
  else if (q.isError)
    body = (
      <Card>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </Card>
    );
  else {
    const d = q.data;
    const canApplications = can('application.read');
    body = (
      <>
        <Kpis d={d} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card title={t('dash.demandSupply')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('dash.demandSupplyHelp')}</Typography.Paragraph>
              <DemandSupplyChart
                data={d.demandVsSupply}
                canCandidates={reachesStudents}
                canLists={can('list.read')}
              />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t('dash.occupation')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('dash.occupationHelp')}</Typography.Paragraph>
              <OccupationChart data={d.demandByOccupation} canLists={can('list.read')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dash.funnel')} style={{ height: '100%' }}>
              <Flex gap={16} wrap style={{ marginBottom: 8 }}>
                <Typography.Text>
                  {t('dash.postingsLine', {
                    postings: count(d.funnel.postings, locale),
                    open: count(d.funnel.openPostings, locale),
                    openings: count(d.funnel.openings, locale),
                  })}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {canApplications ? t('dash.funnelHelp') : t('dash.funnelHelpNoLink')}
              </Typography.Paragraph>
              <FunnelChart funnel={d.funnel} canApplications={canApplications} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('dash.weekly')} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t('dash.weeklyHelp')}</Typography.Paragraph>
              <WeeklyChart data={d.applicationsByWeek} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              title={t('dash.trend')}
              extra={
                <Link to="/talent/rates">
                  <Button size="small">{t('dash.openRates')}</Button>
                </Link>
              }
            >
              <Typography.Paragraph type="secondary">{t('dash.trendHelp')}</Typography.Paragraph>
              <TrendChart data={d.outcomesTrend} />
            </Card>
          </Col>
        </Row>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.dashboard')} subtitle={t('dash.subtitle')} />
      {body}
    </>
  );
}
