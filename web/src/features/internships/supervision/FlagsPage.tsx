// /internships/flags: the anomaly flags — near-duplicate logs, one device or IP behind many students,
// logs never co-signed, missing logs — for people to check. Running the detectors, reading each flag's
// evidence, closing it as dismissed or confirmed with a note. Flags are prompts, not punishments.
import { RadarChartOutlined, SafetyOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { useCurrentConsortiumId } from '../../../app/consortium';
import { PageHeader } from '../../../components/PageHeader';
import { ForbiddenPage } from '../../../components/ResultPages';
import { EmptyState, ErrorState } from '../../../components/States';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { serverPaging, sortOrderOf, useListParams } from '../../../lib/useListParams';
import { useInternshipScope } from '../scope';
import { useDetectFlags, useFlags, useReviewFlag } from './api';
import { supErrorMessage } from './errors';
import { FlagEvidence } from './FlagEvidence';
import {
  flagKindColor,
  flagKindLabel,
  flagKinds,
  flagStatusColor,
  flagStatuses,
  flagStatusLabel,
} from './labels';
import { LogDrawer } from './LogDrawer';
import type { DetectResult, Flag, FlagKind, FlagStatus } from './types';

const sorts = ['-raisedAt', 'raisedAt', 'kind', '-kind'];

/** Flags are never shown to students. */
export default function FlagsRoute() {
  const { can } = useAccess();
  return can('internship.log') ? <ForbiddenPage /> : <FlagsPage />;
}

function FlagsPage() {
  const { t, locale, pick } = useI18n();
  const { message } = App.useApp();
  const consortiumId = useCurrentConsortiumId();
  const { canOnUnit } = useAccess();
  const scope = useInternshipScope();
  const list = useListParams(['kind', 'status'], { sort: '-raisedAt', sorts });
  const kind = flagKinds.includes(list.filters.kind as FlagKind)
    ? (list.filters.kind as FlagKind)
    : undefined;
  const askedStatus = list.filters.status;
  const status: FlagStatus | undefined =
    askedStatus === 'all'
      ? undefined
      : flagStatuses.includes(askedStatus as FlagStatus)
        ? (askedStatus as FlagStatus)
        : 'open';
  const flags = useFlags(consortiumId, {
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    kind,
    status,
  });
  const detect = useDetectFlags(consortiumId);
  const [ran, setRan] = useState<DetectResult | null>(null);
  const [reviewing, setReviewing] = useState<Flag | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  // detection covers the viewer's schools' students (an enterprise's admin also holds internship.write)
  const canDetect = scope.canWrite;

  async function runDetect() {
    try {
      setRan(await detect.mutateAsync());
    } catch (err) {
      void message.error(supErrorMessage(t, err, locale));
    }
  }

  const columns: TableColumnsType<Flag> = [
    {
      title: t('sup.col.kind'),
      dataIndex: 'kind',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'kind'),
      render: (k: FlagKind) => <Tag color={flagKindColor[k]}>{flagKindLabel(t, k)}</Tag>,
    },
    {
      title: t('sup.col.student'),
      key: 'student',
      width: 170,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Link to={`/internships/placements/${r.placementId}`}>{r.placement.studentName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.placement.schoolName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sup.col.host'),
      key: 'host',
      width: 200,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.placement.hostName ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.placement.postTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sup.col.summary'),
      key: 'summary',
      minWidth: 260,
      render: (_: unknown, r) => pick(r.summaryZh, r.summaryEn),
    },
    {
      title: t('sup.col.raisedAt'),
      dataIndex: 'raisedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf(list.sort, 'raisedAt'),
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, locale)}</span>,
    },
    {
      title: t('sup.col.status'),
      dataIndex: 'status',
      width: 200,
      render: (s: FlagStatus, r) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={flagStatusColor[s]} data-testid="flag-status">
              {flagStatusLabel(t, s)}
            </Tag>
          </span>
          {r.reviewedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.reviewedByName} · {formatDateTime(r.reviewedAt, locale)}
              {r.reviewNote ? `：${r.reviewNote}` : null}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, r) => {
        if (r.status !== 'open') return null;
        const may = canOnUnit('internship.write', r.placement.schoolUnitId);
        const button = (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<SafetyOutlined />}
            disabled={!may}
            onClick={() => setReviewing(r)}
            aria-label={t('sup.flag.reviewFor', { name: r.placement.studentName })}
            data-testid="flag-review"
          >
            {t('sup.flag.review')}
          </Button>
        );
        return may ? button : <Tooltip title={t('sup.flag.reviewOnlySchool')}>{button}</Tooltip>;
      },
    },
  ];

  const detectButton = (
    <Button
      type="primary"
      icon={<RadarChartOutlined />}
      loading={detect.isPending}
      disabled={!canDetect}
      onClick={() => void runDetect()}
      data-testid="flags-detect"
    >
      {t('sup.flags.detect')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('nav.supFlags')}
        subtitle={t('sup.flags.subtitle')}
        extra={
          canDetect ? detectButton : <Tooltip title={t('sup.flags.detectOnlySchool')}>{detectButton}</Tooltip>
        }
      />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('sup.flags.noticeTitle')}
        description={t('sup.flags.notice')}
        data-testid="flags-notice"
      />
      {ran ? (
        <Alert
          type={Object.values(ran.raised).some((n) => n > 0) ? 'info' : 'success'}
          showIcon
          closable={{ onClose: () => setRan(null) }}
          style={{ marginBottom: 16 }}
          data-testid="flags-detected"
          title={t('sup.flags.detected', {
            n: Object.values(ran.raised).reduce((a, b) => a + b, 0),
            logs: ran.scannedLogs,
            placements: ran.scannedPlacements,
          })}
          description={
            <Flex gap={8} wrap>
              {flagKinds.map((k) => (
                <Tag key={k} color={ran.raised[k] ? flagKindColor[k] : undefined}>
                  {flagKindLabel(t, k)}：{ran.raised[k]}
                </Tag>
              ))}
            </Flex>
          }
        />
      ) : null}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<string>
            style={{ width: 200 }}
            value={kind ?? 'all'}
            aria-label={t('sup.col.kind')}
            onChange={(v) => list.update({ kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('sup.flags.allKinds') },
              ...flagKinds.map((k) => ({ value: k, label: flagKindLabel(t, k) })),
            ]}
          />
          <Select<string>
            style={{ width: 160 }}
            value={status ?? 'all'}
            aria-label={t('sup.col.status')}
            onChange={(v) => list.update({ status: v === 'open' ? undefined : v })}
            options={[
              { value: 'all', label: t('sup.allStatuses') },
              ...flagStatuses.map((s) => ({ value: s, label: flagStatusLabel(t, s) })),
            ]}
          />
        </Flex>
        {flags.isError ? (
          <ErrorState error={flags.error} onRetry={() => void flags.refetch()} />
        ) : flags.data && flags.data.total === 0 ? (
          <EmptyState
            description={status === 'open' && !kind ? t('sup.flags.emptyOpen') : t('common.noMatch')}
          >
            {canDetect && status === 'open' && !kind ? detectButton : null}
          </EmptyState>
        ) : (
          <Table<Flag>
            rowKey="id"
            columns={columns}
            dataSource={flags.data?.items}
            loading={flags.isLoading || flags.isFetching}
            scroll={{ x: 1240 }}
            expandable={{
              expandedRowRender: (r) => (
                <FlagEvidence consortiumId={consortiumId} flag={r} onOpenLog={setReading} />
              ),
              expandRowByClick: false,
            }}
            {...serverPaging(list, flags.data?.total ?? 0, '-raisedAt', (n) => t('common.total', { n }))}
          />
        )}
      </Card>
      {reviewing ? (
        <ReviewModal consortiumId={consortiumId} flag={reviewing} onClose={() => setReviewing(null)} />
      ) : null}
      <LogDrawer consortiumId={consortiumId} logId={reading} onClose={() => setReading(null)} />
    </>
  );
}

function ReviewModal({
  consortiumId,
  flag,
  onClose,
}: {
  consortiumId: string;
  flag: Flag;
  onClose: () => void;
}) {
  const { t, locale, pick } = useI18n();
  const { message } = App.useApp();
  const review = useReviewFlag(consortiumId);
  const [status, setStatus] = useState<'dismissed' | 'confirmed' | null>(null);
  const [note, setNote] = useState('');

  async function submit() {
    if (!status || !note.trim()) return;
    try {
      await review.mutateAsync({ flagId: flag.id, status, note: note.trim() });
      void message.success(t(status === 'dismissed' ? 'sup.flag.dismissedDone' : 'sup.flag.confirmedDone'));
      onClose();
    } catch (err) {
      void message.error(supErrorMessage(t, err, locale));
    }
  }

  return (
    <Modal
      open
      title={t('sup.flag.reviewTitle', {
        kind: flagKindLabel(t, flag.kind),
        name: flag.placement.studentName,
      })}
      onCancel={onClose}
      okText={t('sup.flag.reviewOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: !status || !note.trim(),
        loading: review.isPending,
        danger: status === 'confirmed',
      }}
      onOk={() => void submit()}
      destroyOnHidden
      width={560}
    >
      <Alert type="warning" showIcon title={t('sup.flags.notice')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph>{pick(flag.summaryZh, flag.summaryEn)}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('sup.flag.outcome')} required>
          <Radio.Group
            value={status}
            onChange={(e) => setStatus(e.target.value as 'dismissed' | 'confirmed')}
            aria-label={t('sup.flag.outcome')}
          >
            <Flex vertical gap={4}>
              <Radio value="dismissed">{t('sup.flag.dismiss')}</Radio>
              <Radio value="confirmed">{t('sup.flag.confirm')}</Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('sup.flag.note')}
          required
          htmlFor="flag-review-note"
          extra={t('sup.flag.noteHelp')}
        >
          <Input.TextArea
            id="flag-review-note"
            rows={3}
            maxLength={1000}
            showCount
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
