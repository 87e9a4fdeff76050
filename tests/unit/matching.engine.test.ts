// The matching engine against exhaustive search on many tiny random instances, its invariants on
// generated ones, the explanations on a hand-made instance, and the instance parser's messages.
import { describe, expect, it } from 'vitest';
import { generateInstance, rng, tinyInstance } from '../../server/engine/matching/generate.ts';
import {
  explainMatching,
  findBlockingPairs,
  formatInstanceError,
  greedyMatching,
  instanceToJson,
  matchingViolations,
  objectiveOf,
  outcomeToJson,
  parseInstance,
  solveMatching,
  solveOptimal,
  solveStable,
  type InstanceJson,
  type MatchingInstance,
} from '../../server/engine/matching/index.ts';

// ---------------------------------------------------------------------------------------------------
// Independent references (written from the definitions, sharing no code with the engine)

const edgesOf = (inst: MatchingInstance, i: number) => {
  const out: number[] = [];
  for (let k = 0; k < inst.edgeStudent.length; k++) if (inst.edgeStudent[k] === i) out.push(k);
  return out;
};

/** Every feasible matching (per student: an edge or −1). */
function allMatchings(inst: MatchingInstance): Int32Array[] {
  const nS = inst.studentIds.length;
  const options = Array.from({ length: nS }, (_, i) => edgesOf(inst, i));
  const postUsed = new Int32Array(inst.postIds.length);
  const entUsed = new Int32Array(inst.enterpriseIds.length);
  const cur = new Int32Array(nS).fill(-1);
  const out: Int32Array[] = [];
  const rec = (i: number) => {
    if (i === nS) {
      out.push(cur.slice());
      return;
    }
    cur[i] = -1;
    rec(i + 1);
    for (const k of options[i]!) {
      const j = inst.edgePost[k]!;
      const e = inst.postEnterprise[j]!;
      if (postUsed[j]! >= inst.postCapacity[j]! || entUsed[e]! >= inst.enterpriseCapacity[e]!) continue;
      postUsed[j]!++;
      entUsed[e]!++;
      cur[i] = k;
      rec(i + 1);
      postUsed[j]!--;
      entUsed[e]!--;
    }
    cur[i] = -1;
  };
  rec(0);
  return out;
}

const totals = (inst: MatchingInstance, m: Int32Array) => {
  let score = 0;
  let placed = 0;
  for (const k of m)
    if (k >= 0) {
      score += inst.edgeScore[k]!;
      placed++;
    }
  return { score, placed };
};

/** Position of edge k in its student's order: ranked by rank, then score descending, then post order. */
function preferenceIndex(inst: MatchingInstance): Map<number, number> {
  const pos = new Map<number, number>();
  for (let i = 0; i < inst.studentIds.length; i++) {
    const ks = edgesOf(inst, i).sort((a, b) => {
      const ra = inst.edgeRank[a]! || Infinity;
      const rb = inst.edgeRank[b]! || Infinity;
      if (ra !== rb) return ra - rb;
      if (inst.edgeScore[a] !== inst.edgeScore[b]) return inst.edgeScore[b]! - inst.edgeScore[a]!;
      return inst.edgePost[a]! - inst.edgePost[b]!;
    });
    ks.forEach((k, x) => pos.set(k, x));
  }
  return pos;
}

const priorityOf = (inst: MatchingInstance, k: number) =>
  Number.isNaN(inst.edgePriority[k]!) ? inst.edgeScore[k]! : inst.edgePriority[k]!;

/** The enterprise's greedy over a set of edges: the admitted ones. */
function greedyChoice(inst: MatchingInstance, ks: number[]): Set<number> {
  const sorted = [...ks].sort(
    (a, b) =>
      priorityOf(inst, b) - priorityOf(inst, a) ||
      inst.edgeStudent[a]! - inst.edgeStudent[b]! ||
      inst.edgePost[a]! - inst.edgePost[b]!,
  );
  const postUsed = new Map<number, number>();
  let entUsed = 0;
  const out = new Set<number>();
  for (const k of sorted) {
    const j = inst.edgePost[k]!;
    const e = inst.postEnterprise[j]!;
    if ((postUsed.get(j) ?? 0) < inst.postCapacity[j]! && entUsed < inst.enterpriseCapacity[e]!) {
      postUsed.set(j, (postUsed.get(j) ?? 0) + 1);
      entUsed++;
      out.add(k);
    }
  }
  return out;
}

/** Blocking pairs by the definition, literally. */
function bruteBlocking(inst: MatchingInstance, m: Int32Array, pref: Map<number, number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < inst.edgeStudent.length; k++) {
    const s = inst.edgeStudent[k]!;
    const own = m[s]!;
    if (own === k || (own >= 0 && pref.get(own)! < pref.get(k)!)) continue;
    const e = inst.postEnterprise[inst.edgePost[k]!]!;
    const held: number[] = [];
    for (const h of m) if (h >= 0 && inst.postEnterprise[inst.edgePost[h]!] === e) held.push(h);
    if (greedyChoice(inst, [...held, k]).has(k)) out.push(k);
  }
  return out;
}

const tinyCases = (seed: number, count: number, scores: [number, number]) => {
  const random = rng(seed);
  return Array.from({ length: count }, () =>
    tinyInstance(random, {
      students: 1 + Math.floor(random() * 6),
      posts: 1 + Math.floor(random() * 4),
      enterprises: 1 + Math.floor(random() * 3),
      density: 0.3 + 0.5 * random(),
      scores,
    }),
  );
};

// ---------------------------------------------------------------------------------------------------

describe('optimal mode against exhaustive search', () => {
  const cases = tinyCases(20261129, 500, [-4, 12]);

  it('reaches the best total score, with a certificate, on 500 tiny instances', () => {
    for (const inst of cases) {
      const best = Math.max(...allMatchings(inst).map((m) => totals(inst, m).score));
      const r = solveOptimal(inst, { verify: true });
      expect(matchingViolations(inst, r.studentEdge)).toEqual([]);
      expect(r.objective).toBe(best);
      expect(objectiveOf(inst, r.studentEdge).objective).toBe(r.objective);
      expect(r.stats.certified).toBe(true);
    }
  });

  it('never uses an edge of score ≤ 0 unless placing first', () => {
    for (const inst of cases) {
      const r = solveOptimal(inst);
      for (const k of r.studentEdge) if (k >= 0) expect(inst.edgeScore[k]).toBeGreaterThan(0);
    }
  });

  it('placeFirst: the most students placed, then the best total, on 500 tiny instances', () => {
    for (const inst of cases) {
      let best = { placed: -1, score: -Infinity };
      for (const m of allMatchings(inst)) {
        const t = totals(inst, m);
        if (t.placed > best.placed || (t.placed === best.placed && t.score > best.score)) best = t;
      }
      const r = solveOptimal(inst, { placeFirst: true, verify: true });
      expect(matchingViolations(inst, r.studentEdge)).toEqual([]);
      expect({ placed: r.placed, score: r.objective }).toEqual(best);
      expect(r.stats.maxPlaceable).toBe(best.placed);
      expect(r.stats.certified).toBe(true);
    }
  });

  it('is exact whatever the scaling factor α', () => {
    for (const inst of cases.slice(0, 150)) {
      const want = solveOptimal(inst).objective;
      for (const alpha of [2, 3, 5, 16]) expect(solveOptimal(inst, { alpha }).objective).toBe(want);
    }
  });
});

describe('stable mode against exhaustive search', () => {
  const cases = tinyCases(7_000_001, 400, [0, 6]);

  it('has no blocking pair, respects capacities and agrees with findBlockingPairs', () => {
    for (const inst of cases) {
      const r = solveStable(inst);
      expect(matchingViolations(inst, r.studentEdge)).toEqual([]);
      expect(bruteBlocking(inst, r.studentEdge, preferenceIndex(inst))).toEqual([]);
      expect(findBlockingPairs(inst, r.studentEdge)).toEqual([]);
    }
  });

  it('is the student-optimal stable matching: every student weakly prefers it to any stable matching', () => {
    for (const inst of cases) {
      const pref = preferenceIndex(inst);
      const da = solveStable(inst).studentEdge;
      const rankOf = (k: number) => (k < 0 ? Infinity : pref.get(k)!);
      for (const m of allMatchings(inst)) {
        if (bruteBlocking(inst, m, pref).length > 0) continue;
        for (let i = 0; i < m.length; i++) expect(rankOf(da[i]!)).toBeLessThanOrEqual(rankOf(m[i]!));
      }
    }
  });

  it('findBlockingPairs finds exactly the blocking pairs of arbitrary matchings', () => {
    for (const inst of cases.slice(0, 150)) {
      const pref = preferenceIndex(inst);
      for (const m of allMatchings(inst).slice(0, 40)) {
        const lib = findBlockingPairs(inst, m).map((b) => b.edge);
        expect(lib).toEqual(bruteBlocking(inst, m, pref));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// The solvers' internal paths: edges grouped by student or not, priorities integral or not, preference
// keys that pack into 31 bits or not. Each variant below has the same preferences and choice rules as
// its base instance, so it must have the same stable matching and the same optimum.

/** The instance with its edges reordered: edge x of the result is edge perm[x] of `inst`. */
function permuteEdges(inst: MatchingInstance, perm: number[]): MatchingInstance {
  return {
    ...inst,
    edgeStudent: Int32Array.from(perm, (k) => inst.edgeStudent[k]!),
    edgePost: Int32Array.from(perm, (k) => inst.edgePost[k]!),
    edgeScore: Int32Array.from(perm, (k) => inst.edgeScore[k]!),
    edgeRank: Int32Array.from(perm, (k) => inst.edgeRank[k]!),
    edgePriority: Float64Array.from(perm, (k) => inst.edgePriority[k]!),
  };
}

/** Edges grouped by student (in input order within a student), as instances usually come. */
const groupedByStudent = (inst: MatchingInstance) =>
  permuteEdges(
    inst,
    Array.from(inst.edgeStudent, (_, k) => k).sort(
      (a, b) => inst.edgeStudent[a]! - inst.edgeStudent[b]! || a - b,
    ),
  );

/** Every priority given explicitly, by an increasing map of the old one that makes most non-integers. */
const fractionalPriorities = (inst: MatchingInstance): MatchingInstance => ({
  ...inst,
  edgePriority: Float64Array.from(inst.edgePriority, (_, k) => priorityOf(inst, k) * 0.37 + 0.5),
});

/** Ranks spread far apart (the same order), so that a packed preference key needs more than 31 bits. */
const wideRanks = (inst: MatchingInstance): MatchingInstance => ({
  ...inst,
  edgeRank: Int32Array.from(inst.edgeRank, (r) => r * 500_000_000),
});

/** Per student the post it got (−1: none), which does not depend on the order of the edges. */
const postsOf = (inst: MatchingInstance, m: Int32Array) =>
  Array.from(m, (k) => (k < 0 ? -1 : inst.edgePost[k]!));

describe('every internal path gives the same result', () => {
  const cases = tinyCases(7_000_002, 300, [0, 6]);
  const variants: [string, (inst: MatchingInstance) => MatchingInstance][] = [
    ['grouped by student', groupedByStudent],
    ['fractional priorities', fractionalPriorities],
    ['wide ranks', wideRanks],
    ['grouped, fractional and wide', (inst) => wideRanks(fractionalPriorities(groupedByStudent(inst)))],
  ];

  it('stable: the same student-optimal stable matching, and no blocking pair', () => {
    for (const inst of cases) {
      const want = postsOf(inst, solveStable(inst).studentEdge);
      for (const [name, variant] of variants) {
        const v = variant(inst);
        const got = solveStable(v).studentEdge;
        expect(postsOf(v, got), name).toEqual(want);
        expect(bruteBlocking(v, got, preferenceIndex(v)), name).toEqual([]);
      }
    }
  });

  it('optimal: the same optimum as exhaustive search on edges grouped by student', () => {
    for (const inst of cases.slice(0, 150)) {
      const v = groupedByStudent(inst);
      let best = 0;
      for (const m of allMatchings(v)) best = Math.max(best, totals(v, m).score);
      const r = solveOptimal(v, { verify: true });
      expect(r.objective).toBe(best);
      expect(r.stats.certified).toBe(true);
      expect(matchingViolations(v, r.studentEdge)).toEqual([]);
    }
  });

  it('stable on generated instances: the same matching with the edges shuffled', () => {
    const inst = generateInstance({ students: 1500, posts: 150, enterprises: 20, degree: 12, seed: 5 });
    const random = rng(11);
    const perm = Array.from(inst.edgeStudent, (_, k) => k);
    for (let x = perm.length - 1; x > 0; x--) {
      const y = Math.floor(random() * (x + 1));
      [perm[x], perm[y]] = [perm[y]!, perm[x]!];
    }
    const shuffled = permuteEdges(inst, perm);
    const want = postsOf(inst, solveStable(inst).studentEdge);
    expect(postsOf(shuffled, solveStable(shuffled).studentEdge)).toEqual(want);
    expect(postsOf(inst, solveStable(fractionalPriorities(inst)).studentEdge)).toEqual(want);
    expect(solveOptimal(shuffled).objective).toBe(solveOptimal(inst).objective);
  });
});

describe('invariants on generated instances', () => {
  const insts = [1, 2, 3].map((seed) =>
    generateInstance({ students: 600 * seed, posts: 60 * seed, enterprises: 8 * seed, degree: 12, seed }),
  );

  it('every mode: capacities hold, a student holds at most one post, only on its own edges', () => {
    for (const inst of insts) {
      for (const m of [
        solveOptimal(inst).studentEdge,
        solveOptimal(inst, { placeFirst: true }).studentEdge,
        solveStable(inst).studentEdge,
        greedyMatching(inst),
      ]) {
        expect(m.length).toBe(inst.studentIds.length);
        expect(matchingViolations(inst, m)).toEqual([]);
      }
    }
  });

  it('optimal ≥ greedy and stable in score; placeFirst places the most', () => {
    for (const inst of insts) {
      const opt = solveOptimal(inst, { verify: true });
      expect(opt.stats.certified).toBe(true);
      const pf = solveOptimal(inst, { placeFirst: true, verify: true });
      expect(pf.stats.certified).toBe(true);
      for (const other of [greedyMatching(inst), solveStable(inst).studentEdge]) {
        const t = objectiveOf(inst, other);
        expect(opt.objective).toBeGreaterThanOrEqual(t.objective);
        expect(pf.placed).toBeGreaterThanOrEqual(t.placed);
      }
      expect(pf.placed).toBeGreaterThanOrEqual(opt.placed);
      expect(pf.objective).toBeLessThanOrEqual(opt.objective);
    }
  });

  it('usually proves optimality before the last phase, and the proof certifies', () => {
    for (const inst of insts) {
      const r = solveOptimal(inst, { verify: true });
      expect(r.stats.provenEarly).toBe(true);
      expect(r.stats.certified).toBe(true);
      expect(r.objective).toBe(solveOptimal(inst, { alpha: 64 }).objective);
    }
  });

  it('stable results have no blocking pairs', () => {
    for (const inst of insts) expect(findBlockingPairs(inst, solveStable(inst).studentEdge)).toEqual([]);
  });

  it('is deterministic', () => {
    const inst = insts[1]!;
    expect(solveOptimal(inst).studentEdge).toEqual(solveOptimal(inst).studentEdge);
    expect(solveStable(inst).studentEdge).toEqual(solveStable(inst).studentEdge);
  });

  it('survives the JSON round trip', () => {
    const inst = insts[0]!;
    const again = parseInstance(JSON.parse(JSON.stringify(instanceToJson(inst))));
    if (!again.ok) throw new Error('round trip refused');
    expect(solveOptimal(again.instance).objective).toBe(solveOptimal(inst).objective);
    expect(solveStable(again.instance).studentEdge).toEqual(solveStable(inst).studentEdge);
  });
});

// ---------------------------------------------------------------------------------------------------
// A hand-made instance whose outcome is known

/**
 * Enterprise A (capacity 2): posts A1 (1 place), A2 (2 places). Enterprise B (capacity 1): post B1.
 *   s1: A1 90, B1 50            — ranks nothing
 *   s2: A1 80, A2 70            — ranks A1 1st
 *   s3: A2 75, B1 40            — A enterprise gives s3 priority 99 for A2
 *   s4: A1 60, A2 65, B1 45     — ranks B1 1st
 * Stable: s1 → A1 (A1 full, s2 out), s2 → A2, s3 → A2 admitted over s2? A holds at most 2: s1 (90),
 * s3 (99) beat s2 (70) → s2 out of A, s2 unplaced (no other edge). s4: B1 (rank 1) admitted.
 */
const handMade: InstanceJson = {
  students: [{ id: 's1' }, { id: 's2' }, { id: 's3' }, { id: 's4' }],
  enterprises: [
    { id: 'A', capacity: 2 },
    { id: 'B', capacity: 1 },
  ],
  posts: [
    { id: 'A1', enterprise: 'A', capacity: 1 },
    { id: 'A2', enterprise: 'A', capacity: 2 },
    { id: 'B1', enterprise: 'B', capacity: 1 },
  ],
  edges: [
    { student: 's1', post: 'A1', score: 90 },
    { student: 's1', post: 'B1', score: 50 },
    { student: 's2', post: 'A1', score: 80, rank: 1 },
    { student: 's2', post: 'A2', score: 70 },
    { student: 's3', post: 'A2', score: 75, priority: 99 },
    { student: 's3', post: 'B1', score: 40 },
    { student: 's4', post: 'A1', score: 60 },
    { student: 's4', post: 'A2', score: 65 },
    { student: 's4', post: 'B1', score: 45, rank: 1 },
  ],
};

function handMadeInstance(): MatchingInstance {
  const p = parseInstance(handMade);
  if (!p.ok) throw new Error(p.errors.map(formatInstanceError).join('\n'));
  return p.instance;
}

describe('explanations', () => {
  it('stable: post_full and enterprise_full name the lowest admitted student and its priority', () => {
    const inst = handMadeInstance();
    const json = outcomeToJson(inst, solveMatching(inst, { mode: 'stable', explain: true }));
    expect(json.assignments).toEqual([
      { student: 's1', post: 'A1' },
      { student: 's3', post: 'A2' },
      { student: 's4', post: 'B1' },
    ]);
    expect(json.unplaced).toEqual(['s2']);
    expect(json.explanations).toEqual({
      s1: { post: 'A1', preferred: [] },
      // s2 ranks A1 first: full with s1 (priority 90 = its score); then A2: room at the post but A is at
      // capacity, its lowest being s1 (90 < 99)
      s2: {
        post: null,
        preferred: [
          { post: 'A1', reason: 'post_full', lowestAdmitted: { student: 's1', priority: 90 } },
          { post: 'A2', reason: 'enterprise_full', lowestAdmitted: { student: 's1', priority: 90 } },
        ],
      },
      s3: { post: 'A2', preferred: [] },
      s4: { post: 'B1', preferred: [] },
    });
  });

  it('optimal: the same facts, and lower_total where the optimum preferred otherwise', () => {
    const inst = handMadeInstance();
    const out = solveMatching(inst, { mode: 'optimal', explain: true, verify: true });
    // the best total is s1 A1 90 + s3 A2 75 + s4 B1 45 = 210 (the stable outcome); any placement of s2
    // costs more than it brings (s2 A1 80 + s3 A2 75 + s1 B1 50 = 205, s1 A1 90 + s2 A2 70 + s4 B1 45 = 205)
    expect(out.objective).toBe(210);
    const json = outcomeToJson(inst, out);
    expect(json.explanations!.s2).toEqual({
      post: null,
      preferred: [
        { post: 'A1', reason: 'post_full', lowestAdmitted: { student: 's1', priority: 90 } },
        { post: 'A2', reason: 'enterprise_full', lowestAdmitted: { student: 's1', priority: 90 } },
      ],
    });
    // s4 ranks B1 first and got it; s3 scores A2 above B1 and got A2
    expect(json.explanations!.s4).toEqual({ post: 'B1', preferred: [] });
  });

  it('lower_total: a post with room the optimum did not use', () => {
    // one student, two posts with room: the optimum takes the higher score, the student ranks the other first
    const p = parseInstance({
      students: [{ id: 'x' }],
      enterprises: [{ id: 'E', capacity: 5 }],
      posts: [
        { id: 'low', enterprise: 'E', capacity: 1 },
        { id: 'high', enterprise: 'E', capacity: 1 },
      ],
      edges: [
        { student: 'x', post: 'low', score: 10, rank: 1 },
        { student: 'x', post: 'high', score: 20 },
      ],
    });
    if (!p.ok) throw new Error('refused');
    const ex = explainMatching(p.instance, solveOptimal(p.instance).studentEdge, 'optimal');
    expect(ex).toEqual([{ post: 1, preferred: [{ post: 0, reason: 'lower_total' }] }]);
    const st = explainMatching(p.instance, solveStable(p.instance).studentEdge, 'stable');
    expect(st).toEqual([{ post: 0, preferred: [] }]);
  });

  it('a capacity of zero: post_full with nobody admitted', () => {
    const p = parseInstance({
      students: [{ id: 'x' }],
      enterprises: [{ id: 'E', capacity: 1 }],
      posts: [{ id: 'closed', enterprise: 'E', capacity: 0 }],
      edges: [{ student: 'x', post: 'closed', score: 10 }],
    });
    if (!p.ok) throw new Error('refused');
    for (const mode of ['optimal', 'stable'] as const) {
      const o = solveMatching(p.instance, { mode, explain: true });
      expect(o.explanations).toEqual([
        { post: -1, preferred: [{ post: 0, reason: 'post_full', lowestAdmitted: null }] },
      ]);
    }
  });
});

describe('instance parsing', () => {
  const messages = (json: unknown) => {
    const p = parseInstance(json);
    return p.ok ? [] : p.errors.map(formatInstanceError);
  };
  const base = () => JSON.parse(JSON.stringify(handMade)) as InstanceJson;

  it('accepts a valid instance', () => {
    expect(messages(handMade)).toEqual([]);
  });

  it('names every offending item by its path', () => {
    const j = base();
    j.edges[2]!.post = 'P9';
    j.edges[3]!.score = 7.5;
    j.posts[1]!.capacity = -2;
    j.students.push({ id: 's1' });
    j.edges.push({ student: 's1', post: 'A1', score: 1 });
    j.edges.push({ student: 's4', post: 'A2', score: 3, rank: 1 });
    j.edges[0]!.rank = 0;
    expect(messages(j)).toEqual([
      'students[4].id: duplicate student "s1" (also students[0])',
      'posts[1].capacity: must not be negative, got -2',
      'edges[0].rank: must be a positive integer, got 0',
      'edges[2].post: unknown post "P9"',
      'edges[3].score: must be an integer, got 7.5',
      'edges[9]: duplicate edge: student "s1" and post "A1" (also edges[0])',
      'edges[10]: duplicate edge: student "s4" and post "A2" (also edges[7])',
      'edges[10].rank: student "s4" gives rank 1 twice (also edges[8])',
    ]);
  });

  it('refuses what is not an instance', () => {
    expect(messages(null)).toEqual(['an instance must be a JSON object, got null']);
    expect(messages({ students: [] })).toEqual([
      'posts: must be an array, got undefined',
      'enterprises: must be an array, got undefined',
      'edges: must be an array, got undefined',
    ]);
    const j = base();
    (j.edges[1] as Record<string, unknown>).student = 5;
    (j.posts[0] as Record<string, unknown>).enterprise = 'Z';
    (j.edges[4] as Record<string, unknown>).priority = 'high';
    j.edges[5]!.score = 2_000_000;
    expect(messages(j)).toEqual([
      'posts[0].enterprise: unknown enterprise "Z"',
      'edges[1].student: must be a student id (a string), got 5',
      'edges[4].priority: must be a finite number, got "high"',
      'edges[5].score: must be between -1000000 and 1000000, got 2000000',
    ]);
  });

  it('stops counting after 100 problems', () => {
    const j = base();
    for (let x = 0; x < 150; x++) j.edges.push({ student: 'nobody', post: 'A1', score: 1 });
    const p = parseInstance(j);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.errors).toHaveLength(100);
      expect(p.truncated).toBe(true);
    }
  });
});
