// Page, page size, sort and filters of a list, kept in the URL so a reload or a shared link shows the same.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { TableProps } from 'antd';

export const pageSizes = [10, 20, 50, 100] as const;

type Value = string | number | null | undefined;

export type ListParams<K extends string> = {
  page: number;
  pageSize: number;
  sort: string;
  filters: Record<K, string | undefined>;
  /** changes the URL; changing a filter or the page size goes back to the first page */
  update: (patch: Partial<Record<K | 'page' | 'pageSize' | 'sort', Value>>) => void;
};

export function useListParams<K extends string>(
  filterKeys: readonly K[],
  options: { sort: string; sorts: readonly string[]; pageSize?: number },
): ListParams<K> {
  const [search, setSearch] = useSearchParams();
  const defaultSize = options.pageSize ?? 20;

  const page = Math.max(1, Number.parseInt(search.get('page') ?? '', 10) || 1);
  const sizeParam = Number.parseInt(search.get('pageSize') ?? '', 10);
  const pageSize = (pageSizes as readonly number[]).includes(sizeParam) ? sizeParam : defaultSize;
  const sortParam = search.get('sort');
  const sort = sortParam && options.sorts.includes(sortParam) ? sortParam : options.sort;

  const filters = Object.fromEntries(filterKeys.map((k) => [k, search.get(k) || undefined])) as Record<
    K,
    string | undefined
  >;

  const update = useCallback(
    (patch: Partial<Record<K | 'page' | 'pageSize' | 'sort', Value>>) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          const resetsPage = Object.keys(patch).some((k) => k !== 'page' && k !== 'sort');
          for (const [k, v] of Object.entries(patch) as [string, Value][]) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (resetsPage && !('page' in patch)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return { page, pageSize, sort, filters, update };
}

/** The `sort` string of an antd table sorter. */
export function sortOf(field: unknown, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (typeof field !== 'string' || !order) return undefined;
  return order === 'descend' ? `-${field}` : field;
}

/** The antd sortOrder of a column, given the list's sort string. */
export function sortOrderOf(sort: string, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/**
 * The paging and sorting props of an antd Table over a server-paged list: the table's clicks go to the
 * URL, and the URL's page, size and sort come back to the table.
 */
export function serverPaging<T>(
  list: {
    page: number;
    pageSize: number;
    // method syntax: any ListParams<K> fits, whatever its filter keys
    update(patch: { page?: Value; pageSize?: Value; sort?: Value }): void;
  },
  total: number,
  defaultSort: string,
  showTotal: (total: number) => string,
): Pick<TableProps<T>, 'onChange' | 'pagination'> {
  return {
    onChange: (pagination, _filters, sorter) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      list.update({
        page: pagination.current,
        pageSize: pagination.pageSize,
        sort: sortOf(s?.field, s?.order) ?? defaultSort,
      });
    },
    pagination: {
      current: list.page,
      pageSize: list.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: [...pageSizes],
      showTotal,
    },
  };
}
