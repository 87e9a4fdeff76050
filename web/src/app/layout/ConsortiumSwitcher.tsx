// The current consortium in the header: a selector when there is a choice, the name otherwise.
import { ApartmentOutlined } from '@ant-design/icons';
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useConsortia, useConsortiumSummary } from '../../features/consortia/api';
import { useT } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { useConsortium } from '../consortium';

export function ConsortiumSwitcher({ block = false }: { block?: boolean }) {
  const t = useT();
  const { consortiumId, setConsortiumId, choices, seesAll } = useConsortium();
  const style = { width: block ? '100%' : 280, maxWidth: '100%' };

  if (seesAll) return <AnyConsortiumSelect style={style} />;
  if (choices.length > 1) {
    return (
      <Select
        data-testid="consortium-select"
        aria-label={t('consortium.current')}
        style={style}
        value={consortiumId ?? undefined}
        onChange={(id: string) => setConsortiumId(id)}
        options={choices.map((c) => ({ value: c.id, label: c.name }))}
        suffixIcon={<ApartmentOutlined />}
      />
    );
  }
  const only = choices[0];
  if (!only) return null;
  return (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      <ApartmentOutlined aria-hidden />
      <Typography.Text strong ellipsis={{ tooltip: only.name }} data-testid="consortium-name">
        {only.name}
      </Typography.Text>
    </Flex>
  );
}

/** For those who see every consortium: search them all; clearing means "no consortium". */
function AnyConsortiumSelect({ style }: { style: React.CSSProperties }) {
  const t = useT();
  const { consortiumId, setConsortiumId } = useConsortium();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useConsortia({ q: q || undefined, page: 1, pageSize: 20, sort: 'name' });
  const current = useConsortiumSummary(consortiumId);

  const options = (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const currentName = current.data?.consortium.name;
  if (consortiumId && currentName && !options.some((o) => o.value === consortiumId)) {
    options.unshift({ value: consortiumId, label: currentName });
  }
  return (
    <Select
      data-testid="consortium-select"
      aria-label={t('consortium.current')}
      style={style}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('consortium.pickAny')}
      value={consortiumId && (currentName || !current.isPending) ? consortiumId : undefined}
      onChange={(id: string | undefined) => {
        setConsortiumId(id ?? null);
        setSearch('');
      }}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noMatch')}
      options={options}
      suffixIcon={<ApartmentOutlined />}
    />
  );
}
