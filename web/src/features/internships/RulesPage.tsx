// /internships/rules (合规规则): every compliance rule with its source (document, article or 条款号待核实,
// note), certainty, what it applies to, its parameters (current value vs default), severity here, whether
// it was adjusted, and the open findings it causes. The secretariat changes parameters and severities
// (with a reason); rules cannot be deleted.
import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useRules } from './api';
import { CertaintyTag, SourceText } from './Findings';
import { kindLabel, severityColor, severityLabel } from './labels';
import { formatParam, RuleEditModal } from './RuleEditModal';
import { useInternshipScope } from './scope';
import type { Rule } from './types';

export default function RulesPage() {
  const { t, locale, pick } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const rules = useRules(consortiumId);
  const scope = useInternshipScope();
  const [editing, setEditing] = useState<Rule | null>(null);

  const columns: TableColumnsType<Rule> = [
    {
      title: t('intern.rules.col.rule'),
      key: 'rule',
      minWidth: 260,
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <Flex gap={4} wrap align="center">
            <Tag className="cj-mono">{r.id}</Tag>
            <Typography.Text strong>{pick(r.titleZh, r.titleEn)}</Typography.Text>
          </Flex>
          <SourceText source={r.source} />
        </Flex>
      ),
    },
    {
      title: t('intern.rules.col.certainty'),
      dataIndex: 'certainty',
      width: 130,
      render: (_: unknown, r) => <CertaintyTag certainty={r.certainty} />,
    },
    {
      title: t('intern.rules.col.appliesTo'),
      dataIndex: 'appliesTo',
      width: 110,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          {r.appliesTo.map((k) => (
            <Tag key={k}>{kindLabel(t, k)}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('intern.rules.col.params'),
      key: 'params',
      width: 220,
      render: (_: unknown, r) =>
        r.params.length ? (
          <Flex vertical gap={2}>
            {r.params.map((p) => (
              <span key={p.key} data-testid={`param-${r.id}-${p.key}`}>
                {pick(p.labelZh, p.labelEn)}：
                <Typography.Text strong>{formatParam(p, p.value)}</Typography.Text>
                {p.value !== p.default ? (
                  <Typography.Text type="secondary">
                    {' '}
                    {t('intern.rules.default', { v: formatParam(p, p.default) })}
                  </Typography.Text>
                ) : null}
              </span>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('intern.rules.col.severity'),
      dataIndex: 'severity',
      width: 100,
      render: (_: unknown, r) => (
        <Flex gap={4} wrap align="center">
          <Tag color={severityColor[r.severity]}>{severityLabel(t, r.severity)}</Tag>
          {r.severityLocked ? (
            <Tooltip title={t('intern.rules.locked')}>
              <LockOutlined aria-label={t('intern.rules.locked')} />
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('intern.rules.col.changed'),
      dataIndex: 'changed',
      width: 100,
      render: (_: unknown, r) =>
        r.changed ? (
          <Tooltip
            title={
              <>
                {r.note}
                {r.updatedAt ? <div>{formatDateTime(r.updatedAt, locale)}</div> : null}
              </>
            }
          >
            <Tag color="purple" data-testid="rule-changed">
              {t('intern.rules.changed')}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('intern.rules.asDefault')}</Typography.Text>
        ),
    },
    {
      title: t('intern.rules.col.open'),
      key: 'open',
      width: 120,
      render: (_: unknown, r) =>
        r.openFindings.block || r.openFindings.warn ? (
          <Link to={`/internships/compliance?ruleId=${encodeURIComponent(r.id)}&groupBy=rule`}>
            <Flex gap={4} wrap>
              {r.openFindings.block ? (
                <Tag color="red">{t('intern.findings.blockN', { n: r.openFindings.block })}</Tag>
              ) : null}
              {r.openFindings.warn ? (
                <Tag color="orange">{t('intern.findings.warnN', { n: r.openFindings.warn })}</Tag>
              ) : null}
            </Flex>
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    ...(scope.canRules
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: Rule) => (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setEditing(r)}
                aria-label={t('intern.rules.editN', { id: r.id })}
                data-testid={`rule-edit-${r.id}`}
              >
                {t('intern.rules.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.internRules')} subtitle={t('intern.rules.subtitle')} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('intern.rules.explainTitle')}
        description={
          <>
            <div>{t('intern.rules.explainCertainty')}</div>
            <div>{t('intern.rules.explainSettings')}</div>
            <div>{t('intern.rules.noDelete')}</div>
          </>
        }
      />
      <Card>
        {rules.isError ? (
          <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <Table<Rule>
            rowKey="id"
            columns={columns}
            dataSource={rules.data}
            loading={rules.isLoading}
            pagination={false}
            scroll={{ x: 1120 }}
          />
        )}
      </Card>
      {scope.canRules ? (
        <RuleEditModal consortiumId={consortiumId} rule={editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
