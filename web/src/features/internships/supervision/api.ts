// The supervision API: a placement's logs and the log inbox (submit, edit, co-sign, return, review,
// download an artefact), anomaly flags (detect, list, review), assessments, host ratings and alerts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../lib/api';
import type { Page } from '../../../lib/types';
import { internshipsKey } from '../api';
import type { Plan } from '../types';
import type {
  AlertKind,
  AlertPage,
  AlertSeverity,
  AssessorRole,
  Assessments,
  DetectResult,
  Flag,
  FlagKind,
  FlagStatus,
  HostRating,
  Log,
  LogDetail,
  LogInput,
  LogPatch,
  LogStatus,
} from './types';

const base = (consortiumId: string) => `/consortia/${consortiumId}/internships`;
const supKey = (consortiumId: string) => [...internshipsKey(consortiumId), 'supervision'] as const;

/** Every internship query of the consortium: a log or a grade changes placements, alerts and flags too. */
function useInvalidate(consortiumId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: internshipsKey(consortiumId) });
}

// the device token ---------------------------------------------------------------------------------

const DEVICE_KEY = 'chanjiao.deviceId';
let memoryDeviceId: string | null = null;

/**
 * This browser's device token, made once and kept in localStorage. It is sent with log submissions and
 * edits (X-Device-Id); the server keeps only its hash, to spot one phone handing in many students' logs.
 */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept) return kept;
  } catch {
    // storage unavailable (private mode): a token for this page only
  }
  if (memoryDeviceId) return memoryDeviceId;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  memoryDeviceId = token;
  try {
    localStorage.setItem(DEVICE_KEY, token);
  } catch {
    // see above
  }
  return token;
}

const deviceHeaders = () => ({ 'X-Device-Id': deviceId() });

// logs ---------------------------------------------------------------------------------------------

export type LogListQuery = {
  page: number;
  pageSize: number;
  sort?: string;
  status?: LogStatus;
  placementId?: string;
  planId?: string;
};

export function usePlacementLogs(
  consortiumId: string,
  placementId: string,
  query: { page: number; pageSize: number; sort?: string; status?: LogStatus },
) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'placement-logs', placementId, query],
    queryFn: () => api.get<Page<Log>>(`${base(consortiumId)}/placements/${placementId}/logs`, query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useLogInbox(consortiumId: string, query: LogListQuery, enabled = true) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'logs', query],
    queryFn: () => api.get<Page<Log>>(`${base(consortiumId)}/logs`, query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLog(consortiumId: string, logId: string | null) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'log', logId],
    queryFn: () => api.get<LogDetail>(`${base(consortiumId)}/logs/${logId}`),
    enabled: logId !== null,
    retry: false,
  });
}

export function useSubmitLog(consortiumId: string, placementId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: (body: LogInput) =>
      api.post<LogDetail>(`${base(consortiumId)}/placements/${placementId}/logs`, body, deviceHeaders()),
    onSuccess: invalidate,
  });
}

export function useEditLog(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: ({ logId, patch }: { logId: string; patch: LogPatch }) =>
      api.patch<LogDetail>(`${base(consortiumId)}/logs/${logId}`, patch, deviceHeaders()),
    onSuccess: invalidate,
  });
}

export type LogAction = 'cosign' | 'return' | 'review';

export function useLogAction(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: ({ logId, action, note }: { logId: string; action: LogAction; note?: string }) =>
      api.post<LogDetail>(`${base(consortiumId)}/logs/${logId}/${action}`, note ? { note } : {}),
    onSuccess: invalidate,
  });
}

export function downloadLogFile(consortiumId: string, logId: string, fileId: string, fileName: string) {
  return api.download(`${base(consortiumId)}/logs/${logId}/files/${fileId}`, undefined, fileName);
}

// flags --------------------------------------------------------------------------------------------

export type FlagQuery = {
  page: number;
  pageSize: number;
  sort?: string;
  kind?: FlagKind;
  status?: FlagStatus;
  placementId?: string;
};

export function useFlags(consortiumId: string, query: FlagQuery, enabled = true) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'flags', query],
    queryFn: () => api.get<Page<Flag>>(`${base(consortiumId)}/flags`, query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDetectFlags(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: () => api.post<DetectResult>(`${base(consortiumId)}/flags/detect`, {}),
    onSuccess: invalidate,
  });
}

export function useReviewFlag(consortiumId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: ({
      flagId,
      status,
      note,
    }: {
      flagId: string;
      status: 'dismissed' | 'confirmed';
      note: string;
    }) => api.post<Flag>(`${base(consortiumId)}/flags/${flagId}/review`, { status, note }),
    onSuccess: invalidate,
  });
}

// assessments, ratings, alerts ---------------------------------------------------------------------

export function useAssessments(consortiumId: string, placementId: string) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'assessments', placementId],
    queryFn: () => api.get<Assessments>(`${base(consortiumId)}/placements/${placementId}/assessments`),
  });
}

export function useSaveAssessment(consortiumId: string, placementId: string) {
  const invalidate = useInvalidate(consortiumId);
  return useMutation({
    mutationFn: ({
      role,
      scores,
      comment,
    }: {
      role: AssessorRole;
      scores: Record<string, number>;
      comment?: string;
    }) =>
      api.put<Assessments>(`${base(consortiumId)}/placements/${placementId}/assessments/${role}`, {
        scores,
        ...(comment ? { comment } : {}),
      }),
    onSuccess: invalidate,
  });
}

export function useHostRatings(
  consortiumId: string,
  query: { page: number; pageSize: number; sort: string },
) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'host-ratings', query],
    queryFn: () => api.get<Page<HostRating>>(`${base(consortiumId)}/hosts/ratings`, query),
    placeholderData: keepPreviousData,
  });
}

export type AlertQuery = {
  page: number;
  pageSize: number;
  kind?: AlertKind;
  severity?: AlertSeverity;
  placementId?: string;
};

export function useAlerts(consortiumId: string, query: AlertQuery, enabled = true) {
  return useQuery({
    queryKey: [...supKey(consortiumId), 'alerts', query],
    queryFn: () => api.get<AlertPage>(`${base(consortiumId)}/alerts`, query as Query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The placement's plan, when the viewer may read it (the school and the secretariat may; a student or a
 * host mentor may not, and then the panel does without the plan's cadence).
 */
export function usePlanIfReadable(consortiumId: string, planId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...internshipsKey(consortiumId), 'plan', planId],
    queryFn: () => api.get<Plan>(`${base(consortiumId)}/plans/${planId}`),
    enabled,
    retry: false,
  });
}
