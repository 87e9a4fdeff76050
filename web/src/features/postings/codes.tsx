// National catalog codes on the postings pages: a code shown by its name (in the current catalog version),
// and a picker that searches the current catalog as one types. A code the catalog does not hold (a level
// not yet imported) is shown as the code itself, and may still be typed in where the field allows it.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Select, Tooltip } from 'antd';
import { useState, type CSSProperties } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Catalog, CatalogEntry, CatalogKind, Page } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';

/** The current version of each catalog kind (null while loading or when none is loaded). */
export function useCurrentVersion(kind: CatalogKind): string | null {
  const catalogs = useQuery({
    queryKey: ['catalogs'],
    queryFn: () => api.get<Catalog[]>('/reference/catalogs'),
    staleTime: 5 * 60_000,
  });
  return catalogs.data?.find((c) => c.kind === kind && c.isCurrent)?.version ?? null;
}

function entryQuery(kind: CatalogKind, version: string | null, code: string) {
  // a search by the code answers 200 with nothing when the catalog lacks it (a level not yet imported),
  // where the entry itself would answer 404
  return {
    queryKey: ['catalogs', kind, version, 'name', code],
    queryFn: async () => {
      const page = await api.get<Page<CatalogEntry>>(
        `/reference/catalogs/${kind}/${encodeURIComponent(version ?? '')}/entries`,
        { q: code, pageSize: 20 },
      );
      return page.items.find((e) => e.code === code) ?? null;
    },
    enabled: !!version && !!code,
    staleTime: Infinity,
  };
}

/** Names of codes of one kind, as far as the current catalog holds them. */
export function useCodeNames(kind: CatalogKind, codes: readonly string[]): Map<string, string> {
  const version = useCurrentVersion(kind);
  const unique = [...new Set(codes.filter(Boolean))];
  const results = useQueries({ queries: unique.map((code) => entryQuery(kind, version, code)) });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    if (r.data) names.set(unique[i]!, r.data.name);
  });
  return names;
}

/** A code by its name, the code in a tooltip; the bare code while the name loads or when it is unknown. */
export function CodeName({ kind, code }: { kind: CatalogKind; code: string }) {
  const names = useCodeNames(kind, [code]);
  const name = names.get(code);
  return name ? (
    <Tooltip title={code}>
      <span>{name}</span>
    </Tooltip>
  ) : (
    <span className="cj-mono">{code}</span>
  );
}

type SelectProps = {
  kind: CatalogKind;
  /** the levels offered, e.g. [3] for majors only; all levels when absent */
  levels?: number[];
  /** a typed code matching this pattern is offered as it is (codes of levels not yet imported) */
  customCode?: RegExp;
  /** codes offered before anything is typed, e.g. the consortium's city */
  suggested?: { code: string; label: string }[];
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
  id?: string;
};

type SingleProps = SelectProps & {
  multiple?: false;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
};
type MultipleProps = SelectProps & {
  multiple: true;
  value?: string[];
  onChange?: (codes: string[]) => void;
};

/** Picks one code, or several, from the current catalog of a kind; searches by name or code prefix. */
export function CodeSelect(props: SingleProps | MultipleProps) {
  const { kind, levels, customCode, suggested, placeholder, allowClear, style } = props;
  const rest = { id: props.id, 'aria-label': props['aria-label'], 'data-testid': props['data-testid'] };
  const { t } = useI18n();
  const version = useCurrentVersion(kind);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const entries = useQuery({
    queryKey: ['catalogs', kind, version, 'entries', { q, pick: true }],
    queryFn: () =>
      api.get<Page<CatalogEntry>>(
        `/reference/catalogs/${kind}/${encodeURIComponent(version ?? '')}/entries`,
        {
          q: q || undefined,
          pageSize: 50,
          level: levels?.length === 1 ? levels[0] : undefined,
        },
      ),
    enabled: !!version && (q.length > 0 || !suggested),
    staleTime: 5 * 60_000,
  });
  const selected = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const names = useCodeNames(kind, selected);

  const options: { value: string; label: string }[] = [];
  const seen = new Set<string>();
  const add = (value: string, label: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    options.push({ value, label });
  };
  if (!q) for (const s of suggested ?? []) add(s.code, s.label);
  for (const e of entries.data?.items ?? []) {
    if (levels && !levels.includes(e.level)) continue;
    add(e.code, `${e.name}（${e.code}）`);
  }
  if (customCode && customCode.test(q)) add(q, t('postings.code.useTyped', { code: q }));
  for (const code of selected) add(code, names.get(code) ? `${names.get(code)}（${code}）` : code);

  const common = {
    ...rest,
    showSearch: { filterOption: false as const, onSearch: setSearch },
    allowClear,
    placeholder: placeholder ?? t('postings.code.search'),
    loading: entries.isFetching,
    notFoundContent: entries.isFetching ? t('common.loading') : t('postings.code.none'),
    options,
    style,
    onBlur: () => setSearch(''),
  };
  if (props.multiple) {
    return (
      <Select<string[]>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(v) => {
          props.onChange?.(v);
          setSearch('');
        }}
      />
    );
  }
  return (
    <Select<string>
      {...common}
      value={props.value ?? undefined}
      onChange={(v?: string) => {
        props.onChange?.(v);
        setSearch('');
      }}
    />
  );
}
