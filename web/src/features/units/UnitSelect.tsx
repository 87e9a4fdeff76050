// Picks a member unit by name: searches the server as one types (a consortium may have hundreds of units).
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import type { Unit } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';
import { useUnit, useUnits } from './api';

type Props = {
  consortiumId: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** only units passing this test are offered */
  filter?: (u: Unit) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

export function UnitSelect({
  consortiumId,
  value,
  onChange,
  filter,
  placeholder,
  allowClear,
  style,
  ...rest
}: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useUnits(consortiumId, { q: q || undefined, page: 1, pageSize: 50, sort: 'name' });
  const selected = useUnit(consortiumId, value);

  const units = (list.data?.items ?? []).filter((u) => !filter || filter(u));
  const options = units.map((u) => ({ value: u.id, label: u.name }));
  if (value && !options.some((o) => o.value === value) && selected.data) {
    options.unshift({ value, label: selected.data.name });
  }
  const more = (list.data?.total ?? 0) > (list.data?.items.length ?? 0);

  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(id?: string) => {
        onChange?.(id);
        setSearch('');
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={allowClear}
      placeholder={placeholder ?? t('units.searchPlaceholder')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common.loading') : t('users.noEligibleUnit')}
      options={options}
      style={style}
      popupRender={(menu) => (
        <>
          {menu}
          {more ? (
            <div style={{ padding: '4px 12px', color: '#8c8c8c', fontSize: 12 }}>
              {t('units.typeToSearch')}
            </div>
          ) : null}
        </>
      )}
    />
  );
}
