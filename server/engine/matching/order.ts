// Edges grouped by student or by post (CSR), and a student's order of preference over its edges:
// ranked posts by rank ascending, then the other feasible posts by score descending, ties by post order
// in the input.
import type { MatchingInstance } from './types.ts';

/** Compressed rows: the edges of row r are `edges[start[r]] … edges[start[r + 1] - 1]`. */
export interface Rows {
  readonly start: Int32Array;
  readonly edges: Int32Array;
}

/** Groups `0 … keys.length - 1` by `keys[k]` (a stable counting sort). */
export function groupBy(keys: Int32Array, rows: number): Rows {
  const start = new Int32Array(rows + 1);
  for (let k = 0; k < keys.length; k++) start[keys[k]! + 1]!++;
  for (let r = 0; r < rows; r++) start[r + 1]! += start[r]!;
  const fill = start.slice(0, rows);
  const edges = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) edges[fill[keys[k]!]!++] = k;
  return { start, edges };
}

export const edgesByStudent = (inst: MatchingInstance): Rows =>
  groupBy(inst.edgeStudent, inst.studentIds.length);

export const edgesByPost = (inst: MatchingInstance): Rows => groupBy(inst.edgePost, inst.postIds.length);

const RANKED_BELOW = 2 ** 31;

/**
 * A number per edge whose ascending order is the student's order of preference (smaller = preferred). Exact:
 * ranks are below 2^31 and `(MAX_ABS_SCORE - score) * posts + post` stays far below 2^53.
 */
export function preferenceKeys(inst: MatchingInstance): Float64Array {
  const keys = new Float64Array(inst.edgeStudent.length);
  for (let k = 0; k < keys.length; k++) keys[k] = preferenceKey(inst, k);
  return keys;
}

/** The preference key of edge k (see preferenceKeys). */
export function preferenceKey(inst: MatchingInstance, k: number): number {
  const r = inst.edgeRank[k]!;
  return r > 0
    ? r
    : RANKED_BELOW + (2_000_000 - inst.edgeScore[k]!) * inst.postIds.length + inst.edgePost[k]!;
}

/** Each student's edges sorted into its order of preference. */
export function preferenceRows(inst: MatchingInstance, keys = preferenceKeys(inst)): Rows {
  const rows = edgesByStudent(inst);
  const { start, edges } = rows;
  for (let i = 0; i + 1 < start.length; i++) {
    // insertion sort: a student has a few dozen edges
    const lo = start[i]!;
    const hi = start[i + 1]!;
    for (let x = lo + 1; x < hi; x++) {
      const k = edges[x]!;
      const key = keys[k]!;
      let y = x - 1;
      while (y >= lo && keys[edges[y]!]! > key) {
        edges[y + 1] = edges[y]!;
        y--;
      }
      edges[y + 1] = k;
    }
  }
  return rows;
}
