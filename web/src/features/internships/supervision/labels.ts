// Display names and colours of the supervision vocabularies, the log form's limits (the server's, see
// server/modules/internships/supervision.schema.ts), and small date helpers.
import type { TFunction } from '../../../lib/i18n';
import type { AlertKind, AlertSeverity, AssessorRole, FlagKind, FlagStatus, LogStatus } from './types';

export const logStatuses: readonly LogStatus[] = ['submitted', 'cosigned', 'returned', 'reviewed'];
export const flagKinds: readonly FlagKind[] = [
  'near_duplicate',
  'shared_device',
  'never_cosigned',
  'missing_logs',
];
export const flagStatuses: readonly FlagStatus[] = ['open', 'dismissed', 'confirmed'];
export const alertKinds: readonly AlertKind[] = [
  'insurance_expiring',
  'agreement_unconfirmed',
  'logs_overdue',
  'cap_near_limit',
];
export const studentRatingKeys = ['overall', 'guidance', 'safety', 'learning'] as const;
export type StudentRatingKey = (typeof studentRatingKeys)[number];

export const logStatusLabel = (t: TFunction, s: LogStatus) => t(`sup.logStatus.${s}`);
export const logStatusColor: Record<LogStatus, string> = {
  submitted: 'processing',
  cosigned: 'cyan',
  returned: 'warning',
  reviewed: 'success',
};
export const flagKindLabel = (t: TFunction, k: FlagKind) => t(`sup.flagKind.${k}`);
export const flagKindColor: Record<FlagKind, string> = {
  near_duplicate: 'magenta',
  shared_device: 'purple',
  never_cosigned: 'orange',
  missing_logs: 'gold',
};
export const flagStatusLabel = (t: TFunction, s: FlagStatus) => t(`sup.flagStatus.${s}`);
export const flagStatusColor: Record<FlagStatus, string> = {
  open: 'processing',
  dismissed: 'default',
  confirmed: 'red',
};
export const alertKindLabel = (t: TFunction, k: AlertKind) => t(`sup.alertKind.${k}`);
export const severityLabel = (t: TFunction, s: AlertSeverity) => t(`sup.severity.${s}`);
export const severityColor: Record<AlertSeverity, string> = { high: 'red', warn: 'orange' };
export const roleLabel = (t: TFunction, r: AssessorRole) => t(`sup.role.${r}`);
export const ratingLabel = (t: TFunction, k: StudentRatingKey) => t(`sup.rating.${k}`);

// the log form's limits -----------------------------------------------------------------------------

export const LOG_MIN_CHARS = 30;
export const LOG_MAX_CHARS = 5000;
export const MAX_LOG_FILES = 5;
export const MAX_LOG_FILE_BYTES = 5 * 1024 * 1024;

/** the content types the server accepts, by file extension (browsers leave some types empty) */
const typesByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
export const acceptedFiles = Object.keys(typesByExtension)
  .map((e) => `.${e}`)
  .join(',');

/** The content type the server knows a file as, or null when it does not take such files. */
export function contentTypeOf(fileName: string, browserType: string): string | null {
  const allowed = Object.values(typesByExtension);
  if (allowed.includes(browserType)) return browserType;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return typesByExtension[ext] ?? null;
}

/** The file's bytes in base64 (without the data-URL prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// dates (YYYY-MM-DD, calendar arithmetic in UTC so no time zone shifts a day) ----------------------

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from `start` to `end`, both counted. */
export function spanDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Today in China (YYYY-MM-DD), as the server's `today()`. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
