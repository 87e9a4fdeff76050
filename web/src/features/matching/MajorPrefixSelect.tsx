// Picks majors or major prefixes of the current 专业目录: a 2-digit 专业大类, a 4-digit 专业类 or a 6-digit
// major, searched by code or name as one types; a well-formed code the catalog does not list is taken too.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { CatalogEntry, Page } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';
import { useMajorCatalogVersion, useMajorNames } from './api';

const prefixPattern = /^\d{2,6}$/;

type Props = {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
};

export function MajorPrefixSelect({ value, onChange, id, disabled, ...rest }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const version = useMajorCatalogVersion();
  const entries = useQuery({
    queryKey: ['catalogs', 'major', version, 'search', q],
    queryFn: () =>
      api.get<Page<CatalogEntry>>(`/reference/catalogs/major/${encodeURIComponent(version ?? '')}/entries`, {
        q: q || undefined,
        page: 1,
        pageSize: 50,
      }),
    enabled: !!version,
    staleTime: 60_000,
  });
  const selected = value ?? [];
  const names = useMajorNames(selected);

  const options = (entries.data?.items ?? []).map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }));
  const typed = search.trim();
  if (typed && prefixPattern.test(typed) && !options.some((o) => o.value === typed)) {
    options.unshift({ value: typed, label: t('matching.form.majorTyped', { code: typed }) });
  }
  for (const code of selected) {
    if (!options.some((o) => o.value === code)) {
      const name = names.get(code);
      options.unshift({ value: code, label: name ? `${code} ${name}` : code });
    }
  }

  return (
    <Select
      {...rest}
      id={id}
      mode="multiple"
      value={selected}
      onChange={(codes: string[]) => {
        onChange?.(codes);
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      disabled={disabled}
      maxCount={50}
      placeholder={t('matching.form.majorsPlaceholder')}
      loading={entries.isFetching}
      notFoundContent={entries.isFetching ? t('common.loading') : t('matching.form.majorsNone')}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
