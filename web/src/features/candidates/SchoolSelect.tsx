// Picks one of the consortium's schools (the member units that register students). A consortium has few
// schools among many units, so every school is fetched by type and offered at once.
import { useQueries } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Page, Unit } from '../../lib/types';
import { schoolUnitTypes } from './labels';

export function useSchools(consortiumId: string, enabled = true) {
  const results = useQueries({
    queries: schoolUnitTypes.map((type) => ({
      queryKey: ['units', consortiumId, { type, page: 1, pageSize: 100, sort: 'name' }],
      queryFn: () =>
        api.get<Page<Unit>>(`/consortia/${consortiumId}/units`, {
          type,
          page: 1,
          pageSize: 100,
          sort: 'name',
        }),
      staleTime: 5 * 60_000,
      enabled,
    })),
  });
  const schools = results
    .flatMap((r) => r.data?.items ?? [])
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    schools,
    isFetching: results.some((r) => r.isFetching),
    isError: results.some((r) => r.isError),
  };
}

type Props = {
  consortiumId: string;
  value?: string | null;
  /** the school's id, and its name for the caller's titles */
  onChange?: (id: string | undefined, name?: string) => void;
  /** only these schools are offered (e.g. the ones the user may write to) */
  only?: string[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

export function SchoolSelect({
  consortiumId,
  value,
  onChange,
  only,
  placeholder,
  allowClear,
  disabled,
  style,
  ...rest
}: Props) {
  const { t } = useI18n();
  const { schools, isFetching } = useSchools(consortiumId);
  const options = schools
    .filter((s) => !only || only.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(id?: string) => onChange?.(id, options.find((o) => o.value === id)?.label)}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('cand.school.placeholder')}
      loading={isFetching}
      notFoundContent={isFetching ? t('common.loading') : t('cand.school.none')}
      options={options}
      style={style}
    />
  );
}
