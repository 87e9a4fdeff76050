// What the compliance rules found, explained: the rule, the message with its numbers, the source document
// and article (or that the article is still to be verified), and how certain the rule's basis is.
import { CheckCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Alert, Flex, List, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { certaintyColor, certaintyHelp, certaintyLabel, severityColor, severityLabel } from './labels';
import type { Certainty, Finding } from './types';

export function CertaintyTag({ certainty }: { certainty: Certainty }) {
  const { t } = useI18n();
  return (
    <Tooltip title={certaintyHelp(t, certainty)}>
      <Tag color={certaintyColor[certainty]} data-testid="certainty-tag">
        [{certainty}] {certaintyLabel(t, certainty)}
      </Tag>
    </Tooltip>
  );
}

/** 《document》 article (or 条款号待核实) — note */
export function SourceText({ source }: { source: Finding['source'] }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {source.document} {source.article ?? t('intern.source.unverified')}
      {source.note && source.note !== t('intern.source.unverified') ? `（${source.note}）` : ''}
    </Typography.Text>
  );
}

/** Blocking findings first, then warnings; each in the server's order. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t, pick } = useI18n();
  return (
    <List
      size="small"
      dataSource={sortFindings(findings)}
      data-testid="findings"
      renderItem={(f) => (
        <List.Item
          data-testid={`finding-${f.ruleId}`}
          data-severity={f.severity}
          style={{
            borderInlineStart: `3px solid ${f.severity === 'block' ? '#ff4d4f' : '#fa8c16'}`,
            paddingInlineStart: 12,
            display: 'block',
          }}
        >
          <Flex gap={4} wrap align="center" style={{ marginBottom: 4 }}>
            <Tag color={severityColor[f.severity]}>{severityLabel(t, f.severity)}</Tag>
            <Tag className="cj-mono">{f.ruleId}</Tag>
            <CertaintyTag certainty={f.certainty} />
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }}>{pick(f.messageZh, f.messageEn)}</Typography.Paragraph>
          <SourceText source={f.source} />
        </List.Item>
      )}
    />
  );
}

/** Red count of blocking findings, orange of warnings; the messages in a tooltip. */
export function FindingBadges({ findings }: { findings: readonly Finding[] }) {
  const { t, pick } = useI18n();
  const block = findings.filter((f) => f.severity === 'block');
  const warn = findings.filter((f) => f.severity === 'warn');
  if (!block.length && !warn.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const tip = (fs: Finding[]) => (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {fs.map((f, i) => (
        <li key={`${f.ruleId}-${i}`}>{pick(f.messageZh, f.messageEn)}</li>
      ))}
    </ul>
  );
  return (
    <Flex gap={4} wrap>
      {block.length ? (
        <Tooltip title={tip(block)}>
          <Tag color="red" data-testid="finding-block">
            {t('intern.findings.blockN', { n: block.length })}
          </Tag>
        </Tooltip>
      ) : null}
      {warn.length ? (
        <Tooltip title={tip(warn)}>
          <Tag color="orange" data-testid="finding-warn">
            {t('intern.findings.warnN', { n: warn.length })}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

export type CheckState =
  | { kind: 'idle' }
  | { kind: 'checking'; previous?: Finding[] }
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'error'; message: string }
  | { kind: 'done'; ok: boolean; findings: Finding[]; refused?: boolean };

/** The live check's panel beside the placement form. */
export function CheckPanel({ state, title }: { state: CheckState; title?: ReactNode }) {
  const { t } = useI18n();
  let body: ReactNode;
  if (state.kind === 'idle') {
    body = <Typography.Text type="secondary">{t('intern.check.idle')}</Typography.Text>;
  } else if (state.kind === 'incomplete') {
    body = (
      <Alert
        type="info"
        showIcon
        title={t('intern.check.incomplete')}
        description={state.missing.length ? state.missing.join('、') : undefined}
      />
    );
  } else if (state.kind === 'error') {
    body = <Alert type="error" showIcon title={state.message} />;
  } else if (state.kind === 'checking') {
    body = (
      <>
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('intern.check.checking')}
        </Typography.Text>
        {state.previous?.length ? <FindingsList findings={state.previous} /> : null}
      </>
    );
  } else {
    const block = state.findings.filter((f) => f.severity === 'block').length;
    const warn = state.findings.length - block;
    body = (
      <>
        {state.refused ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('intern.check.refused')}
            data-testid="check-refused"
          />
        ) : null}
        {state.ok ? (
          <Alert
            type={warn ? 'warning' : 'success'}
            showIcon
            icon={<CheckCircleFilled />}
            title={warn ? t('intern.check.okWithWarnings', { n: warn }) : t('intern.check.ok')}
            data-testid="check-ok"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            title={t('intern.check.blocked', { n: block })}
            data-testid="check-blocked"
          />
        )}
        {state.findings.length ? <FindingsList findings={state.findings} /> : null}
      </>
    );
  }
  return (
    <section aria-label={t('intern.check.title')} aria-live="polite" data-testid="check-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title ?? t('intern.check.title')}
      </Typography.Title>
      {body}
    </section>
  );
}

/** The findings of a 409 COMPLIANCE_VIOLATION, if that is what `err` is. */
export function violationFindings(err: unknown): Finding[] | null {
  if (!(err instanceof ApiError) || err.code !== 'COMPLIANCE_VIOLATION') return null;
  const d = err.details;
  if (typeof d !== 'object' || d === null || !('findings' in d) || !Array.isArray(d.findings)) return [];
  // the server's findingOut shape (the 409 body is typed by the same schema as the check's answer)
  return d.findings as Finding[];
}
