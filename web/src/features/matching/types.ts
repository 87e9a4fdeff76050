// Shapes of the matching API, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  compareOut,
  createRunBody,
  reasonOut,
  resultOut,
  runOut,
  runPage,
} from '../../../../server/modules/matching/matching.schema.ts';
import type { Caps, Weights } from '../../../../server/modules/matching/matching.core.ts';

export type { Caps, Weights };
export type Run = z.infer<typeof runOut>;
export type RunListItem = z.infer<typeof runPage>['items'][number];
export type RunStatus = Run['status'];
export type RunMode = Run['mode'];
export type PostingKind = Run['postingKind'];
export type RunSummary = NonNullable<Run['summary']>;
export type CreateRunInput = z.input<typeof createRunBody>;
export type CandidateKind = NonNullable<CreateRunInput['cohort']>['kinds'] extends (infer K)[] | undefined
  ? K
  : never;
export type Result = z.infer<typeof resultOut>;
export type Reason = z.infer<typeof reasonOut>;
export type Comparison = z.infer<typeof compareOut>;
export type ConfirmOutcome = { run: Run; offered: number; skipped: number };

/** The filters of GET /runs/:runId/results. */
export type ResultFilter = {
  placed?: 'true' | 'false';
  schoolUnitId?: string;
  enterpriseId?: string;
  postingId?: string;
  q?: string;
};
export type ResultQuery = ResultFilter & { page: number; pageSize: number; sort: string };

/** An open posting, as the posting picker reads it. */
export type PostingOption = {
  id: string;
  unitId: string;
  unitName: string;
  kind: PostingKind;
  title: string;
  headcount: number;
  deadline: string;
};
