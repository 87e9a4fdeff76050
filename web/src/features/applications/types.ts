// Shapes of the applications API (server/modules/talent/applications.ts declares them beside its routes,
// which the web app cannot import from, so they are restated here over the shared vocabularies).
import type { ApplicationAction } from '../../../../server/modules/talent/talent.core.ts';
import type { ApplicationStatus, EducationLevel } from '../../../../server/modules/talent/talent.enums.ts';
import type { HistoryEntry, PostingKind } from '../postings/types';

export type { ApplicationAction, ApplicationStatus };

export type Certificate = {
  name: string;
  kind: '1+X' | 'skill_level' | 'qualification' | 'other';
  level?: string | null;
  issuedOn?: string | null;
};

export type Application = {
  id: string;
  status: ApplicationStatus;
  coverNote: string | null;
  interviewAt: string | null;
  interviewPlace: string | null;
  posting: {
    id: string;
    title: string;
    kind: PostingKind;
    unitId: string;
    unitName: string;
    deadline: string;
  };
  /** what the posting enterprise sees of an applicant: no ID number, no phone */
  candidate: {
    id: string;
    name: string;
    schoolName: string | null;
    majorCode: string | null;
    majorName: string | null;
    level: EducationLevel | null;
    expectedGraduation: string | null;
    skills: string[];
    certificates: Certificate[];
  };
  createdAt: string;
  updatedAt: string;
};

export type ApplicationDetail = Application & {
  history: HistoryEntry[];
  /** the posting enterprise may move it on */
  canManage: boolean;
  /** the viewer is the applicant */
  isMine: boolean;
};

export type ApplicationFilter = {
  postingId?: string;
  candidateId?: string;
  unitId?: string;
  schoolUnitId?: string;
  status?: ApplicationStatus;
  mine?: 'true';
};
export type ApplicationListQuery = ApplicationFilter & { page: number; pageSize: number; sort: string };

export type ActionInput = {
  action: ApplicationAction;
  note?: string;
  interviewAt?: string;
  interviewPlace?: string;
};
