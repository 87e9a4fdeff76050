// All fields of one list item, as its kind has them.
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { CatalogKind } from '../../lib/types';
import { CodeName } from '../postings/codes';
import { fieldLabel, kindFields, type ItemField } from './fields';
import {
  chainPositionLabel,
  levelLabel,
  progressColor,
  progressLabel,
  statusColor,
  statusLabel,
} from './labels';
import type { ListItem } from './types';

const none = '—';

/** Catalog codes by their names in the current catalog (the code itself where the catalog lacks it). */
export function Codes({ kind, codes }: { kind: CatalogKind; codes: string[] }) {
  if (codes.length === 0) return <>{none}</>;
  return (
    <Flex gap={4} wrap>
      {codes.map((c) => (
        <Tag key={c}>
          <CodeName kind={kind} code={c} />
        </Tag>
      ))}
    </Flex>
  );
}

export function Words({ words, max }: { words: string[]; max?: number }) {
  if (words.length === 0) return <>{none}</>;
  const shown = max === undefined ? words : words.slice(0, max);
  return (
    <Flex gap={4} wrap>
      {shown.map((w) => (
        <Tag key={w}>{w}</Tag>
      ))}
      {words.length > shown.length ? <Tag>+{words.length - shown.length}</Tag> : null}
    </Flex>
  );
}

export function ItemFacts({ item }: { item: ListItem }) {
  const { t, locale } = useI18n();
  const value: Record<Exclude<ItemField, 'unitId' | 'title' | 'description'>, ReactNode> = {
    industryCode: item.industryCode ? <CodeName kind="industry" code={item.industryCode} /> : none,
    chain: item.chain ?? none,
    chainPosition: item.chainPosition ? chainPositionLabel(t, item.chainPosition) : none,
    keyTechnologies: <Words words={item.keyTechnologies} />,
    year: item.year ?? none,
    field: item.field ?? none,
    expectedOutcome: item.expectedOutcome ? (
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.expectedOutcome}</Typography.Text>
    ) : (
      none
    ),
    budget: item.budget === null ? none : t('lists.budgetValue', { n: item.budget.toLocaleString(locale) }),
    deadline: item.deadline ? formatDate(item.deadline, locale) : none,
    occupationCode: item.occupationCode ? <CodeName kind="occupation" code={item.occupationCode} /> : none,
    majorCodes: <Codes kind="major" codes={item.majorCodes} />,
    level: item.level ? levelLabel(t, item.level) : none,
    headcount: item.headcount ?? none,
    skills: <Words words={item.skills} />,
    windowStart: item.windowStart ? formatDate(item.windowStart, locale) : none,
    windowEnd: item.windowEnd ? formatDate(item.windowEnd, locale) : none,
    regionCode: item.regionCode ? <CodeName kind="region" code={item.regionCode} /> : none,
    location: item.location ?? none,
  };
  const wide = new Set(['keyTechnologies', 'skills', 'majorCodes', 'expectedOutcome']);

  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} data-testid="list-item-facts">
      <Descriptions.Item label={fieldLabel(t, 'unitId')}>{item.unitName}</Descriptions.Item>
      <Descriptions.Item label={t('lists.field.status')}>
        <Flex gap={4} wrap>
          <Tag color={statusColor[item.status]}>{statusLabel(t, item.status)}</Tag>
          {item.progress ? (
            <Tag color={progressColor[item.progress]}>{progressLabel(t, item.progress)}</Tag>
          ) : null}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={fieldLabel(t, 'description')} span="filled">
        {item.description ? (
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.description}</Typography.Text>
        ) : (
          none
        )}
      </Descriptions.Item>
      {kindFields[item.kind].map((f) => (
        <Descriptions.Item key={f} label={fieldLabel(t, f)} span={wide.has(f) ? 'filled' : undefined}>
          {value[f]}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('lists.field.createdAt')}>
        {formatDateTime(item.createdAt, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('lists.field.updatedAt')}>
        {formatDateTime(item.updatedAt, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('lists.field.publishedAt')}>
        {formatDateTime(item.publishedAt, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('lists.field.reviewedAt')}>
        {formatDateTime(item.reviewedAt, locale)}
      </Descriptions.Item>
      {item.reviewNote ? (
        <Descriptions.Item label={t('lists.field.reviewNote')} span="filled">
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.reviewNote}</Typography.Text>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}
