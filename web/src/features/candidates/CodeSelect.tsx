// Picks a code of a reference catalog (专业目录, GB/T 4754, 职业分类大典, GB/T 2260): searches the current
// catalog by code or name as one types, and also takes a well-formed code the catalog does not list yet
// (a catalog level that is not loaded refuses nothing; the server has the last word).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { CatalogEntry, CatalogEntryDetail, CatalogKind, Page } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';
import { useCatalogs } from '../catalogs/api';

type Props = {
  kind: CatalogKind;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** a typed code is offered when it matches */
  pattern: RegExp;
  /** only entries of these levels are offered from the catalog */
  levels?: number[];
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

function useCurrentVersion(kind: CatalogKind) {
  const catalogs = useCatalogs();
  return catalogs.data?.find((c) => c.kind === kind && c.isCurrent)?.version;
}

/** The name of a code in the current catalog of its kind (undefined while unknown). */
export function useCodeName(kind: CatalogKind, code: string | null | undefined) {
  const version = useCurrentVersion(kind);
  const q = useQuery({
    queryKey: ['catalogs', kind, version, 'entry', code],
    queryFn: () =>
      api.get<CatalogEntryDetail>(
        `/reference/catalogs/${kind}/${encodeURIComponent(version ?? '')}/entries/${encodeURIComponent(code ?? '')}`,
      ),
    enabled: !!version && !!code,
    retry: false,
    staleTime: 10 * 60_000,
  });
  return q.data?.entry.name;
}

export function CodeSelect({
  kind,
  value,
  onChange,
  pattern,
  levels,
  placeholder,
  allowClear = true,
  disabled,
  style,
  ...rest
}: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const version = useCurrentVersion(kind);
  const entries = useQuery({
    queryKey: ['catalogs', kind, version, 'search', q],
    queryFn: () =>
      api.get<Page<CatalogEntry>>(
        `/reference/catalogs/${kind}/${encodeURIComponent(version ?? '')}/entries`,
        {
          q: q || undefined,
          page: 1,
          pageSize: 50,
        },
      ),
    enabled: !!version,
    staleTime: 60_000,
  });
  const selectedName = useCodeName(kind, value);

  const options = (entries.data?.items ?? [])
    .filter((e) => !levels || levels.includes(e.level))
    .map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }));
  const typed = search.trim().toUpperCase();
  if (typed && pattern.test(typed) && !options.some((o) => o.value === typed)) {
    options.unshift({ value: typed, label: t('cand.code.useTyped', { code: typed }) });
  }
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selectedName ? `${value} ${selectedName}` : value });
  }

  return (
    <Select
      {...rest}
      value={value || undefined}
      onChange={(code?: string) => {
        onChange?.(code);
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('cand.code.placeholder')}
      loading={entries.isFetching}
      notFoundContent={entries.isFetching ? t('common.loading') : t('cand.code.none')}
      options={options}
      style={style}
    />
  );
}
