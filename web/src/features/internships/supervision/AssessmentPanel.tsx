// The 考核评价 tab of a placement: the plan's rubric; the enterprise and the school mentor each score
// every item 0–100 (their total is the weighted sum); the final score is the mean of the two totals and
// its grade; the student rates the host 1–5 on four dimensions (not shown to the host's own staff).
import { StarFilled } from '@ant-design/icons';
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
  InputNumber,
  Rate,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useAccess } from '../../../app/access';
import { ErrorState } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useAssessments, useSaveAssessment } from './api';
import { applySupFieldErrors, supErrorMessage } from './errors';
import { ratingLabel, roleLabel, studentRatingKeys } from './labels';
import type { Assessment, AssessorRole, RubricItem, SupervisedPlacement } from './types';

type Props = { consortiumId: string; placement: SupervisedPlacement };

export function AssessmentPanel({ consortiumId, placement }: Props) {
  const { t } = useI18n();
  const { can, canOnUnit } = useAccess();
  const data = useAssessments(consortiumId, placement.id);
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Skeleton active />;
  const a = data.data;
  const byRole = new Map(a.assessments.map((x) => [x.role, x]));
  const open = a.placementStatus === 'active' || a.placementStatus === 'completed';
  const maySchool = canOnUnit('internship.write', placement.schoolUnitId);
  // an external host's mentor is not on the platform: school staff record its scores, saying from what
  const mayEnterprise =
    placement.hostKind === 'external'
      ? maySchool
      : placement.hostUnitId !== null &&
        placement.sides.host &&
        canOnUnit('internship.supervise', placement.hostUnitId);
  const mayStudent = placement.sides.student && can('internship.log');
  // the student's rating is the school's and the secretariat's to read, and the student's own
  const seesRating = mayStudent || placement.sides.school || placement.sides.all;
  const weightSum = a.rubric.reduce((s, r) => s + r.weight, 0);

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('sup.assess.final')} data-testid="assess-final">
        {a.finalScore !== null ? (
          <Flex gap={32} align="center" wrap>
            <Statistic title={t('sup.assess.finalScore')} value={a.finalScore} precision={1} />
            <Statistic title={t('sup.assess.finalGrade')} value={a.finalGrade ?? '—'} />
            <Typography.Text type="secondary">{t('sup.assess.finalHow')}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">
            {t('sup.assess.finalPending')} {t('sup.assess.finalHow')}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('sup.assess.rubric')}>
        {a.rubric.length === 0 || weightSum !== 100 ? (
          <Alert
            type="warning"
            showIcon
            title={t('sup.assess.rubricBroken', { sum: weightSum })}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Table<RubricItem>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={a.rubric}
          columns={[
            { title: t('sup.assess.item'), dataIndex: 'label' },
            {
              title: t('sup.assess.weight'),
              dataIndex: 'weight',
              width: 100,
              align: 'right',
              render: (w: number) => `${w}%`,
            },
            ...(['enterprise_mentor', 'school_mentor'] as const).map((role) => ({
              title: roleLabel(t, role),
              key: role,
              width: 120,
              align: 'right' as const,
              render: (_: unknown, r: RubricItem) => byRole.get(role)?.scores[r.key] ?? '—',
            })),
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('sup.assess.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {weightSum}%
              </Table.Summary.Cell>
              {(['enterprise_mentor', 'school_mentor'] as const).map((role, i) => (
                <Table.Summary.Cell key={role} index={2 + i} align="right">
                  <strong>{byRole.get(role)?.total ?? '—'}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Row gutter={[16, 16]}>
        {(['enterprise_mentor', 'school_mentor'] as const).map((role) => (
          <Col xs={24} lg={12} key={role}>
            <MentorCard
              consortiumId={consortiumId}
              placementId={placement.id}
              role={role}
              rubric={a.rubric}
              current={byRole.get(role) ?? null}
              may={role === 'enterprise_mentor' ? mayEnterprise : maySchool}
              open={open}
              externalHost={role === 'enterprise_mentor' && placement.hostKind === 'external'}
            />
          </Col>
        ))}
      </Row>
      {seesRating ? (
        <StudentRatingCard
          consortiumId={consortiumId}
          placementId={placement.id}
          hostName={placement.hostName}
          current={byRole.get('student') ?? null}
          may={mayStudent}
          open={open}
        />
      ) : null}
    </Flex>
  );
}

function AssessedBy({ a }: { a: Assessment }) {
  const { t, locale } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('sup.assess.by', { name: a.assessedByName, time: formatDateTime(a.assessedAt, locale) })}
    </Typography.Text>
  );
}

function MentorCard({
  consortiumId,
  placementId,
  role,
  rubric,
  current,
  may,
  open,
  externalHost,
}: {
  consortiumId: string;
  placementId: string;
  role: Exclude<AssessorRole, 'student'>;
  rubric: RubricItem[];
  current: Assessment | null;
  may: boolean;
  open: boolean;
  externalHost: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    scores: Record<string, number | null>;
    comment?: string;
    onBehalfNote?: string;
  }>();
  const save = useSaveAssessment(consortiumId, placementId);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scores = Form.useWatch('scores', form) ?? {};
  const preview = rubric.every((r) => typeof scores[r.key] === 'number')
    ? Math.round(rubric.reduce((s, r) => s + (scores[r.key] as number) * r.weight, 0)) / 100
    : null;
  const showForm = may && open && (editing || !current);

  async function onFinish(v: {
    scores: Record<string, number | null>;
    comment?: string;
    onBehalfNote?: string;
  }) {
    setError(null);
    try {
      await save.mutateAsync({
        role,
        scores: Object.fromEntries(rubric.map((r) => [r.key, v.scores[r.key] ?? 0])),
        comment: v.comment?.trim() || undefined,
        ...(externalHost ? { onBehalfNote: v.onBehalfNote?.trim() ?? '' } : {}),
      });
      setEditing(false);
      void message.success(t('sup.assess.saved'));
    } catch (err) {
      if (!applySupFieldErrors(form, err, t, externalHost ? ['onBehalfNote'] : []))
        setError(supErrorMessage(t, err, locale));
    }
  }

  const editButton = (
    <Button
      size="small"
      disabled={!open}
      onClick={() => setEditing(true)}
      data-testid={`assess-edit-${role}`}
    >
      {t('sup.assess.change')}
    </Button>
  );

  return (
    <Card
      size="small"
      title={roleLabel(t, role)}
      extra={
        current ? (
          <Flex gap={8} align="center">
            <Tag color="blue">{t('sup.assess.totalN', { n: current.total })}</Tag>
            {may && !editing ? (
              open ? (
                editButton
              ) : (
                <Tooltip title={t('sup.assess.closed')}>{editButton}</Tooltip>
              )
            ) : null}
          </Flex>
        ) : null
      }
      data-testid={`assess-${role}`}
    >
      {showForm ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            scores: current?.scores ?? {},
            comment: current?.comment ?? '',
            onBehalfNote: current?.onBehalfNote ?? '',
          }}
          onFinish={(v) => void onFinish(v)}
        >
          {externalHost ? (
            <Alert type="info" showIcon title={t('sup.assess.onBehalfHelp')} style={{ marginBottom: 12 }} />
          ) : null}
          {rubric.map((r) => (
            <Form.Item
              key={r.key}
              name={['scores', r.key]}
              label={t('sup.assess.itemLabel', { label: r.label, weight: r.weight })}
              rules={[{ required: true, message: t('sup.assess.scoreRequired') }]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={0}
                style={{ width: 160 }}
                aria-label={r.label}
                suffix={t('sup.assess.points')}
              />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('sup.assess.comment')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          {externalHost ? (
            <Form.Item
              name="onBehalfNote"
              label={t('sup.assess.onBehalfNote')}
              rules={[{ required: true, whitespace: true, message: t('sup.assess.onBehalfNoteRequired') }]}
            >
              <Input.TextArea
                rows={2}
                maxLength={1000}
                showCount
                placeholder={t('sup.assess.onBehalfPlaceholder')}
              />
            </Form.Item>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Flex gap={8} align="center" wrap>
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              data-testid={`assess-submit-${role}`}
            >
              {current ? t('sup.assess.update') : t('sup.assess.submit')}
            </Button>
            {current ? <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button> : null}
            <Typography.Text type="secondary">
              {preview !== null ? t('sup.assess.preview', { n: preview }) : t('sup.assess.previewPending')}
            </Typography.Text>
          </Flex>
        </Form>
      ) : current ? (
        <Flex vertical gap={8}>
          <Descriptions
            size="small"
            column={1}
            items={rubric.map((r) => ({
              key: r.key,
              label: t('sup.assess.itemLabel', { label: r.label, weight: r.weight }),
              children: current.scores[r.key] ?? '—',
            }))}
          />
          {current.comment ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{current.comment}</Typography.Paragraph>
          ) : null}
          {current.onBehalfNote ? (
            <Typography.Text type="secondary">
              {t('sup.assess.onBehalfShown', { note: current.onBehalfNote })}
            </Typography.Text>
          ) : null}
          <AssessedBy a={current} />
        </Flex>
      ) : (
        <Typography.Text type="secondary">
          {externalHost && !may
            ? t('sup.assess.externalHost')
            : may && !open
              ? t('sup.assess.closed')
              : t('sup.assess.notYet', { role: roleLabel(t, role) })}
        </Typography.Text>
      )}
    </Card>
  );
}

function StudentRatingCard({
  consortiumId,
  placementId,
  hostName,
  current,
  may,
  open,
}: {
  consortiumId: string;
  placementId: string;
  hostName: string;
  current: Assessment | null;
  may: boolean;
  open: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scores: Record<string, number>; comment?: string }>();
  const save = useSaveAssessment(consortiumId, placementId);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const showForm = may && open && (editing || !current);

  async function onFinish(v: { scores: Record<string, number>; comment?: string }) {
    setError(null);
    try {
      await save.mutateAsync({
        role: 'student',
        scores: Object.fromEntries(studentRatingKeys.map((k) => [k, v.scores[k] ?? 0])),
        comment: v.comment?.trim() || undefined,
      });
      setEditing(false);
      void message.success(t('sup.rating.saved'));
    } catch (err) {
      setError(supErrorMessage(t, err, locale));
    }
  }

  return (
    <Card
      size="small"
      title={t('sup.rating.title', { host: hostName })}
      extra={
        current ? (
          <Flex gap={8} align="center">
            <Tag color="gold" icon={<StarFilled />}>
              {t('sup.rating.mean', { n: current.total })}
            </Tag>
            {may && open && !editing ? (
              <Button size="small" onClick={() => setEditing(true)}>
                {t('sup.assess.change')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
      data-testid="assess-student"
    >
      <Typography.Paragraph type="secondary">{t('sup.rating.help')}</Typography.Paragraph>
      {showForm ? (
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '120px' }}
          initialValues={{ scores: current?.scores ?? {}, comment: current?.comment ?? '' }}
          onFinish={(v) => void onFinish(v)}
        >
          {studentRatingKeys.map((k) => (
            <Form.Item
              key={k}
              name={['scores', k]}
              label={ratingLabel(t, k)}
              rules={[{ required: true, message: t('sup.rating.required') }]}
            >
              <Rate aria-label={ratingLabel(t, k)} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('sup.assess.comment')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rating-submit">
              {current ? t('sup.assess.update') : t('sup.rating.submit')}
            </Button>
            {current ? <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button> : null}
          </Flex>
        </Form>
      ) : current ? (
        <Flex vertical gap={8}>
          {studentRatingKeys.map((k) => (
            <Flex key={k} gap={12} align="center">
              <span style={{ width: 120 }}>{ratingLabel(t, k)}</span>
              <Rate
                disabled
                value={current.scores[k] ?? 0}
                aria-label={`${ratingLabel(t, k)} ${current.scores[k] ?? 0}`}
              />
            </Flex>
          ))}
          {current.comment ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{current.comment}</Typography.Paragraph>
          ) : null}
          <AssessedBy a={current} />
        </Flex>
      ) : (
        <Typography.Text type="secondary">
          {may && !open ? t('sup.assess.closed') : t('sup.rating.notYet')}
        </Typography.Text>
      )}
    </Card>
  );
}
