// A seeded generator of placement instances that look like a consortium's: students of a few fields,
// enterprises whose posts belong to one field, most of a student's feasible posts in its own field, scores
// 0–100 driven by the post's appeal plus noise (so popular posts are contested), some students ranking a
// handful of posts, half of the enterprises giving their own priorities. Used by the benchmark and tests.
import { MAX_CAPACITY, type MatchingInstance } from './types.ts';

/** A small, fast, seeded PRNG (a 32-bit multiply–xorshift mix over a Weyl sequence). */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z ^= z >>> 15;
    return (z >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  students: number;
  posts: number;
  enterprises: number;
  /** Feasible posts per student (capped by the number of posts). */
  degree: number;
  seed: number;
  /** Total post capacity / students (default 1.2). */
  capacityFactor?: number;
  /** Share of enterprises whose capacity is below the sum of their posts' (default 0.25). */
  tightShare?: number;
  /** Share of a student's posts from its own field (default 0.95). */
  ownField?: number;
  /** Share of the fields that are in demand (default 0.3). */
  hotFields?: number;
  /** Share of the students whose field is one in demand (default 0.6). */
  hotDemand?: number;
  /** Score range: 0 … maxScore (default 100). */
  maxScore?: number;
}

export const benchSizes = {
  small: { students: 2_000, posts: 200, enterprises: 20, degree: 30 },
  medium: { students: 20_000, posts: 2_000, enterprises: 200, degree: 30 },
  large: { students: 200_000, posts: 20_000, enterprises: 2_000, degree: 30 },
} as const;
export type BenchSize = keyof typeof benchSizes;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generateInstance(o: GenerateOptions): MatchingInstance {
  const random = rng(o.seed);
  const normal = () => random() + random() + random() + random() - 2; // ≈ N(0, 1/3)
  const nS = o.students;
  const nP = Math.max(1, o.posts);
  const nE = Math.max(1, Math.min(o.enterprises, nP));
  const degree = Math.min(o.degree, nP);
  const maxScore = o.maxScore ?? 100;
  const ownField = o.ownField ?? 0.95;
  const fields = Math.max(1, Math.min(nE, Math.round(nP / 100)));

  // Enterprises own consecutive posts; an enterprise's posts belong to its field.
  const postEnterprise = new Int32Array(nP);
  for (let j = 0; j < nP; j++) postEnterprise[j] = Math.min(nE - 1, Math.floor((j * nE) / nP));
  const enterpriseField = new Int32Array(nE);
  for (let e = 0; e < nE; e++) enterpriseField[e] = e % fields;
  const fieldPosts: number[][] = Array.from({ length: fields }, () => []);
  // "hot" fields draw more students than they have posts for; the others have room to spare
  const hotCount = Math.max(1, Math.round(fields * (o.hotFields ?? 0.3)));
  const hotDemand = o.hotDemand ?? 0.6;
  const pickField = () =>
    random() < hotDemand || hotCount === fields
      ? Math.floor(random() * hotCount)
      : hotCount + Math.floor(random() * (fields - hotCount));
  const appeal = new Float64Array(nP);
  const postCapacity = new Int32Array(nP);
  const meanCap = ((o.capacityFactor ?? 1.2) * nS) / nP;
  for (let j = 0; j < nP; j++) {
    fieldPosts[enterpriseField[postEnterprise[j]!]!]!.push(j);
    appeal[j] = normal() * 3; // ≈ N(0, 1)
    postCapacity[j] = Math.max(1, Math.round(meanCap * (0.4 + 1.2 * random())));
  }
  const enterpriseCapacity = new Int32Array(nE);
  for (let j = 0; j < nP; j++) enterpriseCapacity[postEnterprise[j]!]! += postCapacity[j]!;
  const tightShare = o.tightShare ?? 0.25;
  const ownPriority = new Uint8Array(nE);
  for (let e = 0; e < nE; e++) {
    if (random() < tightShare)
      enterpriseCapacity[e] = Math.max(1, Math.round(enterpriseCapacity[e]! * (0.45 + 0.3 * random())));
    enterpriseCapacity[e] = Math.min(enterpriseCapacity[e]!, MAX_CAPACITY);
    ownPriority[e] = random() < 0.5 ? 1 : 0;
  }

  const m = nS * degree;
  const edgeStudent = new Int32Array(m);
  const edgePost = new Int32Array(m);
  const edgeScore = new Int32Array(m);
  const edgeRank = new Int32Array(m);
  const edgePriority = new Float64Array(m).fill(NaN);
  const seen = new Int32Array(nP).fill(-1);
  const order: number[] = [];
  const noisy = new Float64Array(degree);
  let k = 0;
  for (let i = 0; i < nS; i++) {
    const field = pickField();
    const own = fieldPosts[field]!;
    const merit = Math.round(random() * 100);
    const first = k;
    let tries = 0;
    while (k - first < degree) {
      const j =
        random() < ownField && own.length > 0 && tries < 50 * degree
          ? own[Math.floor(random() * own.length)]!
          : Math.floor(random() * nP);
      tries++;
      if (seen[j] === i) continue;
      seen[j] = i;
      const fit = enterpriseField[postEnterprise[j]!] === field ? 0.1 : -0.45;
      const raw = 0.5 + 0.18 * appeal[j]! + fit + normal() * 0.25;
      edgeStudent[k] = i;
      edgePost[k] = j;
      edgeScore[k] = Math.max(0, Math.min(maxScore, Math.round(raw * maxScore)));
      if (ownPriority[postEnterprise[j]!]) edgePriority[k] = merit + Math.round(normal() * 15);
      k++;
    }
    // Half of the students rank a few of their posts (their own view: the score plus taste).
    if (random() < 0.5) {
      const ranked = 1 + Math.floor(random() * 5);
      order.length = 0;
      for (let x = 0; x < degree; x++) {
        order.push(x);
        noisy[x] = edgeScore[first + x]! + normal() * 30;
      }
      order.sort((a, b) => noisy[b]! - noisy[a]!);
      for (let r = 0; r < ranked && r < degree; r++) edgeRank[first + order[r]!] = r + 1;
    }
  }
  const wS = String(nS).length;
  const wP = String(nP).length;
  const wE = String(nE).length;
  return {
    studentIds: Array.from({ length: nS }, (_, i) => `S${pad(i + 1, wS)}`),
    postIds: Array.from({ length: nP }, (_, j) => `P${pad(j + 1, wP)}`),
    enterpriseIds: Array.from({ length: nE }, (_, e) => `E${pad(e + 1, wE)}`),
    postEnterprise,
    postCapacity,
    enterpriseCapacity,
    edgeStudent,
    edgePost,
    edgeScore,
    edgeRank,
    edgePriority,
  };
}

/** A tiny random instance (for exhaustive tests): every number drawn from `random`. */
export function tinyInstance(
  random: () => number,
  o: { students: number; posts: number; enterprises: number; density: number; scores: [number, number] },
): MatchingInstance {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const nE = o.enterprises;
  const nP = o.posts;
  const nS = o.students;
  const postEnterprise = Int32Array.from({ length: nP }, () => int(0, nE - 1));
  const postCapacity = Int32Array.from({ length: nP }, () => int(0, 3));
  const enterpriseCapacity = Int32Array.from({ length: nE }, () => int(0, 4));
  const es: number[] = [];
  const ep: number[] = [];
  const sc: number[] = [];
  const rk: number[] = [];
  const pr: number[] = [];
  for (let i = 0; i < nS; i++) {
    let rank = 0;
    for (let j = 0; j < nP; j++) {
      if (random() >= o.density) continue;
      es.push(i);
      ep.push(j);
      sc.push(int(o.scores[0], o.scores[1]));
      rk.push(random() < 0.3 ? ++rank : 0);
      pr.push(random() < 0.4 ? int(0, 5) : NaN);
    }
  }
  // shuffle the edges so that input order differs from (student, post) order
  const m = es.length;
  const perm = Array.from({ length: m }, (_, x) => x);
  for (let x = m - 1; x > 0; x--) {
    const y = Math.floor(random() * (x + 1));
    [perm[x], perm[y]] = [perm[y]!, perm[x]!];
  }
  return {
    studentIds: Array.from({ length: nS }, (_, i) => `s${i}`),
    postIds: Array.from({ length: nP }, (_, j) => `p${j}`),
    enterpriseIds: Array.from({ length: nE }, (_, e) => `e${e}`),
    postEnterprise,
    postCapacity,
    enterpriseCapacity,
    edgeStudent: Int32Array.from(perm, (x) => es[x]!),
    edgePost: Int32Array.from(perm, (x) => ep[x]!),
    edgeScore: Int32Array.from(perm, (x) => sc[x]!),
    edgeRank: Int32Array.from(perm, (x) => rk[x]!),
    edgePriority: Float64Array.from(perm, (x) => pr[x]!),
  };
}
