// Optimal mode: the placement that maximises the total score (optionally: the most students placed, then
// the highest total). It is a minimum-cost flow on
//
//     student ──1── post ──capacity── enterprise ──capacity── T        (cost −score on student → post)
//     student ──1── B (the "unplaced" post) ────────── E_B ─────────── T    (cost 0)
//
// where every student sends one unit to T. It is solved exactly by cost scaling with push–relabel
// (Goldberg & Tarjan 1990; Goldberg 1997): phases with ε falling by a factor α, each making the flow
// ε-optimal for prices p (every residual arc has reduced cost ≥ −ε). The graph is bipartite with a small
// tree on the right (20k posts, 2k enterprises, T), so a phase is specialised:
//
//  - Start: a student whose post is within 2ε of its best other option stays (its price set between);
//    any other leaves. The post it left keeps a deficit, unless the arcs above it take it straight to T.
//  - Forward half: each student without a post makes a double push (Goldberg & Kennedy's CSA, 1995) —
//    it takes its best option and lowers its own price to its second best less ε, which is exactly an
//    auction bid (Bertsekas). The unit then walks up the tree: a full post evicts its lowest bidder, a
//    post with room passes it to its enterprise, a full enterprise evicts at its cheapest post, one with
//    room passes it to T, which keeps it. A cache of each student's best options (CSA-Q's k-best trick;
//    prices only rise in this half) spares most full scans of its edges.
//  - Reverse half (Bertsekas's reverse auction, i.e. deficit-driven push–relabel): every post short of a
//    student pulls in the student that offers the most for it, lowering its price to the second offer
//    less ε; a deficit whose arcs up are free goes straight to T, which holds the units the forward half
//    left there. A cache of each post's best offers (offers only fall in this half) spares most scans.
//    Each half moves prices one way only, so each ends; together they leave a feasible ε-optimal flow.
//
// Exactness: costs are scaled by K, larger than any simple cycle of the residual graph; a flow that is
// 1-optimal in scaled units then has no negative cycle, so the last phase (ε = 1) ends optimal. Usually
// the flow is optimal several phases earlier: once ε is below half a score unit, the solver tries to
// raise the right-hand prices to an exact equilibrium (longest paths by label correcting, over the
// constraints within a radius); success proves optimality on the spot, and a cycle it meets is a
// strictly improving exchange, which is carried out. Failing that, the phases continue.
//
// placeFirst runs twice on the same graph: first every edge weighs 1 (the most students that can be
// placed, k*), then the scores, with B's capacity cut to (students − k*), starting from the first flow.
import type { MatchingInstance } from './types.ts';

export interface OptimalOptions {
  /** First maximise the number placed, then the total score. */
  placeFirst?: boolean;
  /** Factor by which ε shrinks between phases (default 8). */
  alpha?: number;
  /** After the solve, check that the final prices certify optimality (one pass over the edges). */
  verify?: boolean;
  /** Receives one line per phase (diagnostics). */
  trace?: (line: string) => void;
}

export interface OptimalStats {
  phases: number;
  /** Forward bids (double pushes). */
  bids: number;
  /** Reverse bids (a post pulling a student in). */
  reverseBids: number;
  /** Price rises of posts, enterprises and T in the tree walks. */
  relabels: number;
  /** Improving exchanges carried out while proving optimality. */
  exchanges: number;
  /** Whether optimality was proven before the last phase (by the exact equilibrium prices). */
  provenEarly: boolean;
  /** The scale factor K of the costs (greater than the longest simple cycle). */
  scale: number;
  /** placeFirst: the most students that can be placed. */
  maxPlaceable?: number;
  /** When verify was asked: whether the final prices certify optimality. */
  certified?: boolean;
}

export interface OptimalResult {
  /** Per student: its edge, or −1. */
  studentEdge: Int32Array;
  objective: number;
  placed: number;
  stats: OptimalStats;
}

const DEFAULT_ALPHA = 8;
/** The first phase's ε is the largest weight over this. */
const FIRST_DIVISOR = 16;
/** Options cached per student, offers cached per post. */
const KBEST = 6;
const KREV = 16;
/** Try to prove optimality once ε · PROVE_BELOW ≤ K (below half a score unit), within PROVE_RADIUS · ε. */
const PROVE_BELOW = 2;
const PROVE_RADIUS = 24;
const MAX_EXCHANGES = 64;
/** Prices must stay below this for the double arithmetic to be exact (2^53 with a margin). */
const EXACT_LIMIT = 2 ** 51;

/** The flow network and the push–relabel state. */
class CostScaling {
  // ---- structure ----
  readonly nS: number;
  /** Posts, the last one is B. */
  readonly nP: number;
  /** Enterprises, the last one is E_B. */
  readonly nE: number;
  readonly B: number;
  readonly EB: number;
  /** Per network student: the instance's student (students without a usable edge are left out). */
  readonly studentOf: Int32Array;
  // student → arcs, and post → arcs (reverse)
  readonly aStart: Int32Array;
  readonly aPost: Int32Array;
  readonly aEdge: Int32Array;
  /** Per arc its weight, unscaled (an integer: the score, or 1 when placing first); K · it is the arc's value. */
  readonly aW: Int32Array;
  readonly rStart: Int32Array;
  readonly rStu: Int32Array;
  readonly rW: Int32Array;
  readonly pEnt: Int32Array;
  readonly pCap: Int32Array;
  readonly eCap: Int32Array;
  readonly eStart: Int32Array;
  readonly ePost: Int32Array;
  readonly scale: number;

  // ---- flow and prices (prices of posts, enterprises and T are π = −p: a unit's cost of entering) ----
  readonly pPrice: Float64Array;
  readonly ePrice: Float64Array;
  tPrice = 0;
  /** Flow post → enterprise; holders; flow enterprise → T; flow its posts send an enterprise. */
  readonly pFlow: Int32Array;
  readonly pCnt: Int32Array;
  readonly eFlow: Int32Array;
  readonly eIn: Int32Array;
  /** T's balance: flow in − students (negative: a deficit, positive: a surplus). */
  tBal = 0;
  /** Per student: its price p (below it, it would rather go elsewhere), θ = W(own) − p, its post, its arc. */
  readonly sP: Float64Array;
  readonly sTheta: Float64Array;
  readonly sPost: Int32Array;
  readonly sArc: Int32Array;
  /** Holders of each post: a min-heap on θ (the lowest bidder on top), in one array of segments. */
  readonly hStart: Int32Array;
  readonly hStu: Int32Array;
  readonly sPos: Int32Array;
  /** Students without a post. */
  readonly stack: Int32Array;
  stackTop = 0;
  // each student's KBEST best options at its last full scan (−1: B, −2: none) and the next one's value
  readonly cArc: Int32Array;
  readonly cPost: Int32Array;
  readonly cW: Float64Array;
  readonly cBound: Float64Array;
  private readonly topV = new Float64Array(KBEST + 1);
  private readonly topA = new Int32Array(KBEST + 1);
  // each post's KREV best offers at its last full scan in this reverse half, and the next one's
  readonly rcStu: Int32Array;
  readonly rcW: Float64Array;
  /** The cached offers' values at the scan (or insertion): bounds of their values now, in falling order. */
  readonly rcO: Float64Array;
  readonly rcBound: Float64Array;
  readonly rcStamp: Int32Array;
  /** Per reverse arc its student's price at the last scan of its post, and when that post was last scanned. */
  readonly rP: Float64Array;
  readonly rpStamp: Int32Array;
  rcNow = 0;
  private readonly rtopO = new Float64Array(KREV + 1);
  private readonly rtopT = new Int32Array(KREV + 1);
  private readonly rtopW = new Float64Array(KREV + 1);
  // a queue over posts (0 … nP−1), enterprises (nP + e) and T (nP + nE)
  readonly queue: Int32Array;
  readonly inQueue: Uint8Array;
  // the proof: per student the options within the radius of its best; raises and parents per node
  foStart: Int32Array;
  foArc = new Int32Array(0);
  foPost = new Int32Array(0);
  foVal = new Float64Array(0);
  /** Per student: the value of its own option at the proof's prices. */
  readonly foOwn: Float64Array;
  readonly raise: Float64Array;
  readonly parent: Int32Array;
  readonly parentVia: Int32Array;
  readonly parentStu: Int32Array;
  readonly mark: Int32Array;
  /**
   * The students' prices are stale after a proof: refine() sets them afresh, certify() first (the result
   * does not need them).
   */
  needLevels = false;

  // ---- counters ----
  phases = 0;
  bids = 0;
  reverseBids = 0;
  relabels = 0;
  exchanges = 0;
  provenEarly = false;
  trace: ((line: string) => void) | undefined;

  /** The largest |weight| (scaled) of the scores, which the constructor sets as the arcs' weights. */
  readonly maxScoreW: number;

  /**
   * The network of `inst`: the edges a student can use (to a post and enterprise of capacity > 0, and of
   * score > 0 unless `placeFirst`), weighted by their scores.
   */
  constructor(inst: MatchingInstance, placeFirst: boolean) {
    const nPosts = inst.postIds.length;
    const nEnts = inst.enterpriseIds.length;
    const nStudents = inst.studentIds.length;
    const { edgeStudent, edgePost, edgeScore, postCapacity, postEnterprise, enterpriseCapacity } = inst;
    const m0 = edgeStudent.length;
    // an edge to a post or enterprise of capacity 0 can never be used; one of score ≤ 0 is never worth it
    // unless placing first
    const postOpen = new Uint8Array(nPosts);
    for (let j = 0; j < nPosts; j++)
      postOpen[j] = postCapacity[j]! > 0 && enterpriseCapacity[postEnterprise[j]!]! > 0 ? 1 : 0;
    const minScore = placeFirst ? -Infinity : 1;
    const deg = new Int32Array(nStudents);
    const indeg = new Int32Array(nPosts + 1);
    let m = 0;
    let grouped = true; // the usable edges come grouped by student (the usual order of an instance)
    let last = 0;
    for (let k = 0; k < m0; k++) {
      const j = edgePost[k]!;
      if (postOpen[j] === 1 && edgeScore[k]! >= minScore) {
        const i = edgeStudent[k]!;
        if (i < last) grouped = false;
        last = i;
        deg[i]!++;
        indeg[j]!++;
        m++;
      }
    }
    const netIndex = new Int32Array(nStudents).fill(-1);
    let nS = 0;
    for (let i = 0; i < nStudents; i++) if (deg[i]! > 0) netIndex[i] = nS++;
    this.nS = nS;
    this.studentOf = new Int32Array(nS);
    for (let i = 0; i < nStudents; i++) if (netIndex[i]! >= 0) this.studentOf[netIndex[i]!] = i;
    this.nP = nPosts + 1;
    this.nE = nEnts + 1;
    this.B = nPosts;
    this.EB = nEnts;
    // A student's neighbours are posts, so a simple cycle holds no more students than posts: it has at
    // most min(2·posts, students + posts) + enterprises + 1 (T) nodes, and K exceeds that.
    const scale = Math.min(2 * this.nP, nS + this.nP) + this.nE + 2;
    this.scale = scale;
    // student → arcs, in input order, weighted by the scores
    const aStart = new Int32Array(nS + 1);
    for (let s = 0; s < nS; s++) aStart[s + 1] = aStart[s]! + deg[this.studentOf[s]!]!;
    const aPost = new Int32Array(m);
    const aEdge = new Int32Array(m);
    const aW = new Int32Array(m);
    let maxAbs = 0;
    if (grouped) {
      let a = 0;
      for (let k = 0; k < m0; k++) {
        const j = edgePost[k]!;
        const w = edgeScore[k]!;
        if (postOpen[j] === 1 && w >= minScore) {
          aPost[a] = j;
          aEdge[a] = k;
          aW[a++] = w;
          if (Math.abs(w) > maxAbs) maxAbs = Math.abs(w);
        }
      }
    } else {
      const fill = aStart.slice(0, nS);
      for (let k = 0; k < m0; k++) {
        const j = edgePost[k]!;
        const w = edgeScore[k]!;
        if (postOpen[j] === 1 && w >= minScore) {
          const a = fill[netIndex[edgeStudent[k]!]!]!++;
          aPost[a] = j;
          aEdge[a] = k;
          aW[a] = w;
          if (Math.abs(w) > maxAbs) maxAbs = Math.abs(w);
        }
      }
    }
    this.maxScoreW = maxAbs * scale;
    this.aStart = aStart;
    this.aPost = aPost;
    this.aEdge = aEdge;
    this.aW = aW;
    // post → arcs
    const rStart = new Int32Array(nPosts + 1);
    for (let j = 0; j < nPosts; j++) rStart[j + 1] = rStart[j]! + indeg[j]!;
    const rFill = rStart.slice(0, nPosts);
    const rStu = new Int32Array(m);
    const rW = new Int32Array(m);
    for (let s = 0; s < nS; s++)
      for (let a = aStart[s]!, hi = aStart[s + 1]!; a < hi; a++) {
        const x = rFill[aPost[a]!]!++;
        rStu[x] = s;
        rW[x] = aW[a]!;
      }
    this.rStart = rStart;
    this.rStu = rStu;
    this.rW = rW;
    // posts and enterprises, with B and E_B last
    this.pEnt = new Int32Array(this.nP);
    this.pEnt.set(inst.postEnterprise);
    this.pEnt[this.B] = this.EB;
    this.pCap = new Int32Array(this.nP);
    this.pCap.set(inst.postCapacity);
    this.pCap[this.B] = nS;
    this.eCap = new Int32Array(this.nE);
    this.eCap.set(inst.enterpriseCapacity);
    this.eCap[this.EB] = nS;
    const eStart = new Int32Array(this.nE + 1);
    for (let j = 0; j < this.nP; j++) eStart[this.pEnt[j]! + 1]!++;
    for (let e = 0; e < this.nE; e++) eStart[e + 1]! += eStart[e]!;
    const eFill = eStart.slice(0, this.nE);
    const ePost = new Int32Array(this.nP);
    for (let j = 0; j < this.nP; j++) ePost[eFill[this.pEnt[j]!]!++] = j;
    this.eStart = eStart;
    this.ePost = ePost;
    // a post never holds more than min(capacity, in-degree) + 1 students at once
    const hStart = new Int32Array(this.nP + 1);
    for (let j = 0; j < nPosts; j++) hStart[j + 1] = hStart[j]! + Math.min(this.pCap[j]!, indeg[j]!) + 1;
    hStart[this.nP] = hStart[nPosts]! + nS + 1;
    this.hStart = hStart;
    this.hStu = new Int32Array(hStart[this.nP]!);

    this.pPrice = new Float64Array(this.nP);
    this.ePrice = new Float64Array(this.nE);
    this.pFlow = new Int32Array(this.nP);
    this.pCnt = new Int32Array(this.nP);
    this.eFlow = new Int32Array(this.nE);
    this.eIn = new Int32Array(this.nE);
    this.sP = new Float64Array(nS);
    this.sTheta = new Float64Array(nS);
    this.sPost = new Int32Array(nS);
    this.sArc = new Int32Array(nS);
    this.sPos = new Int32Array(nS);
    this.stack = new Int32Array(nS);
    this.cArc = new Int32Array(nS * KBEST);
    this.cPost = new Int32Array(nS * KBEST);
    this.cW = new Float64Array(nS * KBEST);
    this.cBound = new Float64Array(nS);
    this.rcStu = new Int32Array(this.nP * KREV);
    this.rcW = new Float64Array(this.nP * KREV);
    this.rcO = new Float64Array(this.nP * KREV);
    this.rcBound = new Float64Array(this.nP);
    this.rcStamp = new Int32Array(this.nP);
    this.rP = new Float64Array(this.rW.length);
    this.rpStamp = new Int32Array(this.nP);
    const nodes = this.nP + this.nE + 1;
    this.queue = new Int32Array(nodes + 1);
    this.inQueue = new Uint8Array(nodes);
    this.foStart = new Int32Array(nS + 1);
    this.foOwn = new Float64Array(nS);
    this.raise = new Float64Array(nodes);
    this.parent = new Int32Array(nodes);
    this.parentVia = new Int32Array(nodes);
    this.parentStu = new Int32Array(nodes);
    this.mark = new Int32Array(nodes);
  }

  /** Sets the arc weights (scaled by K): all 1 (`unit`) or the scores; returns the largest |weight|. */
  setWeights(unit: boolean, edgeScore: Int32Array): number {
    const { aW, aEdge, rW, aStart, aPost, rStart, scale } = this;
    if (unit) {
      aW.fill(1);
      rW.fill(1);
      return scale;
    }
    for (let a = 0; a < aW.length; a++) aW[a] = edgeScore[aEdge[a]!]!;
    // the reverse arcs in the constructor's order
    const rFill = rStart.slice(0, rStart.length - 1);
    for (let s = 0; s < this.nS; s++)
      for (let a = aStart[s]!, hi = aStart[s + 1]!; a < hi; a++) rW[rFill[aPost[a]!]!++] = aW[a]!;
    return this.maxScoreW;
  }

  /** Sets the flow (every student on arc `arcOf(s)`, −1 meaning B) and B's capacity; prices to zero. */
  setFlow(arcOf: (s: number) => number, capB: number): void {
    this.pCap[this.B] = capB;
    this.eCap[this.EB] = capB;
    this.pFlow.fill(0);
    this.eFlow.fill(0);
    for (let s = 0; s < this.nS; s++) {
      const a = arcOf(s);
      const j = a < 0 ? this.B : this.aPost[a]!;
      this.sArc[s] = a;
      this.sPost[s] = j;
      this.pFlow[j]!++;
      this.eFlow[this.pEnt[j]!]!++;
    }
    this.pCnt.set(this.pFlow);
    this.eIn.set(this.eFlow);
    this.tBal = 0;
    this.pPrice.fill(0);
    this.ePrice.fill(0);
    this.tPrice = 0;
  }

  // ---- the holders' heaps ----

  private heapUp(base: number, i: number): void {
    const { hStu, sPos, sTheta } = this;
    const s = hStu[i]!;
    const key = sTheta[s]!;
    while (i > base) {
      const parent = base + ((i - base - 1) >> 1);
      const ps = hStu[parent]!;
      if (sTheta[ps]! <= key) break;
      hStu[i] = ps;
      sPos[ps] = i;
      i = parent;
    }
    hStu[i] = s;
    sPos[s] = i;
  }

  private heapDown(base: number, size: number, i: number): void {
    const { hStu, sPos, sTheta } = this;
    const end = base + size;
    const s = hStu[i]!;
    const key = sTheta[s]!;
    for (;;) {
      let c = base + 2 * (i - base) + 1;
      if (c >= end) break;
      if (c + 1 < end && sTheta[hStu[c + 1]!]! < sTheta[hStu[c]!]!) c++;
      const cs = hStu[c]!;
      if (sTheta[cs]! >= key) break;
      hStu[i] = cs;
      sPos[cs] = i;
      i = c;
    }
    hStu[i] = s;
    sPos[s] = i;
  }

  private heapPush(j: number, s: number): void {
    const i = this.hStart[j]! + this.pCnt[j]!++;
    this.hStu[i] = s;
    this.heapUp(this.hStart[j]!, i);
  }

  private heapPopMin(j: number): number {
    const base = this.hStart[j]!;
    const s = this.hStu[base]!;
    const size = --this.pCnt[j]!;
    if (size > 0) {
      this.hStu[base] = this.hStu[base + size]!;
      this.heapDown(base, size, base);
    }
    return s;
  }

  private heapRemove(j: number, s: number): void {
    const base = this.hStart[j]!;
    const i = this.sPos[s]!;
    const last = base + --this.pCnt[j]!;
    if (i === last) return;
    const moved = this.hStu[last]!;
    this.hStu[i] = moved;
    this.sPos[moved] = i;
    if (this.sTheta[moved]! < this.sTheta[s]!) this.heapUp(base, i);
    else this.heapDown(base, this.pCnt[j]!, i);
  }

  private heapify(j: number): void {
    const base = this.hStart[j]!;
    const size = this.pCnt[j]!;
    for (let i = (size >> 1) - 1; i >= 0; i--) this.heapDown(base, size, base + i);
  }

  /** Rebuilds every post's heap from sPost. */
  private rebuildHeaps(): void {
    const { pCnt, hStart, hStu, sPost, sPos, nP } = this;
    pCnt.fill(0);
    for (let s = 0; s < this.nS; s++) {
      const j = sPost[s]!;
      if (j < 0) continue;
      const i = hStart[j]! + pCnt[j]!++;
      hStu[i] = s;
      sPos[s] = i;
    }
    for (let j = 0; j < nP; j++) this.heapify(j);
  }

  // ---- the phases ----

  /** The ε-scaling phases, from ε = maxW / FIRST_DIVISOR down to 1 or until the flow is proven optimal. */
  run(maxW: number, alpha: number): void {
    const K = this.scale; // the arcs' weights are unscaled
    let eps = Math.max(1, maxW);
    let divisor = FIRST_DIVISOR;
    do {
      eps = Math.max(1, Math.floor(eps / divisor));
      divisor = alpha;
      const t0 = performance.now();
      const before = [this.bids, this.reverseBids];
      const left = this.refine(eps);
      this.phases++;
      // below half a score unit the flow is usually optimal already: try to prove it
      const proven = eps > 1 && eps * PROVE_BELOW <= this.scale && this.priceOut(PROVE_RADIUS * eps);
      if (this.trace) {
        let total = 0;
        for (let s = 0; s < this.nS; s++) if (this.sArc[s]! >= 0) total += this.aW[this.sArc[s]!]! * K;
        this.trace(
          `phase ${this.phases}: ε = ${eps}, ${left} students moved, ${this.bids - before[0]!} bids, ${this.reverseBids - before[1]!} reverse bids, total ${total / this.scale}${proven ? ', proven optimal' : ''} (${(performance.now() - t0).toFixed(0)} ms)`,
        );
      }
      if (proven) {
        this.provenEarly = true;
        break;
      }
    } while (eps > 1);
  }

  /** One phase: makes the flow ε-optimal (see the file's head). Returns how many students left their post. */
  private refine(eps: number): number {
    const K = this.scale; // the arcs' weights are unscaled
    const { nS, nP, nE, pEnt, pFlow, pCap, eFlow, eCap, pPrice, ePrice, aW, eIn } = this;
    this.needLevels = false;
    // 1. The tree arcs: each post's and enterprise's price within ε of its parent's, as far as its residual
    //    arcs require.
    const t = this.tPrice;
    for (let e = 0; e < nE; e++) {
      const f = eFlow[e]!;
      let p = ePrice[e]!;
      if (f < eCap[e]! && p > t + eps) p = t;
      if (f > 0 && p < t - eps) p = t;
      ePrice[e] = p;
    }
    for (let j = 0; j < nP; j++) {
      const f = pFlow[j]!;
      const pe = ePrice[pEnt[j]!]!;
      let p = pPrice[j]!;
      if (f < pCap[j]! && p > pe + eps) p = pe;
      if (f > 0 && p < pe - eps) p = pe;
      pPrice[j] = p;
    }
    // 2. The students: one whose post is within 2ε of its best other option stays, its price set to that
    //    option's value less ε; any other leaves. Each gets a fresh cache of its best options.
    const { sP, sTheta, sPost, sArc, cArc, topV } = this;
    this.stackTop = 0;
    for (let s = 0; s < nS; s++) {
      const own = sArc[s]!;
      this.scan(s);
      let best = this.cBound[s]!;
      for (let x = 0; x < KBEST; x++) {
        const a = cArc[s * KBEST + x]!;
        if (a === -2) break;
        if (a !== own) {
          best = topV[x]!;
          break;
        }
      }
      const w = own < 0 ? 0 : aW[own]! * K;
      const vOwn = w - pPrice[sPost[s]!]!;
      sP[s] = best - eps;
      if (vOwn >= best - 2 * eps) sTheta[s] = w - sP[s]!;
      else {
        sPost[s] = -1;
        this.stack[this.stackTop++] = s;
      }
    }
    const left = this.stackTop;
    this.rebuildHeaps();
    // A post that lost students passes the deficit up when its arc up is residual already (or may become
    // so within ε); an enterprise likewise to T. The others keep theirs for the reverse half.
    const { pCnt } = this;
    for (let j = 0; j < nP; j++) {
      const d = pFlow[j]! - pCnt[j]!;
      if (d <= 0) continue;
      const e = pEnt[j]!;
      if (pFlow[j]! < pCap[j]! || pPrice[j]! <= ePrice[e]! + eps) {
        pFlow[j]! -= d;
        eIn[e]! -= d;
      }
    }
    for (let e = 0; e < nE; e++) {
      const d = eFlow[e]! - eIn[e]!;
      if (d <= 0) continue;
      if (eFlow[e]! < eCap[e]! || ePrice[e]! <= this.tPrice + eps) {
        eFlow[e]! -= d;
        this.tBal -= d;
      }
    }
    // 3. The forward half, then the reverse half.
    while (this.stackTop > 0) this.doublePush(this.stack[--this.stackTop]!, eps);
    this.resolveDeficits(eps);
    let maxAbs = Math.abs(this.tPrice);
    for (let j = 0; j < nP; j++) maxAbs = Math.max(maxAbs, Math.abs(pPrice[j]!));
    for (let e = 0; e < nE; e++) maxAbs = Math.max(maxAbs, Math.abs(ePrice[e]!));
    if (maxAbs > EXACT_LIMIT) throw new Error('matching: prices left the range of exact arithmetic');
    return left;
  }

  /** Full scan of student s's options (B included): fills its cache, and topV with the best KBEST + 1. */
  private scan(s: number): void {
    const K = this.scale; // the arcs' weights are unscaled
    const { aStart, aPost, aW, pPrice, topV, topA, cArc, cPost, cW, B } = this;
    topV.fill(-Infinity);
    topA.fill(-2);
    topV[0] = -pPrice[B]!;
    topA[0] = -1;
    for (let a = aStart[s]!, hi = aStart[s + 1]!; a < hi; a++) {
      const v = aW[a]! * K - pPrice[aPost[a]!]!;
      if (!(v > topV[KBEST]!)) continue;
      let i = KBEST;
      while (i > 0 && topV[i - 1]! < v) {
        topV[i] = topV[i - 1]!;
        topA[i] = topA[i - 1]!;
        i--;
      }
      topV[i] = v;
      topA[i] = a;
    }
    const base = s * KBEST;
    for (let x = 0; x < KBEST; x++) {
      const a = topA[x]!;
      cArc[base + x] = a;
      cPost[base + x] = a < 0 ? B : aPost[a]!;
      cW[base + x] = a >= 0 ? aW[a]! * K : a === -1 ? 0 : -Infinity; // an empty slot (−2) is never chosen
    }
    this.cBound[s] = topV[KBEST]!;
  }

  /** Student s (without a post) takes its best option and lowers its price to the second best less ε. */
  private doublePush(s: number, eps: number): void {
    const { pPrice, cArc, cPost, cW } = this;
    let v1 = -Infinity;
    let x1 = 0;
    let v2 = -Infinity;
    const base = s * KBEST;
    for (let x = base, end = base + KBEST; x < end; x++) {
      const v = cW[x]! - pPrice[cPost[x]!]!;
      if (v > v1) {
        v2 = v1;
        v1 = v;
        x1 = x;
      } else if (v > v2) v2 = v;
    }
    // values only fall in this half: while the second best is ≥ the bound, the cache is exact
    if (!(v2 >= this.cBound[s]!)) {
      this.scan(s);
      x1 = base;
      v2 = this.topV[1]!;
    }
    const arc = cArc[x1]!;
    const j = cPost[x1]!; // the cache holds the option's post and weight (B: 0)
    const p = v2 - eps;
    this.sP[s] = p;
    this.sTheta[s] = cW[x1]! - p;
    this.sArc[s] = arc;
    this.sPost[s] = j;
    this.heapPush(j, s);
    this.bids++;
    this.walk(j, eps);
  }

  /** The unit just arrived at post j walks up the tree until absorbed, kept by T, or evicting a student. */
  private walk(j: number, eps: number): void {
    const { pCnt, pFlow, pCap, pEnt, pPrice, ePrice, eFlow, eIn, eCap, eStart, ePost, hStart, hStu, sTheta } =
      this;
    for (;;) {
      // at post j, one unit too many (unless it had lost a student)
      if (pCnt[j]! <= pFlow[j]!) return;
      const e = pEnt[j]!;
      const cE = pFlow[j]! < pCap[j]! ? ePrice[e]! : Infinity;
      const cH = sTheta[hStu[hStart[j]!]!]!;
      if (cH < cE) {
        // evict the lowest bidder (relabelling first if no arc is admissible)
        if (!(cH < pPrice[j]!)) {
          pPrice[j] = cH + eps;
          this.relabels++;
        }
        const out = this.heapPopMin(j);
        this.sPost[out] = -1;
        this.stack[this.stackTop++] = out;
        return;
      }
      if (!(cE < pPrice[j]!)) {
        pPrice[j] = cE + eps;
        this.relabels++;
      }
      pFlow[j]!++;
      if (eIn[e]!++ < eFlow[e]!) return; // the enterprise had a deficit: absorbed
      // at enterprise e, one unit too many: up to T if it has room, else down to its cheapest post with flow
      const cT = eFlow[e]! < eCap[e]! ? this.tPrice : Infinity;
      let cJ = Infinity;
      let down = -1;
      for (let x = eStart[e]!, hi = eStart[e + 1]!; x < hi; x++) {
        const jj = ePost[x]!;
        if (pFlow[jj]! > 0 && pPrice[jj]! < cJ) {
          cJ = pPrice[jj]!;
          down = jj;
        }
      }
      if (cT <= cJ) {
        if (!(cT < ePrice[e]!)) {
          ePrice[e] = cT + eps;
          this.relabels++;
        }
        eFlow[e]!++;
        this.tBal++; // T keeps it: the deficits left at the start draw on it in the reverse half
        return;
      }
      if (!(cJ < ePrice[e]!)) {
        ePrice[e] = cJ + eps;
        this.relabels++;
      }
      pFlow[down]!--;
      eIn[e]!--;
      j = down;
    }
  }

  /**
   * The reverse half: every post or enterprise short of flow pulls a unit in — a post from the student
   * offering the most for it (or from its enterprise), an enterprise from T or one of its posts with room
   * — relabelling first when no offer beats its price; a deficit whose arcs up are free goes straight to
   * T, which never pulls back. Only deficits move and prices only fall, so this ends.
   */
  private resolveDeficits(eps: number): void {
    const { nP, nE, nS, pCnt, pFlow, pCap, pEnt, pPrice, ePrice, eIn, eFlow, eCap, eStart, ePost } = this;
    const { queue, inQueue, sP, sTheta, sPost } = this;
    let deficits = 0;
    for (let j = 0; j < nP; j++) if (pCnt[j]! < pFlow[j]!) deficits++;
    for (let e = 0; e < nE; e++) if (eIn[e]! < eFlow[e]!) deficits++;
    if (deficits === 0) return;
    this.rcNow++;
    // A student's price was set as a bid (its second best): below what it has where it is, which would
    // overstate what it offers elsewhere. Raise each to its value where it is — prices only rise in this
    // half, and the arc back from its post stays ε-optimal; the next phase sets them afresh anyway.
    for (let t = 0; t < nS; t++) {
      const pt = pPrice[sPost[t]!]!; // its value there is θ + p − pt (θ + p: its own weight)
      if (sTheta[t]! > pt) {
        sP[t] = sTheta[t]! + sP[t]! - pt;
        sTheta[t] = pt;
      }
    }
    this.rebuildHeaps();
    const Q = queue.length;
    let head = 0;
    let tail = 0;
    const push = (x: number) => {
      if (inQueue[x]) return;
      inQueue[x] = 1;
      queue[tail] = x;
      tail = tail + 1 === Q ? 0 : tail + 1;
    };
    for (let j = 0; j < nP; j++) if (pCnt[j]! < pFlow[j]!) push(j);
    for (let e = 0; e < nE; e++) if (eIn[e]! < eFlow[e]!) push(nP + e);
    while (head !== tail) {
      const x = queue[head]!;
      head = head + 1 === Q ? 0 : head + 1;
      inQueue[x] = 0;
      if (x < nP) {
        const e = pEnt[x]!;
        while (pCnt[x]! < pFlow[x]!) {
          if (
            (pFlow[x]! < pCap[x]! || pPrice[x]! <= ePrice[e]! + eps) &&
            (eFlow[e]! < eCap[e]! || ePrice[e]! <= this.tPrice + eps)
          ) {
            const d = pFlow[x]! - pCnt[x]!;
            pFlow[x]! -= d;
            eIn[e]! -= d;
            eFlow[e]! -= d;
            this.tBal -= d;
            break;
          }
          const from = this.reverseBid(x, eps);
          if (from >= 0 && pCnt[from]! < pFlow[from]!) push(from);
          else if (from === -2 && eIn[e]! < eFlow[e]!) push(nP + e);
        }
      } else {
        const e = x - nP;
        while (eIn[e]! < eFlow[e]!) {
          if (eFlow[e]! < eCap[e]! || ePrice[e]! <= this.tPrice + eps) {
            const d = eFlow[e]! - eIn[e]!;
            eFlow[e]! -= d;
            this.tBal -= d;
            break;
          }
          // pull from T or from one of its posts with room: the best offer is the highest price
          let best = eFlow[e]! > 0 ? this.tPrice : -Infinity;
          let bestJ = -1;
          let second = -Infinity;
          for (let y = eStart[e]!, hi = eStart[e + 1]!; y < hi; y++) {
            const j = ePost[y]!;
            if (pFlow[j]! >= pCap[j]!) continue;
            const offer = pPrice[j]!;
            if (offer > best) {
              second = best;
              best = offer;
              bestJ = j;
            } else if (offer > second) second = offer;
          }
          let stays: boolean;
          if (bestJ < 0) {
            eFlow[e]!--;
            this.tBal--;
            stays = eFlow[e]! > 0;
          } else {
            pFlow[bestJ]!++;
            eIn[e]!++;
            push(bestJ);
            stays = pFlow[bestJ]! < pCap[bestJ]!;
          }
          // just under the best offer while its arc stays residual, else just under the second
          ePrice[e] = Math.min(ePrice[e]!, (stays || second === -Infinity ? best : second) - eps);
          this.relabels++;
        }
      }
    }
  }

  /**
   * Post a (short of a student, its arcs up not free) pulls one unit: from the student whose offer
   * W − p is highest, or from its enterprise when that one's price is the best offer. Returns the post
   * the student left (short now), −2 when the enterprise gave, −1 when the student stayed (its price rose).
   */
  private reverseBid(a: number, eps: number): number {
    const K = this.scale; // the arcs' weights are unscaled
    const { pPrice, ePrice, pEnt, rStart, rStu, rW, sP, sPost, B, nS, rcStu, rcW, rcO } = this;
    const e = pEnt[a]!;
    let best = ePrice[e]!; // the enterprise's offer: taking back a unit of this post's flow
    let bestT = -1;
    let bestW = 0;
    let second = -Infinity;
    this.reverseBids++;
    if (a === B) {
      for (let t = 0; t < nS; t++) {
        if (sPost[t] === a) continue;
        const offer = -sP[t]!;
        if (offer > best) {
          second = best;
          best = offer;
          bestT = t;
          bestW = 0;
        } else if (offer > second) second = offer;
      }
    } else {
      const base = a * KREV;
      let cached = false;
      if (this.rcStamp[a] === this.rcNow) {
        let b1 = best;
        let t1 = -1;
        let w1 = 0;
        let b2 = -Infinity;
        for (let x = base; x < base + KREV; x++) {
          // an entry's offer is at most its recorded one, and those fall: none further beats b2
          if (!(rcO[x]! > b2)) break;
          const t = rcStu[x]!;
          if (sPost[t] === a) continue;
          const offer = rcW[x]! - sP[t]!;
          if (offer > b1) {
            b2 = b1;
            b1 = offer;
            t1 = t;
            w1 = rcW[x]!;
          } else if (offer > b2) b2 = offer;
        }
        // offers only fall in this half: while the second is ≥ the bound, the best two are cached
        if (b2 >= this.rcBound[a]!) {
          cached = true;
          best = b1;
          bestT = t1;
          bestW = w1;
          second = b2;
        }
      }
      if (!cached) {
        const { rtopO, rtopT, rtopW } = this;
        rtopO.fill(-Infinity);
        rtopT.fill(-1);
        // After a first full scan in this half, the students' prices it read bound their prices now from
        // below (they only rise here), so a student whose offer by that price cannot make the list is
        // passed over without reading its price.
        const { rP } = this;
        const snap = this.rpStamp[a] === this.rcNow;
        this.rpStamp[a] = this.rcNow;
        for (let x = rStart[a]!, hi = rStart[a + 1]!; x < hi; x++) {
          const w = rW[x]! * K;
          if (snap && !(w - rP[x]! > rtopO[KREV]!)) continue;
          const t = rStu[x]!;
          const p = sP[t]!;
          rP[x] = p;
          const offer = w - p;
          if (!(offer > rtopO[KREV]!) || sPost[t] === a) continue; // (holders of a do not offer)
          let i = KREV;
          while (i > 0 && rtopO[i - 1]! < offer) {
            rtopO[i] = rtopO[i - 1]!;
            rtopT[i] = rtopT[i - 1]!;
            rtopW[i] = rtopW[i - 1]!;
            i--;
          }
          rtopO[i] = offer;
          rtopT[i] = t;
          rtopW[i] = w;
        }
        for (let x = 0; x < KREV; x++) {
          rcStu[base + x] = rtopT[x]!;
          rcW[base + x] = rtopW[x]!;
          rcO[base + x] = rtopO[x]!;
        }
        this.rcBound[a] = rtopO[KREV]!;
        this.rcStamp[a] = this.rcNow;
        for (let x = 0; x < 2; x++) {
          const offer = rtopO[x]!;
          if (offer > best) {
            second = best;
            best = offer;
            bestT = rtopT[x]!;
            bestW = rtopW[x]!;
          } else if (offer > second) second = offer;
        }
      }
    }
    if (bestT < 0) {
      // the enterprise offers most: take back a unit of flow; the price goes just under its offer while
      // that arc stays residual, else just under the best student's
      this.pFlow[a]!--;
      this.eIn[e]!--;
      pPrice[a] = Math.min(pPrice[a]!, (this.pFlow[a]! > 0 || second === -Infinity ? best : second) - eps);
      this.refreshHolders(a);
      return -2;
    }
    // The generic steps: a relabels if no offer beats its price; t is pulled in; t, now short, takes its
    // unit back from its old post b if that arc is admissible, else relabels (its price rises to the lower
    // of its two values + ε) and gives up the worse of the two posts.
    if (best <= pPrice[a]!) pPrice[a] = best - eps;
    const t = bestT;
    const b = sPost[t]!;
    const wB = this.sTheta[t]! + sP[t]!; // its own weight (θ + p, as in refreshHolders)
    const vB = wB - pPrice[b]!;
    const vA = bestW - pPrice[a]!;
    if (vB >= sP[t]!) {
      if (vB > vA) {
        // t keeps b: its price rises, so that it no longer offers this much for a
        sP[t] = Math.max(sP[t]!, vA + eps);
        this.sTheta[t] = wB - sP[t]!;
        this.heapUp(this.hStart[b]!, this.sPos[t]!);
        this.refreshHolders(a);
        return -1;
      }
      sP[t] = vB + eps;
    }
    // t moves from b to a; a, complete again, lowers its price to the second offer (t's arc is full)
    this.heapRemove(b, t);
    sPost[t] = a;
    this.rcInsert(b, t, wB);
    let arc = -1;
    if (a !== B)
      for (let x = this.aStart[t]!, hi = this.aStart[t + 1]!; x < hi; x++)
        if (this.aPost[x] === a) {
          arc = x;
          break;
        }
    this.sArc[t] = arc;
    this.sTheta[t] = bestW - sP[t]!;
    this.heapPush(a, t);
    if (second !== -Infinity) pPrice[a] = Math.min(pPrice[a]!, second - eps);
    this.refreshHolders(a);
    return b;
  }

  /** After post a's price fell its holders' values rose: raise their prices to match (resolveDeficits). */
  private refreshHolders(a: number): void {
    if (a === this.B) return; // it may hold many, and its price seldom falls here
    const { hStart, hStu, pCnt, sP, sTheta, pPrice } = this;
    const base = hStart[a]!;
    const pa = pPrice[a]!;
    let changed = false;
    for (let h = base, end = base + pCnt[a]!; h < end; h++) {
      const t = hStu[h]!;
      // a holder's θ + p is its own weight (exact: integers below 2^51), which spares reading the arc
      if (sTheta[t]! > pa) {
        sP[t] = sTheta[t]! + sP[t]! - pa;
        sTheta[t] = pa;
        changed = true;
      }
    }
    if (changed) this.heapify(a);
  }

  /**
   * Student t (weight w at post b) just left b, so it offers for b again: keep b's offer cache exact. The
   * entries stay in falling order of their recorded offers; one pushed out raises the bound on the offers
   * not cached to its recorded offer (a bound of its offer now).
   */
  private rcInsert(b: number, t: number, w: number): void {
    if (b === this.B || this.rcStamp[b] !== this.rcNow) return;
    const base = b * KREV;
    const { rcStu, rcW, rcO } = this;
    const offer = w - this.sP[t]!;
    let x = base + KREV - 1;
    if (!(offer > rcO[x]!)) {
      if (offer > this.rcBound[b]!) this.rcBound[b] = offer;
      return;
    }
    if (rcO[x]! > this.rcBound[b]!) this.rcBound[b] = rcO[x]!;
    for (; x > base && rcO[x - 1]! < offer; x--) {
      rcStu[x] = rcStu[x - 1]!;
      rcW[x] = rcW[x - 1]!;
      rcO[x] = rcO[x - 1]!;
    }
    rcStu[x] = t;
    rcW[x] = w;
    rcO[x] = offer;
  }

  // ---- the proof ----

  /**
   * Tries to prove the current flow optimal: raises the prices of posts, enterprises and T to an exact
   * equilibrium — every student on one of its best options, a post with room priced at most its
   * enterprise and one with students at least, alike between enterprises and T. Each is a constraint
   * "price(y) ≥ price(x) + L"; raises satisfying them all exist exactly when the flow is optimal, and
   * the least are longest paths, found by label correcting from zero. Only the constraints with slack
   * under `radius` are built (per student: its options within `radius` of its best); while no raise
   * exceeds the radius the others cannot bind. On failure the prices are unchanged (the exchanges made
   * are kept: each raised the total).
   */
  private priceOut(radius: number): boolean {
    const K = this.scale; // the arcs' weights are unscaled
    const { nS, nP, nE, B, pPrice, aStart, aPost, aW, sArc, sPost, foStart } = this;
    let n = 0;
    let cap = this.foArc.length;
    for (let s = 0; s < nS; s++) {
      const own = sArc[s]!;
      const lo = aStart[s]!;
      const hi = aStart[s + 1]!;
      let best = -pPrice[B]!;
      for (let x = lo; x < hi; x++) best = Math.max(best, aW[x]! * K - pPrice[aPost[x]!]!);
      const vOwn = (own < 0 ? 0 : aW[own]! * K) - pPrice[sPost[s]!]!;
      if (vOwn < best - radius) return false; // it would need a raise beyond the radius
      if (n + hi - lo + 1 > cap) {
        cap = Math.max(2 * cap, n + hi - lo + 1, 1024);
        const arc = new Int32Array(cap);
        arc.set(this.foArc.subarray(0, n));
        const post = new Int32Array(cap);
        post.set(this.foPost.subarray(0, n));
        const val = new Float64Array(cap);
        val.set(this.foVal.subarray(0, n));
        this.foArc = arc;
        this.foPost = post;
        this.foVal = val;
      }
      const { foArc, foPost, foVal } = this;
      foStart[s] = n;
      this.foOwn[s] = vOwn;
      const floor = best - radius;
      if (own < 0 || -pPrice[B]! >= floor) {
        foArc[n] = -1;
        foPost[n] = B;
        foVal[n++] = -pPrice[B]!;
      }
      for (let x = lo; x < hi; x++) {
        const v = aW[x]! * K - pPrice[aPost[x]!]!;
        if (v >= floor || x === own) {
          foArc[n] = x;
          foPost[n] = aPost[x]!;
          foVal[n++] = v;
        }
      }
    }
    foStart[nS] = n;
    return this.labelCorrect(radius, 16 * (n + nP + nE + nS));
  }

  /**
   * Label correcting over posts (0 … nP−1), enterprises (nP + e) and T (nP + nE). A node's parent is the
   * node whose raise last lifted it (via a student's filter entry, or −1 for a tree arc). Every so often
   * the parent graph is searched for a cycle: one whose arcs are all still residual raises the total, so
   * the flow moves around it and its nodes are queued again, the raises kept (any raises that meet every
   * constraint within the radius prove optimality, not only the least).
   */
  private labelCorrect(radius: number, budget: number): boolean {
    const K = this.scale; // the arcs' weights are unscaled
    const { nP, nE, pPrice, ePrice, pFlow, pCap, pCnt, pEnt, eFlow, eCap, eStart, ePost, queue, inQueue } =
      this;
    const { hStart, hStu, sArc, sPost, aW, foStart, foArc, foPost, foVal, foOwn } = this;
    const { raise, parent, parentVia, parentStu, mark } = this;
    const T = nP + nE;
    raise.fill(0);
    parent.fill(-1);
    const Q = queue.length;
    let head = 0;
    let tail = 0;
    const push = (x: number) => {
      if (inQueue[x]) return;
      inQueue[x] = 1;
      queue[tail] = x;
      tail = tail + 1 === Q ? 0 : tail + 1;
    };
    for (let x = 0; x <= T; x++) push(x);
    let failed = false;
    let work = 0;
    let sinceCheck = 0;
    let exchanges = 0;
    const lift = (y: number, r: number, from: number, via: number, stu: number) => {
      if (r <= raise[y]!) return;
      if (r > radius) failed = true;
      raise[y] = r;
      parent[y] = from;
      parentVia[y] = via;
      parentStu[y] = stu;
      sinceCheck++;
      push(y);
    };
    /** A node on a cycle of the parent graph (each node has at most one parent), or −1. */
    const findCycle = (): number => {
      mark.fill(0);
      let walk = 0;
      for (let x = 0; x <= T; x++) {
        if (mark[x] !== 0) continue;
        walk++;
        let y = x;
        while (y >= 0 && mark[y] === 0) {
          mark[y] = walk;
          y = parent[y]!;
        }
        if (y >= 0 && mark[y] === walk) return y;
      }
      return -1;
    };
    /**
     * Carries out the exchange around the cycle through `start` if its arcs are all residual and it gains;
     * otherwise breaks the cycle (a parent pointer gone stale, or a cycle of zero gain).
     */
    const tryCycle = (start: number): void => {
      let gain = 0;
      let y = start;
      do {
        const x = parent[y]!;
        const via = parentVia[y]!;
        let residual: boolean;
        if (via >= 0) {
          const t = parentStu[y]!;
          residual = sPost[t] === x;
          if (residual) {
            const own = sArc[t]!;
            gain += (foArc[via]! < 0 ? 0 : aW[foArc[via]!]! * K) - (own < 0 ? 0 : aW[own]! * K);
          }
        } else if (x < nP)
          residual = pFlow[x]! < pCap[x]!; // post → its enterprise
        else if (x < T) residual = y < nP ? pFlow[y]! > 0 : eFlow[x - nP]! < eCap[x - nP]!;
        else residual = eFlow[y - nP]! > 0; // T → enterprise
        if (!residual) {
          parent[y] = -1;
          return;
        }
        y = x;
      } while (y !== start);
      if (!(gain > 0)) {
        parent[start] = -1;
        return;
      }
      this.exchange(start);
      y = start;
      do {
        push(y);
        const x = parent[y]!;
        parent[y] = -1;
        y = x;
      } while (y !== start && y >= 0);
      exchanges++;
    };
    let proven = true;
    for (;;) {
      if (head === tail) {
        // converged, unless a cycle of parents remains (each round exchanges or breaks one)
        const c = findCycle();
        if (c < 0) break;
        tryCycle(c);
        if (exchanges > MAX_EXCHANGES) {
          proven = false;
          break;
        }
        continue;
      }
      if (failed || work > budget || exchanges > MAX_EXCHANGES) {
        proven = false;
        break;
      }
      if (sinceCheck > T + 1) {
        sinceCheck = 0;
        work += T + 1;
        const c = findCycle();
        if (c >= 0) tryCycle(c);
      }
      const x = queue[head]!;
      head = head + 1 === Q ? 0 : head + 1;
      inQueue[x] = 0;
      const r = raise[x]!;
      if (x < nP) {
        for (let h = hStart[x]!, end = h + pCnt[x]!; h < end; h++) {
          const t = hStu[h]!;
          const base = r - foOwn[t]!;
          for (let o = foStart[t]!, hi = foStart[t + 1]!; o < hi; o++) {
            const k = foPost[o]!;
            if (k !== x) lift(k, base + foVal[o]!, x, o, t);
          }
          work += foStart[t + 1]! - foStart[t]! + 1;
        }
        if (pFlow[x]! < pCap[x]!) {
          const e = pEnt[x]!;
          lift(nP + e, r + pPrice[x]! - ePrice[e]!, x, -1, -1);
        }
      } else if (x < T) {
        const e = x - nP;
        const pe = ePrice[e]! + r;
        for (let y = eStart[e]!, hi = eStart[e + 1]!; y < hi; y++) {
          const j = ePost[y]!;
          if (pFlow[j]! > 0) lift(j, pe - pPrice[j]!, x, -1, -1);
        }
        work += eStart[e + 1]! - eStart[e]! + 1;
        if (eFlow[e]! < eCap[e]!) lift(T, pe - this.tPrice, x, -1, -1);
      } else {
        const pt = this.tPrice + r;
        for (let e = 0; e < nE; e++) if (eFlow[e]! > 0) lift(nP + e, pt - ePrice[e]!, x, -1, -1);
        work += nE;
      }
    }
    while (head !== tail) {
      inQueue[queue[head]!] = 0;
      head = head + 1 === Q ? 0 : head + 1;
    }
    if (!proven) return false;
    for (let j = 0; j < nP; j++) pPrice[j]! += raise[j]!;
    for (let e = 0; e < nE; e++) ePrice[e]! += raise[nP + e]!;
    this.tPrice += raise[T]!;
    this.needLevels = true;
    return true;
  }

  /** Moves one unit of flow around the parent cycle through `start`: its students change posts. */
  private exchange(start: number): void {
    const {
      nP,
      nE,
      parent,
      parentVia,
      parentStu,
      foArc,
      pFlow,
      pCnt,
      eFlow,
      eIn,
      hStart,
      hStu,
      sPos,
      sArc,
      sPost,
    } = this;
    const T = nP + nE;
    const nodes: number[] = [];
    let y = start;
    do {
      nodes.push(y);
      y = parent[y]!;
    } while (y !== start);
    for (const to of nodes) {
      const from = parent[to]!;
      const via = parentVia[to]!;
      if (via >= 0) {
        // its student leaves post `from` for post `to` (the heaps' order no longer matters here)
        const t = parentStu[to]!;
        const last = hStart[from]! + --pCnt[from]!;
        const i = sPos[t]!;
        if (i !== last) {
          const moved = hStu[last]!;
          hStu[i] = moved;
          sPos[moved] = i;
        }
        const at = hStart[to]! + pCnt[to]!++;
        hStu[at] = t;
        sPos[t] = at;
        const arc = foArc[via]!;
        this.foOwn[t] = this.foVal[via]!;
        sArc[t] = arc;
        sPost[t] = arc < 0 ? this.B : this.aPost[arc]!;
      } else if (from < nP) {
        pFlow[from]!++; // post → its enterprise
        eIn[to - nP]!++;
      } else if (from < T && to < nP) {
        pFlow[to]!--; // enterprise → one of its posts
        eIn[from - nP]!--;
      } else if (from < T) {
        eFlow[from - nP]!++; // enterprise → T
        this.tBal++;
      } else {
        eFlow[to - nP]!--; // T → enterprise
        this.tBal--;
      }
    }
    this.exchanges++;
  }

  /** Sets every student's price between its best other option and its own (after a proof). */
  private setStudentLevels(): void {
    const K = this.scale; // the arcs' weights are unscaled
    const { nS, sArc, sPost, aStart, aPost, aW, pPrice, sP, sTheta, B } = this;
    for (let s = 0; s < nS; s++) {
      const own = sArc[s]!;
      let best = own < 0 ? -Infinity : -pPrice[B]!;
      for (let a = aStart[s]!, hi = aStart[s + 1]!; a < hi; a++)
        if (a !== own) best = Math.max(best, aW[a]! * K - pPrice[aPost[a]!]!);
      const w = own < 0 ? 0 : aW[own]! * K;
      sP[s] = Math.min(best, w - pPrice[sPost[s]!]!);
      sTheta[s] = w - sP[s]!;
    }
    this.needLevels = false;
  }

  /**
   * Checks, independently of how the flow was found, that it is feasible and 1-optimal in scaled units for
   * the current prices (every residual arc's reduced cost ≥ −1), which with K beyond the longest cycle
   * proves it optimal.
   */
  certify(): boolean {
    if (this.needLevels) this.setStudentLevels();
    const K = this.scale; // the arcs' weights are unscaled
    const {
      nS,
      nP,
      nE,
      aStart,
      aPost,
      aW,
      pPrice,
      ePrice,
      pEnt,
      pFlow,
      pCap,
      eFlow,
      eCap,
      sP,
      sArc,
      sPost,
      B,
    } = this;
    const count = new Int32Array(nP);
    for (let s = 0; s < nS; s++) {
      const own = sArc[s]!;
      const j = sPost[s]!;
      if (j < 0 || (own < 0 ? j !== B : aPost[own] !== j)) return false;
      count[j]!++;
      const p = sP[s]!;
      // residual arcs out of s: every option but its own; into s: from its own post
      if (own >= 0 && p + pPrice[B]! < -1) return false;
      for (let a = aStart[s]!; a < aStart[s + 1]!; a++)
        if (a !== own && p - (aW[a]! * K - pPrice[aPost[a]!]!) < -1) return false;
      if ((own < 0 ? 0 : aW[own]! * K) - pPrice[j]! - p < -1) return false;
    }
    const entIn = new Int32Array(nE);
    for (let j = 0; j < nP; j++) {
      if (count[j] !== pFlow[j] || pFlow[j]! > pCap[j]! || pFlow[j]! < 0) return false;
      const e = pEnt[j]!;
      entIn[e]! += pFlow[j]!;
      if (pFlow[j]! < pCap[j]! && ePrice[e]! - pPrice[j]! < -1) return false;
      if (pFlow[j]! > 0 && pPrice[j]! - ePrice[e]! < -1) return false;
    }
    let total = 0;
    for (let e = 0; e < nE; e++) {
      if (entIn[e] !== eFlow[e] || eFlow[e]! > eCap[e]!) return false;
      total += eFlow[e]!;
      if (eFlow[e]! < eCap[e]! && this.tPrice - ePrice[e]! < -1) return false;
      if (eFlow[e]! > 0 && ePrice[e]! - this.tPrice < -1) return false;
    }
    return total === nS;
  }
}

/** The optimal placement (see the file's head). */
export function solveOptimal(inst: MatchingInstance, opts: OptimalOptions = {}): OptimalResult {
  const alpha = Math.max(2, opts.alpha ?? DEFAULT_ALPHA);
  const placeFirst = !!opts.placeFirst;
  const { edgeScore } = inst;
  const cs = new CostScaling(inst, placeFirst);
  cs.trace = opts.trace;
  let maxPlaceable: number | undefined;
  if (placeFirst) {
    const maxW1 = cs.setWeights(true, edgeScore);
    cs.setFlow(() => -1, cs.nS);
    cs.run(maxW1, alpha);
    maxPlaceable = cs.nS - cs.pFlow[cs.B]!;
    const arcs = cs.sArc.slice();
    const maxW = cs.setWeights(false, edgeScore);
    cs.setFlow((s) => arcs[s]!, cs.nS - maxPlaceable);
    cs.run(maxW, alpha);
  } else {
    // the constructor weighed the arcs by the scores
    cs.setFlow(() => -1, cs.nS);
    cs.run(cs.maxScoreW, alpha);
  }
  const stats: OptimalStats = {
    phases: cs.phases,
    bids: cs.bids,
    reverseBids: cs.reverseBids,
    relabels: cs.relabels,
    exchanges: cs.exchanges,
    provenEarly: cs.provenEarly,
    scale: cs.scale,
  };
  if (maxPlaceable !== undefined) stats.maxPlaceable = maxPlaceable;
  if (opts.verify) stats.certified = cs.certify();

  const studentEdge = new Int32Array(inst.studentIds.length).fill(-1);
  let objective = 0;
  let placed = 0;
  for (let s = 0; s < cs.nS; s++) {
    const a = cs.sArc[s]!;
    if (a < 0) continue;
    const k = cs.aEdge[a]!;
    studentEdge[cs.studentOf[s]!] = k;
    objective += edgeScore[k]!;
    placed++;
  }
  return { studentEdge, objective, placed, stats };
}
