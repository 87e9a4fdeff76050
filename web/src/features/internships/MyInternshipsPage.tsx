// /internships/my (我的实习): a student's own placements; each opens the placement, where the student
// reads and confirms the agreement.
import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { usePlacements } from './api';
import { FindingBadges } from './Findings';
import { kindLabel } from './labels';
import { StatusTag } from './PlacementsTable';

export default function MyInternshipsPage() {
  const { t } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const mine = usePlacements(consortiumId, { mine: 'true', page: 1, pageSize: 50, sort: '-startDate' });

  return (
    <>
      <PageHeader title={t('nav.internMy')} subtitle={t('intern.my.subtitle')} />
      {mine.isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data?.items.length ? (
        <Card>
          <EmptyState description={t('intern.my.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {mine.data.items.map((p) => (
            <Col xs={24} lg={12} key={p.id}>
              <Card
                data-testid="my-placement"
                title={
                  <Flex gap={8} align="center" wrap>
                    <Link to={`/internships/placements/${p.id}`} data-testid="my-placement-link">
                      {p.hostName} · {p.postTitle}
                    </Link>
                    <StatusTag status={p.status} />
                  </Flex>
                }
                extra={
                  <Link
                    to={`/internships/placements/${p.id}`}
                    aria-label={t('intern.my.open', { host: p.hostName })}
                  >
                    {t('intern.my.openShort')} <RightOutlined />
                  </Link>
                }
              >
                {p.status === 'pending' ? (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('intern.my.pendingHint')}
                  />
                ) : null}
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'plan',
                      label: t('intern.col.plan'),
                      children: `${p.planTitle}（${kindLabel(t, p.kind)}）`,
                    },
                    {
                      key: 'period',
                      label: t('intern.col.period'),
                      children: (
                        <span className="cj-mono">
                          {p.startDate} ~ {p.endDate}
                        </span>
                      ),
                    },
                    { key: 'sm', label: t('intern.field.schoolMentor'), children: p.schoolMentorName },
                    {
                      key: 'em',
                      label: t('intern.field.enterpriseMentor'),
                      children: p.enterpriseMentorName,
                    },
                    {
                      key: 'findings',
                      label: t('intern.col.findings'),
                      children: <FindingBadges findings={p.findings} />,
                    },
                    ...(p.finalScore !== null
                      ? [
                          {
                            key: 'score',
                            label: t('intern.placement.finalScore'),
                            children: <Tag color="blue">{Math.round(p.finalScore)}</Tag>,
                          },
                        ]
                      : []),
                  ]}
                />
                {p.statusNote ? <Typography.Text type="secondary">{p.statusNote}</Typography.Text> : null}
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
