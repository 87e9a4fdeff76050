// Picks the graduate an outcome record is about: searches the candidates the user may see by name or
// student number.
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { useCandidates } from '../candidates/api';
import type { Candidate } from '../candidates/types';

type Props = {
  consortiumId: string;
  value?: string;
  onChange?: (id: string | undefined, candidate?: Candidate) => void;
  id?: string;
};

export function GraduatePicker({ consortiumId, value, onChange, id }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useCandidates(consortiumId, { q: q || undefined, page: 1, pageSize: 30, sort: 'name' });
  const items = list.data?.items ?? [];
  const options = items.map((c) => ({
    value: c.id,
    label: [c.name, c.studentNo, c.schoolName, c.majorName].filter(Boolean).join(' · '),
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v?: string) => {
        onChange?.(
          v,
          items.find((c) => c.id === v),
        );
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.isFetching}
      placeholder={t('outc.graduatePlaceholder')}
      notFoundContent={list.isFetching ? t('common.loading') : t('outc.graduateNone')}
      options={options}
      aria-label={t('outc.graduate')}
      data-testid="outcome-graduate"
    />
  );
}
