// Shapes of the supervision API (logs, flags, assessments, host ratings, alerts), inferred from the
// server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  alertOut,
  alertPage,
  assessmentOut,
  assessmentsOut,
  detectOut,
  flagOut,
  hostRatingOut,
  logDetail,
  logFileIn,
  logFileOut,
  logOut,
  rubricItem,
} from '../../../../../server/modules/internships/supervision.schema.ts';
import type {
  assessorRoles,
  flagKinds,
  flagStatuses,
  logStatuses,
} from '../../../../../server/modules/internships/internships.enums.ts';

export type LogStatus = (typeof logStatuses)[number];
export type FlagKind = (typeof flagKinds)[number];
export type FlagStatus = (typeof flagStatuses)[number];
export type AssessorRole = (typeof assessorRoles)[number];

export type Log = z.infer<typeof logOut>;
export type LogDetail = z.infer<typeof logDetail>;
export type LogFile = z.infer<typeof logFileOut>;
export type LogFileInput = z.infer<typeof logFileIn>;
export type LogPlacement = Log['placement'];

export type Flag = z.infer<typeof flagOut>;
export type DetectResult = z.infer<typeof detectOut>;

export type RubricItem = z.infer<typeof rubricItem>;
export type Assessment = z.infer<typeof assessmentOut>;
export type Assessments = z.infer<typeof assessmentsOut>;

export type HostRating = z.infer<typeof hostRatingOut>;

export type Alert = z.infer<typeof alertOut>;
export type AlertKind = Alert['kind'];
export type AlertSeverity = Alert['severity'];
export type AlertPage = z.infer<typeof alertPage>;

/** What a placement's supervision panel needs to know of the placement. */
export type SupervisedPlacement = {
  id: string;
  planId: string;
  status: string;
  startDate: string;
  endDate: string;
  schoolUnitId: string;
  hostUnitId: string | null;
  hostKind: 'member' | 'external';
  hostName: string;
  studentName: string;
  sides: { school: boolean; host: boolean; student: boolean; all: boolean };
};

export type LogInput = {
  periodStart: string;
  periodEnd: string;
  content: string;
  files: LogFileInput[];
};

export type LogPatch = {
  periodStart?: string;
  periodEnd?: string;
  content?: string;
  addFiles?: LogFileInput[];
  removeFileIds?: string[];
};
