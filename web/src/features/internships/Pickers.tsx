// The pickers of the placement form: a student of the plan's school, a registered external host, an
// internship posting of the chosen member host. Each searches the server as one types.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Page } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';
import type { Candidate } from '../candidates/types';
import type { Posting } from '../postings/types';
import { useHosts } from './api';
import type { Host } from './types';

type BaseProps = {
  consortiumId: string;
  value?: string | null;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
};

export function StudentSelect({
  consortiumId,
  schoolUnitId,
  value,
  onChange,
  fixed,
  ...rest
}: BaseProps & {
  schoolUnitId: string;
  onChange?: (id: string | undefined, c?: Candidate) => void;
  /** the student already chosen (an edit): shown by name */
  fixed?: { id: string; name: string };
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useQuery({
    queryKey: ['candidates', consortiumId, 'list', { schoolUnitId, q, kind: 'student', pageSize: 50 }],
    queryFn: () =>
      api.get<Page<Candidate>>(`/consortia/${consortiumId}/candidates`, {
        schoolUnitId,
        kind: 'student',
        q: q || undefined,
        page: 1,
        pageSize: 50,
        sort: 'name',
      }),
    staleTime: 60_000,
  });
  const items = list.data?.items ?? [];
  const options = items.map((c) => ({
    value: c.id,
    label: [c.name, c.studentNo, c.majorName].filter(Boolean).join(' · '),
  }));
  if (fixed && !options.some((o) => o.value === fixed.id))
    options.unshift({ value: fixed.id, label: fixed.name });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v?: string) => {
        onChange?.(
          v,
          items.find((c) => c.id === v),
        );
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={t('intern.field.studentPlaceholder')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common.loading') : t('intern.field.studentNone')}
      options={options}
    />
  );
}

export function ExternalHostSelect({
  consortiumId,
  value,
  onChange,
  extra,
  fixed,
  ...rest
}: BaseProps & {
  onChange?: (id: string | undefined, host?: Host) => void;
  /** a host just registered (not yet in the searched page) */
  extra?: Host | null;
  /** the host already chosen (an edit): shown by name */
  fixed?: { id: string; name: string } | null;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useHosts(consortiumId, { page: 1, pageSize: 50, sort: 'name', q: q || undefined });
  const hosts = [...(list.data?.items ?? [])];
  if (extra && !hosts.some((h) => h.id === extra.id)) hosts.unshift(extra);
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v?: string) => {
        onChange?.(
          v,
          hosts.find((h) => h.id === v),
        );
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={t('intern.field.externalHostPlaceholder')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common.loading') : t('intern.field.externalHostNone')}
      options={[
        ...(fixed && !hosts.some((h) => h.id === fixed.id) ? [{ value: fixed.id, label: fixed.name }] : []),
        ...hosts.map((h) => ({ value: h.id, label: `${h.name}（${h.uscc}）` })),
      ]}
    />
  );
}

/** A host's internship postings (any status: a placement may follow a closed posting). */
export function PostingSelect({
  consortiumId,
  unitId,
  value,
  onChange,
  ...rest
}: BaseProps & {
  unitId: string | null | undefined;
  onChange?: (id: string | null, p?: Posting) => void;
}) {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['postings', consortiumId, 'list', { unitId, kind: 'internship', pageSize: 100 }],
    queryFn: () =>
      api.get<Page<Posting>>(`/consortia/${consortiumId}/postings`, {
        unitId: unitId ?? undefined,
        kind: 'internship',
        page: 1,
        pageSize: 100,
        sort: '-createdAt',
      }),
    enabled: !!unitId,
    staleTime: 60_000,
  });
  const items = list.data?.items ?? [];
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      allowClear
      onChange={(v?: string) =>
        onChange?.(
          v ?? null,
          items.find((p) => p.id === v),
        )
      }
      disabled={rest.disabled || !unitId}
      placeholder={unitId ? t('intern.field.postingPlaceholder') : t('intern.field.postingNeedsHost')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common.loading') : t('intern.field.postingNone')}
      options={items.map((p) => ({ value: p.id, label: p.title }))}
    />
  );
}
