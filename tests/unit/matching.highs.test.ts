// The optimal mode against HiGHS (an LP solver compiled to WebAssembly) on random instances of a few
// hundred students: the constraint matrix is a network matrix, so the LP optimum is integral and must equal
// ours — also for placeFirst (first the most placed, then, with that number fixed, the best score).
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInstance, rng } from '../../server/engine/matching/generate.ts';
import { dimacsMinCostFlow, lpText } from '../../server/engine/matching/lp.ts';
import {
  matchingViolations,
  solveOptimal,
  type MatchingInstance,
} from '../../server/engine/matching/index.ts';

let highs: Highs;

beforeAll(async () => {
  const mod = await import('highs');
  // The package's types describe its CommonJS entry; the ES module Node loads exports the loader as default.
  const load = mod.default as unknown as (typeof mod.default)['default'];
  highs = await load();
});

function lpOptimum(lp: string): number {
  const r = highs.solve(lp, { output_flag: false });
  if (r.Status !== 'Optimal') throw new Error(`HiGHS: ${r.Status}`);
  return Math.round(r.ObjectiveValue);
}

const instances: MatchingInstance[] = [];
{
  const random = rng(99);
  for (let x = 0; x < 8; x++) {
    const students = 150 + Math.floor(random() * 350);
    instances.push(
      generateInstance({
        students,
        posts: 10 + Math.floor(random() * 40),
        enterprises: 3 + Math.floor(random() * 10),
        degree: 3 + Math.floor(random() * 12),
        seed: 1000 + x,
        capacityFactor: 0.6 + random(),
        tightShare: random(),
        maxScore: x % 2 ? 100 : 1000,
      }),
    );
  }
}

describe('optimal mode equals the LP optimum (HiGHS)', () => {
  it.each(instances.map((inst, x) => [x, inst] as const))('instance %i: best total score', (_x, inst) => {
    const ours = solveOptimal(inst, { verify: true });
    expect(matchingViolations(inst, ours.studentEdge)).toEqual([]);
    expect(ours.stats.certified).toBe(true);
    expect(ours.objective).toBe(lpOptimum(lpText(inst)));
  });

  it.each(instances.map((inst, x) => [x, inst] as const))('instance %i: placeFirst', (_x, inst) => {
    const ours = solveOptimal(inst, { placeFirst: true, verify: true });
    expect(matchingViolations(inst, ours.studentEdge)).toEqual([]);
    const most = lpOptimum(lpText(inst, { objective: 'count' }));
    expect(ours.placed).toBe(most);
    expect(ours.objective).toBe(lpOptimum(lpText(inst, { placed: most })));
  });

  it('stays exact when proving optimality meets an improving exchange', () => {
    // instances found by search where the early proof carries out an exchange before it succeeds
    for (const seed of [6, 29]) {
      const inst = generateInstance({
        students: 400 + seed * 10,
        posts: 40,
        enterprises: 8,
        degree: 10,
        seed,
      });
      const ours = solveOptimal(inst, { alpha: 3, verify: true });
      expect(ours.stats.exchanges).toBeGreaterThan(0);
      expect(ours.stats.provenEarly).toBe(true);
      expect(ours.stats.certified).toBe(true);
      expect(ours.objective).toBe(lpOptimum(lpText(inst)));
    }
  });
});

/** A DIMACS "min" problem as a CPLEX LP: one flow variable per arc, conservation at every node. */
function dimacsToLp(text: string): string {
  const supply = new Map<number, number>();
  const arcs: { from: number; to: number; cap: number; cost: number }[] = [];
  let nodes = 0;
  let declaredArcs = 0;
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'p') [nodes, declaredArcs] = [Number(f[2]), Number(f[3])];
    else if (f[0] === 'n') supply.set(Number(f[1]), Number(f[2]));
    else if (f[0] === 'a') {
      expect(Number(f[3])).toBe(0); // no lower bounds
      arcs.push({ from: Number(f[1]), to: Number(f[2]), cap: Number(f[4]), cost: Number(f[5]) });
    } else expect(f[0] === 'c' || line === '').toBe(true);
  }
  expect(arcs.length).toBe(declaredArcs);
  let balance = 0;
  for (const v of supply.values()) balance += v;
  expect(balance).toBe(0);
  const terms: string[][] = Array.from({ length: nodes + 1 }, () => []);
  arcs.forEach((a, x) => {
    expect(a.from >= 1 && a.from <= nodes && a.to >= 1 && a.to <= nodes).toBe(true);
    terms[a.from]!.push(`+ f${x}`);
    terms[a.to]!.push(`- f${x}`);
  });
  const cost = arcs.flatMap((a, x) =>
    a.cost === 0 ? [] : [`${a.cost < 0 ? '-' : '+'} ${Math.abs(a.cost)} f${x}`],
  );
  const lines = ['Minimize', ` obj: ${cost.length > 0 ? cost.join(' ') : '0 f0'}`];
  lines.push('Subject To');
  for (let v = 1; v <= nodes; v++)
    if (terms[v]!.length > 0) lines.push(` v${v}: ${terms[v]!.join(' ')} = ${supply.get(v) ?? 0}`);
  lines.push('Bounds');
  arcs.forEach((a, x) => lines.push(` 0 <= f${x} <= ${a.cap}`));
  lines.push('End');
  return lines.join('\n');
}

describe('the minimum-cost flow in DIMACS form (for outside solvers)', () => {
  it.each(instances.slice(0, 4).map((inst, x) => [x, inst] as const))(
    'instance %i: its minimum cost is minus the optimal objective',
    (_x, inst) => {
      const text = [...dimacsMinCostFlow(inst, 4096)].join('');
      expect(text.startsWith('c chanjiao matching instance')).toBe(true);
      expect(lpOptimum(dimacsToLp(text))).toBe(-solveOptimal(inst).objective);
    },
  );
});
