// Stable mode: student-proposing deferred acceptance (Gale & Shapley 1962) with the enterprise choosing
// among the (student, post) proposals it holds greedily: by priority descending (the edge's score when no
// priority is given), ties by student order in the input, skipping a proposal whose post is full or when
// the enterprise is at capacity. Post capacities nested in an enterprise capacity form a laminar
// matroid, and this greedy is the matroid greedy, so the choice is substitutable and respects the law of
// aggregate demand (Hatfield & Milgrom 2005): deferred acceptance ends in the student-optimal stable
// matching whatever the order of proposals.
//
// When a proposal x arrives at an enterprise holding the feasible set H, the greedy's choice from H + x is
// H + x less the lowest-ranked member of the unique circuit: the proposals at x's post when that post is
// full, otherwise all proposals at the enterprise when it is full. So one min-heap per post and one per
// enterprise (lowest priority on top) decide every proposal in O(log capacity).
import { edgePriorityOf } from './instance.ts';
import { edgesByStudent, preferenceKey, preferenceKeys } from './order.ts';
import type { MatchingInstance } from './types.ts';

export interface StableResult {
  studentEdge: Int32Array;
  objective: number;
  placed: number;
  stats: { proposals: number; rejections: number };
}

/** a ranks below b in the enterprise's choice (lower priority, or equal priority and later student). */
const below = (pa: number, sa: number, pb: number, sb: number) => pa < pb || (pa === pb && sa > sb);

/** Heaps of held proposals, one segment per owner (post or enterprise), keyed by (priority, student). */
class HeldHeaps {
  readonly start: Int32Array;
  readonly size: Int32Array;
  readonly item: Int32Array;
  readonly pos: Int32Array;
  constructor(
    capacity: Int32Array,
    limit: Int32Array,
    students: number,
    private readonly prio: Float64Array,
  ) {
    const n = capacity.length;
    this.start = new Int32Array(n + 1);
    for (let o = 0; o < n; o++) this.start[o + 1] = this.start[o]! + Math.min(capacity[o]!, limit[o]!);
    this.size = new Int32Array(n);
    this.item = new Int32Array(this.start[n]!);
    this.pos = new Int32Array(students);
  }
  top(o: number): number {
    return this.item[this.start[o]!]!;
  }
  private up(base: number, i: number): void {
    const { item, pos, prio } = this;
    const s = item[i]!;
    const ps = prio[s]!;
    while (i > base) {
      const parent = base + ((i - base - 1) >> 1);
      const q = item[parent]!;
      if (!below(ps, s, prio[q]!, q)) break;
      item[i] = q;
      pos[q] = i;
      i = parent;
    }
    item[i] = s;
    pos[s] = i;
  }
  private down(base: number, size: number, i: number): void {
    const { item, pos, prio } = this;
    const end = base + size;
    const s = item[i]!;
    const ps = prio[s]!;
    for (;;) {
      let c = base + 2 * (i - base) + 1;
      if (c >= end) break;
      if (c + 1 < end && below(prio[item[c + 1]!]!, item[c + 1]!, prio[item[c]!]!, item[c]!)) c++;
      const q = item[c]!;
      if (!below(prio[q]!, q, ps, s)) break;
      item[i] = q;
      pos[q] = i;
      i = c;
    }
    item[i] = s;
    pos[s] = i;
  }
  add(o: number, s: number): void {
    const i = this.start[o]! + this.size[o]!++;
    this.item[i] = s;
    this.up(this.start[o]!, i);
  }
  remove(o: number, s: number): void {
    const base = this.start[o]!;
    const i = this.pos[s]!;
    const last = base + --this.size[o]!;
    if (i === last) return;
    const moved = this.item[last]!;
    this.item[i] = moved;
    this.pos[moved] = i;
    this.up(base, i);
    this.down(base, this.size[o]!, this.pos[moved]!);
  }
}

/** Student-proposing deferred acceptance (see the file's head). */
export function solveStable(inst: MatchingInstance): StableResult {
  const nS = inst.studentIds.length;
  const nP = inst.postIds.length;
  const nE = inst.enterpriseIds.length;
  const { postEnterprise, postCapacity, enterpriseCapacity, edgePost, edgeStudent } = inst;
  // Each student's edges in its order of preference, laid out contiguously with what a proposal reads.
  const m = edgeStudent.length;
  const { start, edges: pref } = edgesByStudent(inst);
  const prefPost = new Int32Array(m);
  const prefPrio = new Float64Array(m);
  {
    const { edgeScore, edgePriority } = inst;
    const sk = new Float64Array(m);
    for (let x = 0; x < m; x++) sk[x] = preferenceKey(inst, pref[x]!);
    for (let i = 0; i < nS; i++) {
      const lo = start[i]!;
      const hi = start[i + 1]!;
      for (let x = lo + 1; x < hi; x++) {
        const key = sk[x]!;
        const k = pref[x]!;
        let y = x - 1;
        while (y >= lo && sk[y]! > key) {
          sk[y + 1] = sk[y]!;
          pref[y + 1] = pref[y]!;
          y--;
        }
        sk[y + 1] = key;
        pref[y + 1] = k;
      }
    }
    for (let x = 0; x < m; x++) {
      const k = pref[x]!;
      prefPost[x] = edgePost[k]!;
      const pr = edgePriority[k]!;
      prefPrio[x] = pr === pr ? pr : edgeScore[k]!; // NaN: no priority given, the score counts
    }
  }
  const next = start.slice(0, nS); // the next edge each student proposes on
  // held proposals: per student the edge it holds (−1: none) and its priority there
  const held = new Int32Array(nS).fill(-1);
  const heldPost = new Int32Array(nS);
  const prio = new Float64Array(nS);
  // a post or enterprise never holds more proposals than students can make to it
  const postLimit = new Int32Array(nP);
  const entLimit = new Int32Array(nE);
  for (let k = 0; k < m; k++) {
    postLimit[edgePost[k]!]!++;
    entLimit[postEnterprise[edgePost[k]!]!]!++;
  }
  const atPost = new HeldHeaps(postCapacity, postLimit, nS, prio);
  const atEnt = new HeldHeaps(enterpriseCapacity, entLimit, nS, prio);
  const free = new Int32Array(nS);
  let nFree = 0;
  for (let i = nS - 1; i >= 0; i--) free[nFree++] = i;
  let proposals = 0;
  let rejections = 0;
  while (nFree > 0) {
    const s = free[--nFree]!;
    const x = next[s]!;
    if (x >= start[s + 1]!) continue; // rejected everywhere: unplaced
    next[s] = x + 1;
    proposals++;
    const j = prefPost[x]!;
    const e = postEnterprise[j]!;
    const p = prefPrio[x]!;
    let out = -1; // the proposal the enterprise lets go (−1: none; s: the new one)
    if (atPost.size[j]! >= postCapacity[j]!) {
      out = postCapacity[j] === 0 ? s : atPost.top(j);
    } else if (atEnt.size[e]! >= enterpriseCapacity[e]!) {
      out = enterpriseCapacity[e] === 0 ? s : atEnt.top(e);
    }
    if (out >= 0 && out !== s && !below(p, s, prio[out]!, out)) {
      // the weakest held proposal of the circuit goes; s takes its place
      const jo = heldPost[out]!;
      atPost.remove(jo, out);
      atEnt.remove(postEnterprise[jo]!, out);
      held[out] = -1;
      free[nFree++] = out;
      rejections++;
      out = -1;
    } else if (out >= 0) out = s;
    if (out === s) {
      rejections++;
      free[nFree++] = s;
      continue;
    }
    held[s] = pref[x]!;
    heldPost[s] = j;
    prio[s] = p;
    atPost.add(j, s);
    atEnt.add(e, s);
  }
  let objective = 0;
  let placed = 0;
  for (let i = 0; i < nS; i++)
    if (held[i]! >= 0) {
      objective += inst.edgeScore[held[i]!]!;
      placed++;
    }
  return { studentEdge: held, objective, placed, stats: { proposals, rejections } };
}

export interface BlockingPair {
  student: number;
  /** The edge (student, post) that blocks. */
  edge: number;
}

/**
 * Every blocking pair of `studentEdge`: a student s and a post p (an edge) that s prefers to its
 * assignment (or s is unplaced), such that the enterprise's greedy choice applied to the proposals it
 * holds plus (s, p) would admit (s, p). The held proposals are taken as they are (s's own one included
 * when it holds a post of the same enterprise).
 */
export function findBlockingPairs(inst: MatchingInstance, studentEdge: Int32Array): BlockingPair[] {
  const nE = inst.enterpriseIds.length;
  const keys = preferenceKeys(inst);
  const { postEnterprise, postCapacity, enterpriseCapacity, edgePost } = inst;
  // the held edges of each enterprise, in the greedy's order (priority desc, student asc, post asc)
  const heldBy: number[][] = Array.from({ length: nE }, () => []);
  for (let i = 0; i < studentEdge.length; i++) {
    const k = studentEdge[i]!;
    if (k >= 0) heldBy[postEnterprise[edgePost[k]!]!]!.push(k);
  }
  const rankBefore = (a: number, b: number) => {
    const pa = edgePriorityOf(inst, a);
    const pb = edgePriorityOf(inst, b);
    if (pa !== pb) return pa > pb;
    const sa = inst.edgeStudent[a]!;
    const sb = inst.edgeStudent[b]!;
    if (sa !== sb) return sa < sb;
    return edgePost[a]! < edgePost[b]!;
  };
  for (const list of heldBy) list.sort((a, b) => (rankBefore(a, b) ? -1 : rankBefore(b, a) ? 1 : 0));
  const postCount = new Int32Array(inst.postIds.length);
  const out: BlockingPair[] = [];
  for (let k = 0; k < inst.edgeStudent.length; k++) {
    const s = inst.edgeStudent[k]!;
    const own = studentEdge[s]!;
    if (own === k || (own >= 0 && keys[own]! < keys[k]!)) continue; // not preferred
    const j = edgePost[k]!;
    const e = postEnterprise[j]!;
    // the greedy over held + (s, p): does it admit (s, p)?
    const list = heldBy[e]!;
    let entCount = 0;
    let admitted = false;
    const touched: number[] = [];
    let x = 0;
    for (; x <= list.length; x++) {
      const h = x < list.length ? list[x]! : -1;
      if (h < 0 || rankBefore(k, h)) {
        admitted = postCount[j]! < postCapacity[j]! && entCount < enterpriseCapacity[e]!;
        break;
      }
      const hj = edgePost[h]!;
      if (postCount[hj]! < postCapacity[hj]! && entCount < enterpriseCapacity[e]!) {
        postCount[hj]!++;
        touched.push(hj);
        entCount++;
      }
    }
    for (const hj of touched) postCount[hj]!--;
    if (admitted) out.push({ student: s, edge: k });
  }
  return out;
}
