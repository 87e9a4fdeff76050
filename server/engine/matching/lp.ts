// The linear program of an instance, for checking the optimal mode against a general LP solver:
//   maximise Σ c_k x_k  subject to  Σ_{k of student i} x_k ≤ 1,  Σ_{k at post j} x_k ≤ cap_j,
//   Σ_{k at enterprise e} x_k ≤ cap_e,  0 ≤ x_k ≤ 1   (optionally Σ x_k = count).
// It is a network-flow polytope (with or without the fixed total), so its optimum is integral and equals
// the integer optimum. Three forms: CPLEX LP text, sparse column arrays, and the minimum-cost flow the
// optimal mode solves in DIMACS text (for any min-cost-flow solver; the benchmark writes it on request).
import type { MatchingInstance } from './types.ts';

export interface LpOptions {
  /** What to maximise: the total score (default) or the number placed. */
  objective?: 'score' | 'count';
  /** Fix the number placed (placeFirst's second stage). */
  placed?: number;
}

const coefficient = (inst: MatchingInstance, k: number, o: LpOptions) =>
  o.objective === 'count' ? 1 : inst.edgeScore[k]!;

/** The model in CPLEX LP format (variables x0 … x(m−1), one per edge). */
export function lpText(inst: MatchingInstance, o: LpOptions = {}): string {
  const m = inst.edgeStudent.length;
  const terms = (ks: number[], coef: (k: number) => number) => {
    const parts: string[] = [];
    for (const k of ks) {
      const c = coef(k);
      if (c === 0) continue;
      parts.push(`${c < 0 ? '-' : '+'} ${Math.abs(c)} x${k}`);
    }
    return parts.length > 0 ? parts.join(' ') : '0 x0';
  };
  const byStudent: number[][] = inst.studentIds.map(() => []);
  const byPost: number[][] = inst.postIds.map(() => []);
  const byEnt: number[][] = inst.enterpriseIds.map(() => []);
  const all: number[] = [];
  for (let k = 0; k < m; k++) {
    byStudent[inst.edgeStudent[k]!]!.push(k);
    byPost[inst.edgePost[k]!]!.push(k);
    byEnt[inst.postEnterprise[inst.edgePost[k]!]!]!.push(k);
    all.push(k);
  }
  const lines: string[] = [
    'Maximize',
    ` obj: ${m > 0 ? terms(all, (k) => coefficient(inst, k, o)) : '0 x0'}`,
  ];
  lines.push('Subject To');
  const one = () => 1;
  byStudent.forEach((ks, i) => ks.length > 0 && lines.push(` s${i}: ${terms(ks, one)} <= 1`));
  byPost.forEach(
    (ks, j) => ks.length > 0 && lines.push(` p${j}: ${terms(ks, one)} <= ${inst.postCapacity[j]}`),
  );
  byEnt.forEach(
    (ks, e) => ks.length > 0 && lines.push(` e${e}: ${terms(ks, one)} <= ${inst.enterpriseCapacity[e]}`),
  );
  if (o.placed !== undefined && m > 0) lines.push(` n: ${terms(all, one)} = ${o.placed}`);
  if (m === 0) lines.push(' z: 0 x0 <= 0');
  lines.push('Bounds');
  for (let k = 0; k < Math.max(m, 1); k++) lines.push(` 0 <= x${k} <= 1`);
  lines.push('End');
  return lines.join('\n');
}

/** The model as sparse columns (one column per edge), in the shape an LP solver's model input takes. */
export function lpArrays(inst: MatchingInstance, o: LpOptions = {}) {
  const m = inst.edgeStudent.length;
  const nS = inst.studentIds.length;
  const nP = inst.postIds.length;
  const nE = inst.enterpriseIds.length;
  const fixed = o.placed !== undefined;
  const rows = nS + nP + nE + (fixed ? 1 : 0);
  const per = fixed ? 4 : 3;
  const starts = new Int32Array(m + 1);
  const indices = new Int32Array(per * m);
  const values = new Float64Array(per * m).fill(1);
  const colCost = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    starts[k + 1] = per * (k + 1);
    const j = inst.edgePost[k]!;
    indices[per * k] = inst.edgeStudent[k]!;
    indices[per * k + 1] = nS + j;
    indices[per * k + 2] = nS + nP + inst.postEnterprise[j]!;
    if (fixed) indices[per * k + 3] = nS + nP + nE;
    colCost[k] = coefficient(inst, k, o);
  }
  const rowUpper = new Float64Array(rows);
  const rowLower = new Float64Array(rows).fill(-Infinity);
  rowUpper.fill(1, 0, nS);
  for (let j = 0; j < nP; j++) rowUpper[nS + j] = inst.postCapacity[j]!;
  for (let e = 0; e < nE; e++) rowUpper[nS + nP + e] = inst.enterpriseCapacity[e]!;
  if (fixed) rowLower[rows - 1] = rowUpper[rows - 1] = o.placed!;
  return {
    numCols: m,
    numRows: rows,
    colCost,
    colLower: new Float64Array(m),
    colUpper: new Float64Array(m).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows: rows, numCols: m, starts, indices, values },
  };
}

/**
 * The optimal mode's minimum-cost flow in DIMACS "min" format, as text chunks of about `chunk` characters:
 * nodes 1…n students (supply 1 each), then the posts, B (unplaced), the enterprises, E_B, and T (demand:
 * the students); arcs student → post (capacity 1, cost −score), student → B (cost 0), post → enterprise
 * (its capacity), enterprise → T (its capacity), B → E_B → T (the students). Its minimum cost is minus
 * the optimal mode's objective.
 */
export function* dimacsMinCostFlow(inst: MatchingInstance, chunk = 1 << 20): Generator<string> {
  const nS = inst.studentIds.length;
  const nP = inst.postIds.length;
  const nE = inst.enterpriseIds.length;
  const m = inst.edgeStudent.length;
  const post = (j: number) => nS + 1 + j;
  const B = nS + nP + 1;
  const ent = (e: number) => nS + nP + 2 + e;
  const EB = nS + nP + nE + 2;
  const T = EB + 1;
  let out = `c chanjiao matching instance: ${nS} students, ${nP} posts, ${nE} enterprises, ${m} pairs\n`;
  out += `p min ${T} ${m + nS + nP + nE + 2}\n`;
  const emit = function* (line: string) {
    out += line;
    if (out.length >= chunk) {
      yield out;
      out = '';
    }
  };
  for (let i = 0; i < nS; i++) yield* emit(`n ${i + 1} 1\n`);
  yield* emit(`n ${T} -${nS}\n`);
  for (let k = 0; k < m; k++)
    yield* emit(`a ${inst.edgeStudent[k]! + 1} ${post(inst.edgePost[k]!)} 0 1 ${-inst.edgeScore[k]!}\n`);
  for (let i = 0; i < nS; i++) yield* emit(`a ${i + 1} ${B} 0 1 0\n`);
  for (let j = 0; j < nP; j++)
    yield* emit(`a ${post(j)} ${ent(inst.postEnterprise[j]!)} 0 ${inst.postCapacity[j]} 0\n`);
  for (let e = 0; e < nE; e++) yield* emit(`a ${ent(e)} ${T} 0 ${inst.enterpriseCapacity[e]} 0\n`);
  yield* emit(`a ${B} ${EB} 0 ${nS} 0\n`);
  yield* emit(`a ${EB} ${T} 0 ${nS} 0\n`);
  if (out.length > 0) yield out;
}
