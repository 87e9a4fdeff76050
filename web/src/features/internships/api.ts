// The internships API: plans, external hosts, placements with the explainable check, transitions,
// agreements, rules and the compliance view; and the few other lists the forms pick from.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type {
  Agreement,
  AgreementParty,
  CheckResult,
  Compliance,
  ComplianceGroupBy,
  CreatePlacementInput,
  CreatePlanInput,
  FromRunResult,
  Host,
  HostInput,
  Placement,
  PlacementAction,
  PlacementDetail,
  PlacementQuery,
  Plan,
  Rule,
  RuleSeverity,
  RuleSettingInput,
  UpdatePlacementInput,
  UpdatePlanInput,
} from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/internships`;
/** every internship query of a consortium starts with this key */
export const internshipsKey = (consortiumId: string) => ['internships', consortiumId] as const;
const placementKey = (consortiumId: string, id: string) =>
  [...internshipsKey(consortiumId), 'placement', id] as const;

function useInvalidateAll(consortiumId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: internshipsKey(consortiumId) });
}

// plans -------------------------------------------------------------------------------------------

export type PlanQuery = {
  page: number;
  pageSize: number;
  sort: string;
  schoolUnitId?: string;
  kind?: string;
  status?: string;
  q?: string;
};

export function usePlans(consortiumId: string, query: PlanQuery, enabled = true) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'plans', query],
    queryFn: () => api.get<Page<Plan>>(`${base(consortiumId)}/plans`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlan(consortiumId: string, planId: string) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'plan', planId],
    queryFn: () => api.get<Plan>(`${base(consortiumId)}/plans/${planId}`),
  });
}

export function useSavePlan(consortiumId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: (input: { id: string; patch: UpdatePlanInput } | { create: CreatePlanInput }) =>
      'create' in input
        ? api.post<Plan>(`${base(consortiumId)}/plans`, input.create)
        : api.patch<Plan>(`${base(consortiumId)}/plans/${input.id}`, input.patch),
    onSuccess: invalidate,
  });
}

export function useFromRun(consortiumId: string, planId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: (body: { runId: string; dryRun: boolean; defaults: Record<string, unknown> }) =>
      api.post<FromRunResult>(`${base(consortiumId)}/plans/${planId}/placements/from-run`, body),
    onSuccess: (out) => (out.dryRun ? undefined : invalidate()),
  });
}

// external hosts ----------------------------------------------------------------------------------

export function useHosts(
  consortiumId: string,
  query: { page: number; pageSize: number; sort?: string; q?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'hosts', query],
    queryFn: () => api.get<Page<Host>>(`${base(consortiumId)}/hosts`, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveHost(consortiumId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: HostInput }) =>
      id
        ? api.put<Host>(`${base(consortiumId)}/hosts/${id}`, body)
        : api.post<Host>(`${base(consortiumId)}/hosts`, body),
    onSuccess: invalidate,
  });
}

// placements --------------------------------------------------------------------------------------

export function usePlacements(consortiumId: string, query: PlacementQuery, enabled = true) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'placements', query],
    queryFn: () => api.get<Page<Placement>>(`${base(consortiumId)}/placements`, query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePlacement(consortiumId: string, placementId: string) {
  return useQuery({
    queryKey: placementKey(consortiumId, placementId),
    queryFn: () => api.get<PlacementDetail>(`${base(consortiumId)}/placements/${placementId}`),
  });
}

export function checkPlacement(
  consortiumId: string,
  body: { placementId?: string; placement: Record<string, unknown>; stage?: 'save' | 'start' },
) {
  return api.post<CheckResult>(`${base(consortiumId)}/placements/check`, body);
}

export function useSavePlacement(consortiumId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: (input: { id: string; patch: UpdatePlacementInput } | { create: CreatePlacementInput }) =>
      'create' in input
        ? api.post<PlacementDetail>(`${base(consortiumId)}/placements`, input.create)
        : api.patch<PlacementDetail>(`${base(consortiumId)}/placements/${input.id}`, input.patch),
    onSuccess: invalidate,
  });
}

export function useTransition(consortiumId: string, placementId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: (body: { action: PlacementAction; note?: string }) =>
      api.post<PlacementDetail>(`${base(consortiumId)}/placements/${placementId}/transition`, body),
    onSuccess: invalidate,
  });
}

export function exportPlacements(consortiumId: string, query: Query, fallbackName: string) {
  return api.download(`${base(consortiumId)}/placements/export`, { ...query, format: 'xlsx' }, fallbackName);
}

// agreements --------------------------------------------------------------------------------------

export function useAgreement(consortiumId: string, placementId: string, version: number | null) {
  return useQuery({
    queryKey: [...placementKey(consortiumId, placementId), 'agreement', version],
    queryFn: () =>
      api.get<Agreement>(`${base(consortiumId)}/placements/${placementId}/agreement`, {
        version: version ?? undefined,
      }),
    retry: false,
  });
}

export function useConfirmAgreement(consortiumId: string, placementId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: (body: { party: AgreementParty; contentHash: string; onBehalfNote?: string }) =>
      api.post<Agreement>(`${base(consortiumId)}/placements/${placementId}/agreement/confirm`, body),
    onSuccess: invalidate,
  });
}

export function agreementPdfUrl(consortiumId: string, placementId: string, version?: number) {
  const q = version ? `?version=${version}` : '';
  return `/api/v1${base(consortiumId)}/placements/${placementId}/agreement.pdf${q}`;
}

// rules and compliance ----------------------------------------------------------------------------

export function useRules(consortiumId: string) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'rules'],
    queryFn: () => api.get<Rule[]>(`${base(consortiumId)}/rules`),
  });
}

export function useSaveRule(consortiumId: string) {
  const invalidate = useInvalidateAll(consortiumId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RuleSettingInput }) =>
      api.put<Rule>(`${base(consortiumId)}/rules/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useCompliance(
  consortiumId: string,
  query: { groupBy: ComplianceGroupBy; severity?: RuleSeverity; ruleId?: string },
) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'compliance', query],
    queryFn: () => api.get<Compliance>(`${base(consortiumId)}/compliance`, query),
    placeholderData: keepPreviousData,
  });
}
