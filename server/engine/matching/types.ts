// The placement matching engine's data model. Everything here is plain data: an instance is a set of
// typed arrays indexed by position (student i, post j, enterprise e, edge k), so the solvers never touch
// strings or objects in their inner loops. `instance.ts` builds one from JSON; `generate.ts` builds one
// directly.

/** Scores are integers with |score| ≤ this bound, so every sum the exact solver forms stays exact. */
export const MAX_ABS_SCORE = 1_000_000;

/** Capacities above this are stored as this (no instance can use more: it is far above any student count). */
export const MAX_CAPACITY = 0x7fffffff;

export interface MatchingInstance {
  readonly studentIds: readonly string[];
  readonly postIds: readonly string[];
  readonly enterpriseIds: readonly string[];
  /** Per post: the index of its enterprise. */
  readonly postEnterprise: Int32Array;
  /** Per post: how many students it takes. */
  readonly postCapacity: Int32Array;
  /** Per enterprise: how many students it takes over all its posts. */
  readonly enterpriseCapacity: Int32Array;
  /** Per edge (a feasible student–post pair), in input order: the student's index. */
  readonly edgeStudent: Int32Array;
  /** Per edge: the post's index. */
  readonly edgePost: Int32Array;
  /** Per edge: the integer score the optimal mode maximises the sum of. */
  readonly edgeScore: Int32Array;
  /** Per edge: the student's rank of the post (1 = most preferred), 0 when not ranked. */
  readonly edgeRank: Int32Array;
  /** Per edge: the enterprise's priority of the student for the post; NaN when not given (the score counts
   * then). */
  readonly edgePriority: Float64Array;
}

export type MatchMode = 'optimal' | 'stable';

/** Why a student did not get a post it preferred to the one it got (or to none). */
export type ReasonCode =
  /** No edge: the student is not eligible for the post (kept for the platform; an instance has none). */
  | 'not_eligible'
  /** The post is full of students the enterprise admitted ahead (or all students of the optimum). */
  | 'post_full'
  /** The post had room, but its enterprise's capacity is reached. */
  | 'enterprise_full'
  /** Optimal mode only: post and enterprise had room, but the best total placed the student elsewhere. */
  | 'lower_total';

export interface Admitted {
  /** Index of the student. */
  readonly student: number;
  /** Its priority for the post it holds (the score when no priority is given). */
  readonly priority: number;
}

export interface PostExplanation {
  /** Index of the post the student preferred. */
  readonly post: number;
  readonly reason: ReasonCode;
  /**
   * For post_full: the lowest-priority student admitted to the post; for enterprise_full: the lowest at the
   * enterprise; null when the capacity is zero (nobody admitted).
   */
  readonly lowestAdmitted?: Admitted | null;
}

export interface StudentExplanation {
  /** Index of the post the student got, or -1. */
  readonly post: number;
  /** Every post the student preferred to the one it got, in its order of preference. */
  readonly preferred: readonly PostExplanation[];
}

/** A matching: per student the index of the edge it is placed on, or -1. */
export interface Matching {
  readonly studentEdge: Int32Array;
}
