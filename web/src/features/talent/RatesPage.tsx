// /talent/rates: 就业率, 本地就业率 and 专业对口率 for a scope (cohort, school, major, industry), each with
// its fraction, its definition and links to the records behind both sides; and how the records were
// verified. Every figure is counted by the server from the outcome records at request time.
import { Button, Card, Col, DatePicker, Descriptions, Flex, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useAccess } from '../../app/access';
import { useCurrentConsortiumId } from '../../app/consortium';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, PageSpinner } from '../../components/States';
import { withQuery } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useListParams } from '../../lib/useListParams';
import { CodeSelect } from '../candidates/CodeSelect';
import { industryPattern, majorPrefixPattern } from '../candidates/rules';
import { SchoolSelect } from '../candidates/SchoolSelect';
import { useSchoolScope } from '../candidates/scope';
import type { RateScope } from '../outcomes/types';
import { useScopeText } from '../outcomes/useScopeText';
import { useRates } from './api';
import { count } from './format';
import { RateCard } from './RateCard';
import { VerificationMix } from './VerificationMix';

const uuid = /^[0-9a-f-]{36}$/i;
const scopeKeys = ['cohortYear', 'schoolUnitId', 'majorCode', 'industry'] as const;

export default function RatesPage() {
  const { t, locale } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { can } = useAccess();
  const params = useListParams(scopeKeys, { sort: '', sorts: [] });
  const f = params.filters;
  const scope: RateScope = {
    cohortYear: f.cohortYear && /^\d{4}$/.test(f.cohortYear) ? Number(f.cohortYear) : undefined,
    schoolUnitId: f.schoolUnitId && uuid.test(f.schoolUnitId) ? f.schoolUnitId : undefined,
    majorCode: f.majorCode && majorPrefixPattern.test(f.majorCode) ? f.majorCode : undefined,
    industry: f.industry && industryPattern.test(f.industry) ? f.industry : undefined,
  };
  const rates = useRates(consortiumId, scope);
  const scopeText = useScopeText(scope);
  // the outcomes list shows something: the user reaches every school's records, or their own school's
  const outcomeScope = useSchoolScope('outcome.read');
  const canDrill = outcomeScope.everywhere || outcomeScope.schools.length > 0;
  const partialView = canDrill && !outcomeScope.everywhere;
  const scoped = Object.values(scope).some((v) => v !== undefined);

  let body;
  if (rates.isPending) body = <PageSpinner />;
  else if (rates.isError)
    body = (
      <Card>
        <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />
      </Card>
    );
  else if (rates.data.total === 0)
    body = (
      <Card>
        <EmptyState description={scoped ? t('rates.emptyScope') : t('rates.empty')}>
          {can('outcome.write') ? (
            <Link to="/outcomes">
              <Button>{t('rates.goRecord')}</Button>
            </Link>
          ) : null}
        </EmptyState>
      </Card>
    );
  else {
    const r = rates.data;
    body = (
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'scope', label: t('rates.scope'), children: scopeText || t('rates.allRecords') },
              {
                key: 'total',
                label: t('rates.total'),
                children: canDrill ? (
                  <Link to={withQuery('/outcomes', { ...scope })} data-testid="rates-total">
                    {count(r.total, locale)}
                  </Link>
                ) : (
                  count(r.total, locale)
                ),
              },
              {
                key: 'city',
                label: t('rates.city'),
                children: r.cityCode ? <span className="cj-mono">{r.cityCode}</span> : t('rates.noCity'),
              },
            ]}
          />
        </Card>
        <Row gutter={[16, 16]}>
          {r.rates.map((rate) => (
            <Col key={rate.key} xs={24} lg={8}>
              <RateCard rate={rate} scope={scope} canDrill={canDrill} partialView={partialView} />
            </Col>
          ))}
        </Row>
        <Card
          title={t('rates.verification')}
          extra={<Typography.Text type="secondary">{t('rates.verificationHelp')}</Typography.Text>}
        >
          <VerificationMix data={r.verification} scope={scope} canDrill={canDrill} />
        </Card>
      </Flex>
    );
  }

  return (
    <>
      <PageHeader
        title={t('nav.rates')}
        subtitle={canDrill ? t('rates.subtitle') : t('rates.subtitleNoDrill')}
        extra={
          <Link to="/talent/dashboard">
            <Button>{t('nav.dashboard')}</Button>
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('rates.scope')}</Typography.Text>
          <DatePicker
            picker="year"
            placeholder={t('outc.allCohorts')}
            aria-label={t('outc.cohortYear')}
            value={scope.cohortYear ? dayjs(`${scope.cohortYear}-01-01`) : null}
            onChange={(d) => params.update({ cohortYear: d ? d.year() : undefined })}
            style={{ width: 130 }}
            data-testid="rates-cohort"
          />
          {can('unit.read') ? (
            <SchoolSelect
              consortiumId={consortiumId}
              value={scope.schoolUnitId}
              onChange={(v) => params.update({ schoolUnitId: v })}
              allowClear
              placeholder={t('cand.allSchools')}
              aria-label={t('cand.school')}
              style={{ width: 220 }}
            />
          ) : null}
          <CodeSelect
            kind="major"
            pattern={majorPrefixPattern}
            value={scope.majorCode}
            onChange={(v) => params.update({ majorCode: v })}
            placeholder={t('rates.majorPrefix')}
            aria-label={t('cand.major')}
            style={{ width: 220 }}
          />
          <CodeSelect
            kind="industry"
            pattern={industryPattern}
            value={scope.industry}
            onChange={(v) => params.update({ industry: v })}
            placeholder={t('outc.allIndustries')}
            aria-label={t('outc.employerIndustry')}
            style={{ width: 200 }}
          />
          {scoped ? (
            <Button
              type="link"
              onClick={() =>
                params.update({
                  cohortYear: undefined,
                  schoolUnitId: undefined,
                  majorCode: undefined,
                  industry: undefined,
                })
              }
            >
              {t('cand.clearFilters')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      {body}
    </>
  );
}
