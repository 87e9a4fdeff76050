// The greedy baseline (edges by score descending, taken while capacities allow) and the checks and sums
// every mode's result goes through.
import type { MatchingInstance } from './types.ts';

/**
 * Takes edges by score descending (ties: input order) while the student is free and the post and its
 * enterprise have room. Edges with score ≤ 0 are skipped unless `includeNonPositive`. Linear time.
 */
export function greedyMatching(inst: MatchingInstance, includeNonPositive = false): Int32Array {
  const m = inst.edgeStudent.length;
  const { edgeScore } = inst;
  // a counting sort on the score (integers within ±MAX_ABS_SCORE), stable: ties keep the input order
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < m; k++) {
    const s = edgeScore[k]!;
    if (s > 0 || includeNonPositive) {
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  const studentEdge = new Int32Array(inst.studentIds.length).fill(-1);
  if (!(hi >= lo)) return studentEdge;
  const range = hi - lo + 1;
  const start = new Int32Array(range + 1);
  for (let k = 0; k < m; k++) {
    const s = edgeScore[k]!;
    if (s > 0 || includeNonPositive) start[hi - s + 1]!++;
  }
  for (let b = 0; b < range; b++) start[b + 1]! += start[b]!;
  const order = new Int32Array(start[range]!);
  for (let k = 0; k < m; k++) {
    const s = edgeScore[k]!;
    if (s > 0 || includeNonPositive) order[start[hi - s]!++] = k;
  }
  const postLeft = inst.postCapacity.slice();
  const entLeft = inst.enterpriseCapacity.slice();
  for (let x = 0; x < order.length; x++) {
    const k = order[x]!;
    const i = inst.edgeStudent[k]!;
    if (studentEdge[i] !== -1) continue;
    const j = inst.edgePost[k]!;
    const e = inst.postEnterprise[j]!;
    if (postLeft[j]! <= 0 || entLeft[e]! <= 0) continue;
    studentEdge[i] = k;
    postLeft[j]!--;
    entLeft[e]!--;
  }
  return studentEdge;
}

/** Sum of the scores of the edges used, and how many students are placed. */
export function objectiveOf(
  inst: MatchingInstance,
  studentEdge: Int32Array,
): { objective: number; placed: number } {
  let objective = 0;
  let placed = 0;
  for (let i = 0; i < studentEdge.length; i++) {
    const k = studentEdge[i]!;
    if (k < 0) continue;
    objective += inst.edgeScore[k]!;
    placed++;
  }
  return { objective, placed };
}

/** Everything that makes `studentEdge` not a feasible matching of `inst` (empty when feasible). */
export function matchingViolations(inst: MatchingInstance, studentEdge: Int32Array): string[] {
  const out: string[] = [];
  const nP = inst.postIds.length;
  const nE = inst.enterpriseIds.length;
  if (studentEdge.length !== inst.studentIds.length)
    return [`${studentEdge.length} entries for ${inst.studentIds.length} students`];
  const postUsed = new Int32Array(nP);
  const entUsed = new Int32Array(nE);
  for (let i = 0; i < studentEdge.length; i++) {
    const k = studentEdge[i]!;
    if (k === -1) continue;
    if (!(k >= 0 && k < inst.edgeStudent.length)) {
      out.push(`student ${inst.studentIds[i]}: no edge ${k}`);
      continue;
    }
    if (inst.edgeStudent[k] !== i) out.push(`student ${inst.studentIds[i]}: edge ${k} is another student's`);
    const j = inst.edgePost[k]!;
    postUsed[j]!++;
    entUsed[inst.postEnterprise[j]!]!++;
  }
  for (let j = 0; j < nP; j++)
    if (postUsed[j]! > inst.postCapacity[j]!)
      out.push(`post ${inst.postIds[j]}: ${postUsed[j]} placed, capacity ${inst.postCapacity[j]}`);
  for (let e = 0; e < nE; e++)
    if (entUsed[e]! > inst.enterpriseCapacity[e]!)
      out.push(
        `enterprise ${inst.enterpriseIds[e]}: ${entUsed[e]} placed, capacity ${inst.enterpriseCapacity[e]}`,
      );
  return out;
}
