// The placement matching engine: pure TypeScript, no I/O. `parseInstance` reads the JSON form,
// `solveMatching` runs a mode, `outcomeToJson` gives the result's JSON form (docs/matching.md).
import { explainMatching } from './explain.ts';
import { matchingViolations } from './greedy.ts';
import { solveOptimal } from './optimal.ts';
import { solveStable } from './stable.ts';
import type { MatchMode, MatchingInstance, ReasonCode, StudentExplanation } from './types.ts';

export { parseInstance, formatInstanceError, instanceToJson } from './instance.ts';
export type { InstanceError, InstanceJson, ParsedInstance } from './instance.ts';
export { greedyMatching, objectiveOf, matchingViolations } from './greedy.ts';
export { solveOptimal } from './optimal.ts';
export { solveStable, findBlockingPairs } from './stable.ts';
export { explainMatching } from './explain.ts';
export type * from './types.ts';

export interface SolveOptions {
  mode: MatchMode;
  /** Optimal mode: first the most students placed, then the highest total score. */
  placeFirst?: boolean;
  /** Also explain every student's outcome. */
  explain?: boolean;
  /** Check the result (feasibility; in optimal mode also the optimality certificate); throws on failure. */
  verify?: boolean;
}

export interface MatchOutcome {
  mode: MatchMode;
  placeFirst: boolean;
  /** Per student: its edge, or −1. */
  studentEdge: Int32Array;
  objective: number;
  placed: number;
  /** Time of the solve (without parsing or explanations), ms. */
  solveMs: number;
  stats: Record<string, number | boolean>;
  explanations?: StudentExplanation[];
  explainMs?: number;
}

export function solveMatching(inst: MatchingInstance, opts: SolveOptions): MatchOutcome {
  if (opts.mode === 'stable' && opts.placeFirst)
    throw new Error('placeFirst applies to the optimal mode only');
  const t0 = performance.now();
  const r =
    opts.mode === 'optimal'
      ? solveOptimal(inst, { placeFirst: !!opts.placeFirst, verify: !!opts.verify })
      : solveStable(inst);
  const solveMs = performance.now() - t0;
  if (opts.verify) {
    const problems = matchingViolations(inst, r.studentEdge);
    if (problems.length > 0)
      throw new Error(`matching: infeasible result: ${problems.slice(0, 5).join('; ')}`);
    if ('certified' in r.stats && r.stats.certified === false)
      throw new Error('matching: the optimality certificate does not hold');
  }
  const outcome: MatchOutcome = {
    mode: opts.mode,
    placeFirst: !!opts.placeFirst,
    studentEdge: r.studentEdge,
    objective: r.objective,
    placed: r.placed,
    solveMs,
    stats: { ...r.stats },
  };
  if (opts.explain) {
    const t1 = performance.now();
    outcome.explanations = explainMatching(inst, r.studentEdge, opts.mode);
    outcome.explainMs = performance.now() - t1;
  }
  return outcome;
}

export interface PostExplanationJson {
  post: string;
  reason: ReasonCode;
  lowestAdmitted?: { student: string; priority: number } | null;
}

export interface MatchResultJson {
  mode: MatchMode;
  placeFirst: boolean;
  objective: number;
  placed: number;
  assignments: { student: string; post: string }[];
  unplaced: string[];
  explanations?: Record<string, { post: string | null; preferred: PostExplanationJson[] }>;
  stats: Record<string, number | boolean>;
}

/** The result's JSON form: ids instead of indices. */
export function outcomeToJson(inst: MatchingInstance, o: MatchOutcome): MatchResultJson {
  const { studentIds, postIds } = inst;
  const assignments: MatchResultJson['assignments'] = [];
  const unplaced: string[] = [];
  for (let i = 0; i < o.studentEdge.length; i++) {
    const k = o.studentEdge[i]!;
    if (k >= 0) assignments.push({ student: studentIds[i]!, post: postIds[inst.edgePost[k]!]! });
    else unplaced.push(studentIds[i]!);
  }
  const result: MatchResultJson = {
    mode: o.mode,
    placeFirst: o.placeFirst,
    objective: o.objective,
    placed: o.placed,
    assignments,
    unplaced,
    stats: {
      solveMs: Math.round(o.solveMs * 10) / 10,
      ...(o.explainMs !== undefined ? { explainMs: Math.round(o.explainMs * 10) / 10 } : {}),
      students: studentIds.length,
      posts: postIds.length,
      enterprises: inst.enterpriseIds.length,
      edges: inst.edgeStudent.length,
      ...o.stats,
    },
  };
  if (o.explanations) {
    const ex: NonNullable<MatchResultJson['explanations']> = {};
    o.explanations.forEach((x, i) => {
      ex[studentIds[i]!] = {
        post: x.post >= 0 ? postIds[x.post]! : null,
        preferred: x.preferred.map((p) => ({
          post: postIds[p.post]!,
          reason: p.reason,
          ...(p.lowestAdmitted !== undefined
            ? {
                lowestAdmitted: p.lowestAdmitted
                  ? { student: studentIds[p.lowestAdmitted.student]!, priority: p.lowestAdmitted.priority }
                  : null,
              }
            : {}),
        })),
      };
    });
    result.explanations = ex;
  }
  return result;
}
