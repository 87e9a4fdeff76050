import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Catalog, CatalogEntry, CatalogEntryDetail, CatalogKind, Page } from '../../lib/types';

export const catalogKinds: CatalogKind[] = ['major', 'industry', 'occupation', 'region'];
export const isCatalogKind = (v: unknown): v is CatalogKind => catalogKinds.some((k) => k === v);

export function useCatalogs() {
  return useQuery({
    queryKey: ['catalogs'],
    queryFn: () => api.get<Catalog[]>('/reference/catalogs'),
  });
}

export type EntryQuery = { q?: string; level?: number; parent?: string; page: number; pageSize: number };

export function useEntries(kind: CatalogKind, version: string, query: EntryQuery) {
  return useQuery({
    queryKey: ['catalogs', kind, version, 'entries', query],
    queryFn: () =>
      api.get<Page<CatalogEntry>>(
        `/reference/catalogs/${kind}/${encodeURIComponent(version)}/entries`,
        query,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(kind: CatalogKind, version: string, code: string | null) {
  return useQuery({
    queryKey: ['catalogs', kind, version, 'entry', code],
    queryFn: () =>
      api.get<CatalogEntryDetail>(
        `/reference/catalogs/${kind}/${encodeURIComponent(version)}/entries/${encodeURIComponent(code ?? '')}`,
      ),
    enabled: code !== null,
  });
}

export function useMakeCurrent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, version }: { kind: CatalogKind; version: string }) =>
      api.post<unknown>(`/reference/catalogs/${kind}/${encodeURIComponent(version)}/current`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['catalogs'] }),
  });
}

/** Base path of a catalog version's import (the wizard adds /annotated for the marked-up workbook). */
export const importPathOf = (kind: CatalogKind, version: string) =>
  `/reference/catalogs/${kind}/${encodeURIComponent(version)}/import`;
