// Links a candidate profile to a student account of the school (the account then sees it as 我的档案).
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { useUsers } from '../users/api';

type Props = {
  consortiumId: string;
  schoolUnitId: string | null | undefined;
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
};

export function StudentAccountSelect({ consortiumId, schoolUnitId, value, onChange, id }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const users = useUsers(consortiumId, {
    q: q || undefined,
    roleCode: 'student',
    memberUnitId: schoolUnitId ?? undefined,
    page: 1,
    pageSize: 50,
    sort: 'displayName',
  });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.displayName}（${u.username}）`,
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: t('cand.account.linked') });
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v?: string) => {
        onChange?.(v ?? null);
        setSearch('');
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      placeholder={t('cand.account.placeholder')}
      notFoundContent={users.isFetching ? t('common.loading') : t('cand.account.none')}
      options={options}
      aria-label={t('cand.account')}
    />
  );
}
