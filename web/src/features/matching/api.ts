// The matching API: runs (list, one with live progress, start, delete, confirm), results, comparison,
// export; and the few other lists the pages pick from (schools, open postings, major names).
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import type { CatalogEntryDetail, Page, Unit } from '../../lib/types';
import { useCatalogs } from '../catalogs/api';
import { defaultCaps } from '../../../../server/modules/matching/matching.core.ts';
import type {
  Comparison,
  ConfirmOutcome,
  CreateRunInput,
  PostingKind,
  PostingOption,
  Result,
  ResultQuery,
  Run,
  RunListItem,
  RunStatus,
} from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/matching/runs`;
export const runsKey = (consortiumId: string) => ['matching', consortiumId] as const;
const runKey = (consortiumId: string, runId: string) => ['matching', consortiumId, 'run', runId] as const;

/** A run that is still being computed: its page and the list poll it. */
export const isActive = (status: RunStatus) => status === 'queued' || status === 'running';
/** A run with results: done (may still be confirmed) or confirmed. */
export const isFinished = (status: RunStatus) => status === 'done' || status === 'confirmed';

export function useRuns(consortiumId: string, query: { page: number; pageSize: number; sort: string }) {
  return useQuery({
    queryKey: [...runsKey(consortiumId), 'list', query],
    queryFn: () => api.get<Page<RunListItem>>(base(consortiumId), query),
    placeholderData: keepPreviousData,
    // while a run of the page is being computed, follow its progress
    refetchInterval: (q) => (q.state.data?.items.some((r) => isActive(r.status)) ? 1000 : false),
  });
}

/** Finished runs among the newest 50 (for the comparison pickers). */
export function useFinishedRuns(consortiumId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...runsKey(consortiumId), 'list', 'finished'],
    queryFn: () =>
      api.get<Page<RunListItem>>(base(consortiumId), { page: 1, pageSize: 50, sort: '-createdAt' }),
    select: (p) => p.items.filter((r) => isFinished(r.status)),
    enabled,
  });
}

/** One run; polled every second while it is queued or running. */
export function useRun(consortiumId: string, runId: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: runKey(consortiumId, runId),
    queryFn: async () => {
      const before = qc.getQueryData<Run>(runKey(consortiumId, runId));
      const run = await api.get<Run>(`${base(consortiumId)}/${runId}`);
      // the run just finished: the list's status and counts change with it
      if (before && isActive(before.status) && !isActive(run.status)) {
        void qc.invalidateQueries({ queryKey: [...runsKey(consortiumId), 'list'] });
      }
      return run;
    },
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? 1000 : false),
  });
}

export function useResults(consortiumId: string, runId: string, query: ResultQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...runKey(consortiumId, runId), 'results', query],
    queryFn: () => api.get<Page<Result>>(`${base(consortiumId)}/${runId}/results`, query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useComparison(consortiumId: string, a: string | undefined, b: string | undefined) {
  return useQuery({
    queryKey: [...runsKey(consortiumId), 'compare', a, b],
    queryFn: () => api.get<Comparison>(`${base(consortiumId)}/compare`, { a, b }),
    enabled: !!a && !!b && a !== b,
    staleTime: 60_000,
  });
}

export function useCreateRun(consortiumId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRunInput) => api.post<Run>(base(consortiumId), input),
    onSuccess: (run) => {
      qc.setQueryData(runKey(consortiumId, run.id), run);
      return qc.invalidateQueries({ queryKey: [...runsKey(consortiumId), 'list'] });
    },
  });
}

export function useDeleteRun(consortiumId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => api.delete(`${base(consortiumId)}/${runId}`),
    // the run's own cached answer is left to expire: removing it would make an open run page refetch a 404
    onSuccess: () => qc.invalidateQueries({ queryKey: [...runsKey(consortiumId), 'list'] }),
  });
}

export function useConfirmRun(consortiumId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => api.post<ConfirmOutcome>(`${base(consortiumId)}/${runId}/confirm`),
    onSuccess: (out) => {
      qc.setQueryData(runKey(consortiumId, out.run.id), out.run);
      return Promise.all([
        qc.invalidateQueries({ queryKey: [...runsKey(consortiumId), 'list'] }),
        qc.invalidateQueries({ queryKey: ['applications', consortiumId] }),
        qc.invalidateQueries({ queryKey: ['postings', consortiumId] }),
      ]);
    },
  });
}

export function exportRun(consortiumId: string, runId: string, fallbackName: string) {
  return api.download(`${base(consortiumId)}/${runId}/export`, undefined, fallbackName);
}

/** Member-unit types that register students (the server's schoolUnitTypes). */
export const schoolUnitTypes = [
  'secondary_vocational',
  'higher_vocational',
  'vocational_undergraduate',
  'university',
  'training_institution',
] as const;
export const isSchoolType = (v: string | null | undefined) =>
  !!v && (schoolUnitTypes as readonly string[]).includes(v);

/** The consortium's schools: few among many units, so fetched by type, all at once. */
export function useSchools(consortiumId: string, enabled = true) {
  const results = useQueries({
    queries: schoolUnitTypes.map((type) => ({
      queryKey: ['units', consortiumId, { type, page: 1, pageSize: 100, sort: 'name' }],
      queryFn: () =>
        api.get<Page<Unit>>(`/consortia/${consortiumId}/units`, {
          type,
          page: 1,
          pageSize: 100,
          sort: 'name',
        }),
      staleTime: 5 * 60_000,
      enabled,
    })),
  });
  const schools = results
    .flatMap((r) => r.data?.items ?? [])
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { schools, isFetching: results.some((r) => r.isFetching) };
}

/** Open postings of a kind, searched by text: the first 50 that match. */
export function useOpenPostings(consortiumId: string, kind: PostingKind, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['postings', consortiumId, 'matching-picker', { kind, q }],
    queryFn: () =>
      api.get<Page<PostingOption>>(`/consortia/${consortiumId}/postings`, {
        open: 'true',
        kind,
        q: q || undefined,
        page: 1,
        pageSize: 50,
        sort: q ? 'relevance' : 'deadline',
      }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

/** The current 专业目录's version (undefined while loading or when none is current). */
export function useMajorCatalogVersion() {
  const catalogs = useCatalogs();
  return catalogs.data?.find((c) => c.kind === 'major' && c.isCurrent)?.version;
}

/** Names of major codes in the current 专业目录 (a code the catalog does not know has no name). */
export function useMajorNames(codes: string[]): Map<string, string> {
  const version = useMajorCatalogVersion();
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['catalogs', 'major', version, 'entry', code],
      queryFn: () =>
        api.get<CatalogEntryDetail>(
          `/reference/catalogs/major/${encodeURIComponent(version ?? '')}/entries/${encodeURIComponent(code)}`,
        ),
      enabled: !!version,
      retry: false,
      staleTime: 10 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r, i) => {
    const code = codes[i];
    if (code && r.data) names.set(code, r.data.entry.name);
  });
  return names;
}

/**
 * The internship caps in force here: the consortium's settings of the compliance rules R-RATIO-HOST and
 * R-RATIO-POST (the secretariat may have changed the regulation's 10% / 20%); the server's defaults while
 * they load or when the viewer may not read the rules.
 */
export function useInternshipCaps(consortiumId: string, enabled: boolean) {
  const q = useQuery({
    queryKey: ['internships', consortiumId, 'rules', 'caps'],
    queryFn: () =>
      api.get<{ id: string; params: { key: string; value: number }[] }[]>(
        `/consortia/${consortiumId}/internships/rules`,
      ),
    enabled,
    staleTime: 60_000,
  });
  const value = (id: string, fallback: number) =>
    q.data?.find((r) => r.id === id)?.params.find((p) => p.key === 'maxRatio')?.value ?? fallback;
  return {
    hostRatio: value('R-RATIO-HOST', defaultCaps.hostRatio),
    postRatio: value('R-RATIO-POST', defaultCaps.postRatio),
    loaded: q.isSuccess,
  };
}
