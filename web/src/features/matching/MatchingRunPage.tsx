// /matching/:runId: one run. While it is computed, its progress (polled every second); when it failed, the
// error; when done, its totals, breakdowns and each student's placement with the explanation, export to
// Excel, and confirmation into offers.
import { ArrowLeftOutlined, CheckCircleOutlined, DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex, Popconfirm, Result, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSpinner } from '../../components/States';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useListParams } from '../../lib/useListParams';
import { exportRun, isActive, isFinished, useDeleteRun, useMajorNames, useRun } from './api';
import { Breakdowns } from './Breakdowns';
import { ConfirmRunModal } from './ConfirmRunModal';
import { formatNumber, kindLabel, modeLabel, statusColor, statusLabel } from './labels';
import { resultFilterKeys, resultSorts, ResultsTable } from './ResultsTable';
import { RunConfig } from './RunConfig';
import { RunProgress } from './RunProgress';
import { RunStats } from './RunStats';
import { useRunScope } from './scope';
import type { ConfirmOutcome } from './types';

export default function MatchingRunPage() {
  const { runId = '' } = useParams();
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const scope = useRunScope();
  const query = useRun(consortiumId, runId);
  const run = query.data;
  const list = useListParams(resultFilterKeys, { sort: 'name', sorts: resultSorts });
  const majorNames = useMajorNames((run?.summary?.byMajor ?? []).map((m) => m.code));
  const remove = useDeleteRun(consortiumId);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<ConfirmOutcome | null>(null);
  const [exporting, setExporting] = useState(false);
  const resultsRef = useRef<HTMLDivElement>(null);

  if (query.isError) {
    // an id that is not one (400) is as absent as a run that is gone or out of reach (404)
    const notFound =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title={t('nav.matching')} />
        {notFound ? (
          <Result
            status="404"
            title={t('matching.notFound')}
            extra={
              <Button type="primary" onClick={() => void navigate('/matching')}>
                {t('matching.backToList')}
              </Button>
            }
          />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        )}
      </>
    );
  }
  if (!run) return <PageSpinner />;

  const summary = run.summary;
  const finished = isFinished(run.status) && summary !== null;

  async function onDelete() {
    try {
      await remove.mutateAsync(runId);
      void message.success(t('matching.deleted', { name: run?.name ?? '' }));
      void navigate('/matching');
    } catch (err) {
      void message.error(
        err instanceof ApiError && err.code === 'INVALID_TRANSITION'
          ? t('matching.deleteRefused')
          : errorMessage(t, err, locale),
      );
    }
  }

  function onExport() {
    if (!run) return;
    setExporting(true);
    exportRun(consortiumId, run.id, `${t('matching.exportName')}-${run.name}.xlsx`)
      .catch((err: unknown) => void message.error(errorMessage(t, err, locale)))
      .finally(() => setExporting(false));
  }

  function showResults(patch: { school?: string; enterprise?: string }) {
    list.update({ school: undefined, enterprise: undefined, ...patch });
    resultsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  const deletable = run.status === 'done' || run.status === 'failed';
  const actions = (
    <>
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/matching')}>
        {t('matching.backToList')}
      </Button>
      {finished ? (
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="run-export">
          {t('matching.export')}
        </Button>
      ) : null}
      {scope.canRun && deletable ? (
        <Popconfirm
          title={t('matching.deleteTitle', { name: run.name })}
          description={t('matching.deleteText')}
          okText={t('matching.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={onDelete}
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="run-delete">
            {t('matching.delete')}
          </Button>
        </Popconfirm>
      ) : null}
      {scope.canRun && run.status === 'done' ? (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => setConfirming(true)}
          data-testid="run-confirm"
        >
          {t('matching.confirm.button')}
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={run.name}
        subtitle={
          <Flex gap={8} wrap align="center" component="span">
            <Tag color={statusColor[run.status]} style={{ marginInlineEnd: 0 }} data-testid="run-status">
              {statusLabel(t, run.status)}
            </Tag>
            <span>
              {modeLabel(t, run.mode)}
              {run.placeFirst ? ` · ${t('matching.placeFirstShort')}` : ''} · {kindLabel(t, run.postingKind)}
            </span>
            <span>
              {t('matching.createdLine', {
                name: run.createdByName,
                time: formatDateTime(run.createdAt, locale),
              })}
            </span>
          </Flex>
        }
        extra={actions}
      />

      {isActive(run.status) ? <RunProgress run={run} /> : null}

      {run.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t('matching.failed')}
          description={
            <>
              {run.error?.startsWith('interrupted') ? (
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  {t('matching.failedInterrupted')}
                </Typography.Paragraph>
              ) : (
                <Typography.Paragraph className="cj-mono" style={{ marginBottom: 8, whiteSpace: 'pre-wrap' }}>
                  {run.error ?? t('error.unknown')}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary">{t('matching.failedHelp')}</Typography.Text>
            </>
          }
          data-testid="run-error"
        />
      ) : null}

      {run.status === 'confirmed' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            outcome
              ? t('matching.confirmedOutcome', {
                  offered: formatNumber(outcome.offered, locale),
                  skipped: formatNumber(outcome.skipped, locale),
                })
              : t('matching.confirmedAt', { time: formatDateTime(run.confirmedAt, locale) })
          }
          description={t('matching.confirmedHelp')}
          action={
            <Button size="small" onClick={() => void navigate('/applications')}>
              {t('matching.confirm.toApplications')}
            </Button>
          }
          data-testid="run-confirmed"
        />
      ) : null}

      {finished && summary ? (
        <>
          {summary.students === 0 ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('matching.noStudents')} />
          ) : null}
          <RunStats run={run} summary={summary} />
          <Card title={t('matching.breakdown.title')} style={{ marginBottom: 16 }}>
            <Breakdowns
              summary={summary}
              majorNames={majorNames}
              onPickSchool={(id) => showResults({ school: id })}
              onPickEnterprise={(id) => showResults({ enterprise: id })}
            />
          </Card>
          <div ref={resultsRef} style={{ scrollMarginTop: 72 }}>
            <Card
              title={t('matching.result.title')}
              extra={<Typography.Text type="secondary">{t('matching.result.help')}</Typography.Text>}
              style={{ marginBottom: 16 }}
            >
              <ResultsTable
                consortiumId={consortiumId}
                run={run}
                summary={summary}
                list={list}
                majorNames={majorNames}
              />
            </Card>
          </div>
        </>
      ) : null}

      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'config',
            label: t('matching.config.title'),
            children: <RunConfig consortiumId={consortiumId} run={run} />,
          },
        ]}
      />

      {scope.canRun && run.status !== 'failed' ? (
        <ConfirmRunModal
          consortiumId={consortiumId}
          run={run}
          open={confirming}
          onClose={() => setConfirming(false)}
          onConfirmed={setOutcome}
        />
      ) : null}
    </>
  );
}
