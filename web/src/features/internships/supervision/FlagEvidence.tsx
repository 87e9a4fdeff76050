// What a flag rests on, for the person who checks it: the near-duplicate log side by side with each
// similar log and their similarity; the students behind one device or IP; the logs never co-signed;
// the gap in the logs.
import { Alert, Button, Col, Descriptions, Flex, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { internshipsKey } from '../api';
import type { PlacementDetail } from '../types';
import { useLog } from './api';
import { supErrorMessage } from './errors';
import { LogFiles, LogPeriod, LogStatusTag } from './LogView';
import type { Flag } from './types';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const pct = (x: number) => `${Math.round(x * 100)}%`;

type Similar = { logId: string; placementId: string; similarity: number; sameSchool: boolean };

function similarOf(v: unknown): Similar[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => {
    if (typeof x !== 'object' || x === null) return [];
    const r = x as Record<string, unknown>;
    const logId = str(r.logId);
    const placementId = str(r.placementId);
    const similarity = num(r.similarity);
    return logId && placementId && similarity !== null
      ? [{ logId, placementId, similarity, sameSchool: r.sameSchool === true }]
      : [];
  });
}

export function FlagEvidence({
  consortiumId,
  flag,
  onOpenLog,
}: {
  consortiumId: string;
  flag: Flag;
  onOpenLog: (logId: string) => void;
}) {
  const { t } = useI18n();
  const d = flag.details;
  return (
    <Flex vertical gap={12} data-testid="flag-evidence">
      {flag.kind === 'near_duplicate' ? (
        <NearDuplicate consortiumId={consortiumId} flag={flag} />
      ) : flag.kind === 'shared_device' ? (
        <SharedDevice consortiumId={consortiumId} flag={flag} onOpenLog={onOpenLog} />
      ) : flag.kind === 'never_cosigned' ? (
        <Flex vertical gap={8}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'count', label: t('sup.flag.uncosigned'), children: num(d.count) ?? '—' },
              { key: 'oldest', label: t('sup.flag.oldest'), children: str(d.oldestSubmittedOn) ?? '—' },
              {
                key: 'older',
                label: t('sup.flag.olderThan'),
                children: t('sup.daysN', { n: num(d.olderThanDays) ?? '—' }),
              },
            ]}
          />
          <LogButtons logIds={strings(d.logIds)} onOpenLog={onOpenLog} />
        </Flex>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'since', label: t('sup.flag.since'), children: str(d.since) ?? '—' },
            {
              key: 'daysSince',
              label: t('sup.flag.daysSince'),
              children: t('sup.daysN', { n: num(d.daysSince) ?? '—' }),
            },
            { key: 'dueBy', label: t('sup.flag.dueBy'), children: str(d.dueBy) ?? '—' },
            {
              key: 'overdue',
              label: t('sup.flag.daysOverdue'),
              children: t('sup.daysN', { n: num(d.daysOverdue) ?? '—' }),
            },
            {
              key: 'cadence',
              label: t('sup.flag.cadence'),
              children: t('sup.daysN', { n: num(d.cadenceDays) ?? '—' }),
            },
            {
              key: 'grace',
              label: t('sup.flag.grace'),
              children: t('sup.daysN', { n: num(d.graceDays) ?? '—' }),
            },
          ]}
        />
      )}
    </Flex>
  );
}

function LogButtons({ logIds, onOpenLog }: { logIds: string[]; onOpenLog: (id: string) => void }) {
  const { t } = useI18n();
  if (logIds.length === 0) return null;
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text type="secondary">{t('sup.flag.logs')}：</Typography.Text>
      {logIds.map((id, i) => (
        <Button key={id} size="small" onClick={() => onOpenLog(id)}>
          {t('sup.flag.logN', { n: i + 1 })}
        </Button>
      ))}
    </Flex>
  );
}

/** One log's text in a column of the side-by-side view. */
function LogColumn({
  consortiumId,
  logId,
  label,
}: {
  consortiumId: string;
  logId: string;
  label: ReactNode;
}) {
  const { t, locale } = useI18n();
  const log = useLog(consortiumId, logId);
  return (
    <Flex vertical gap={6} style={{ height: '100%' }}>
      <Typography.Text strong>{label}</Typography.Text>
      {log.isError ? (
        <Alert
          type="info"
          showIcon
          title={
            log.error instanceof ApiError && log.error.status === 404
              ? t('sup.flag.otherSchoolLog')
              : supErrorMessage(t, log.error, locale)
          }
        />
      ) : !log.data ? (
        <Skeleton active />
      ) : (
        <>
          <Flex gap={8} align="center" wrap>
            <Link to={`/internships/placements/${log.data.placementId}`}>
              {log.data.placement.studentName}
            </Link>
            <Typography.Text type="secondary">{log.data.placement.schoolName}</Typography.Text>
            <LogStatusTag status={log.data.status} />
          </Flex>
          <Typography.Text type="secondary">
            <LogPeriod log={log.data} />
          </Typography.Text>
          <div
            style={{
              whiteSpace: 'pre-wrap',
              background: 'var(--ant-color-fill-quaternary, #fafafa)',
              padding: 12,
              borderRadius: 6,
              flex: 1,
            }}
          >
            {log.data.content}
          </div>
          <LogFiles consortiumId={consortiumId} log={log.data} />
        </>
      )}
    </Flex>
  );
}

function NearDuplicate({ consortiumId, flag }: { consortiumId: string; flag: Flag }) {
  const { t } = useI18n();
  const similar = similarOf(flag.details.similarTo);
  const [picked, setPicked] = useState(0);
  const threshold = num(flag.details.threshold);
  if (!flag.logId || similar.length === 0) {
    return <Typography.Text type="secondary">{t('sup.flag.noEvidence')}</Typography.Text>;
  }
  const other = similar[Math.min(picked, similar.length - 1)]!;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('sup.flag.similarTo')}</Typography.Text>
        <Segmented<number>
          value={picked}
          onChange={setPicked}
          options={similar.map((s, i) => ({
            value: i,
            label: `${t('sup.flag.similarN', { n: i + 1 })} · ${pct(s.similarity)}${s.sameSchool ? '' : ` · ${t('sup.flag.otherSchool')}`}`,
          }))}
        />
        {threshold !== null ? (
          <Typography.Text type="secondary">{t('sup.flag.threshold', { n: pct(threshold) })}</Typography.Text>
        ) : null}
      </Flex>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <LogColumn consortiumId={consortiumId} logId={flag.logId} label={t('sup.flag.thisLog')} />
        </Col>
        <Col xs={24} md={12}>
          <LogColumn
            key={other.logId}
            consortiumId={consortiumId}
            logId={other.logId}
            label={
              <Flex gap={8} align="center">
                {t('sup.flag.similarLog')}
                <Tag color={other.similarity >= 0.95 ? 'red' : 'orange'}>
                  {t('sup.flag.similarity', { n: pct(other.similarity) })}
                </Tag>
              </Flex>
            }
          />
        </Col>
      </Row>
    </Flex>
  );
}

function SharedDevice({
  consortiumId,
  flag,
  onOpenLog,
}: {
  consortiumId: string;
  flag: Flag;
  onOpenLog: (id: string) => void;
}) {
  const { t } = useI18n();
  const d = flag.details;
  const others = strings(d.otherPlacementIds);
  // the other students behind the device: their placements, where the viewer may see them
  const placements = useQueries({
    queries: others.map((id) => ({
      queryKey: [...internshipsKey(consortiumId), 'placement', id],
      queryFn: () => api.get<PlacementDetail>(`/consortia/${consortiumId}/internships/placements/${id}`),
      retry: false,
      staleTime: 60_000,
    })),
  });
  const byDevice = d.by === 'device';
  return (
    <Flex vertical gap={8}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          {
            key: 'by',
            label: t('sup.flag.by'),
            children: byDevice ? t('sup.flag.byDevice') : t('sup.flag.byIp'),
          },
          {
            key: 'source',
            label: byDevice ? t('sup.flag.device') : t('sup.flag.ip'),
            children: <span className="cj-mono">{str(d.source) ?? '—'}</span>,
          },
          ...(byDevice ? [] : [{ key: 'day', label: t('sup.flag.day'), children: str(d.day) ?? '—' }]),
          { key: 'students', label: t('sup.flag.students'), children: num(d.students) ?? '—' },
        ]}
      />
      {byDevice ? null : <Typography.Text type="secondary">{t('sup.flag.ipHint')}</Typography.Text>}
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('sup.flag.sharedWith')}</Typography.Text>
        <Tag color="blue">{flag.placement.studentName}</Tag>
        {others.map((id, i) => {
          const q = placements[i];
          const p = q?.data;
          return p ? (
            <Link key={id} to={`/internships/placements/${id}`}>
              <Tag>{p.studentName}</Tag>
            </Link>
          ) : q?.isError ? (
            <Tag key={id}>{t('sup.flag.otherSchoolStudent')}</Tag>
          ) : (
            <Tag key={id}>…</Tag>
          );
        })}
      </Flex>
      <LogButtons logIds={strings(d.logIds)} onOpenLog={onOpenLog} />
    </Flex>
  );
}
