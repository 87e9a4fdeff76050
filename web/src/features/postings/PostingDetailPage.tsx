// /postings/:postingId: one posting with every field, its enterprise and status; the vetting history for
// its enterprise and the secretariat (with the reason of a rejection); and what the viewer may do: apply
// (students), edit / submit / close / reopen (its enterprise), approve / reject (the secretariat).
import {
  ArrowLeftOutlined,
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  SendOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { NotFoundPage } from '../../components/ResultPages';
import { usePosting, useTalentDemands } from './api';
import { ApplyPanel } from './ApplyPanel';
import { CodeName } from './codes';
import {
  daysLeft,
  educationLevelLabel,
  formatPay,
  isPostingStatus,
  postingActionAllowed,
  postingKindLabel,
  postingStatusLabel,
} from './labels';
import { PostingStatusTag, RejectDialog } from './PostingBits';
import { PostingFormDrawer } from './PostingFormDrawer';
import { StatusTimeline } from './StatusTimeline';
import type { PostingDetail } from './types';
import { usePostingActions } from './usePostingActions';
import { usePostingUnits } from './usePostingUnits';

export default function PostingDetailPage() {
  const { postingId = '' } = useParams();
  const consortiumId = useCurrentConsortiumId();
  const { t } = useI18n();
  const query = usePosting(consortiumId, postingId);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    const err = query.error;
    if (err instanceof ApiError && (err.code === 'POSTING_NOT_FOUND' || err.status === 400))
      return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('postings.detail.title')} />
        <ErrorState error={err} onRetry={() => void query.refetch()} />
      </>
    );
  }
  return <PostingView consortiumId={consortiumId} posting={query.data} />;
}

function PostingView({ consortiumId, posting: p }: { consortiumId: string; posting: PostingDetail }) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const units = usePostingUnits();
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const { run, pending } = usePostingActions(consortiumId);
  const demands = useTalentDemands(consortiumId, p.canEdit && p.talentDemandId ? p.unitId : undefined);
  const demand = demands.data?.items.find((d) => d.id === p.talentDemandId);
  const left = daysLeft(p.deadline);
  const statusName = (s: string) => (isPostingStatus(s) ? postingStatusLabel(t, s) : s);

  const ownerActions = p.canEdit ? (
    <>
      {p.status !== 'closed' ? (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="posting-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {postingActionAllowed('submit', p.status) ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={pending}
          onClick={() => void run(p, 'submit')}
          data-testid="posting-detail-submit"
        >
          {t('postings.action.submit')}
        </Button>
      ) : null}
      {postingActionAllowed('close', p.status) ? (
        <Popconfirm
          title={t('postings.confirm.close', { title: p.title })}
          description={t('postings.confirm.closeHelp')}
          okText={t('postings.action.close')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => run(p, 'close')}
        >
          <Button danger icon={<CloseOutlined />} data-testid="posting-close">
            {t('postings.action.close')}
          </Button>
        </Popconfirm>
      ) : null}
      {postingActionAllowed('reopen', p.status) ? (
        <Button icon={<UndoOutlined />} loading={pending} onClick={() => void run(p, 'reopen')}>
          {t('postings.action.reopen')}
        </Button>
      ) : null}
    </>
  ) : null;

  const vetActions = p.canVet ? (
    <>
      {postingActionAllowed('approve', p.status) ? (
        <Popconfirm
          title={t('postings.confirm.approve', { title: p.title })}
          description={t('postings.confirm.approveHelp')}
          okText={t('postings.action.approve')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(p, 'approve')}
        >
          <Button type="primary" icon={<CheckOutlined />} data-testid="posting-approve">
            {t('postings.action.approve')}
          </Button>
        </Popconfirm>
      ) : null}
      {postingActionAllowed('reject', p.status) ? (
        <Button
          danger
          icon={<CloseOutlined />}
          onClick={() => setRejecting(true)}
          data-testid="posting-reject"
        >
          {p.status === 'published' ? t('postings.action.takeDown') : t('postings.action.reject')}
        </Button>
      ) : null}
    </>
  ) : null;

  return (
    <>
      <Link to="/postings" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('postings.detail.back')}
      </Link>
      <PageHeader
        title={p.title}
        subtitle={
          <Space size={8} wrap>
            <span>{p.unitName}</span>
            <Tag color={p.kind === 'internship' ? 'purple' : 'blue'}>{postingKindLabel(t, p.kind)}</Tag>
            <PostingStatusTag status={p.status} />
          </Space>
        }
        extra={
          <>
            {ownerActions}
            {vetActions}
          </>
        }
      />
      {p.canEdit && p.status === 'rejected' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('postings.detail.rejectedBecause')}
          description={<span data-testid="reject-reason-shown">{p.rejectReason ?? '—'}</span>}
        />
      ) : null}
      {(p.canEdit || p.canVet) && p.status === 'pending' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('postings.detail.pendingHelp')} />
      ) : null}
      {p.canEdit && p.status === 'draft' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('postings.detail.draftHelp')} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('postings.detail.info')}>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              colon={false}
              styles={{ label: { width: 110 } }}
            >
              <Descriptions.Item label={t('postings.field.unit')}>{p.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('postings.field.kind')}>
                {postingKindLabel(t, p.kind)}
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.pay')}>
                <Typography.Text type="danger" strong>
                  {formatPay(t, p, locale)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.headcount')}>
                {t('postings.card.headcount', { n: p.headcount })}
              </Descriptions.Item>
              {p.staffCount !== null && (
                <Descriptions.Item label={t('postings.field.staffCount')}>{p.staffCount}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('postings.field.district')}>
                {p.districtCode ? <CodeName kind="region" code={p.districtCode} /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.hours')}>{p.hours ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('postings.field.deadline')}>
                <span data-testid="posting-deadline-shown">{p.deadline}</span>
                {p.status === 'published' ? (
                  <Typography.Text
                    type={left <= 7 && left >= 0 ? 'warning' : 'secondary'}
                    style={{ marginInlineStart: 8 }}
                  >
                    {left < 0 ? t('postings.card.expired') : t('postings.detail.daysLeft', { n: left })}
                  </Typography.Text>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.occupation')}>
                {p.occupationCode ? <CodeName kind="occupation" code={p.occupationCode} /> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.levels')}>
                {p.levels.length
                  ? p.levels.map((l) => educationLevelLabel(t, l)).join(t('common.listSeparator'))
                  : t('postings.detail.anyLevel')}
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.majors')}>
                {p.majorCodes.length ? (
                  <Flex gap={4} wrap>
                    {p.majorCodes.map((c) => (
                      <Tag key={c} bordered={false} color="geekblue">
                        <CodeName kind="major" code={c} />
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  t('postings.detail.anyMajor')
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('postings.field.skills')} span={2}>
                {p.skills.length ? (
                  <Flex gap={4} wrap>
                    {p.skills.map((s) => (
                      <Tag key={s} color="green" bordered={false}>
                        {s}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              {p.talentDemandId && p.canEdit ? (
                <Descriptions.Item label={t('postings.field.talentDemand')} span={2}>
                  {demand ? demand.title : t('postings.detail.linkedDemand')}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('postings.field.requirements')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="posting-requirements-shown">
              {p.requirements || t('postings.detail.noRequirements')}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('postings.detail.stamps', {
                created: formatDateTime(p.createdAt, locale),
                updated: formatDateTime(p.updatedAt, locale),
              })}
              {p.vettedAt
                ? ` · ${t('postings.detail.vettedAt', { at: formatDate(p.vettedAt, locale) })}`
                : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {can('application.apply') ? <ApplyPanel consortiumId={consortiumId} posting={p} /> : null}
            {p.applicationCount !== null ? (
              <Card title={t('postings.detail.applications')} size="small">
                <Flex justify="space-between" align="center">
                  <Typography.Text style={{ fontSize: 24 }} data-testid="posting-application-count">
                    {p.applicationCount}
                  </Typography.Text>
                  {p.applicationCount > 0 && can('application.read') ? (
                    <Link to={`/applications?postingId=${p.id}`} data-testid="posting-applicants-link">
                      {t('postings.detail.viewApplicants')}
                    </Link>
                  ) : null}
                </Flex>
              </Card>
            ) : null}
            {p.canEdit || p.canVet ? (
              <Card title={t('postings.detail.history')} size="small">
                {p.history.length ? (
                  <StatusTimeline
                    history={p.history}
                    statusLabel={statusName}
                    color={(s) =>
                      isPostingStatus(s)
                        ? ({
                            draft: 'gray',
                            pending: 'blue',
                            published: 'green',
                            rejected: 'red',
                            closed: 'gray',
                          }[s] satisfies string)
                        : undefined
                    }
                  />
                ) : (
                  <Typography.Text type="secondary">{t('postings.detail.noHistory')}</Typography.Text>
                )}
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
      {p.canEdit ? (
        <PostingFormDrawer
          consortiumId={consortiumId}
          posting={p}
          open={editing}
          units={units}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {p.canVet ? (
        <RejectDialog
          consortiumId={consortiumId}
          posting={rejecting ? p : null}
          onClose={() => setRejecting(false)}
        />
      ) : null}
    </>
  );
}
