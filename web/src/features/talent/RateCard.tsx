// One rate: its value, numerator / denominator, the definition, and links to the records on each side.
import { Card, Flex, Progress, Statistic, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { drillDownLink, partLabel, rateLabel } from '../outcomes/labels';
import type { RatePart, RateScope } from '../outcomes/types';
import { colors } from './charts';
import { count, percent } from './format';
import type { Rate } from './types';

type Props = {
  rate: Rate;
  scope: RateScope;
  /** may open the outcomes list */
  canDrill: boolean;
  /** the list shows only the user's schools' records */
  partialView: boolean;
};

export function RateCard({ rate, scope, canDrill, partialView }: Props) {
  const { t, locale } = useI18n();
  const definition = locale === 'en' ? rate.definition.en : rate.definition.zh;
  const color = colors[rate.key];
  const part = (p: RatePart, n: number) => {
    const label = `${partLabel(t, p)} ${count(n, locale)}`;
    if (!canDrill) return <Typography.Text>{label}</Typography.Text>;
    return (
      <Tooltip title={partialView ? t('rates.partialView') : undefined}>
        <Link
          to={drillDownLink(rate.key, p, scope)}
          aria-label={t('rates.openRecords', { rate: rateLabel(t, rate.key), part: partLabel(t, p), n: n })}
          data-testid={`rate-${rate.key}-${p}`}
        >
          {label}
        </Link>
      </Tooltip>
    );
  };

  let body;
  if (!rate.available) {
    body = (
      <Flex vertical gap={4}>
        <Statistic value="—" styles={{ content: { color: '#8c8c8c' } }} />
        <Typography.Text type="warning" data-testid={`rate-${rate.key}-unavailable`}>
          {t('rates.noCity')}
        </Typography.Text>
        <Typography.Text type="secondary">{t('rates.noCityHelp')}</Typography.Text>
      </Flex>
    );
  } else {
    body = (
      <Flex vertical gap={8}>
        <Statistic
          value={percent(rate.value, locale)}
          styles={{ content: { color, fontSize: 32 } }}
          data-testid={`rate-${rate.key}-value`}
        />
        <Progress
          percent={rate.value === null ? 0 : Math.round(rate.value * 1000) / 10}
          showInfo={false}
          strokeColor={color}
          aria-hidden
        />
        {rate.value === null ? (
          <Typography.Text type="secondary">{t('rates.nothingCounted')}</Typography.Text>
        ) : null}
        <Flex gap={4} wrap align="center">
          {part('numerator', rate.numerator)}
          <Typography.Text type="secondary">/</Typography.Text>
          {part('denominator', rate.denominator)}
        </Flex>
      </Flex>
    );
  }

  return (
    <Card title={rateLabel(t, rate.key)} style={{ height: '100%' }} data-testid={`rate-card-${rate.key}`}>
      {body}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        <Typography.Text type="secondary" strong style={{ fontSize: 12 }}>
          {t('rates.definition')}：
        </Typography.Text>
        {definition}
      </Typography.Paragraph>
    </Card>
  );
}
