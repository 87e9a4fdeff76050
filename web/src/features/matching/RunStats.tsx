// The totals of a finished run, as statistic cards, and its warnings (e.g. hosts without an employee count,
// whose 10% intern cap cannot be applied).
import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { formatNumber, share, toPercent } from './labels';
import type { Run, RunSummary } from './types';

type Props = { run: Run; summary: RunSummary };

function Stat({
  title,
  help,
  value,
  footer,
  testId,
}: {
  title: string;
  help?: string;
  value: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic
        title={
          help ? (
            <span>
              {title}{' '}
              <Tooltip title={help}>
                <InfoCircleOutlined aria-label={help} />
              </Tooltip>
            </span>
          ) : (
            title
          )
        }
        valueRender={() => value}
      />
      {footer ? <div style={{ marginTop: 4 }}>{footer}</div> : null}
    </Card>
  );
}

export function RunStats({ run, summary: s }: Props) {
  const { t, locale } = useI18n();
  const n = (v: number | null, digits = 0) => formatNumber(v, locale, digits);
  const secondary = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
  const cards: { key: string; title: string; help?: string; value: ReactNode; footer?: ReactNode }[] = [
    {
      key: 'students',
      title: t('matching.stat.students'),
      help: t('matching.stat.studentsHelp'),
      value: n(s.students),
      footer: secondary(
        t('matching.stat.studentsFooter', {
          posts: n(s.posts),
          enterprises: n(s.enterprises),
          edges: n(s.edges),
        }),
      ),
    },
    {
      key: 'placed',
      title: t('matching.stat.placed'),
      value: (
        <span>
          {n(s.placed)}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 16 }}>
            {share(s.placed, s.students)}
          </Typography.Text>
        </span>
      ),
      footer: (
        <Progress
          percent={s.students ? Math.round((s.placed / s.students) * 1000) / 10 : 0}
          showInfo={false}
          size="small"
          aria-label={`${t('matching.stat.placed')} ${share(s.placed, s.students)}`}
        />
      ),
    },
    {
      key: 'objective',
      title: t('matching.stat.objective'),
      help:
        run.mode === 'optimal'
          ? t('matching.stat.objectiveHelpOptimal')
          : t('matching.stat.objectiveHelpStable'),
      value: n(s.objective),
    },
    {
      key: 'averageScore',
      title: t('matching.stat.averageScore'),
      help: t('matching.stat.averageScoreHelp'),
      value: n(s.averageScore, 2),
    },
    {
      key: 'averageWishRank',
      title: t('matching.stat.averageWishRank'),
      help: t('matching.stat.averageWishRankHelp'),
      value: n(s.averageWishRank, 2),
    },
    {
      key: 'gotFirstWish',
      title: t('matching.stat.gotFirstWish'),
      value: n(s.gotFirstWish),
      footer: secondary(t('matching.stat.ofPlaced', { share: share(s.gotFirstWish, s.placed) })),
    },
    {
      key: 'noConsent',
      title: t('matching.stat.noConsent'),
      help: t('matching.stat.noConsentHelp'),
      value: n(s.noConsent),
    },
    {
      key: 'ineligible',
      title: t('matching.stat.ineligible'),
      help: t('matching.stat.ineligibleHelp'),
      value: n(s.ineligible),
    },
    {
      key: 'solveMs',
      title: t('matching.stat.solveMs'),
      value: run.solveMs === null ? '—' : t('matching.ms', { n: n(run.solveMs) }),
    },
  ];

  const enterpriseName = new Map(s.byEnterprise.map((e) => [e.id, e.name]));
  const warningText = (w: RunSummary['warnings'][number]) =>
    w.code === 'EMPLOYEES_UNKNOWN'
      ? t('matching.warning.EMPLOYEES_UNKNOWN', {
          name: enterpriseName.get(w.id) ?? w.id,
          n: toPercent(run.config.caps.hostRatio),
        })
      : w.message;

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col xs={12} md={8} key={c.key}>
            <Stat title={c.title} help={c.help} value={c.value} footer={c.footer} testId={`stat-${c.key}`} />
          </Col>
        ))}
      </Row>
      {s.warnings.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('matching.warnings', { n: s.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 160, overflowY: 'auto' }}>
              {s.warnings.map((w) => (
                <li key={`${w.code}/${w.id}`}>{warningText(w)}</li>
              ))}
            </ul>
          }
          data-testid="run-warnings"
        />
      ) : null}
    </>
  );
}
