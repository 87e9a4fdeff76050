// A rate scope in words: "2025 届 · 江临职业技术学院 · 专业 46 装备制造大类 · 行业 C 制造业".
import { useCurrentConsortiumId } from '../../app/consortium';
import { useI18n } from '../../lib/i18n';
import { useCodeName } from '../candidates/CodeSelect';
import { useSchools } from '../candidates/SchoolSelect';
import type { RateScope } from './types';

export function useScopeText(scope: RateScope): string {
  const { t } = useI18n();
  const consortiumId = useCurrentConsortiumId();
  const { schools } = useSchools(consortiumId, !!scope.schoolUnitId);
  const majorName = useCodeName('major', scope.majorCode);
  const industryName = useCodeName('industry', scope.industry);
  const parts: string[] = [];
  if (scope.cohortYear) parts.push(t('outc.cohortN', { year: scope.cohortYear }));
  if (scope.schoolUnitId)
    parts.push(schools.find((s) => s.id === scope.schoolUnitId)?.name ?? t('outc.scope.oneSchool'));
  if (scope.majorCode)
    parts.push(t('outc.scope.major', { code: `${scope.majorCode}${majorName ? ` ${majorName}` : ''}` }));
  if (scope.industry)
    parts.push(
      t('outc.scope.industry', { code: `${scope.industry}${industryName ? ` ${industryName}` : ''}` }),
    );
  return parts.join(' · ');
}
