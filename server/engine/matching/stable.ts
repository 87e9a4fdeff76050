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
// enterprise (lowest priority on top) decide every proposal in O(log capacity); an enterprise whose
// capacity cannot bind needs no heap. The work is memory-bound: each student's preference list is sorted
// once into a compact row (post and priority code side by side), and a proposal reads one entry of it.
import { edgePriorityOf } from './instance.ts';
import { preferenceKey, preferenceKeys } from './order.ts';
import { MAX_CAPACITY, type MatchingInstance } from './types.ts';

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
    private readonly prio: Int32Array,
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

/**
 * Each student's edges in its order of preference, one row per student (`start` delimits the rows),
 * `stride` numbers per entry: the post, with the edge's place in the row above it (`placeShift`; when
 * 2 · postBits ≤ 31, else the place is a third number), then the enterprise's priority as an integer code
 * of the same order (the priority itself when every priority is an int32, else its rank among the distinct
 * priorities). `order` gives the rows' edges in input order (null: the identity — the instance's edges are
 * grouped by student, as they usually are).
 */
interface PreferenceLists {
  start: Int32Array;
  order: Int32Array | null;
  list: Int32Array;
  stride: number;
  postMask: number;
  placeShift: number;
  /** Per post: its number of edges. */
  postEdges: Int32Array;
}

function preferenceLists(inst: MatchingInstance): PreferenceLists {
  const { edgeStudent } = inst;
  const nS = inst.studentIds.length;
  const nP = inst.postIds.length;
  const m = edgeStudent.length;
  const postBits = 32 - Math.clz32(Math.max(1, nP - 1));
  const stride = 2 * postBits <= 31 ? 2 : 3;
  const out: PreferenceLists = {
    start: new Int32Array(nS + 1),
    order: null,
    list: new Int32Array(stride * m),
    stride,
    postMask: stride === 2 ? (1 << postBits) - 1 : 0x7fffffff,
    placeShift: postBits,
    postEdges: new Int32Array(nP),
  };
  if (fillRows(inst, out)) return out;
  // the edges are not grouped by student: group them (a counting sort), then again
  const { start } = out;
  start.fill(0);
  for (let k = 0; k < m; k++) start[edgeStudent[k]! + 1]!++;
  for (let i = 0; i < nS; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nS);
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[fill[edgeStudent[k]!]!++] = k;
  out.order = order;
  fillRows(inst, out);
  return out;
}

/**
 * Fills `out.list` row by row, and `out.start` too when `out.order` is null (then it returns false, having
 * filled nothing useful, if the edges turn out not to be grouped by student). A row is sorted in a scratch
 * array, in the cache, on integers of the order of preference when they fit in 31 bits (the bucket of the
 * rank or score within the row, then the post, then the place), else on the exact preference key.
 */
function fillRows(inst: MatchingInstance, out: PreferenceLists): boolean {
  const { edgeStudent, edgePost, edgeScore, edgeRank, edgePriority } = inst;
  const nS = inst.studentIds.length;
  const m = edgeStudent.length;
  const { start, order, list, stride, placeShift, postEdges } = out;
  postEdges.fill(0);
  const postBits = placeShift;
  let row = new Int32Array(64);
  let key = new Float64Array(0);
  let integral = true; // every priority an int32
  let i = 0; // grouped: the next student whose row start is not set
  for (let lo = 0; lo < m;) {
    let hi: number;
    if (order === null) {
      const s = edgeStudent[lo]!;
      if (s < i) return false;
      while (i <= s) start[i++] = lo;
      hi = lo + 1;
      while (hi < m && edgeStudent[hi] === s) hi++;
    } else hi = start[edgeStudent[order[lo]!]! + 1]!;
    const d = hi - lo;
    if (d > row.length) row = new Int32Array(2 * d);
    // the row's range of buckets: ranks first, then scores downwards
    let maxRank = 0;
    let minScore = Infinity;
    let maxScore = -Infinity;
    for (let x = lo; x < hi; x++) {
      const k = order === null ? x : order[x]!;
      const r = edgeRank[k]!;
      if (r > maxRank) maxRank = r;
      else if (r === 0) {
        const sc = edgeScore[k]!;
        if (sc < minScore) minScore = sc;
        if (sc > maxScore) maxScore = sc;
      }
    }
    const placeBits = 32 - Math.clz32(Math.max(1, d - 1));
    const buckets = maxRank + (maxScore >= minScore ? maxScore - minScore + 1 : 0);
    if (Math.log2(Math.max(1, buckets)) + postBits + placeBits < 31) {
      const shift = postBits + placeBits;
      for (let x = 0; x < d; x++) {
        const k = order === null ? lo + x : order[lo + x]!;
        const r = edgeRank[k]!;
        const bucket = r > 0 ? r - 1 : maxRank + (maxScore - edgeScore[k]!);
        const v = (bucket << shift) | (edgePost[k]! << placeBits) | x;
        let y = x - 1;
        while (y >= 0 && row[y]! > v) {
          row[y + 1] = row[y]!;
          y--;
        }
        row[y + 1] = v;
      }
      for (let x = 0; x < d; x++) row[x] = row[x]! & ((1 << placeBits) - 1);
    } else {
      // the exact preference key, its places moved along
      if (key.length < d) key = new Float64Array(row.length);
      for (let x = 0; x < d; x++) {
        const v = preferenceKey(inst, order === null ? lo + x : order[lo + x]!);
        let y = x - 1;
        while (y >= 0 && key[y]! > v) {
          key[y + 1] = key[y]!;
          row[y + 1] = row[y]!;
          y--;
        }
        key[y + 1] = v;
        row[y + 1] = x;
      }
    }
    for (let x = 0; x < d; x++) {
      const place = row[x]!;
      const k = order === null ? lo + place : order[lo + place]!;
      const pr = edgePriority[k]!;
      const p = pr === pr ? pr : edgeScore[k]!; // NaN: no priority given, the score counts
      if ((p | 0) !== p) integral = false;
      const at = stride * (lo + x);
      const j = edgePost[k]!;
      postEdges[j]!++;
      if (stride === 2) list[at] = (place << placeShift) | j;
      else {
        list[at] = j;
        list[at + 2] = place;
      }
      list[at + 1] = p;
    }
    lo = hi;
  }
  if (order === null) while (i <= nS) start[i++] = m;
  if (!integral) {
    // code each priority by its rank among the distinct ones (the same order, and exact)
    const distinct = new Float64Array(m);
    for (let k = 0; k < m; k++) distinct[k] = edgePriorityOf(inst, k);
    distinct.sort();
    let n = 0;
    for (let k = 0; k < m; k++) if (k === 0 || distinct[k] !== distinct[n - 1]) distinct[n++] = distinct[k]!;
    for (let s = 0; s < nS; s++)
      for (let x = start[s]!, hi = start[s + 1]!; x < hi; x++) {
        const p = edgePriorityOf(inst, rowEdge(out, s, x));
        let a = 0;
        let b = n - 1;
        while (a < b) {
          const c = (a + b) >> 1;
          if (distinct[c]! < p) a = c + 1;
          else b = c;
        }
        list[stride * x + 1] = a;
      }
  }
  return true;
}

/** The edge of entry x of student s's row. */
function rowEdge(lists: PreferenceLists, s: number, x: number): number {
  const { start, order, list, stride, placeShift } = lists;
  const place = stride === 2 ? list[2 * x]! >>> placeShift : list[3 * x + 2]!;
  const at = start[s]! + place;
  return order === null ? at : order[at]!;
}

/** Student-proposing deferred acceptance (see the file's head). */
export function solveStable(inst: MatchingInstance): StableResult {
  const nS = inst.studentIds.length;
  const nP = inst.postIds.length;
  const nE = inst.enterpriseIds.length;
  const { postEnterprise, postCapacity, enterpriseCapacity, edgeScore } = inst;
  const lists = preferenceLists(inst);
  const { start, list, stride, postMask } = lists;
  const postLimit = lists.postEdges; // a post never holds more proposals than its edges
  // An enterprise whose capacity is at least what its posts can hold is never full before the post a
  // proposal is made to: it needs no heap, only its count.
  const entLimit = new Int32Array(nE);
  for (let j = 0; j < nP; j++) {
    const e = postEnterprise[j]!;
    entLimit[e] = Math.min(MAX_CAPACITY, entLimit[e]! + Math.min(postCapacity[j]!, postLimit[j]!));
  }
  const entTight = new Uint8Array(nE);
  for (let e = 0; e < nE; e++) if (enterpriseCapacity[e]! < entLimit[e]!) entTight[e] = 1;
  const next = start.slice(0, nS); // the next entry of its list each student proposes on
  // held proposals: per student the row entry it holds (−1: none), its post and its priority code there
  const held = new Int32Array(nS).fill(-1);
  const heldPost = new Int32Array(nS);
  const prio = new Int32Array(nS);
  const atPost = new HeldHeaps(postCapacity, postLimit, nS, prio);
  const atEnt = new HeldHeaps(enterpriseCapacity, entLimit, nS, prio);
  const entCount = new Int32Array(nE);
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
    const j = list[stride * x]! & postMask;
    const p = list[stride * x + 1]!;
    const e = postEnterprise[j]!;
    let out = -1; // the proposal the enterprise lets go (−1: none; s: the new one)
    if (atPost.size[j]! >= postCapacity[j]!) {
      out = postCapacity[j] === 0 ? s : atPost.top(j);
    } else if (entCount[e]! >= enterpriseCapacity[e]!) {
      out = enterpriseCapacity[e] === 0 ? s : atEnt.top(e);
    }
    if (out >= 0 && out !== s && !below(p, s, prio[out]!, out)) {
      // the weakest held proposal of the circuit goes; s takes its place
      const jo = heldPost[out]!;
      const eo = postEnterprise[jo]!;
      atPost.remove(jo, out);
      if (entTight[eo]) atEnt.remove(eo, out);
      entCount[eo]!--;
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
    held[s] = x;
    heldPost[s] = j;
    prio[s] = p;
    atPost.add(j, s);
    if (entTight[e]) atEnt.add(e, s);
    entCount[e]!++;
  }
  // the edges held
  let objective = 0;
  let placed = 0;
  for (let i = 0; i < nS; i++) {
    const x = held[i]!;
    if (x < 0) continue;
    const k = rowEdge(lists, i, x);
    held[i] = k;
    objective += edgeScore[k]!;
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
