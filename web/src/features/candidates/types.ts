// Shapes of the candidates API, inferred from the server's zod schemas (type-only: nothing of the server
// reaches the bundle but the closed vocabularies of talent.enums.ts, which import nothing).
import type { z } from 'zod';
import type {
  candidateOut,
  certificate,
  createCandidateBody,
  updateCandidateBody,
} from '../../../../server/modules/talent/candidates.schema.ts';
import type {
  candidateKinds,
  certificateKinds,
  educationLevels,
} from '../../../../server/modules/talent/talent.enums.ts';

export type Candidate = z.infer<typeof candidateOut>;
export type Certificate = z.infer<typeof certificate>;
export type CreateCandidateInput = z.input<typeof createCandidateBody>;
export type UpdateCandidateInput = z.input<typeof updateCandidateBody>;
export type CandidateKind = (typeof candidateKinds)[number];
export type CertificateKind = (typeof certificateKinds)[number];
export type EducationLevel = (typeof educationLevels)[number];

export type CandidateFilters = {
  q?: string;
  schoolUnitId?: string;
  majorCode?: string;
  level?: EducationLevel;
  kind?: CandidateKind;
  graduationYear?: number;
};
export type CandidateListQuery = CandidateFilters & { page: number; pageSize: number; sort: string };
