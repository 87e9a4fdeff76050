// Display names and colours of the matching vocabularies, and the small formatters the pages share.
import type { TFunction } from '../../lib/i18n';
import type { CandidateKind, PostingKind, RunMode, RunStatus, Weights } from './types';

export const runStatuses: RunStatus[] = ['queued', 'running', 'done', 'failed', 'confirmed'];
export const statusColor: Record<RunStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  confirmed: 'purple',
};
export const statusLabel = (t: TFunction, s: RunStatus) => t(`matching.status.${s}`);
export const modeLabel = (t: TFunction, m: RunMode) => t(`matching.mode.${m}`);
export const kindLabel = (t: TFunction, k: PostingKind) => t(`matching.kind.${k}`);

export const candidateKinds: CandidateKind[] = ['student', 'graduate', 'worker'];
export const candidateKindLabel = (t: TFunction, k: CandidateKind) => t(`matching.cohort.kind.${k}`);

export const phases = ['building', 'solving', 'explaining', 'saving'] as const;
export type Phase = (typeof phases)[number];
export const isPhase = (v: unknown): v is Phase => phases.some((p) => p === v);
export const phaseLabel = (t: TFunction, phase: string | null): string =>
  isPhase(phase) ? t(`matching.phase.${phase}`) : t('matching.phase.waiting');

/** The weights in the order the form shows them. */
export const weightKeys: (keyof Weights)[] = [
  'sameMajor',
  'sameClass',
  'sameGroup',
  'crosswalk',
  'level',
  'wish',
  'locality',
];
export const weightLabel = (t: TFunction, k: keyof Weights) => t(`matching.weight.${k}`);
export const weightHelp = (t: TFunction, k: keyof Weights) => t(`matching.weight.${k}.help`);

/** `part` of `whole` as a percentage with one decimal ("—" when there is no whole). */
export function share(part: number, whole: number): string {
  if (!whole) return '—';
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}

/** A ratio (0.1) as the percentage people read (10). */
export const toPercent = (ratio: number) => Math.round(ratio * 1000) / 10;
export const fromPercent = (percent: number) => Math.round(percent * 10) / 1000;

export function formatNumber(n: number | null | undefined, locale: string, digits = 0): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
