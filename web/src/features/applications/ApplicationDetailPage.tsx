// /applications/:applicationId: the posting, the applicant (what the enterprise may see: no ID number, no
// phone), the cover note, the interview, every transition with its time, actor and note, and the actions
// the viewer may take.
import { ArrowLeftOutlined, CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundPage } from '../../components/ResultPages';
import { ErrorState, PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { educationLevelLabel, postingKindLabel } from '../postings/labels';
import { StatusTimeline } from '../postings/StatusTimeline';
import type { HistoryEntry } from '../postings/types';
import { useActionDialog } from './ActionDialog';
import { useApplication } from './api';
import {
  allowedActions,
  applicationActionLabel,
  applicationStatusLabel,
  ApplicationStatusTag,
  isApplicationStatus,
} from './labels';
import type { ApplicationDetail } from './types';

export default function ApplicationDetailPage() {
  const { applicationId = '' } = useParams();
  const consortiumId = useCurrentConsortiumId();
  const { t } = useI18n();
  const query = useApplication(consortiumId, applicationId);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    const err = query.error;
    if (err instanceof ApiError && (err.code === 'APPLICATION_NOT_FOUND' || err.status === 400))
      return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('applications.detail.title')} />
        <ErrorState error={err} onRetry={() => void query.refetch()} />
      </>
    );
  }
  return <ApplicationView consortiumId={consortiumId} application={query.data} />;
}

const destructive = new Set(['reject', 'withdraw', 'decline']);

function ApplicationView({
  consortiumId,
  application: a,
}: {
  consortiumId: string;
  application: ApplicationDetail;
}) {
  const { t, locale } = useI18n();
  const actions = useActionDialog(consortiumId);
  const allowed = allowedActions(a.status, a);
  const statusName = (s: string) => (isApplicationStatus(s) ? applicationStatusLabel(t, s) : s);
  const c = a.candidate;

  const interviewLines = (h: HistoryEntry) => {
    const at = typeof h.data?.interviewAt === 'string' ? h.data.interviewAt : null;
    const place = typeof h.data?.interviewPlace === 'string' ? h.data.interviewPlace : null;
    if (!at && !place) return null;
    return (
      <Typography.Text style={{ display: 'block' }}>
        {at ? (
          <>
            <CalendarOutlined /> {formatDateTime(at, locale)}{' '}
          </>
        ) : null}
        {place ? (
          <>
            <EnvironmentOutlined /> {place}
          </>
        ) : null}
      </Typography.Text>
    );
  };

  return (
    <>
      <Link to="/applications" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('applications.detail.back')}
      </Link>
      <PageHeader
        title={
          a.isMine
            ? a.posting.title
            : t('applications.detail.heading', { name: c.name, posting: a.posting.title })
        }
        subtitle={
          <Space size={8} wrap>
            <span>{a.posting.unitName}</span>
            <ApplicationStatusTag status={a.status} />
          </Space>
        }
        extra={allowed.map((action) => (
          <Button
            key={action}
            type={action === 'offer' || action === 'accept' ? 'primary' : 'default'}
            danger={destructive.has(action)}
            onClick={() => actions.open(a, action)}
            data-testid={`application-${action}`}
          >
            {applicationActionLabel(t, action)}
          </Button>
        ))}
      />
      {a.isMine && a.status === 'offered' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('applications.detail.offeredHelp')}
        />
      ) : null}
      {a.status === 'interviewing' && a.interviewAt ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('applications.detail.interviewAt', { at: formatDateTime(a.interviewAt, locale) })}
          description={
            a.interviewPlace ? t('applications.detail.interviewPlace', { place: a.interviewPlace }) : null
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card title={a.isMine ? t('applications.detail.myProfile') : t('applications.detail.applicant')}>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small" colon={false}>
                <Descriptions.Item label={t('applications.field.name')}>
                  <span data-testid="applicant-name">{c.name}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.field.school')}>
                  {c.schoolName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.field.major')}>
                  {c.majorName ? `${c.majorName}（${c.majorCode}）` : (c.majorCode ?? '—')}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.field.level')}>
                  {c.level ? educationLevelLabel(t, c.level) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.field.graduation')}>
                  {c.expectedGraduation ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.field.skills')}>
                  {c.skills.length ? (
                    <Flex gap={4} wrap>
                      {c.skills.map((s) => (
                        <Tag key={s} bordered={false} color="green">
                          {s}
                        </Tag>
                      ))}
                    </Flex>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('applications.field.certificates')}
              </Typography.Title>
              {c.certificates.length ? (
                <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                  {c.certificates.map((cert, i) => (
                    <li key={`${cert.name}-${i}`}>
                      {cert.name}
                      <Typography.Text type="secondary">
                        {' · '}
                        {t(`applications.certKind.${cert.kind}`)}
                        {cert.level ? ` · ${cert.level}` : ''}
                        {cert.issuedOn ? ` · ${cert.issuedOn}` : ''}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              ) : (
                <Typography.Text type="secondary">{t('applications.detail.noCertificates')}</Typography.Text>
              )}
              {!a.isMine ? (
                <Typography.Paragraph
                  type="secondary"
                  style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}
                >
                  {t('applications.detail.privacy')}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t('applications.field.coverNote')}>
              {a.coverNote ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {a.coverNote}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('applications.detail.noCoverNote')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card title={t('applications.field.posting')} size="small">
              <Descriptions column={1} size="small" colon={false}>
                <Descriptions.Item label={t('postings.field.title')}>
                  <Link to={`/postings/${a.posting.id}`}>{a.posting.title}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('postings.field.unit')}>{a.posting.unitName}</Descriptions.Item>
                <Descriptions.Item label={t('postings.field.kind')}>
                  {postingKindLabel(t, a.posting.kind)}
                </Descriptions.Item>
                <Descriptions.Item label={t('postings.field.deadline')}>
                  {a.posting.deadline}
                </Descriptions.Item>
                <Descriptions.Item label={t('applications.field.appliedAt')}>
                  {formatDateTime(a.createdAt, locale)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('applications.detail.history')} size="small">
              {a.history.length ? (
                <StatusTimeline
                  history={a.history}
                  statusLabel={statusName}
                  extra={interviewLines}
                  color={(s) =>
                    s === 'accepted' || s === 'offered'
                      ? 'green'
                      : s === 'rejected'
                        ? 'red'
                        : s === 'withdrawn' || s === 'declined'
                          ? 'gray'
                          : 'blue'
                  }
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('applications.detail.noHistory')}
                />
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      {actions.dialog}
    </>
  );
}
