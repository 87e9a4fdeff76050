// Turn a confirmed internship matching run's results for the plan's school into placements: pick the run,
// fill in what the run does not know (mentors, hours, pay, insurance), preview every student — saved or
// refused, and why — then create the placements that pass.
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Steps,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useRuns } from '../matching/api';
import { useFromRun } from './api';
import { internErrorMessage } from './errors';
import { FindingBadges, FindingsList } from './Findings';
import {
  intensityClasses,
  intensityLabel,
  payChannelLabel,
  payChannels,
  payFrequencies,
  payFrequencyLabel,
  premiumPayerLabel,
  premiumPayers,
  venueLabel,
  venueTypes,
} from './labels';
import type { FromRunResult, FromRunRow, Plan } from './types';

type Defaults = {
  schoolMentorName: string;
  enterpriseMentorName: string;
  dailyHours: number;
  daysPerWeek: number;
  venueType: string;
  intensityClass: number;
  payAmount?: number | null;
  postWage?: number | null;
  payChannel?: string | null;
  payFrequency?: string | null;
  insurer?: string;
  policyNo?: string;
  premiumPaidBy?: string | null;
  guardianConsent: boolean;
};
type Values = Defaults & { runId?: string };

type Props = { consortiumId: string; plan: Plan; open: boolean; onClose: () => void };

export function FromRunModal({ consortiumId, plan, open, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const runs = useRuns(consortiumId, { page: 1, pageSize: 100, sort: '-createdAt' });
  const fromRun = useFromRun(consortiumId, plan.id);
  const [preview, setPreview] = useState<FromRunResult | null>(null);
  const [done, setDone] = useState<FromRunResult | null>(null);
  const [body, setBody] = useState<{ runId: string; defaults: Record<string, unknown> } | null>(null);

  const eligible = (runs.data?.items ?? []).filter(
    (r) => r.status === 'confirmed' && r.postingKind === 'internship',
  );

  function reset() {
    setPreview(null);
    setDone(null);
    setBody(null);
  }

  async function onPreview() {
    const v = await form.validateFields();
    const { runId, insurer, policyNo, ...rest } = v;
    const b = {
      runId: runId ?? '',
      defaults: {
        ...rest,
        schoolMentorName: rest.schoolMentorName.trim(),
        enterpriseMentorName: rest.enterpriseMentorName.trim(),
        insurer: insurer?.trim() || null,
        policyNo: policyNo?.trim() || null,
      },
    };
    try {
      setPreview(await fromRun.mutateAsync({ ...b, dryRun: true }));
      setBody(b);
    } catch (err) {
      void message.error(internErrorMessage(t, err, locale));
    }
  }

  async function onCreate() {
    if (!body) return;
    try {
      const out = await fromRun.mutateAsync({ ...body, dryRun: false });
      setDone(out);
      void message.success(t('intern.fromRun.created', { n: out.created }));
    } catch (err) {
      void message.error(internErrorMessage(t, err, locale));
    }
  }

  const result = done ?? preview;
  const okCount = preview?.rows.filter((r) => r.ok).length ?? 0;
  const step = done ? 2 : preview ? 1 : 0;

  return (
    <Modal
      open={open}
      title={t('intern.fromRun.title')}
      width={980}
      onCancel={() => {
        reset();
        onClose();
      }}
      forceRender
      footer={
        step === 0 ? (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={fromRun.isPending}
              disabled={!eligible.length}
              onClick={() => void onPreview().catch(() => undefined)}
              data-testid="from-run-preview"
            >
              {t('intern.fromRun.preview')}
            </Button>
          </>
        ) : step === 1 ? (
          <>
            <Button onClick={() => setPreview(null)}>{t('intern.fromRun.back')}</Button>
            <Button
              type="primary"
              loading={fromRun.isPending}
              disabled={okCount === 0}
              onClick={() => void onCreate()}
              data-testid="from-run-create"
            >
              {t('intern.fromRun.create', { n: okCount })}
            </Button>
          </>
        ) : (
          <Button
            type="primary"
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {t('intern.fromRun.close')}
          </Button>
        )
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('intern.fromRun.step.choose') },
          { title: t('intern.fromRun.step.preview') },
          { title: t('intern.fromRun.step.done') },
        ]}
      />
      <div style={{ display: step === 0 ? undefined : 'none' }}>
        {!runs.isLoading && !eligible.length ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('intern.fromRun.noRuns')}
            description={<Link to="/matching">{t('intern.fromRun.toMatching')}</Link>}
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          name="from-run"
          initialValues={{
            schoolMentorName: plan.teacherName,
            dailyHours: 8,
            daysPerWeek: 5,
            venueType: 'factory',
            intensityClass: 1,
            payChannel: 'bank_to_student',
            payFrequency: 'monthly',
            premiumPaidBy: 'school',
            guardianConsent: false,
          }}
        >
          <Form.Item
            name="runId"
            label={t('intern.fromRun.run')}
            rules={[{ required: true, message: t('intern.rule.required') }]}
          >
            <Select
              loading={runs.isLoading}
              options={eligible.map((r) => ({ value: r.id, label: r.name }))}
              placeholder={t('intern.fromRun.runPlaceholder')}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            {t('intern.fromRun.defaultsHelp', { from: plan.startDate, to: plan.endDate })}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="schoolMentorName"
                label={t('intern.field.schoolMentor')}
                rules={[{ required: true, whitespace: true, message: t('intern.rule.required') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="enterpriseMentorName"
                label={t('intern.field.enterpriseMentor')}
                rules={[{ required: true, whitespace: true, message: t('intern.rule.required') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="dailyHours" label={t('intern.field.dailyHours')} rules={[{ required: true }]}>
                <InputNumber min={1} max={24} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item
                name="daysPerWeek"
                label={t('intern.field.daysPerWeek')}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={7} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="venueType" label={t('intern.field.venueType')} rules={[{ required: true }]}>
                <Select options={venueTypes.map((v) => ({ value: v, label: venueLabel(t, v) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="intensityClass" label={t('intern.field.intensityClass')}>
                <Radio.Group
                  optionType="button"
                  options={intensityClasses.map((c) => ({ value: c, label: intensityLabel(c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="payAmount" label={t('intern.field.payAmount')}>
                <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="postWage" label={t('intern.field.postWage')}>
                <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="payChannel" label={t('intern.field.payChannel')}>
                <Select
                  allowClear
                  options={payChannels.map((c) => ({ value: c, label: payChannelLabel(t, c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="payFrequency" label={t('intern.field.payFrequency')}>
                <Select
                  allowClear
                  options={payFrequencies.map((c) => ({ value: c, label: payFrequencyLabel(t, c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="premiumPaidBy" label={t('intern.field.premiumPaidBy')}>
                <Select
                  allowClear
                  options={premiumPayers.map((c) => ({ value: c, label: premiumPayerLabel(t, c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="insurer" label={t('intern.field.insurer')}>
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="policyNo" label={t('intern.field.policyNo')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="guardianConsent"
                label={t('intern.field.guardianConsent')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
      {result ? (
        <>
          <Alert
            type={done ? 'success' : okCount === result.rows.length ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              done
                ? t('intern.fromRun.doneSummary', {
                    n: done.created,
                    refused: done.rows.length - done.created,
                  })
                : t('intern.fromRun.previewSummary', { ok: okCount, refused: result.rows.length - okCount })
            }
          />
          <Table<FromRunRow>
            rowKey="candidateId"
            size="small"
            dataSource={result.rows}
            pagination={{ pageSize: 10 }}
            expandable={{
              rowExpandable: (r) => r.findings.length > 0 || !!r.error,
              expandedRowRender: (r) => (
                <>
                  {r.error && !r.findings.length ? <Alert type="error" title={r.error} /> : null}
                  <FindingsList findings={r.findings} />
                </>
              ),
            }}
            columns={[
              {
                title: t('intern.col.student'),
                dataIndex: 'studentName',
                render: (n: string, r) =>
                  r.placementId ? <Link to={`/internships/placements/${r.placementId}`}>{n}</Link> : n,
              },
              { title: t('intern.col.host'), dataIndex: 'hostName' },
              { title: t('intern.col.post'), dataIndex: 'postTitle' },
              {
                title: t('intern.fromRun.outcome'),
                dataIndex: 'ok',
                width: 100,
                render: (ok: boolean) =>
                  ok ? (
                    <Tag color="green">{done ? t('intern.fromRun.saved') : t('intern.fromRun.ok')}</Tag>
                  ) : (
                    <Tag color="red">{t('intern.fromRun.refused')}</Tag>
                  ),
              },
              {
                title: t('intern.col.findings'),
                key: 'findings',
                render: (_: unknown, r) =>
                  r.findings.length ? (
                    <FindingBadges findings={r.findings} />
                  ) : r.error ? (
                    <Typography.Text type="danger">{r.error}</Typography.Text>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}
