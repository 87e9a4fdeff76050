// /internships/placements/:placementId: everything about one placement — its data, status and the moves
// the viewer may make (start, complete, terminate with a reason, cancel), what the rules found, the
// three-party agreement, the status history; the supervision panel below.
import { EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSpinner } from '../../components/States';
import { useI18n } from '../../lib/i18n';
import { useMajorNames } from '../matching/api';
import { usePlacement, useTransition } from './api';
import { AgreementCard } from './AgreementCard';
import { internErrorMessage } from './errors';
import { FindingBadges, FindingsList, violationFindings } from './Findings';
import {
  hostKindLabel,
  intensityLabel,
  kindLabel,
  payChannelLabel,
  payFrequencyLabel,
  premiumPayerLabel,
  venueLabel,
} from './labels';
import { PlacementFormDrawer } from './PlacementFormDrawer';
import { PlacementTimeline } from './PlacementTimeline';
import { StatusTag } from './PlacementsTable';
// The supervision pages (logs, flags, assessments, alerts) live in ./supervision and render here.
import { PlacementSupervision } from './supervision/PlacementSupervision';
import type { Finding, PlacementAction } from './types';

export default function PlacementDetailPage() {
  const { placementId = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const consortiumId = useCurrentConsortiumId();
  const detail = usePlacement(consortiumId, placementId);
  const transition = useTransition(consortiumId, placementId);
  const [editing, setEditing] = useState(false);
  const [terminating, setTerminating] = useState(false);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<Finding[] | null>(null);
  const majors = useMajorNames(detail.data?.postMajorCodes ?? []);

  if (detail.isLoading) return <PageSpinner />;
  if (detail.isError || !detail.data)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const p = detail.data;

  async function act(action: PlacementAction, note?: string) {
    try {
      await transition.mutateAsync({ action, note });
      setRefused(null);
      setTerminating(false);
      setReason('');
      void message.success(t(`intern.action.${action}.done`));
    } catch (err) {
      const findings = violationFindings(err);
      if (findings) setRefused(findings);
      void message.error(internErrorMessage(t, err, locale));
    }
  }

  const yes = (b: boolean) => (b ? t('intern.yes') : t('intern.no'));
  const money = (n: number | null) => (n === null ? '—' : `${n} ${t('intern.unit.yuanMonth')}`);
  const actions = (
    <>
      {p.can.edit ? (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="placement-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {p.can.start ? (
        <Popconfirm
          title={t('intern.action.start.title')}
          description={t('intern.action.start.text')}
          okText={t('intern.action.start')}
          cancelText={t('common.cancel')}
          onConfirm={() => act('start')}
        >
          <Button type="primary" loading={transition.isPending} data-testid="placement-start">
            {t('intern.action.start')}
          </Button>
        </Popconfirm>
      ) : null}
      {p.can.complete ? (
        <Popconfirm
          title={t('intern.action.complete.title')}
          okText={t('intern.action.complete')}
          cancelText={t('common.cancel')}
          onConfirm={() => act('complete')}
        >
          <Button type="primary" data-testid="placement-complete">
            {t('intern.action.complete')}
          </Button>
        </Popconfirm>
      ) : null}
      {p.can.terminate ? (
        <Button danger onClick={() => setTerminating(true)} data-testid="placement-terminate">
          {t('intern.action.terminate')}
        </Button>
      ) : null}
      {p.can.cancel ? (
        <Popconfirm
          title={t('intern.action.cancel.title')}
          description={t('intern.action.cancel.text')}
          okText={t('intern.action.cancel')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => act('cancel')}
        >
          <Button danger data-testid="placement-cancel">
            {t('intern.action.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('intern.placement.title', { student: p.studentName, host: p.hostName })}
        subtitle={
          <>
            <Link to={`/internships/plans/${p.planId}`}>{p.planTitle}</Link> · {kindLabel(t, p.kind)} ·{' '}
            {p.schoolName}
          </>
        }
        extra={actions}
      />
      {refused ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          style={{ marginBottom: 16 }}
          title={t('intern.action.startRefused')}
          description={<FindingsList findings={refused} />}
          data-testid="start-refused"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              title={
                <Flex gap={8} align="center">
                  <span>{t('intern.placement.data')}</span>
                  <StatusTag status={p.status} />
                </Flex>
              }
              items={[
                {
                  key: 'student',
                  label: t('intern.field.student'),
                  children: [p.studentName, p.studentNo, p.majorCode].filter(Boolean).join(' · '),
                },
                {
                  key: 'host',
                  label: t('intern.col.host'),
                  children: (
                    <Flex gap={4} wrap>
                      {p.hostName}
                      <Tag>{hostKindLabel(t, p.hostKind)}</Tag>
                    </Flex>
                  ),
                },
                { key: 'post', label: t('intern.field.postTitle'), children: p.postTitle },
                {
                  key: 'staff',
                  label: t('intern.field.postStaffCount'),
                  children: p.postStaffCount ?? '—',
                },
                {
                  key: 'majors',
                  label: t('intern.field.postMajors'),
                  span: 'filled',
                  children: p.postMajorCodes.length
                    ? p.postMajorCodes.map((c) => (
                        <Tag key={c}>{majors.get(c) ? `${c} ${majors.get(c)}` : c}</Tag>
                      ))
                    : '—',
                },
                { key: 'sm', label: t('intern.field.schoolMentor'), children: p.schoolMentorName },
                { key: 'em', label: t('intern.field.enterpriseMentor'), children: p.enterpriseMentorName },
                {
                  key: 'period',
                  label: t('intern.col.period'),
                  children: (
                    <span className="cj-mono">
                      {p.startDate} ~ {p.endDate}
                    </span>
                  ),
                },
                {
                  key: 'hours',
                  label: t('intern.placement.hours'),
                  children: t('intern.placement.hoursText', { h: p.dailyHours, d: p.daysPerWeek }),
                },
                {
                  key: 'toggles',
                  label: t('intern.placement.special'),
                  span: 'filled',
                  children: (
                    <Flex gap={4} wrap>
                      {(['nightShifts', 'holidayWork', 'overtime', 'hazardousWork'] as const).map((k) => (
                        <Tag key={k} color={p[k] ? 'orange' : undefined}>
                          {t(`intern.field.${k}`)}：{yes(p[k])}
                        </Tag>
                      ))}
                      {p.exemptionRef ? (
                        <Tag>
                          {t('intern.field.exemptionRef')}：{p.exemptionRef}
                        </Tag>
                      ) : null}
                    </Flex>
                  ),
                },
                { key: 'pay', label: t('intern.field.payAmount'), children: money(p.payAmount) },
                { key: 'wage', label: t('intern.field.postWage'), children: money(p.postWage) },
                {
                  key: 'channel',
                  label: t('intern.field.payChannel'),
                  children: p.payChannel ? payChannelLabel(t, p.payChannel) : '—',
                },
                {
                  key: 'freq',
                  label: t('intern.field.payFrequency'),
                  children: p.payFrequency ? payFrequencyLabel(t, p.payFrequency) : '—',
                },
                {
                  key: 'intensity',
                  label: t('intern.field.intensityClass'),
                  children: intensityLabel(p.intensityClass),
                },
                { key: 'venue', label: t('intern.field.venueType'), children: venueLabel(t, p.venueType) },
                {
                  key: 'address',
                  label: t('intern.field.address'),
                  span: 'filled',
                  children: p.address ?? '—',
                },
                {
                  key: 'flags',
                  label: t('intern.placement.conditions'),
                  span: 'filled',
                  children: (
                    <Flex gap={4} wrap>
                      {(['viaIntermediary', 'feesCharged', 'documentsHeld', 'guardianConsent'] as const).map(
                        (k) => (
                          <Tag key={k}>
                            {t(`intern.field.${k}`)}：{yes(p[k])}
                          </Tag>
                        ),
                      )}
                    </Flex>
                  ),
                },
                {
                  key: 'insurance',
                  label: t('intern.section.insurance'),
                  span: 'filled',
                  children: p.insurer
                    ? t('intern.placement.insuranceText', {
                        insurer: p.insurer,
                        no: p.policyNo ?? '—',
                        from: p.insuranceStart ?? '—',
                        to: p.insuranceEnd ?? '—',
                        payer: p.premiumPaidBy ? premiumPayerLabel(t, p.premiumPaidBy) : '—',
                      })
                    : t('intern.placement.noInsurance'),
                },
                ...(p.statusNote
                  ? [
                      {
                        key: 'note',
                        label: t('intern.placement.statusNote'),
                        span: 'filled' as const,
                        children: p.statusNote,
                      },
                    ]
                  : []),
                ...(p.finalScore !== null
                  ? [
                      {
                        key: 'score',
                        label: t('intern.placement.finalScore'),
                        children: `${Math.round(p.finalScore)}${p.finalGrade ? `（${p.finalGrade}）` : ''}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <AgreementCard consortiumId={consortiumId} placementId={p.id} />
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={t('intern.placement.findings')}
            style={{ marginBottom: 16 }}
            extra={<FindingBadges findings={p.findings} />}
            data-testid="placement-findings"
          >
            {p.findings.length ? (
              <FindingsList findings={p.findings} />
            ) : (
              <Typography.Text type="secondary">{t('intern.placement.noFindings')}</Typography.Text>
            )}
          </Card>
          <Card title={t('intern.placement.history')}>
            <PlacementTimeline history={p.history} />
          </Card>
        </Col>
      </Row>
      {/* supervision: logs, flags, assessments and alerts of this placement (./supervision) */}
      <PlacementSupervision consortiumId={consortiumId} placement={p} />
      {p.can.edit ? (
        <PlacementFormDrawer
          consortiumId={consortiumId}
          open={editing}
          plan={null}
          placement={p}
          onClose={() => setEditing(false)}
        />
      ) : null}
      <Modal
        open={terminating}
        title={t('intern.action.terminate.title')}
        onCancel={() => setTerminating(false)}
        okText={t('intern.action.terminate')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0, loading: transition.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => void act('terminate', reason.trim())}
      >
        <Form layout="vertical">
          <Form.Item label={t('intern.action.terminate.reason')} required>
            <Input.TextArea
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-label={t('intern.action.terminate.reason')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
