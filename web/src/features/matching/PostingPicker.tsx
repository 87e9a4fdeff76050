// Picks open postings of one kind (published, before their deadline), searched on the server by text.
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { useOpenPostings } from './api';
import type { PostingKind, PostingOption } from './types';

type Props = {
  consortiumId: string;
  kind: PostingKind;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
  'aria-label'?: string;
};

const labelOf = (p: PostingOption) => `${p.unitName} · ${p.title}`;

export function PostingPicker({ consortiumId, kind, value, onChange, id, ...rest }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const postings = useOpenPostings(consortiumId, kind, q, true);
  // the labels of postings once picked, so they stay readable when a later search no longer lists them
  const [known, setKnown] = useState<Map<string, string>>(() => new Map());
  const selected = value ?? [];

  const options: { value: string; label: string; posting?: PostingOption }[] = (
    postings.data?.items ?? []
  ).map((p) => ({ value: p.id, label: labelOf(p), posting: p }));
  for (const pid of selected) {
    if (!options.some((o) => o.value === pid)) {
      options.unshift({ value: pid, label: known.get(pid) ?? pid });
    }
  }

  return (
    <Select
      {...rest}
      id={id}
      mode="multiple"
      value={selected}
      onChange={(ids: string[]) => {
        const next = new Map(known);
        for (const p of postings.data?.items ?? []) if (ids.includes(p.id)) next.set(p.id, labelOf(p));
        setKnown(next);
        onChange?.(ids);
      }}
      showSearch={{
        filterOption: false,
        onSearch: setSearch,
        searchValue: search,
        autoClearSearchValue: false,
      }}
      allowClear
      placeholder={t('matching.form.postingsPlaceholder')}
      loading={postings.isFetching}
      notFoundContent={postings.isFetching ? t('common.loading') : t('matching.form.postingsNone')}
      options={options}
      optionRender={(o) => {
        const p = o.data.posting;
        if (!p) return o.label;
        return (
          <div>
            <div>{p.title}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('matching.form.postingLine', { unit: p.unitName, n: p.headcount, deadline: p.deadline })}
            </Typography.Text>
          </div>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
