// Says which records the list shows when it was opened from a rate: "本地就业率的分子：…", with the scope,
// a way back to the rates and a way out of the drill-down.
import { Alert, Button, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { partDescription, partLabel, rateLabel, ratesLink } from './labels';
import type { RateKey, RatePart, RateScope } from './types';

type Props = {
  rate: RateKey;
  part: RatePart;
  scope: RateScope;
  /** the scope in words (cohort, school, major, industry), or empty */
  scopeText: string;
  /** the user sees only some schools' records */
  partialView: boolean;
  total: number | undefined;
  onClear: () => void;
};

export function DrillDownBanner({ rate, part, scope, scopeText, partialView, total, onClear }: Props) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="drilldown-banner"
      title={t('outc.drill.title', {
        rate: rateLabel(t, rate),
        part: partLabel(t, part),
        records: partDescription(t, rate, part),
      })}
      description={
        <Flex vertical gap={4}>
          <Typography.Text>
            {scopeText ? t('outc.drill.scope', { scope: scopeText }) : t('outc.drill.allScope')}
            {total !== undefined ? ` · ${t('outc.drill.count', { n: total })}` : ''}
          </Typography.Text>
          {partialView ? <Typography.Text type="secondary">{t('outc.drill.partial')}</Typography.Text> : null}
        </Flex>
      }
      action={
        <Flex vertical gap={4}>
          <Link to={ratesLink(scope)}>
            <Button size="small" block>
              {t('outc.drill.backToRates')}
            </Button>
          </Link>
          <Button size="small" type="link" onClick={onClear} data-testid="drilldown-clear">
            {t('outc.drill.clear')}
          </Button>
        </Flex>
      }
    />
  );
}
