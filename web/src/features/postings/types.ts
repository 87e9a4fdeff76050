// Shapes of the postings API, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type {
  createPostingBody,
  postingDetail,
  postingOut,
  updatePostingBody,
} from '../../../../server/modules/talent/postings.schema.ts';
import type { EducationLevel, PostingStatus } from '../../../../server/modules/talent/talent.enums.ts';
import type { PostingAction } from '../../../../server/modules/talent/talent.core.ts';

export type { EducationLevel, PostingAction, PostingStatus };
export type Posting = z.infer<typeof postingOut>;
export type PostingDetail = z.infer<typeof postingDetail>;
export type PostingKind = Posting['kind'];
export type CreatePostingInput = z.input<typeof createPostingBody>;
export type UpdatePostingInput = z.input<typeof updatePostingBody>;
export type HistoryEntry = PostingDetail['history'][number];

/** The filters of GET /postings. */
export type PostingFilter = {
  q?: string;
  kind?: PostingKind;
  status?: PostingStatus;
  unitId?: string;
  majorCode?: string;
  level?: EducationLevel;
  district?: string;
  payFrom?: number;
  open?: 'true';
  mine?: 'true';
};
export type PostingListQuery = PostingFilter & { page: number; pageSize: number; sort: string };

/** A talent-demand item (人才需求) a posting may answer: the fields this page reads. */
export type TalentDemand = {
  id: string;
  title: string;
  headcount: number | null;
  majorCodes: string[];
  status: string;
};
