// Shapes of the lists API, inferred from the server's zod schemas (type-only: nothing of the server's
// schema code reaches the bundle), and the closed vocabularies shared with the server.
import type { z } from 'zod';
import type {
  createListItemBody,
  historyEntry,
  linkBody,
  linkOut,
  listItemDetail,
  listItemOut,
  updateListItemBody,
} from '../../../../server/modules/talent/lists.schema.ts';
import type { ListAction as ServerListAction } from '../../../../server/modules/talent/talent.core.ts';
import {
  chainPositions,
  educationLevels,
  linkTargetKinds,
  listKinds,
  listStatuses,
  techProgress,
} from '../../../../server/modules/talent/talent.enums.ts';

export { chainPositions, educationLevels, linkTargetKinds, listKinds, listStatuses, techProgress };

export type ListKind = (typeof listKinds)[number];
export type ListStatus = (typeof listStatuses)[number];
export type TechProgress = (typeof techProgress)[number];
export type ChainPosition = (typeof chainPositions)[number];
export type EducationLevel = (typeof educationLevels)[number];
export type LinkTargetKind = (typeof linkTargetKinds)[number];
export type ListAction = ServerListAction;

export type ListItem = z.infer<typeof listItemOut>;
export type ListItemDetail = z.infer<typeof listItemDetail>;
export type ListLink = z.infer<typeof linkOut>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type CreateListItemInput = z.input<typeof createListItemBody>;
export type UpdateListItemInput = z.input<typeof updateListItemBody>;
export type LinkInput = z.input<typeof linkBody>;

export type Answered = 'yes' | 'no';

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.some((x) => x === v);

export const isListKind = isOneOf(listKinds);
export const isListStatus = isOneOf(listStatuses);
export const isTechProgress = isOneOf(techProgress);
export const isAnswered = isOneOf<Answered>(['yes', 'no']);
